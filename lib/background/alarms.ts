/**
 * The one alarm Buyer Shield keeps: it wakes the background at the next moment anything changes
 * (lib/rules next-wake), and at least once a day as a safety net. No polling beyond that.
 */
import { browser } from '#imports';

export const WAKE_ALARM = 'buyer-shield-wake';
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Chrome does not fire packed extensions' alarms sooner than 30 s ahead. */
export const MIN_ALARM_DELAY_MS = 30 * 1000;

/** The moment to wake: the next change, but no later than a day and no sooner than 30 s. */
export function wakeTime(next: Date | null, now: number): number {
  const safety = now + DAY_MS;
  const wanted = next ? Math.min(next.getTime(), safety) : safety;
  return Math.max(wanted, now + MIN_ALARM_DELAY_MS);
}

export async function scheduleWake(next: Date | null, now: number): Promise<number> {
  const when = wakeTime(next, now);
  await browser.alarms.create(WAKE_ALARM, { when });
  return when;
}
