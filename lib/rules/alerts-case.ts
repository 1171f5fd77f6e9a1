/** Alert plans about disputes, returns, appeals, refunds and the card/PayPal fallback. */
import type { Money, Severity } from '../schema/model';
import {
  ALWAYS,
  ALWAYS_INFO,
  ALWAYS_SOON,
  ALWAYS_URGENT,
  before,
  NEVER,
  type PlanContext,
  plan,
  refundFollowUpEnd,
} from './alert-plan';
import { reasonFromText } from './checklists';
import { instantMs } from './dates';
import { find, pageWindowDays } from './deadlines';
import { everyLineClosed } from './order-state';
import { ruleMs } from './policy';

export function openDisputePlans(c: PlanContext): void {
  for (const d of c.st.openDisputes) {
    const due = find(c.set, 'seller_reply_due', d.id);
    const clock = instantMs(d.updatedAt) ?? instantMs(d.openedAt);
    // Once the seller has answered with a proposal, no reply is due any more.
    if (due !== null && clock !== null && d.sellerProposal === null) {
      plan(c, {
        kind: 'seller_reply_due',
        subject: d.id,
        deadlineKind: 'seller_reply_due',
        deadlineAt: due,
        steps: [{ at: clock, severity: 'info' }],
        until: due,
        rule: 'sellerReplyDays',
      });
    }
    const opened = instantMs(d.openedAt);
    if (opened !== null) {
      const at = opened + ruleMs(c.policy, 'platformStepsInDays');
      plan(c, {
        kind: 'platform_stepping_in',
        subject: d.id,
        deadlineKind: null,
        deadlineAt: at,
        steps: [{ at, severity: 'soon' }],
        until: NEVER,
        rule: 'platformStepsInDays',
      });
    }
    const worse = proposalWorse(d.sellerProposal, d.platformProposal, d.amount);
    if (worse !== null)
      plan(c, {
        kind: 'seller_proposal_worse',
        subject: d.id,
        deadlineKind: null,
        deadlineAt: null,
        steps: worse === 'urgent' ? ALWAYS_URGENT : ALWAYS_SOON,
        until: NEVER,
        rule: 'platformStepsInDays',
      });
  }
}

/**
 * Tracking turned "delivered" during a "not received" dispute: AliExpress gives the buyer 5 days
 * to change the reason, or the money goes to the seller.
 */
export function changeReasonPlans(c: PlanContext): void {
  const { deliveredAtMs } = c.st;
  if (!c.st.deliveredByTracking || deliveredAtMs === null) return;
  for (const d of c.st.openDisputes) {
    if (reasonFromText(d.reason) !== 'not_received') continue;
    plan(c, {
      kind: 'change_reason_delivered',
      subject: d.id,
      deadlineKind: null,
      deadlineAt: deliveredAtMs + ruleMs(c.policy, 'changeReasonDays'),
      steps: [{ at: deliveredAtMs, severity: 'urgent' }],
      until: deliveredAtMs + ruleMs(c.policy, 'changeReasonDays'),
      rule: 'changeReasonDays',
    });
  }
}

export function returnAndAppealPlans(c: PlanContext): void {
  for (const d of c.facts.disputes) {
    const by = find(c.set, 'return_ship_by', d.id);
    if (by !== null) {
      plan(c, {
        kind: 'return_ship_by',
        subject: d.id,
        deadlineKind: 'return_ship_by',
        deadlineAt: by,
        steps: [
          { at: ALWAYS, severity: 'soon' },
          { at: before(c, by, 'returnUrgentDays'), severity: 'urgent' },
        ],
        // Never silent: past the date with the return not shipped, the case (and the money)
        // is at stake until the facts change, so it stays urgent.
        until: NEVER,
        rule: 'returnShipDays',
      });
    }
    const appeal = find(c.set, 'appeal_end', d.id);
    const closedAt = instantMs(d.closedAt);
    // Nothing to appeal when the case was refunded in full or the buyer cancelled it.
    if (appeal !== null && closedAt !== null) {
      plan(c, {
        kind: 'appeal_window',
        subject: d.id,
        deadlineKind: 'appeal_end',
        deadlineAt: appeal,
        steps: [{ at: closedAt, severity: 'info' }],
        until: appeal,
        rule: 'appealDays',
      });
    }
  }
}

export function refundPlans(c: PlanContext): void {
  for (const r of c.st.unarrivedRefunds) {
    const ask = find(c.set, 'ask_bank_with_arn', r.id);
    if (ask === null) continue;
    plan(c, {
      kind: 'ask_bank_with_arn',
      subject: r.id,
      deadlineKind: 'ask_bank_with_arn',
      deadlineAt: ask,
      steps: [{ at: ask, severity: 'soon' }],
      until: refundFollowUpEnd(c.set, r.id, c.policy) ?? NEVER,
      rule: 'refundMaxBusinessDays',
    });
  }
}

export function chargebackPlan(c: PlanContext): void {
  const C = find(c.set, 'chargeback_end', null);
  if (C === null) return;
  plan(c, {
    kind: 'chargeback_closing',
    subject: '',
    deadlineKind: 'chargeback_end',
    deadlineAt: C,
    steps: [
      { at: before(c, C, 'chargebackSoonDays'), severity: 'soon' },
      { at: before(c, C, 'chargebackUrgentDays'), severity: 'urgent' },
    ],
    until: C,
    rule: c.st.payChannel === 'paypal' ? 'paypalDisputeDays' : 'chargebackDays',
  });
}

export function afterCompletionPlan(c: PlanContext): void {
  const E = find(c.set, 'dispute_after_completion_end', null);
  // One claim per item: a line whose case ended cannot be disputed again.
  if (E === null || c.st.hasOpenDispute || everyLineClosed(c.st)) return;
  const days = pageWindowDays(c.facts.order.reminderText);
  plan(c, {
    kind: 'after_completion_window',
    subject: '',
    deadlineKind: 'dispute_after_completion_end',
    deadlineAt: E,
    steps: ALWAYS_INFO,
    until: E,
    rule: 'afterCompletionDays',
    days: days ?? undefined,
  });
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
