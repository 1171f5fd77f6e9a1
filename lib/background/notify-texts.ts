/**
 * Notification wording: which order, what closes, when, in the buyer's time and language.
 */
import { formatCountdown, formatInstant } from '../format';
import type { Translate } from '../i18n';
import type { OrderFacts } from '../schema/model';
import type { PlannedReminder } from './reminders';

export interface NotificationText {
  title: string;
  message: string;
}

export interface TextContext {
  t: Translate;
  locale: string;
  zone: string;
  now: Date;
}

function orderName(facts: OrderFacts | undefined, orderId: string, t: Translate): string {
  const title = facts?.order.lines?.[0]?.title;
  return title
    ? t('notify_order', { title: title.slice(0, 60), id: orderId })
    : t('order_label', { id: orderId });
}

export function reminderText(
  r: PlannedReminder,
  facts: OrderFacts | undefined,
  c: TextContext,
): NotificationText {
  if (r.escalation !== null) {
    // A window closed with money at stake: say what to do, and since when.
    return {
      title: c.t(`alert_${r.escalation.kind}_title`, r.escalation.values),
      message: c.t('notify_protection_over', {
        order: orderName(facts, r.orderId, c.t),
        date: formatInstant(r.deadline.at, c.locale, c.zone),
      }),
    };
  }
  const title = c.t('notify_title', {
    what: c.t(`deadline_${r.deadline.kind}`),
    when: formatCountdown(r.deadline.at, c.now, c.locale),
  });
  return {
    title: r.late
      ? c.t('notify_was_due', { date: formatInstant(new Date(r.dueAt), c.locale, c.zone), title })
      : title,
    message: c.t('notify_message', {
      order: orderName(facts, r.orderId, c.t),
      date: formatInstant(r.deadline.at, c.locale, c.zone),
      estimated: r.deadline.source === 'estimate' ? c.t('notify_estimated') : '',
    }),
  };
}

export function summaryText(count: number, t: Translate): NotificationText {
  return { title: t('notify_summary_title', { count }), message: t('notify_summary_message') };
}
