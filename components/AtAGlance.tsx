import { formatInstant, formatMoney } from '@/lib/format';
import type { AtStake } from '@/lib/protocol/messages';
import { useUi } from './ui-context';

/**
 * The popup's top line: the money the buyer may lose in the orders that need them now, and the
 * first date to act by ("$123.45 in 3 orders needs you; first by Dec 5, 2026"), or that the first
 * is now when a card's date of the buyer's has passed. Sums in different currencies are listed
 * side by side, never added.
 */
export function AtAGlance({ stake }: { stake: AtStake }) {
  const { t, locale, zone } = useUi();
  if (stake.orders === 0) return <p class="glance glance-calm">{t('glance_none')}</p>;
  const money = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    stake.totals.map((m) => formatMoney(m, locale)),
  );
  const one = stake.orders === 1;
  const what = money
    ? t(one ? 'glance_money_one' : 'glance_money_many', { money, count: stake.orders })
    : t(one ? 'glance_count_one' : 'glance_count_many', { count: stake.orders });
  // A card's passed date of the buyer's wins over any later one (lib/background/dashboard.ts).
  const first = stake.dueNow
    ? t('glance_first_now')
    : stake.firstBy
      ? t('glance_first_by', { date: formatInstant(stake.firstBy, locale, zone, false) })
      : null;
  return (
    <p class="glance">
      <strong>{what}</strong>
      {first ? (
        <span>
          {t('glance_separator')}
          {first}
        </span>
      ) : null}
    </p>
  );
}
