/**
 * Alerts in two steps. `planAlerts` turns facts and deadlines into plans that do not depend on
 * `now`: each plan is a time window with severity steps. `alertsAt` reads the plans at `now`.
 * Because every change of an alert happens at a plan's step or end, those instants are exactly
 * the boundaries `nextWake` needs (lib/rules/next-wake.ts), and nothing between them can change.
 */
import type { DeadlineKind, Money, OrderFacts, Severity } from '../schema/model';
import { dayNumber, instantMs, openingInstant } from './dates';
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
}

const NEVER = Number.POSITIVE_INFINITY;
const ALWAYS = Number.NEGATIVE_INFINITY;

export function planAlerts(
  facts: OrderFacts,
  st: OrderState,
  set: DeadlineSet,
  policy: Policy,
  zone: string,
): AlertPlan[] {
  const plans: AlertPlan[] = [];
  const plan = (
    kind: AlertKind,
    subject: string,
    deadlineKind: DeadlineKind | null,
    deadlineAt: number | null,
    steps: AlertStep[],
    until: number,
    rule: PolicyRuleName,
  ): void => {
    // Steps at or after the end never show; dropping them keeps the boundaries exact.
    const live = steps.filter((s) => s.at < until);
    if (live.length > 0) plans.push({ kind, subject, deadlineKind, deadlineAt, steps: live, until, rule });
  };
  const P = set.protectionEnd;
  const watching = st.inTransit && !st.hasOpenDispute;

  if (watching && P !== null && !st.deliveredByTracking) {
    plan(
      'protection_ending',
      '',
      'protection_end',
      P,
      [
        { at: P - ruleMs(policy, 'protectionSoonDays'), severity: 'soon' },
        { at: P - ruleMs(policy, 'protectionUrgentDays'), severity: 'urgent' },
      ],
      P,
      'protectionDays',
    );
    plan(
      'ask_extension',
      '',
      'protection_end',
      P,
      [{ at: P - ruleMs(policy, 'extensionAskFromDays'), severity: 'soon' }],
      P - ruleMs(policy, 'extensionLeadDays'),
      'extensionLeadDays',
    );
  }

  if (watching && st.deliveredByTracking && st.deliveredAtMs !== null) {
    const until = P ?? st.deliveredAtMs + ruleMs(policy, 'deliveredShortensToDays');
    plan(
      'delivered_not_confirmed',
      '',
      'protection_end',
      P,
      [{ at: st.deliveredAtMs, severity: 'urgent' }],
      until,
      'deliveredShortensToDays',
    );
  }

  if (watching) {
    for (const p of st.movingPackages) {
      let last: number | null = null;
      for (const e of p.events) {
        const at = instantMs(e.at);
        if (at !== null && (last === null || at > last)) last = at;
      }
      if (last === null) continue;
      const from = last + ruleMs(policy, 'trackingSilentDays');
      plan(
        'tracking_silent',
        p.trackingNumber,
        P === null ? null : 'protection_end',
        P,
        [{ at: from, severity: 'soon' }],
        P ?? NEVER,
        'trackingSilentDays',
      );
    }
  }

  const D = set.disputeOpens;
  if (watching && D !== null && !st.deliveredByTracking) {
    const steps: AlertStep[] = [{ at: D, severity: 'info' }];
    // Past the promised delivery date the parcel is late: opening a dispute becomes advice.
    const promised = dayNumber(facts.order.promisedDeliveryOn ?? '');
    if (promised !== null)
      steps.push({ at: Math.max(D, openingInstant(promised + 1, zone)), severity: 'soon' });
    plan(
      'dispute_can_open',
      '',
      P === null ? 'dispute_opens' : 'protection_end',
      P ?? D,
      steps,
      P ?? NEVER,
      'disputeOpensAfterDays',
    );
  }

  for (const d of st.openDisputes) {
    const due = find(set, 'seller_reply_due', d.id);
    const clock = instantMs(d.updatedAt) ?? instantMs(d.openedAt);
    if (due !== null && clock !== null) {
      plan(
        'seller_reply_due',
        d.id,
        'seller_reply_due',
        due,
        [{ at: clock, severity: 'info' }],
        due,
        'sellerReplyDays',
      );
    }
    const opened = instantMs(d.openedAt);
    if (opened !== null) {
      const at = opened + ruleMs(policy, 'platformStepsInDays');
      plan('platform_stepping_in', d.id, null, at, [{ at, severity: 'soon' }], NEVER, 'platformStepsInDays');
    }
    const worse = proposalWorse(d.sellerProposal, d.platformProposal, d.amount);
    if (worse !== null)
      plan(
        'seller_proposal_worse',
        d.id,
        null,
        null,
        [{ at: ALWAYS, severity: worse }],
        NEVER,
        'platformStepsInDays',
      );
  }

  for (const d of facts.disputes) {
    const by = find(set, 'return_ship_by', d.id);
    if (by !== null) {
      plan(
        'return_ship_by',
        d.id,
        'return_ship_by',
        by,
        [
          { at: ALWAYS, severity: 'soon' },
          { at: by - ruleMs(policy, 'returnUrgentDays'), severity: 'urgent' },
        ],
        by,
        'returnShipDays',
      );
    }
    const appeal = find(set, 'appeal_end', d.id);
    const closedAt = instantMs(d.closedAt);
    if (appeal !== null && closedAt !== null) {
      plan(
        'appeal_window',
        d.id,
        'appeal_end',
        appeal,
        [{ at: closedAt, severity: 'info' }],
        appeal,
        'appealDays',
      );
    }
  }

  for (const r of st.unarrivedRefunds) {
    const ask = find(set, 'ask_bank_with_arn', r.id);
    if (ask === null) continue;
    plan(
      'ask_bank_with_arn',
      r.id,
      'ask_bank_with_arn',
      ask,
      [{ at: ask, severity: 'soon' }],
      refundFollowUpEnd(set, r.id, policy) ?? NEVER,
      'refundMaxBusinessDays',
    );
  }

  const C = find(set, 'chargeback_end', null);
  if (C !== null) {
    const rule = st.payChannel === 'paypal' ? 'paypalDisputeDays' : 'chargebackDays';
    plan(
      'chargeback_closing',
      '',
      'chargeback_end',
      C,
      [
        { at: C - ruleMs(policy, 'chargebackSoonDays'), severity: 'soon' },
        { at: C - ruleMs(policy, 'chargebackUrgentDays'), severity: 'urgent' },
      ],
      C,
      rule,
    );
  }

  const E = find(set, 'dispute_after_completion_end', null);
  if (E !== null && !st.hasOpenDispute) {
    plan(
      'after_completion_window',
      '',
      'dispute_after_completion_end',
      E,
      [{ at: ALWAYS, severity: 'info' }],
      E,
      'afterCompletionDays',
    );
  }
  return plans;
}

/** The end of following an unarrived refund (processed + follow-up days), or null. */
export function refundFollowUpEnd(set: DeadlineSet, refundId: string, policy: Policy): number | null {
  const due = find(set, 'refund_expected_by', refundId);
  return due === null ? null : due + ruleMs(policy, 'refundFollowUpDays');
}

type Proposalish = { amount: Money | null } | null;

/** 'urgent' when the seller offers less than AliExpress, 'soon' when less than asked. */
function proposalWorse(seller: Proposalish, platform: Proposalish, asked: Money | null): Severity | null {
  const s = seller?.amount;
  if (s === undefined || s === null) return null;
  const p = platform?.amount;
  if (p !== undefined && p !== null && p.currency === s.currency)
    return s.amountMinor < p.amountMinor ? 'urgent' : null;
  if (
    asked !== null &&
    asked !== undefined &&
    asked.currency === s.currency &&
    s.amountMinor < asked.amountMinor
  )
    return 'soon';
  return null;
}
