/**
 * Which reminders to show now. Pure: assessments, settings, the reminders already sent and the
 * time of the previous check in; reminders and notification texts out.
 *
 * A reminder is one (deadline, lead time) pair: "protection ends in 3 days". It is due from
 * `deadline − lead` until the deadline. When several leads of one deadline are due at once
 * (the browser was closed, or the order was only just read), only the nearest one is shown
 * and the others are recorded as sent, so nothing repeats.
 */
import type { Assessment, Deadline } from '../rules';

export interface PlannedReminder {
  /** Stable: recorded in the database so the reminder fires exactly once. */
  id: string;
  orderId: string;
  deadline: Deadline;
  leadMinutes: number;
  dueAt: number;
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

export function reminderId(d: Deadline, leadMinutes: number): string {
  return `${d.orderId}|${d.kind}|${d.subjectId ?? '-'}|${d.at}|${leadMinutes}`;
}

export function planReminders(
  assessments: readonly Assessment[],
  leadTimesMinutes: readonly number[],
  sent: ReadonlySet<string>,
  now: number,
  lastCheck: number | null,
  /** When each order was first read: a reminder due before that was never missed. */
  knownSince: (orderId: string) => number,
): ReminderPlan {
  const show: PlannedReminder[] = [];
  const skip: PlannedReminder[] = [];
  const leads = [...new Set(leadTimesMinutes)].sort((a, b) => a - b);
  for (const a of assessments) {
    if (a.settled) continue;
    for (const d of a.deadlines) {
      const at = Date.parse(d.at);
      if (!d.needsAction || !(at > now)) continue;
      const due = leads
        .map((lead) => ({ lead, dueAt: at - lead * 60_000 }))
        .filter((r) => r.dueAt <= now && !sent.has(reminderId(d, r.lead)));
      if (!due.length) continue;
      // `leads` is ascending, so the first due one is the nearest to the deadline.
      due.forEach((r, i) => {
        const late =
          lastCheck !== null &&
          r.dueAt > lastCheck &&
          r.dueAt >= knownSince(d.orderId) &&
          now - r.dueAt > LATE_AFTER_MS;
        const planned = {
          id: reminderId(d, r.lead),
          orderId: d.orderId,
          deadline: d,
          leadMinutes: r.lead,
          dueAt: r.dueAt,
          late,
        };
        (i === 0 ? show : skip).push(planned);
      });
    }
  }
  show.sort((x, y) => Date.parse(x.deadline.at) - Date.parse(y.deadline.at));
  return { show, skip };
}

/** How many orders need the buyer now: the toolbar badge. */
export function actionCount(assessments: readonly Assessment[]): number {
  return assessments.filter((a) => a.group === 'act_now').length;
}
