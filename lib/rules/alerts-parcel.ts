/** Alert plans about the parcel: protection ending, delivered, silent tracking, dispute opens. */

import { type AlertStep, before, NEVER, type PlanContext, plan } from './alert-plan';
import { addCalendarDays, dayNumber, instantMs, openingInstant } from './dates';
import { ruleMs } from './policy';

/** Not delivered: protection is ending, and before that, ask the seller for more time. */
export function protectionPlans(c: PlanContext): void {
  const P = c.set.protectionEnd;
  if (!c.watching || P === null || c.st.deliveredByTracking) return;
  plan(c, {
    kind: 'protection_ending',
    deadlineKind: 'protection_end',
    deadlineAt: P,
    steps: [
      { at: before(c, P, 'protectionSoonDays'), severity: 'soon' },
      { at: before(c, P, 'protectionUrgentDays'), severity: 'urgent' },
    ],
    until: P,
    rule: 'protectionDays',
  });
  plan(c, {
    kind: 'ask_extension',
    deadlineKind: 'protection_end',
    deadlineAt: P,
    steps: [{ at: before(c, P, 'extensionAskFromDays'), severity: 'soon' }],
    until: before(c, P, 'extensionLeadDays'),
    rule: 'extensionLeadDays',
  });
}

export function deliveredPlans(c: PlanContext): void {
  const { deliveredAtMs } = c.st;
  if (!c.watching || !c.st.deliveredByTracking || deliveredAtMs === null) return;
  const P = c.set.protectionEnd;
  plan(c, {
    kind: 'delivered_not_confirmed',
    deadlineKind: 'protection_end',
    deadlineAt: P,
    steps: [{ at: deliveredAtMs, severity: 'urgent' }],
    until: P ?? deliveredAtMs + ruleMs(c.policy, 'deliveredShortensToDays'),
    rule: 'deliveredShortensToDays',
  });
}

export function silentTrackingPlans(c: PlanContext): void {
  if (!c.watching) return;
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
  if (!c.watching || D === null || c.st.deliveredByTracking) return;
  const P = c.set.protectionEnd;
  const steps: AlertStep[] = [{ at: D, severity: 'info' }];
  // Past the promised delivery date the parcel is late: opening a dispute becomes advice.
  const promised = dayNumber(c.facts.order.promisedDeliveryOn ?? '');
  if (promised !== null)
    steps.push({ at: Math.max(D, openingInstant(addCalendarDays(promised, 1), c.zone)), severity: 'soon' });
  plan(c, {
    kind: 'dispute_can_open',
    deadlineKind: P === null ? 'dispute_opens' : 'protection_end',
    deadlineAt: P ?? D,
    steps,
    until: P ?? NEVER,
    rule: 'disputeOpensAfterDays',
  });
}
