/**
 * Notification wording: which order, what closes, when, in the buyer's time and language.
 */
import { formatCountdown, formatInstant } from '../format';
import type { OrderFacts } from '../model';
import type { Deadline } from '../rules';
import type { PlannedReminder } from './reminders';

const WHAT_CLOSES: Record<Deadline['kind'], string> = {
  protection_end: 'Purchase protection ends',
  dispute_opens: 'You can open a dispute',
  dispute_after_completion_end: 'The last day to open a dispute ends',
  seller_reply_due: "The seller's answer is due",
  appeal_end: 'The appeal window closes',
  return_ship_by: 'The return must be shipped',
  refund_expected_by: 'The refund should have arrived',
  ask_bank_with_arn: 'Time to ask your bank, with the ARN',
  chargeback_end: 'The card chargeback window closes',
};

export interface NotificationText {
  title: string;
  message: string;
}

function orderName(facts: OrderFacts | undefined, orderId: string): string {
  const title = facts?.order.lines?.[0]?.title;
  return title ? `${title.slice(0, 60)} (order ${orderId})` : `Order ${orderId}`;
}

export function reminderText(
  r: PlannedReminder,
  facts: OrderFacts | undefined,
  now: Date,
  locale: string,
  zone: string,
): NotificationText {
  const when = formatInstant(r.deadline.at, locale, zone);
  const left = formatCountdown(r.deadline.at, now, locale);
  const estimate = r.deadline.source === 'estimate' ? ' (estimated)' : '';
  const prefix = r.late ? `Was due ${formatInstant(new Date(r.dueAt), locale, zone)}: ` : '';
  return {
    title: `${prefix}${WHAT_CLOSES[r.deadline.kind]} ${left}`,
    message: `${orderName(facts, r.orderId)}: ${when}${estimate}.`,
  };
}

export function summaryText(count: number): NotificationText {
  return {
    title: `${count} deadlines need you`,
    message: 'Several AliExpress orders have windows closing soon. Open Buyer Shield to see them.',
  };
}
