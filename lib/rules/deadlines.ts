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
import type { DeadlineKind, IsoDate, OrderFacts } from '../schema/model';
import {
  addBusinessDays,
  addCalendarDays,
  closingInstant,
  dayNumber,
  instantMs,
  openingInstant,
  toInstant,
} from './dates';
import {
  appealable,
  disputeOutcome,
  everyLineClosed,
  type OrderState,
  payChannelOf,
  refundProcessed,
  refundProcessedDay,
} from './order-state';
import { type Policy, type PolicyRuleName, ruleMs, ruleValue } from './policy';
import { Scratch } from './scratch';
import type { Deadline } from './types';

export interface DeadlineSet {
  /** Sorted by instant; the assessment shows this same array (read-only). */
  deadlines: readonly Deadline[];
  /** `ms[i]` is `deadlines[i].at` in ms, for fast comparisons inside the rules. */
  ms: readonly number[];
  /** Effective protection end (page date, estimate, or shortened by delivery), or null. */
  protectionEnd: number | null;
  /** Whether that end is a date AliExpress shows or our estimate. */
  protectionSource: 'page' | 'estimate';
  disputeOpens: number | null;
}

export function find(set: DeadlineSet, kind: DeadlineKind, subjectId: string | null): number | null {
  const { deadlines } = set;
  for (let i = 0; i < deadlines.length; i += 1) {
    const d = deadlines[i] as Deadline;
    if (d.kind === kind && d.subjectId === subjectId) return set.ms[i] as number;
  }
  return null;
}

/** What every step below reads, and the list it adds to. */
interface DeadlineContext {
  facts: OrderFacts;
  st: OrderState;
  policy: Policy;
  zone: string;
  /** Keyed by the instant in ms. */
  list: Scratch<Deadline>;
}

/** The list every order's deadlines are built in, then copied at their exact number. */
const building = new Scratch<Deadline>();

function add(
  c: DeadlineContext,
  kind: DeadlineKind,
  ms: number,
  source: 'page' | 'estimate',
  ruleId: string,
  needsAction: boolean,
  subjectId: string | null,
  shownOn: IsoDate | null = null,
): void {
  c.list.push(
    { kind, at: toInstant(ms), source, orderId: c.facts.order.id, ruleId, needsAction, subjectId, shownOn },
    ms,
  );
}

/** A calendar date plus a policy number of days, as a closing (or opening) instant. */
function dateRule(c: DeadlineContext, day: number, rule: PolicyRuleName, opening = false): number {
  const end = addCalendarDays(day, ruleValue(c.policy, rule));
  return opening ? openingInstant(end, c.zone) : closingInstant(end, c.zone);
}

/** The earliest day the order is known by (placed, paid or shipped; normally placed). */
function earliestKnownDay(c: DeadlineContext, shipped: number | null): number | null {
  const o = c.facts.order;
  const placed = o.placedOn === undefined ? null : dayNumber(o.placedOn);
  const paid = o.paidOn === undefined ? null : dayNumber(o.paidOn);
  return earlier(earlier(shipped, placed), paid);
}

function earlier(a: number | null, b: number | null): number | null {
  return b !== null && (a === null || b < a) ? b : a;
}

/**
 * Protection: the page's date wins; else the earliest known date + 60 days (AliExpress's
 * maximum), labelled as an estimate. Delivered by tracking cuts the remaining time short to
 * 5 days (B.2), even when a page date was read after the delivery: a later page date never
 * lengthens the cut.
 */
function protectionEnd(c: DeadlineContext, shipped: number | null): void {
  const o = c.facts.order;
  const pageDay = o.protection === undefined ? null : dayNumber(o.protection.endsOn);
  const from = earliestKnownDay(c, shipped);
  let end: number | null = null;
  let source: 'page' | 'estimate' = 'page';
  let ruleId = 'protection_page';
  if (pageDay !== null) end = closingInstant(pageDay, c.zone);
  else if (from !== null) {
    end = dateRule(c, from, 'protectionDays');
    source = 'estimate';
    ruleId = 'protection_estimate';
  }
  const { deliveredByTracking, deliveredAtMs } = c.st;
  if (deliveredByTracking && deliveredAtMs !== null) {
    const cut = deliveredAtMs + ruleMs(c.policy, 'deliveredShortensToDays');
    if (end === null || cut < end) {
      end = cut;
      source = 'estimate';
      ruleId = 'protection_after_delivery';
    }
  }
  if (end === null) return;
  // The buyer must act before it only for items nothing else covers (no dispute, case, refund).
  const shownOn = source === 'page' ? (o.protection?.endsOn ?? null) : null;
  add(c, 'protection_end', end, source, ruleId, c.st.watchedLines.length > 0, null, shownOn);
}

/** A dispute can be opened once 10 full days have passed: the 11th day after shipment. */
function disputeOpens(c: DeadlineContext, shipped: number | null): number | null {
  if (shipped === null) return null;
  const at = openingInstant(
    addCalendarDays(shipped, ruleValue(c.policy, 'disputeOpensAfterDays') + 1),
    c.zone,
  );
  add(c, 'dispute_opens', at, 'estimate', 'dispute_opens_after_shipment', false, null);
  return at;
}

/**
 * The page's own words for the window after completion ("you can apply for a return/refund
 * within 7 days of confirming receipt", completed-order reminder, reference §1.2), in the
 * readers' languages: the number of days, or null.
 */
