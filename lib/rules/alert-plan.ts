/**
 * The shape of an alert plan and the helpers every planning step shares (lib/rules/alerts.ts
 * runs the steps: alerts-parcel.ts for the parcel, alerts-case.ts for disputes and money).
 */
import type { DeadlineKind, OrderFacts, Severity } from '../schema/model';
import { type DeadlineSet, find } from './deadlines';
import type { OrderState } from './order-state';
import { type Policy, type PolicyRuleName, ruleMs } from './policy';
import type { Scratch } from './scratch';
import type { AlertKind } from './types';

export interface AlertStep {
  at: number;
  severity: Severity;
}

export interface AlertPlan {
  kind: AlertKind;
  /** Dispute, refund or tracking number the alert is about ('' for the order itself). */
  subject: string;
  deadlineKind: DeadlineKind | null;
  deadlineAt: number | null;
  /** Ascending; the alert is active from `steps[0].at` (may be -Infinity). May be shared: read-only. */
  steps: readonly AlertStep[];
  /** Exclusive end; +Infinity while the facts alone keep it alive. */
  until: number;
  /** The policy rule whose number and source the text cites. */
  rule: PolicyRuleName;
  /** The number of days the text cites when the page's own words replace the rule's. */
  days?: number;
}

export const NEVER = Number.POSITIVE_INFINITY;
export const ALWAYS = Number.NEGATIVE_INFINITY;

/**
 * Steps of alerts active whatever `now` is: shared by every plan that has them, not made per
 * order. Read-only by type, not frozen: plans never leave the rules, and V8 does not optimise
 * loops over frozen arrays like loops over plain ones (an iterator result per step).
 */
const always = (severity: Severity): readonly AlertStep[] => [{ at: ALWAYS, severity }];
export const ALWAYS_INFO = always('info');
export const ALWAYS_SOON = always('soon');
export const ALWAYS_URGENT = always('urgent');

/** What every planning step reads, and the list it adds to. */
export interface PlanContext {
  facts: OrderFacts;
  st: OrderState;
  set: DeadlineSet;
  policy: Policy;
  zone: string;
  plans: Scratch<AlertPlan>;
  /** Protection is running and no dispute is open: the parcel is watched. */
  watching: boolean;
}

/**
 * Adds one alert's plan (the caller's object itself: no copy). Steps at or after `until` never
 * show; dropping them keeps the boundaries exact. A new steps array only when one is dropped,
 * which is rare; a plan left with no step is not added.
 */
export function plan(c: PlanContext, p: AlertPlan): void {
  let kept = 0;
  for (const s of p.steps) if (s.at < p.until) kept += 1;
  if (kept === 0) return;
  if (kept < p.steps.length) p.steps = p.steps.filter((s) => s.at < p.until);
  c.plans.push(p);
}

export const before = (c: PlanContext, at: number, rule: PolicyRuleName): number =>
  at - ruleMs(c.policy, rule);

/** The end of following an unarrived refund (processed + follow-up days), or null. */
export function refundFollowUpEnd(set: DeadlineSet, refundId: string, policy: Policy): number | null {
  const due = find(set, 'refund_expected_by', refundId);
  return due === null ? null : due + ruleMs(policy, 'refundFollowUpDays');
}
