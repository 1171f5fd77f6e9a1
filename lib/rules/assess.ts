/**
 * One order's assessment at `now`. `prepare` does everything that does not depend on `now`
 * (state, deadlines, alert plans, the instants at which the order may become settled);
 * `evaluate` reads them at `now`. nextWake uses the same preparation, so the instants it
 * returns are, by construction, the only ones at which an assessment can change.
 */
import type { OrderFacts } from '../schema/model';
import { type AlertPlan, planAlerts, refundFollowUpEnd } from './alerts';
import { alertsAt } from './alerts-at';
import { checklistOf, reasonForState } from './checklists';
import { DAY_MS, instantMs } from './dates';
import { computeDeadlines, type DeadlineSet, find, pageWindowDays } from './deadlines';
import { headlineOf, lifecycles } from './lifecycle';
import { everyLineClosed, type OrderState, orderState, refundProcessed } from './order-state';
import { DEFAULT_POLICY, type Policy, ruleValue } from './policy';
import { NONE } from './scratch';
import { type SnoozeEnd, snoozeEnds, withoutSnoozed } from './snooze';
import type { ActiveSnooze, Alert, Assessment, Deadline, DisputeReason, RuleContext } from './types';

export interface Prepared {
  facts: OrderFacts;
  st: OrderState;
  set: DeadlineSet;
  plans: readonly AlertPlan[];
  reason: DisputeReason;
  /**
   * When the order can be settled: null never (something is open), else the instant from which
   * it is settled (-Infinity: already, whatever `now`).
   */
  settledFrom: number | null;
  /** The buyer's snoozes (lib/rules/snooze.ts). */
  snoozes: readonly SnoozeEnd[];
}

export function prepare(facts: OrderFacts, policy: Policy, zone: string): Prepared {
  const st = orderState(facts);
  const set = computeDeadlines(facts, st, policy, zone);
  const plans = planAlerts(facts, st, set, policy, zone);
  return {
    facts,
    st,
    set,
    plans,
    reason: reasonForState(facts, st),
    settledFrom: settledFrom(facts, st, set, policy),
    snoozes: snoozeEnds(facts, plans, zone),
  };
}

/**
 * Settled: nothing is open (no dispute, no refund still on its way, no appeal or return
 * window), and the order is closed or cancelled, or completed and its 15-day window has
 * passed, or refunded with the money arrived and the parcel no longer awaited.
 */
function settledFrom(facts: OrderFacts, st: OrderState, set: DeadlineSet, policy: Policy): number | null {
  if (st.hasOpenDispute) return null;
  let from = Number.NEGATIVE_INFINITY;
  for (const r of st.unarrivedRefunds) {
    const end = refundProcessed(r) ? refundFollowUpEnd(set, r.id, policy) : null;
    if (end === null) return null;
    from = Math.max(from, end);
  }
  for (let i = 0; i < set.deadlines.length; i += 1) {
    const k = set.deadlines[i]?.kind;
    // After a lost case the card chargeback (or PayPal) stays the next step until it closes.
    if (k === 'appeal_end' || k === 'return_ship_by' || (k === 'chargeback_end' && st.lostDispute))
      from = Math.max(from, set.ms[i] as number);
  }
  if (st.ended) return from;
  if (st.completed) {
    const o = facts.order;
    // The window's end as the deadlines worked it out (the page's words or 15 days); without
    // a completion date it ended no later than 15 days after we saw the status change.
    const seen = instantMs(o.sources.status?.at);
    const days = pageWindowDays(o.reminderText) ?? ruleValue(policy, 'afterCompletionDays');
    // Every item's case has ended: no window is left to wait for.
    const windowEnd = everyLineClosed(st)
      ? Number.NEGATIVE_INFINITY
      : (find(set, 'dispute_after_completion_end', null) ?? (seen === null ? null : seen + days * DAY_MS));
    return windowEnd === null ? null : Math.max(from, windowEnd);
  }
  if (st.arrivedRefunds.length > 0 && !st.inTransit) return from;
  return null;
}

export function evaluate(p: Prepared, nowMs: number, policy: Policy): Assessment {
  const orderId = p.facts.order.id;
  const settled = p.settledFrom !== null && nowMs >= p.settledFrom;
  let alerts: readonly Alert[] = NONE;
  let snoozed: readonly ActiveSnooze[] = NONE;
  if (!settled) {
    alerts = alertsAt(orderId, p.plans, nowMs, policy);
    // Most orders have no snooze: no intermediate object for them.
    if (p.snoozes.length > 0) ({ shown: alerts, hidden: snoozed } = withoutSnoozed(alerts, p.snoozes, nowMs));
  }
  // The deadlines do not depend on `now`: the assessment shows the prepared (sorted) list itself.
  const { deadlines, ms } = p.set;
  let nextDeadline: Deadline | null = null;
  for (let i = 0; i < ms.length && nextDeadline === null; i += 1)
    if ((ms[i] as number) > nowMs) nextDeadline = deadlines[i] ?? null;
  let acting = false;
  for (const a of alerts) if (a.severity !== 'info') acting = true;
  const lines = lifecycles(p.st, alerts, settled);
  return {
    orderId,
    group: acting ? 'act_now' : settled ? 'settled' : 'watch',
    settled,
    deadlines,
    alerts,
    nextDeadline,
    lines,
    headline: headlineOf(lines) ?? alerts[0] ?? null,
    checklist: checklistOf(p.reason, policy),
    snoozed,
  };
}

/** What boundaries are given to: a list, or something keeping only the one it needs (next-wake.ts). */
export interface BoundarySink {
  push(ms: number): void;
}

/** Every instant at which this order's assessment may change (unsorted, may repeat). */
export function boundariesOf(p: Prepared, into: BoundarySink): void {
  for (const ms of p.set.ms) into.push(ms);
  for (const plan of p.plans) {
    for (const s of plan.steps) if (Number.isFinite(s.at)) into.push(s.at);
    if (Number.isFinite(plan.until)) into.push(plan.until);
  }
  if (p.settledFrom !== null && Number.isFinite(p.settledFrom)) into.push(p.settledFrom);
  for (const s of p.snoozes) into.push(s.endMs);
}

export function policyOf(ctx: RuleContext): Policy {
  return ctx.policy ?? DEFAULT_POLICY;
}

export function assessOrder(facts: OrderFacts, ctx: RuleContext): Assessment {
  const policy = policyOf(ctx);
  return evaluate(prepare(facts, policy, ctx.zone), ctx.now.getTime(), policy);
}

export function assessAll(facts: OrderFacts[], ctx: RuleContext): Assessment[] {
  const policy = policyOf(ctx);
  const now = ctx.now.getTime();
  return facts.map((f) => evaluate(prepare(f, policy, ctx.zone), now, policy));
}
