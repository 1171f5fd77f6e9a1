/**
 * Which reminders to show now. Pure: assessments, settings, the reminders already shown (and
 * when) and the time of the previous check in; reminders out.
 *
 * A reminder is one (deadline, lead time) pair: "protection ends in 3 days". It is due from
 * `deadline − lead` until the deadline. When several leads of one deadline are due at once
 * (the browser was closed, or the order was only just read), only the nearest one is shown
 * and the others are recorded as sent, so nothing repeats.
 *
 * An escalation is one notification when a window that protects money has closed while money
 * is still at stake (alert `protection_over`): due from the close, shown once.
 *
 * A reminder counts as sent only if it was shown inside its own window and not in the future:
 * a clock that jumped forward and back does not use reminders up (issue 14, item 6).
 */
import { type Alert, type Assessment, type Deadline, reminderLeadMs } from '../rules';

export interface PlannedReminder {
  /** Stable: recorded in the database so the reminder fires exactly once. */
  id: string;
  /** One per order and step: a newer reminder of the same step replaces the notification. */
  notificationId: string;
  orderId: string;
  deadline: Deadline;
  leadMinutes: number;
  dueAt: number;
  /** The escalation it announces, or null for a reminder before a deadline. */
  escalation: Alert | null;
  /**
   * It fell due while the browser was closed: after the previous check, after the order was
   * first read, and over 5 minutes ago.
   */
  late: boolean;
}

export interface ReminderPlan {
  /** To show, most urgent first. */
  show: PlannedReminder[];
  /** Due but superseded by a nearer lead of the same deadline: record as sent, don't show. */
  skip: PlannedReminder[];
}

/** Alarms can be late by a minute or so; only a longer gap means the browser was closed. */
export const LATE_AFTER_MS = 5 * 60 * 1000;
/** A record shown more than this after `now` was written while the clock was ahead. */
export const CLOCK_SKEW_MS = 60 * 1000;
export const NOTIFICATION_PREFIX = 'bs|';

export function reminderId(d: Deadline, leadMinutes: number): string {
  return `${d.orderId}|${d.kind}|${d.subjectId ?? '-'}|${d.at}|${leadMinutes}`;
}

/** One notification per order and step (deadline kind or escalation, and its subject). */
export function notificationId(orderId: string, step: string, subject: string | null): string {
  return `${NOTIFICATION_PREFIX}${orderId}|${step}|${subject ?? '-'}`;
}

/** Shown inside its window [dueAt, end) and not after `now` (beyond a small skew). */
function shownInWindow(shownAt: number | undefined, dueAt: number, end: number, now: number): boolean {
  return shownAt !== undefined && shownAt >= dueAt && shownAt < end && shownAt <= now + CLOCK_SKEW_MS;
}

/** Records shown "in the future": the clock was ahead then. They are forgotten. */
export function recordsFromTheFuture(sent: ReadonlyMap<string, number>, now: number): string[] {
  return [...sent].filter(([, at]) => at > now + CLOCK_SKEW_MS).map(([id]) => id);
}

/**
 * Records of reminders about a deadline (or an escalation) that no order has any more: a
 * reading since undone by the real page (a forged delivery, a stale date) or a date the page
 * changed. A record only stops a planned reminder from showing twice, and nothing plans these
 * again, so they are forgotten: what is stored stays what the real pages imply (issue 14).
 */
export function recordsOfGoneDeadlines(
  sent: ReadonlyMap<string, number>,
  assessments: readonly Assessment[],
): string[] {
  const live = new Set<string>();
  for (const a of assessments) {
    for (const d of a.deadlines) live.add(`${d.orderId}|${d.kind}|${d.subjectId ?? '-'}|${d.at}`);
    for (const al of a.alerts) if (al.deadlineAt) live.add(`${a.orderId}|${al.kind}|-|${al.deadlineAt}`);
  }
  return [...sent.keys()].filter((id) => !live.has(id.slice(0, id.lastIndexOf('|'))));
}

export interface ReminderInput {
  assessments: readonly Assessment[];
  leadTimesMinutes: readonly number[];
  /** Reminder id → when it was shown. */
  sent: ReadonlyMap<string, number>;
  now: number;
  lastCheck: number | null;
  /** When each order was first read: a reminder due before that was never missed. */
  knownSince: (orderId: string) => number;
}

function isLate(r: { dueAt: number; orderId: string }, c: ReminderInput): boolean {
  return (
    c.lastCheck !== null &&
    r.dueAt > c.lastCheck &&
    r.dueAt >= c.knownSince(r.orderId) &&
    c.now - r.dueAt > LATE_AFTER_MS
  );
}

function deadlineReminders(a: Assessment, leads: number[], c: ReminderInput, plan: ReminderPlan): void {
  for (const d of a.deadlines) {
    const at = Date.parse(d.at);
    if (!d.needsAction || !(at > c.now)) continue;
    const due = leads
      .map((lead) => ({ lead, dueAt: at - reminderLeadMs(d, lead * 60_000) }))
      .filter(
        (r) => r.dueAt <= c.now && !shownInWindow(c.sent.get(reminderId(d, r.lead)), r.dueAt, at, c.now),
      );
    // `leads` is ascending, so the first due one is the nearest to the deadline.
    due.forEach((r, i) => {
      const planned: PlannedReminder = {
        id: reminderId(d, r.lead),
        notificationId: notificationId(d.orderId, d.kind, d.subjectId),
        orderId: d.orderId,
        deadline: d,
        leadMinutes: r.lead,
        dueAt: r.dueAt,
        escalation: null,
        late: isLate({ dueAt: r.dueAt, orderId: d.orderId }, c),
      };
      (i === 0 ? plan.show : plan.skip).push(planned);
    });
  }
}

function escalations(a: Assessment, c: ReminderInput, plan: ReminderPlan): void {
  for (const alert of a.alerts) {
    if (alert.kind !== 'protection_over' || alert.deadlineAt === null) continue;
    const deadline = a.deadlines.find((d) => d.kind === alert.deadlineKind && d.at === alert.deadlineAt);
    if (deadline === undefined) continue;
    const dueAt = Date.parse(alert.deadlineAt);
    const id = `${a.orderId}|${alert.kind}|-|${alert.deadlineAt}|0`;
    if (shownInWindow(c.sent.get(id), dueAt, Number.POSITIVE_INFINITY, c.now)) continue;
    plan.show.push({
      id,
      notificationId: notificationId(a.orderId, alert.kind, null),
      orderId: a.orderId,
      deadline,
      leadMinutes: 0,
      dueAt,
      escalation: alert,
      late: false,
    });
  }
}

export function planReminders(c: ReminderInput): ReminderPlan {
  const plan: ReminderPlan = { show: [], skip: [] };
  const leads = [...new Set(c.leadTimesMinutes)].sort((a, b) => a - b);
  for (const a of c.assessments) {
    if (a.settled) continue;
    escalations(a, c, plan);
    deadlineReminders(a, leads, c, plan);
  }
  // Escalations first (a window already closed), then the nearest deadline.
  plan.show.sort(
    (x, y) =>
      Number(y.escalation !== null) - Number(x.escalation !== null) ||
      Date.parse(x.deadline.at) - Date.parse(y.deadline.at),
  );
  return plan;
}

/** How many orders need the buyer now: the toolbar badge. */
export function actionCount(assessments: readonly Assessment[]): number {
  return assessments.filter((a) => a.group === 'act_now').length;
}
