/**
 * Works everything out again from the stored facts: the toolbar badge, the reminders due now
 * (each shown exactly once) and the one alarm for the next change. Runs on install, update,
 * browser start, the alarm, and after every data change; runs never overlap.
 *
 * Exactly once, even if the service worker is stopped half-way (MV3 may stop it at any time):
 * a reminder's notification id is derived from the reminder, so showing it again replaces the
 * same notification instead of adding one, and a notification still on screen is not created
 * again; the reminder is recorded as sent right after.
 */
import { browser } from '#imports';
import { disputeLink, orderLink } from '../aliexpress/links';
import { type TableLoader, translatorFor } from '../i18n-tables';
import { LAST_CHECK_KEY, NOTIFIED_KEY } from '../protocol/storage-keys';
import type { OrderFacts } from '../schema/model';
import type { BuyerShieldDb } from '../store/db';
import { forgetReminders, recordReminders, sentReminders } from '../store/reminders';
import { readSettings } from '../store/settings';
import { saveSummary } from '../store/summaries';
import { scheduleWake } from './alarms';
import { summaryOf } from './dashboard';
import { reminderText, summaryText, type TextContext } from './notify-texts';
import {
  actionCount,
  NOTIFICATION_PREFIX,
  type PlannedReminder,
  planReminders,
  recordsFromTheFuture,
  recordsOfGoneDeadlines,
} from './reminders';
import { getSnapshot } from './snapshot';

export { LAST_CHECK_KEY, NOTIFIED_KEY };
/**
 * At most this many separate notifications per RATE_WINDOW_MS; beyond that, one summary (one
 * stable id, replaced) stands for all that are due, so a flood of orders cannot pile them up.
 */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
export const RATE_WINDOW_MS = 10 * 60 * 1000;
export { NOTIFICATION_PREFIX };
export const SUMMARY_PREFIX = 'bs|summary|';
export const SUMMARY_ID = `${SUMMARY_PREFIX}due`;

export interface RecomputeDeps {
  db: BuyerShieldDb;
  now: () => Date;
  zone: () => string;
  uiLanguage: () => string;
  loadTable: TableLoader;
}

export interface RecomputeResult {
  badge: number;
  shown: string[];
  wakeAt: number;
}

async function show(id: string, title: string, message: string, button: string | null): Promise<void> {
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    priority: 2,
  };
  // The same id replaces the notification on screen instead of adding one. "Open the order"
  // (issue 15) opens the order's AliExpress page (entrypoints/background.ts); Firefox has no
  // notification buttons, and a click there opens the same page.
  try {
    await browser.notifications.create(id, button ? { ...options, buttons: [{ title: button }] } : options);
  } catch (e) {
    if (!button) throw e;
    await browser.notifications.create(id, options);
  }
}

async function notify(
  reminders: PlannedReminder[],
  facts: Map<string, OrderFacts>,
  c: TextContext,
  recent: number[],
): Promise<string[]> {
  if (reminders.length === 0) return [];
  const allowed = MAX_SEPARATE_NOTIFICATIONS - recent.length;
  if (reminders.length > allowed) {
    const t = summaryText(reminders.length, c.t);
    await show(SUMMARY_ID, t.title, t.message, null);
    return [SUMMARY_ID];
  }
  const ids: string[] = [];
  for (const r of reminders) {
    const t = reminderText(r, facts.get(r.orderId), c);
    await show(
      r.notificationId,
      t.title,
      t.message,
      orderPageOf(r.notificationId) ? c.t('notify_open_order') : null,
    );
    ids.push(r.notificationId);
    recent.push(c.now.getTime());
  }
  return ids;
}

/** The clock went back past reminders shown while it was ahead: take them back. */
async function takeBack(db: BuyerShieldDb, sent: Map<string, number>, now: number): Promise<void> {
  const future = recordsFromTheFuture(sent, now);
  if (future.length === 0) return;
  for (const id of future) {
    sent.delete(id);
    const [orderId, kind, subject] = id.split('|');
    await browser.notifications.clear(`${NOTIFICATION_PREFIX}${orderId}|${kind}|${subject}`);
  }
  await browser.notifications.clear(SUMMARY_ID);
  await forgetReminders(db, future);
}

