/**
 * Every window boundary of one order, from the stored facts, the policy and the buyer's zone.
 * Deadlines do not depend on `now` (a passed deadline stays listed), so they only change when
 * the facts do; alerts and the settled check decide what `now` makes of them.
 *
 * Conventions (docs/rules.md "Dates"):
 * - a date the page shows, or a date computed from one by adding calendar or business days,
 *   becomes an instant with `closingInstant` (earlier of buyer's zone and UTC+8) when it closes
 *   a window and `openingInstant` (later of the two) when it opens one;
 * - timers that AliExpress runs from an instant (seller reply, platform, appeal, delivered)
 *   are added in exact 24-hour days to that instant.
 */
import type { DeadlineKind, OrderFacts } from '../schema/model';
import { addBusinessDays, closingInstant, dayNumber, instantMs, openingInstant, toInstant } from './dates';
import { type OrderState, payChannelOf, refundProcessed, refundProcessedDay } from './order-state';
import { type Policy, ruleMs, ruleValue } from './policy';
import type { Deadline } from './types';

/** A deadline with its instant as ms, for fast comparisons inside the rules. */
export interface TimedDeadline {
  deadline: Deadline;
  ms: number;
}

export interface DeadlineSet {
  list: TimedDeadline[];
  /** Effective protection end (page date, estimate, or shortened by delivery), or null. */
  protectionEnd: number | null;
  disputeOpens: number | null;
}

export function find(set: DeadlineSet, kind: DeadlineKind, subjectId: string | null): number | null {
  for (const t of set.list) {
    if (t.deadline.kind === kind && t.deadline.subjectId === subjectId) return t.ms;
  }
  return null;
}

export function computeDeadlines(
  facts: OrderFacts,
  st: OrderState,
  policy: Policy,
  zone: string,
): DeadlineSet {
  const o = facts.order;
  const list: TimedDeadline[] = [];
  const add = (
    kind: DeadlineKind,
    ms: number,
    source: 'page' | 'estimate',
    ruleId: string,
    needsAction: boolean,
    subjectId: string | null,
  ): void => {
    list.push({
      ms,
      deadline: { kind, at: toInstant(ms), source, orderId: o.id, ruleId, needsAction, subjectId },
    });
  };

  const shipped = o.shippedOn === undefined ? null : dayNumber(o.shippedOn);
  let protectionEnd: number | null = null;
  let disputeOpens: number | null = null;

  if (st.inTransit) {
    // Protection: the page's date wins; else shipment + 60 days, labelled as an estimate.
    const pageDay = o.protection === undefined ? null : dayNumber(o.protection.endsOn);
    let source: 'page' | 'estimate' = 'page';
    let ruleId = 'protection_page';
    if (pageDay !== null) protectionEnd = closingInstant(pageDay, zone);
    else if (shipped !== null) {
      protectionEnd = closingInstant(shipped + ruleValue(policy, 'protectionDays'), zone);
      source = 'estimate';
      ruleId = 'protection_estimate';
    }
    // Delivered by tracking cuts the remaining time short (B.2). A page date read after the
    // delivery already reflects it, so it still wins.
    if (st.deliveredByTracking && st.deliveredAtMs !== null) {
      const pageSeenAt = instantMs(o.sources.protection?.at);
      const pageIsNewer = pageDay !== null && pageSeenAt !== null && pageSeenAt > st.deliveredAtMs;
      const cut = st.deliveredAtMs + ruleMs(policy, 'deliveredShortensToDays');
      if (!pageIsNewer && (protectionEnd === null || cut < protectionEnd)) {
        protectionEnd = cut;
        source = 'estimate';
        ruleId = 'protection_after_delivery';
      }
    }
    if (protectionEnd !== null) add('protection_end', protectionEnd, source, ruleId, true, null);

    // A dispute can be opened once 10 full days have passed: the 11th day after shipment.
    if (shipped !== null) {
      disputeOpens = openingInstant(shipped + ruleValue(policy, 'disputeOpensAfterDays') + 1, zone);
      add('dispute_opens', disputeOpens, 'estimate', 'dispute_opens_after_shipment', false, null);
    }
  }

  const completedDay = o.completedOn === undefined ? null : dayNumber(o.completedOn);
  if (st.completed && completedDay !== null) {
    const end = closingInstant(completedDay + ruleValue(policy, 'afterCompletionDays'), zone);
    add('dispute_after_completion_end', end, 'estimate', 'after_completion', true, null);
  }

  for (const d of facts.disputes) {
    if (d.status === 'open') {
      // The seller's 5 days start again after every change to the request.
      const clock = instantMs(d.updatedAt) ?? instantMs(d.openedAt);
      if (clock !== null) {
        add(
          'seller_reply_due',
          clock + ruleMs(policy, 'sellerReplyDays'),
          'estimate',
          'seller_reply',
          false,
          d.id,
        );
      }
    }
    const closedAt = instantMs(d.closedAt);
    if (d.status === 'closed' && closedAt !== null) {
      add('appeal_end', closedAt + ruleMs(policy, 'appealDays'), 'estimate', 'appeal', true, d.id);
    }
    const agreed = d.returnAgreedOn === null ? null : dayNumber(d.returnAgreedOn);
    if (d.status !== 'closed' && agreed !== null && d.returnShippedOn === null) {
      const by = closingInstant(agreed + ruleValue(policy, 'returnShipDays'), zone);
      add('return_ship_by', by, 'estimate', 'return_ship', true, d.id);
    }
  }

  for (const r of st.unarrivedRefunds) {
    const processed = refundProcessedDay(r, zone);
    if (!refundProcessed(r) || processed === null) continue;
    // 3–20 business days after processing; once the 20th has fully passed, ask the bank.
    const lastDay = addBusinessDays(processed, ruleValue(policy, 'refundMaxBusinessDays'));
    const overdue = openingInstant(lastDay + 1, zone);
    add('refund_expected_by', overdue, 'estimate', 'refund_card', false, r.id);
    if (payChannelOf(r.method) === 'card')
      add('ask_bank_with_arn', overdue, 'estimate', 'refund_arn', true, r.id);
  }

  // The card/PayPal fallback matters only while money is still at stake.
  const paidDay = dayNumber(o.paidOn ?? o.placedOn ?? '');
  const atStake =
    st.hasOpenDispute || st.unarrivedRefunds.length > 0 || (st.inTransit && !st.deliveredByTracking);
  if (paidDay !== null && atStake && st.payChannel !== 'balance') {
    const paypal = st.payChannel === 'paypal';
    const days = ruleValue(policy, paypal ? 'paypalDisputeDays' : 'chargebackDays');
    add(
      'chargeback_end',
      closingInstant(paidDay + days, zone),
      'estimate',
      paypal ? 'paypal' : 'chargeback',
      true,
      null,
    );
  }

  list.sort((a, b) => a.ms - b.ms);
  return { list, protectionEnd, disputeOpens };
}
