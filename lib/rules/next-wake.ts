/**
 * When to look again. An assessment only changes at a deadline, at an alert's start, severity
 * step or end, or when the order becomes settled (lib/rules/assess.ts `boundariesOf`); between
 * two such instants nothing changes, so the background can sleep until the next one.
 * Reminders before a deadline (the buyer's lead times) are extra boundaries.
 */
import type { OrderFacts } from '../schema/model';
import { type BoundarySink, boundariesOf, evaluate, type Prepared, policyOf, prepare } from './assess';
import { DEFAULT_POLICY, type Policy, ruleMs } from './policy';
import type { Assessment, Deadline, RuleContext } from './types';

export interface WakeContext extends RuleContext {
  /** Reminder lead times before each deadline the buyer must act on, in ms (e.g. 3 days). */
  leadTimesMs?: readonly number[];
}

/**
 * How long before a deadline a reminder with this lead falls due: an estimated protection end
 * (our estimate, not AliExpress's date) is reminded `estimateEarlierByDays` earlier, since it
 * may be days off (docs/rules.md "Reminders").
 */
export function reminderLeadMs(
  deadline: Pick<Deadline, 'ruleId'>,
  leadMs: number,
  policy: Policy = DEFAULT_POLICY,
): number {
  return deadline.ruleId === 'protection_estimate'
    ? leadMs + ruleMs(policy, 'estimateEarlierByDays')
    : leadMs;
}

function collect(facts: OrderFacts, ctx: WakeContext, into: BoundarySink): void {
  collectPrepared(prepare(facts, policyOf(ctx), ctx.zone), ctx, into);
}

function collectPrepared(p: Prepared, ctx: WakeContext, into: BoundarySink): void {
  boundariesOf(p, into);
  const leads = ctx.leadTimesMs;
  if (leads === undefined || leads.length === 0) return;
  const { deadlines, ms } = p.set;
  for (let i = 0; i < deadlines.length; i += 1) {
    const d = deadlines[i] as Deadline;
    if (!d.needsAction) continue;
    for (const lead of leads) into.push((ms[i] as number) - reminderLeadMs(d, lead, policyOf(ctx)));
  }
}

/** Every instant at which one order's assessment (or a reminder) changes, ascending, unique. */
export function orderBoundaries(facts: OrderFacts, ctx: WakeContext): Date[] {
  const all: number[] = [];
  collect(facts, ctx, all);
  return [...new Set(all)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * Keeps only the earliest boundary strictly after `now`: the orders' boundaries are not
 * listed (a list per order, or one of every order's, was garbage for nothing).
 */
class EarliestAfter implements BoundarySink {
  best = Number.POSITIVE_INFINITY;
  constructor(private readonly now: number) {}
  push(ms: number): void {
    if (ms > this.now && ms < this.best) this.best = ms;
  }
  get date(): Date | null {
    return this.best === Number.POSITIVE_INFINITY ? null : new Date(this.best);
  }
}

/** The earliest instant strictly after `now` at which anything changes, or null. */
export function nextWake(facts: OrderFacts[], ctx: WakeContext): Date | null {
  const next = new EarliestAfter(ctx.now.getTime());
  for (const f of facts) collect(f, ctx, next);
  return next.date;
}

/**
 * Every order's assessment and the next wake, preparing each order once: what the background
 * needs after every change (the same results as `assessAll` plus `nextWake`, in one pass).
 */
export function assessAllWithWake(
  facts: OrderFacts[],
  ctx: WakeContext,
): { assessments: Assessment[]; next: Date | null } {
  const policy = policyOf(ctx);
  const now = ctx.now.getTime();
  const next = new EarliestAfter(now);
  const assessments = facts.map((f) => {
    const p = prepare(f, policy, ctx.zone);
    collectPrepared(p, ctx, next);
    return evaluate(p, now, policy);
  });
  return { assessments, next: next.date };
}