export async function recomputeOnce(deps: RecomputeDeps): Promise<RecomputeResult> {
  const { db } = deps;
  const now = deps.now();
  const zone = deps.zone();
  const [settings, sent, stored] = await Promise.all([
    readSettings(db),
    sentReminders(db),
    browser.storage.local.get([LAST_CHECK_KEY, NOTIFIED_KEY]),
  ]);
  await takeBack(db, sent, now.getTime());
  const leadTimesMs = settings.leadTimesMinutes.map((m) => m * 60_000);
  // The same snapshot the popup then opens on (lib/background/snapshot.ts).
  const snap = await getSnapshot(db, now, zone, leadTimesMs);
  const { facts, assessments, validUntil } = snap;
  const gone = recordsOfGoneDeadlines(sent, assessments);
  for (const id of gone) sent.delete(id);
  await forgetReminders(db, gone);
  const next = Number.isFinite(validUntil) ? new Date(validUntil) : null;

  const badge = actionCount(assessments);
  await browser.action.setBadgeText({ text: badge ? String(badge) : '' });
  if (badge) await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });

  const lastCheck = typeof stored[LAST_CHECK_KEY] === 'number' ? (stored[LAST_CHECK_KEY] as number) : null;
  const byId = new Map(facts.map((f) => [f.order.id, f]));
  const knownSince = (id: string) => Date.parse(byId.get(id)?.order.firstSeenAt ?? '') || 0;
  const plan = planReminders({
    assessments,
    leadTimesMinutes: settings.leadTimesMinutes,
    sent,
    now: now.getTime(),
    lastCheck,
    knownSince,
  });
  const logged = Array.isArray(stored[NOTIFIED_KEY]) ? (stored[NOTIFIED_KEY] as unknown[]) : [];
  const recent = logged.filter(
    (x): x is number => typeof x === 'number' && x <= now.getTime() && x > now.getTime() - RATE_WINDOW_MS,
  );
  const { t, locale } = await translatorFor(settings.language, deps.uiLanguage(), deps.loadTable);
  // With notifications off, due reminders are still recorded, so turning them back on does not
  // bring back a flood of old ones.
  const shown = settings.notifications ? await notify(plan.show, byId, { t, locale, zone, now }, recent) : [];
  await recordReminders(db, [...plan.show, ...plan.skip], now);
  await browser.storage.local.set({ [LAST_CHECK_KEY]: now.getTime(), [NOTIFIED_KEY]: recent });

  const wakeAt = await scheduleWake(next, now.getTime());
  // The popup's first page for the next cold worker, valid until this very boundary and only
  // while the data is the one just assessed (lib/store/summaries.ts). Only a copy: when it
  // cannot be kept, the popup builds the snapshot as before.
  try {
    await saveSummary(db, snap.dataVersion, summaryOf(snap, now));
  } catch (e) {
    console.warn('popup summary not kept', e);
  }
  return { badge, shown, wakeAt };
}

/**
 * Data changes come in bursts (a list page sends several bodies): they are gathered for this
 * long before one recompute. Short enough that a worker about to stop still runs it.
 */
export const CHANGE_DEBOUNCE_MS = 250;

/** Serialises runs: a change during a run triggers exactly one more run after it. */
export function createRecomputer(
  deps: RecomputeDeps,
  onError: (e: unknown) => void = console.error,
  once: (deps: RecomputeDeps) => Promise<unknown> = recomputeOnce,
) {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** After a data change: one run for a burst of changes. */
    soon(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void this.run();
      }, CHANGE_DEBOUNCE_MS);
    },
    run(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await once(deps);
          } catch (e) {
            onError(e);
          }
        } while (again);
      })().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/** The order page of a reminder's notification (`bs|<orderId>|<step>|<subject>`), or null. */
export function orderPageOf(id: string): string | null {
  if (!id.startsWith(NOTIFICATION_PREFIX) || id.startsWith(SUMMARY_PREFIX)) return null;
  return orderLink(id.split('|')[1] ?? '')?.href ?? null;
}

/**
 * Where a click on a notification leads: a dispute's deadline to its case, any other reminder
 * to the order's AliExpress page (lib/aliexpress/links.ts), a summary to the popup.
 */
export function notificationTarget(id: string, popupUrl: string): string {
  const order = orderPageOf(id);
  if (order === null) return popupUrl;
  const [, , kind, subject] = id.split('|');
  const disputeKinds = ['seller_reply_due', 'appeal_end', 'return_ship_by'];
  if (kind && disputeKinds.includes(kind) && subject && /^\d{6,32}$/.test(subject))
    return disputeLink(subject, null).href;
  return order;
}
