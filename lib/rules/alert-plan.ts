/**
 * The shape of an alert plan and the helpers every planning step shares (lib/rules/alerts.ts
 * runs the steps: alerts-parcel.ts for the parcel, alerts-case.ts for disputes and money).
 */
import type { DeadlineKind, OrderFacts, Severity } from '../schema/model';
import { type DeadlineSet, find } from './deadlines';
import type { OrderState } from './order-state';
import { type Policy, type PolicyRuleName, ruleMs } from './policy';
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
  /** Ascending; the alert is active from `steps[0].at` (may be -Infinity). */
  steps: AlertStep[];
  /** Exclusive end; +Infinity while the facts alone keep it alive. */
  until: number;
  /** The policy rule whose number and source the text cites. */
  rule: PolicyRuleName;
  /** The number of days the text cites when the page's own words replace the rule's. */
  days?: number;
}

export const NEVER = Number.POSITIVE_INFINITY;
export const ALWAYS = Number.NEGATIVE_INFINITY;

/** What every planning step reads, and the list it adds to. */
export interface PlanContext {
  facts: OrderFacts;
  st: OrderState;
  set: DeadlineSet;
  policy: Policy;
  zone: string;
  plans: AlertPlan[];
  /** Protection is running and no dispute is open: the parcel is watched. */
  watching: boolean;
}

/** One alert to plan; steps at or after `until` never show and are dropped. */
export interface PlanInput {
  kind: AlertKind;
  subject?: string;
  deadlineKind: DeadlineKind | null;
  deadlineAt: number | null;
  steps: AlertStep[];
  until: number;
  rule: PolicyRuleName;
  days?: number;
}

export function plan(c: PlanContext, p: PlanInput): void {
  // Steps at or after the end never show; dropping them keeps the boundaries exact. (The input's
  // own array when none is dropped, the usual case: one array less per plan.)
  const steps = p.steps.every((s) => s.at < p.until) ? p.steps : p.steps.filter((s) => s.at < p.until);
  if (steps.length === 0) return;
  const { kind, deadlineKind, deadlineAt, until, rule } = p;
  const made: AlertPlan = { kind, subject: p.subject ?? '', deadlineKind, deadlineAt, steps, until, rule };
  if (p.days !== undefined) made.days = p.days;
  c.plans.push(made);
}

export const before = (c: PlanContext, at: number, rule: PolicyRuleName): number =>
  at - ruleMs(c.policy, rule);

/** The end of following an unarrived refund (processed + follow-up days), or null. */
export function refundFollowUpEnd(set: DeadlineSet, refundId: string, policy: Policy): number | null {
  const due = find(set, 'refund_expected_by', refundId);
  return due === null ? null : due + ruleMs(policy, 'refundFollowUpDays');
}
