/** Alert plans about the parcel: protection ending, delivered, silent tracking, dispute opens. */

import { ALWAYS_SOON, ALWAYS_URGENT, before, NEVER, type PlanContext, plan } from './alert-plan';
import { addCalendarDays, dayNumber, instantMs, openingInstant } from './dates';
import { ruleMs, ruleValue } from './policy';

/**
 * Not delivered: protection is ending, and before that, ask the seller for more time. An
 * estimated end starts both earlier (`estimateEarlierByDays`): it may be days early or late.
 */
export function protectionPlans(c: PlanContext): void {
  const P = c.set.protectionEnd;
  if (!c.watching || P === null || c.st.deliveredByTracking || c.st.receivedByBuyer) return;
  const early = c.set.protectionSource === 'estimate' ? ruleMs(c.policy, 'estimateEarlierByDays') : 0;
  plan(c, {
    kind: 'protection_ending',
    subject: '',
    deadlineKind: 'protection_end',
    deadlineAt: P,
    steps: [
      { at: before(c, P, 'protectionSoonDays') - early, severity: 'soon' },
      { at: before(c, P, 'protectionUrgentDays') - early, severity: 'urgent' },
    ],
    until: P,
    rule: 'protectionDays',
  });
  plan(c, {
    kind: 'ask_extension',
    subject: '',
    deadlineKind: 'protection_end',
    deadlineAt: P,
    steps: [{ at: before(c, P, 'extensionAskFromDays'), severity: 'soon' }],
    until: before(c, P, 'extensionLeadDays'),
    rule: 'extensionLeadDays',
  });
}

/**
 * Never silent: protection ended and the parcel has not come (nor a dispute opened). Money is
 * at stake, so this stays urgent until the facts change: open a dispute now / contact
 * AliExpress, then the card chargeback.
 */
export function protectionOverPlan(c: PlanContext): void {
  const P = c.set.protectionEnd;
  if (!c.watching || P === null || c.st.deliveredByTracking || c.st.receivedByBuyer) return;
  plan(c, {
    kind: 'protection_over',
    subject: '',
    deadlineKind: 'protection_end',
    deadlineAt: P,
    steps: [{ at: P, severity: 'urgent' }],
    until: NEVER,
    rule: 'protectionDays',
  });
}

/** The last event reads like a delivery, but tracking is not certain: check the parcel. */
export function maybeDeliveredPlans(c: PlanContext): void {
  if (!c.watching || c.st.deliveredByTracking || c.st.receivedByBuyer) return;
  const P = c.set.protectionEnd;
  for (const p of c.st.maybeDelivered) {
    plan(c, {
      kind: 'check_parcel',
      subject: p.trackingNumber,
      deadlineKind: P === null ? null : 'protection_end',
      deadlineAt: P,
      steps: ALWAYS_SOON,
      until: P ?? NEVER,
      rule: 'deliveredShortensToDays',
    });
  }
}

/** Not shipped after the seller's handling time: the buyer may cancel for a full refund. */
export function unshippedPlan(c: PlanContext): void {
  const o = c.facts.order;
  if (c.st.status !== 'awaiting_shipment') return;
  const from = dayNumber(o.paidOn ?? o.placedOn ?? '');
  if (from === null) return;
  const at = openingInstant(addCalendarDays(from, ruleValue(c.policy, 'shipWithinDays') + 1), c.zone);
  plan(c, {
    kind: 'may_cancel_unshipped',
    subject: '',
    deadlineKind: null,
    deadlineAt: at,
    steps: [{ at, severity: 'soon' }],
    until: NEVER,
    rule: 'shipWithinDays',
  });
}

export function deliveredPlans(c: PlanContext): void {
  const { deliveredAtMs } = c.st;
  if (!c.watching || !c.st.deliveredByTracking || deliveredAtMs === null) return;
  const end = c.set.protectionEnd ?? deliveredAtMs + ruleMs(c.policy, 'deliveredShortensToDays');
  // Urgent from the moment tracking says delivered, and after the shortened end too: AliExpress
  // then completes the order, and a parcel that did not really come can still be disputed for
  // the days after completion.
  plan(c, {
    kind: 'delivered_not_confirmed',
    subject: '',
    deadlineKind: 'protection_end',
    deadlineAt: end,
    steps: ALWAYS_URGENT,
    until: end + ruleMs(c.policy, 'afterCompletionDays'),
    rule: 'deliveredShortensToDays',
  });
}

export function silentTrackingPlans(c: PlanContext): void {
  // Silent tracking matters while the parcel is awaited; the buyer says it is in their hands.
  if (!c.watching || c.st.receivedByBuyer) return;
  const P = c.set.protectionEnd;
  for (const p of c.st.movingPackages) {
    let last: number | null = null;
    for (const e of p.events) {
      const at = instantMs(e.at);
      if (at !== null && (last === null || at > last)) last = at;
    }
    if (last === null) continue;
    plan(c, {
      kind: 'tracking_silent',
      subject: p.trackingNumber,
      deadlineKind: P === null ? null : 'protection_end',
      deadlineAt: P,
      steps: [{ at: last + ruleMs(c.policy, 'trackingSilentDays'), severity: 'soon' }],
      until: P ?? NEVER,
      rule: 'trackingSilentDays',
    });
  }
}

export function disputeCanOpenPlan(c: PlanContext): void {
  const D = c.set.disputeOpens;
  if (!c.watching || D === null || c.st.deliveredByTracking || c.st.receivedByBuyer) return;
  const P = c.set.protectionEnd;
  const opens = { at: D, severity: 'info' } as const;
  // Past the promised delivery date the parcel is late: opening a dispute becomes advice.
  const promised = dayNumber(c.facts.order.promisedDeliveryOn ?? '');
  const steps =
    promised === null
      ? [opens]
      : [
          opens,
          {
            at: Math.max(D, openingInstant(addCalendarDays(promised, 1), c.zone)),
            severity: 'soon' as const,
          },
        ];
  plan(c, {
    kind: 'dispute_can_open',
    subject: '',
    deadlineKind: P === null ? 'dispute_opens' : 'protection_end',
    deadlineAt: P ?? D,
    steps,
    until: P ?? NEVER,
    rule: 'disputeOpensAfterDays',
  });
}
