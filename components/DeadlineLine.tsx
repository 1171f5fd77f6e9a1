import { formatCountdown, formatInstant, formatIsoDate } from '@/lib/format';
import type { Deadline } from '@/lib/rules';
import { useUi } from './ui-context';

/** One deadline: what closes, in how long, when exactly, and whether the page said so. */
export function DeadlineLine({ deadline, now }: { deadline: Deadline; now: Date }) {
  const { t, locale, zone } = useUi();
  const passed = Date.parse(deadline.at) <= now.getTime();
  const date = formatInstant(deadline.at, locale, zone);
  // "ended on Nov 29", "overdue since Nov 14" once passed; "ends in 3 days (Dec 2, 11:00)" before.
  return (
    <span class="deadline-line">
      {passed ? (
        <strong>{t(`deadline_${deadline.kind}_past`, { date })}</strong>
      ) : (
        <>
          <strong>{t(`deadline_${deadline.kind}`)}</strong>{' '}
          <span class="countdown">{formatCountdown(deadline.at, now, locale)}</span>{' '}
          <span class="absolute">({date})</span>
        </>
      )}{' '}
      <span class={`source source-${deadline.source}`}>
        {deadline.shownOn
          ? t('deadline_aliexpress_date', { date: formatIsoDate(deadline.shownOn, locale) })
          : deadline.source === 'page'
            ? t('source_page')
            : t('source_estimate')}
      </span>
    </span>
  );
}
