import { useState } from 'preact/hooks';
import { formatInstant } from '@/lib/format';
import type { OrderView } from '@/lib/protocol/messages';
import type { OrderActions } from './order-actions';
import { useUi } from './ui-context';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` calendar days. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * "Snooze until…" for the order's headline warning: hidden until the chosen day, back by itself
 * then, at once if it becomes more urgent, and a day before its deadline at the latest
 * (lib/rules/snooze.ts). The order's snoozes still running are listed with a way to wake each.
 */
export function Snooze({
  view,
  title,
  today,
  now,
  onSnooze,
}: {
  view: OrderView;
  title: string;
  now: Date;
  /** The buyer's calendar date (YYYY-MM-DD). */
  today: string;
  onSnooze: OrderActions['snoozeAlert'];
}) {
  const { t, locale, zone } = useUi();
  const { order } = view.facts;
  // A warning within a day of its deadline (or past it) cannot be snoozed: it would come back at once.
  const h = view.assessment.headline;
  const headline =
    h && (h.deadlineAt === null || Date.parse(h.deadlineAt) - DAY_MS > now.getTime()) ? h : null;
  const [picking, setPicking] = useState(false);
  const [until, setUntil] = useState(() => addDays(today, 3));
  const [failed, setFailed] = useState(false);
  // Only what the rules hide now, with when it really comes back (a snooze ends a day before
  // its deadline at the latest, and at once when the warning escalates).
  const running = view.assessment.snoozed;
  if (!headline && running.length === 0) return null;

  async function act(alert: { id: string; severity: 'urgent' | 'soon' | 'info' }, day: string | null) {
    const kept = await onSnooze(order.id, alert, day);
    setFailed(!kept);
    if (kept) setPicking(false);
  }

  return (
    <div class="snooze">
      {running.map((s) => (
        <p key={s.alertId} class="muted">
          {t('snooze_running', { date: formatInstant(s.endsAt, locale, zone, false) })}{' '}
          <button
            type="button"
            class="link"
            aria-label={`${t('snooze_wake')}: ${title}`}
            onClick={() => act({ id: s.alertId, severity: s.severity }, null)}
          >
            {t('snooze_wake')}
          </button>
        </p>
      ))}
      {headline && !picking ? (
        <button type="button" aria-label={`${t('snooze_button')}: ${title}`} onClick={() => setPicking(true)}>
          {t('snooze_button')}
        </button>
      ) : null}
      {headline && picking ? (
        <form
          class="snooze-form"
          onKeyDown={(e) => {
            // Escape closes what is open: this picker first.
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setPicking(false);
          }}
          onSubmit={(e) => {
            e.preventDefault();
            if (until > today) act(headline, until);
          }}
        >
          <label>
            {t('snooze_until_label')}{' '}
            <input
              type="date"
              min={addDays(today, 1)}
              value={until}
              required
              onInput={(e) => setUntil(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" aria-label={`${t('snooze_confirm')}: ${title}`}>
            {t('snooze_confirm')}
          </button>{' '}
          <button type="button" onClick={() => setPicking(false)}>
            {t('snooze_cancel')}
          </button>
          <p class="hint">{t('snooze_hint')}</p>
        </form>
      ) : null}
      {failed ? (
        <p role="alert" class="warning">
          {t('received_error')}
        </p>
      ) : null}
    </div>
  );
}
