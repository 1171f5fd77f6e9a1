/** What the popup's order actions (components/order-actions.ts) do: ask the background. */
import { call } from './client';

export async function setChecklistItem(orderId: string, itemId: string, done: boolean): Promise<void> {
  await call('setChecklistItem', { orderId, itemId, done });
}

/** Resolves to whether the background kept the date. */
/** "I received it" (a date) or its undo (null); resolves to whether it was kept. */
export async function markOrderReceived(orderId: string, receivedOn: string | null): Promise<boolean> {
  return (await call('markOrderReceived', { orderId, receivedOn })).ok;
}

/** "Snooze until…" a day, or wake the warning (null); resolves to whether it was kept. */
export async function snoozeAlert(
  orderId: string,
  alert: { id: string; severity: 'urgent' | 'soon' | 'info' },
  until: string | null,
): Promise<boolean> {
  return (await call('snoozeAlert', { orderId, alertId: alert.id, severity: alert.severity, until })).ok;
}

export async function markRefundArrived(refundId: string, arrivedOn: string): Promise<boolean> {
  return (await call('markRefundArrived', { refundId, arrivedOn })).ok;
}

/**
 * The buyer's calendar date at `now` in `zone`, as YYYY-MM-DD: a refund marked "arrived" late in
 * the evening in Brazil is dated that day, not the next UTC day.
 */
export function calendarDateIn(now: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