const RECEIPT_WINDOW =
  /(\d{1,3})\s*(?:days?|días|dias|jours|tagen?|дн[а-яё]*|dni)[^.]{0,40}?(?:receipt|recepci|recebimento|réception|erhalt|empfang|получени|odbior)/iu;

export function pageWindowDays(reminderText: string | undefined): number | null {
  const m = reminderText === undefined ? null : RECEIPT_WINDOW.exec(reminderText);
  const n = m?.[1] === undefined ? Number.NaN : Number(m[1]);
  return n > 0 ? n : null;
}

/** The days after completion: the page's own window wins over the 15-day default. */
function afterCompletion(c: DeadlineContext): void {
  const o = c.facts.order;
  const completedDay = o.completedOn === undefined ? null : dayNumber(o.completedOn);
  if (!c.st.completed || completedDay === null) return;
  // One claim per item: no "last day to open a dispute" while one is open or once every
  // item's case has ended.
  if (c.st.hasOpenDispute || everyLineClosed(c.st)) return;
  const pageDays = pageWindowDays(o.reminderText);
  const end =
    pageDays === null
      ? dateRule(c, completedDay, 'afterCompletionDays')
      : closingInstant(addCalendarDays(completedDay, pageDays), c.zone);
  const source = pageDays === null ? 'estimate' : 'page';
  const ruleId = pageDays === null ? 'after_completion' : 'after_completion_page';
  add(c, 'dispute_after_completion_end', end, source, ruleId, true, null);
}

function disputeDeadlines(c: DeadlineContext): void {
  for (const d of c.facts.disputes) {
    // Once the seller answered with a proposal, no answer is due any more.
    if (d.status === 'open' && d.sellerProposal === null) {
      // The seller's 5 days start again after every change to the request.
      const clock = instantMs(d.updatedAt) ?? instantMs(d.openedAt);
      if (clock !== null)
        add(
          c,
          'seller_reply_due',
          clock + ruleMs(c.policy, 'sellerReplyDays'),
          'estimate',
          'seller_reply',
          false,
          d.id,
        );
    }
    const closedAt = instantMs(d.closedAt);
    // Nothing to appeal after a full refund or a case the buyer cancelled.
    if (d.status === 'closed' && closedAt !== null && appealable(disputeOutcome(d, c.facts.refunds)))
      add(c, 'appeal_end', closedAt + ruleMs(c.policy, 'appealDays'), 'estimate', 'appeal', true, d.id);
    const agreed = d.returnAgreedOn === null ? null : dayNumber(d.returnAgreedOn);
    if (d.status !== 'closed' && agreed !== null && d.returnShippedOn === null)
      add(c, 'return_ship_by', dateRule(c, agreed, 'returnShipDays'), 'estimate', 'return_ship', true, d.id);
  }
}

/** 3–20 business days after processing; once the 20th has fully passed, ask the bank. */
function refundDeadlines(c: DeadlineContext): void {
  for (const r of c.st.unarrivedRefunds) {
    const processed = refundProcessedDay(r, c.zone);
    if (!refundProcessed(r) || processed === null) continue;
    const lastDay = addBusinessDays(processed, ruleValue(c.policy, 'refundMaxBusinessDays'));
    const overdue = openingInstant(addCalendarDays(lastDay, 1), c.zone);
    add(c, 'refund_expected_by', overdue, 'estimate', 'refund_card', false, r.id);
    if (payChannelOf(r.method) === 'card')
      add(c, 'ask_bank_with_arn', overdue, 'estimate', 'refund_arn', true, r.id);
  }
}

/** The card/PayPal fallback matters only while money is still at stake. */
function chargebackEnd(c: DeadlineContext): void {
  const { st } = c;
  const o = c.facts.order;
  const paidDay = dayNumber(o.paidOn ?? o.placedOn ?? '');
  // A lost dispute leaves the card chargeback (or PayPal) as the next step.
  const atStake =
    st.hasOpenDispute ||
    st.lostDispute ||
    st.unarrivedRefunds.length > 0 ||
    (st.inTransit && !st.deliveredByTracking);
  if (paidDay === null || !atStake || st.payChannel === 'balance') return;
  const paypal = st.payChannel === 'paypal';
  const at = dateRule(c, paidDay, paypal ? 'paypalDisputeDays' : 'chargebackDays');
  add(c, 'chargeback_end', at, 'estimate', paypal ? 'paypal' : 'chargeback', true, null);
}

export function computeDeadlines(
  facts: OrderFacts,
  st: OrderState,
  policy: Policy,
  zone: string,
): DeadlineSet {
  const c: DeadlineContext = { facts, st, policy, zone, list: building.begin() };
  const o = facts.order;
  const shipped = o.shippedOn === undefined ? null : dayNumber(o.shippedOn);
  if (st.inTransit) protectionEnd(c, shipped);
  const opens = st.inTransit ? disputeOpens(c, shipped) : null;
  afterCompletion(c);
  disputeDeadlines(c);
  refundDeadlines(c);
  chargebackEnd(c);
  c.list.sort();
  const deadlines = c.list.toArray();
  const ms = c.list.keysToArray();
  // At most one protection end is ever added (protectionEnd).
  let protection = -1;
  for (let i = 0; i < deadlines.length; i += 1) if (deadlines[i]?.kind === 'protection_end') protection = i;
  return {
    deadlines,
    ms,
    protectionEnd: protection < 0 ? null : (ms[protection] as number),
    protectionSource: deadlines[protection]?.source ?? 'estimate',
    disputeOpens: opens,
  };
}
