/**
 * "Snooze until…": the buyer hides one step's warning until a day of their choosing, and it
 * comes back by itself then (the end is a boundary of the assessment, so the popup, the badge
 * and the reminders wake for it). Never late: a snooze ends a day before the step's deadline at
 * the latest, and only hides the warning at the severity it was snoozed at, so an escalation
 * (soon → urgent) brings it back at once.
 */
import type { OrderFacts, Severity } from '../schema/model';
import type { AlertPlan } from './alert-plan';
import { alertIdOf } from './alerts-at';
import { dayNumber, openingInstant, toInstant } from './dates';
import { appended, NONE } from './scratch';
import type { ActiveSnooze, Alert } from './types';

const DAY_MS = 86_400_000;

export interface SnoozeEnd {
  alertId: string;
  severity: Severity;
  endMs: number;
}

/** When each of the order's snoozes ends; a snooze of a step that no longer exists is dropped. */
export function snoozeEnds(
  facts: OrderFacts,
  plans: readonly AlertPlan[],
  zone: string,
): readonly SnoozeEnd[] {
  const snoozed = facts.order.snoozed;
  // Most orders have no snooze: nothing made for them.
  if (snoozed === undefined || snoozed.length === 0) return NONE;
  let out: SnoozeEnd[] | null = null;
  for (const s of snoozed) {
    const day = dayNumber(s.until);
    if (day === null) continue;
    const plan = plans.find((p) => alertIdOf(facts.order.id, p) === s.alertId);
    if (plan === undefined) continue;
    let endMs = openingInstant(day, zone);
    if (plan.deadlineAt !== null) endMs = Math.min(endMs, plan.deadlineAt - DAY_MS);
    out = appended(out, { alertId: s.alertId, severity: s.severity, endMs });
  }
  return out ?? NONE;
}

/** The alerts not snoozed at `nowMs`, and the snoozes hiding one now (with when it comes back). */
export function withoutSnoozed(
  alerts: readonly Alert[],
  ends: readonly SnoozeEnd[],
  nowMs: number,
): { shown: readonly Alert[]; hidden: readonly ActiveSnooze[] } {
  if (ends.length === 0) return { shown: alerts, hidden: NONE };
  const hidden: ActiveSnooze[] = [];
  const shown = alerts.filter((a) => {
    const e = ends.find((x) => x.alertId === a.id && x.severity === a.severity && nowMs < x.endMs);
    if (e !== undefined)
      hidden.push({ alertId: a.id, kind: a.kind, severity: a.severity, endsAt: toInstant(e.endMs) });
    return e === undefined;
  });
  return { shown, hidden };
}
