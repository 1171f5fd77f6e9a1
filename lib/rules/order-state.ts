/**
 * What the stored facts say about an order, independent of `now`: the phase it is in, whether
 * tracking says delivered, which disputes are open and which refunds are still on their way.
 * Computed once per order and shared by deadlines, alerts and the settled check.
 */

import { looksDelivered } from '../aliexpress/tracking-codes';
import type {
  DisputeRecord,
  OrderFacts,
  OrderLine,
  OrderStatus,
  PackageRecord,
  RefundRecord,
  TrackingEvent,
} from '../schema/model';
import { dayInZone, dayNumber, instantMs } from './dates';
import { appended, NONE } from './scratch';

export type PayChannel = 'card' | 'paypal' | 'balance';

/** How a closed dispute ended, from its status text and the refunds tied to it. */
export type DisputeOutcome = 'refunded_full' | 'refunded_part' | 'rejected' | 'cancelled';

/** The buyer cancelled (withdrew) the case: AliExpress lets a cancelled case be opened again. */
const CANCELLED_WORDS = /cancel|withdr|отмен|anulad|annul|storn|anulow|zurückgezogen/i;

/** One order line (one item the buyer is owed) and what covers it now. */
export interface LineState {
  /** The order line id, or null for an order whose lines are not known. */
  lineId: string | null;
  title: string | null;
  /** An open dispute on this line (or on the whole order). */
  openDispute: DisputeRecord | null;
  /** The latest closed dispute on this line, with how it ended. */
  closed: { readonly dispute: DisputeRecord; readonly outcome: DisputeOutcome } | null;
  /** Money refunded for this line (arrived or on its way). */
  refunded: boolean;
}

export interface OrderState {
  orderId: string;
  status: OrderStatus;
  /** Completed or receipt confirmed. */
  completed: boolean;
  /** Closed or cancelled by AliExpress, the seller or the buyer. */
  ended: boolean;
  /** Shipped (or protection shown) and neither completed nor ended: protection is running. */
  inTransit: boolean;
  /** Every known package is delivered by tracking (and there is at least one). */
  deliveredByTracking: boolean;
  /** When the last package was delivered, or null when unknown. */
  deliveredAtMs: number | null;
  /**
   * The buyer said the parcel reached them ("I received it"). Only the buyer's word: it ends the
   * parcel-not-arrived warnings, but AliExpress does not know it, so it neither completes the
   * order nor cuts the protection window as a tracking delivery does (deliveredByTracking).
   */
  receivedByBuyer: boolean;
  openDisputes: readonly DisputeRecord[];
  /** An open dispute record, or the order status says a dispute is in progress. */
  hasOpenDispute: boolean;
  /** Refunds not yet in the buyer's account (pending, or processed without arrival). */
  unarrivedRefunds: readonly RefundRecord[];
  /** Refunds known to have reached the buyer. */
  arrivedRefunds: readonly RefundRecord[];
  payChannel: PayChannel;
  /** Undelivered packages, for the silent-tracking check. */
  movingPackages: readonly PackageRecord[];
  /** Undelivered packages whose latest event reads like a delivery (not a certain code). */
  maybeDelivered: readonly PackageRecord[];
  /** Every line the buyer is owed, with what covers it. */
  lines: readonly LineState[];
  /**
   * Lines still waiting for the parcel with nothing else covering them (no open dispute, no
   * case that ended, no refund): the ones protection alerts are about.
   */
  watchedLines: readonly LineState[];
  /** A closed dispute that did not give the money back (rejected or partly refunded). */
  lostDispute: boolean;
}

const channels = new Map<string, PayChannel>();

/** How money moves for a payment or refund method text ("Credit/Debit card", "PayPal", …). */
export function payChannelOf(method: string | null | undefined): PayChannel {
  if (method === null || method === undefined) return 'card';
  // Asked for every order and refund at every recompute; a buyer has a few method texts.
  let channel = channels.get(method);
  if (channel === undefined) {
    channel = /paypal/i.test(method)
      ? 'paypal'
      : /balance|bonus|wallet|coins?\b/i.test(method)
        ? 'balance'
        : 'card';
    if (channels.size >= 1024) channels.clear();
    channels.set(method, channel);
  }
  return channel;
}

/** AliExpress finished its part: marked processed, or an unknown status with a processed date. */
export function refundProcessed(r: RefundRecord): boolean {
  return (
    r.status === 'processed' ||
    (r.status === 'unknown' && (r.processedOn !== null || (r.processedAt ?? null) !== null))
  );
}

/**
 * The buyer's calendar day the refund was processed: the day of AliExpress's instant in the
 * buyer's zone (readers have no zone; lib/aliexpress/pacific-time.ts), else the page's bare date.
 * The instant wins: it is exact, and a `processedOn` stored by an earlier version was read from
 * the same instant in China time (the merge never erases it with null).
 */
export function refundProcessedDay(
  r: Pick<RefundRecord, 'processedOn' | 'processedAt'>,
  zone: string,
): number | null {
  const at = instantMs(r.processedAt);
  if (at !== null) return dayInZone(at, zone);
  return r.processedOn === null ? null : dayNumber(r.processedOn);
}

/** The refund reached the buyer: the buyer or the page says so, or it went to the balance. */
export function refundArrived(r: RefundRecord): boolean {
  if (r.arrivedOn !== undefined && r.arrivedOn !== null) return true;
  return refundProcessed(r) && payChannelOf(r.method) === 'balance';
}

function refundedAmount(refunds: readonly RefundRecord[], d: DisputeRecord): number | null {
  let sum: number | null = null;
  for (const r of refunds) {
    const mine = r.disputeId === d.id || (r.disputeId === null && r.lineId !== null && r.lineId === d.lineId);
    if (!mine) continue;
    if (r.amount === null || (d.amount !== null && r.amount.currency !== d.amount.currency))
      return Number.POSITIVE_INFINITY;
    sum = (sum ?? 0) + r.amount.amountMinor;
  }
  return sum;
}

export function disputeOutcome(d: DisputeRecord, refunds: readonly RefundRecord[]): DisputeOutcome {
  if (CANCELLED_WORDS.test(d.statusText)) return 'cancelled';
  const got = refundedAmount(refunds, d);
  if (got === null || got === 0) return 'rejected';
  if (d.amount === null || got >= d.amount.amountMinor) return 'refunded_full';
  return 'refunded_part';
}

/** A case that did not give the money back may be appealed (through customer service). */
export function appealable(outcome: DisputeOutcome): boolean {
  return outcome === 'rejected' || outcome === 'refunded_part';
}

/** The newest event of a package (AliExpress lists newest first; we do not rely on it). */
function latestEvent(p: PackageRecord): TrackingEvent | undefined {
  let best: TrackingEvent | undefined;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (const e of p.events) {
    const at = instantMs(e.at) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || at > bestAt) {
      best = e;
      bestAt = at;
    }
  }
  return best;
}

/**
 * Whether a record for `lineId` covers line `l`: a record without a line id (or for a line we
 * do not know) covers every line.
 */
function covers(known: readonly OrderLine[], lineId: string | null, l: LineState): boolean {
  if (lineId === null || l.lineId === null || l.lineId === lineId) return true;
  for (const k of known) if (k.id === lineId) return false;
  return true;
}

function lineStates(facts: OrderFacts): LineState[] {
  const known = facts.order.lines ?? NONE;
  const lines: LineState[] =
    known.length > 0
      ? known.map((l) => ({ lineId: l.id, title: l.title, openDispute: null, closed: null, refunded: false }))
      : [{ lineId: null, title: null, openDispute: null, closed: null, refunded: false }];
  for (const d of facts.disputes) {
    const outcome = d.status === 'closed' ? disputeOutcome(d, facts.refunds) : null;
    const closes = outcome !== null && outcome !== 'cancelled';
    if (d.status !== 'open' && !closes) continue;
    // One record per closing dispute, shared by the lines it covers (read-only).
    const closed = closes ? { dispute: d, outcome } : null;
    for (const l of lines) {
      if (!covers(known, d.lineId, l)) continue;
      if (d.status === 'open') l.openDispute = d;
      else l.closed = closed;
    }
  }
  // A refund record of a case that ended without money (cancelled: status unknown, no date)
  // covers nothing.
  for (const r of facts.refunds) {
    if (r.status === 'unknown' && r.processedOn === null && !refundArrived(r)) continue;
    for (const l of lines) if (covers(known, r.lineId, l)) l.refunded = true;
  }
  return lines;
}

/** The line's case ended without all its money back (rejected or partly refunded). */
export function lostLine(l: LineState): boolean {
  return l.closed !== null && l.closed.outcome !== 'refunded_full';
}

/** Every line's case has ended (closed with an outcome other than cancelled). */
export function everyLineClosed(st: Pick<OrderState, 'lines'>): boolean {
  for (const l of st.lines) if (l.closed === null) return false;
  return true;
}

export function orderState(facts: OrderFacts): OrderState {
  const o = facts.order;
  const status: OrderStatus = o.status ?? 'unknown';
  const completed = status === 'completed' || (o.completedOn !== undefined && status !== 'in_dispute');
  const ended = status === 'closed' || status === 'cancelled';
  const shipped =
    o.shippedOn !== undefined ||
    o.protection !== undefined ||
    facts.packages.length > 0 ||
    status === 'awaiting_delivery';
  const preShipment = status === 'unpaid' || status === 'awaiting_shipment';
  const inTransit = shipped && !completed && !ended && !preShipment;

  let deliveredByTracking = facts.packages.length > 0;
  let deliveredAtMs: number | null = null;
  let movingPackages: PackageRecord[] | null = null;
  let maybeDelivered: PackageRecord[] | null = null;
  for (const p of facts.packages) {
    if (!p.delivered) {
      deliveredByTracking = false;
      movingPackages = appended(movingPackages, p);
      const last = latestEvent(p);
      if (last !== undefined && looksDelivered(last)) maybeDelivered = appended(maybeDelivered, p);
      continue;
    }
    // Delivered, time unknown: it happened no later than we stored the package.
    const at = instantMs(p.deliveredAt) ?? instantMs(latestEvent(p)?.at) ?? instantMs(p.updatedAt);
    if (at !== null && (deliveredAtMs === null || at > deliveredAtMs)) deliveredAtMs = at;
  }
  if (!deliveredByTracking) deliveredAtMs = null;

  let openDisputes: DisputeRecord[] | null = null;
  for (const d of facts.disputes) if (d.status === 'open') openDisputes = appended(openDisputes, d);
  let unarrivedRefunds: RefundRecord[] | null = null;
  let arrivedRefunds: RefundRecord[] | null = null;
  for (const r of facts.refunds) {
    if (refundArrived(r)) arrivedRefunds = appended(arrivedRefunds, r);
    else unarrivedRefunds = appended(unarrivedRefunds, r);
  }

  const lines = lineStates(facts);
  const wholeOrderInDispute = status === 'in_dispute' && openDisputes === null;
  const watchedLines = wholeOrderInDispute ? NONE : watched(lines);
  let lostDispute = false;
  for (const l of lines) if (lostLine(l)) lostDispute = true;
  return {
    orderId: o.id,
    status,
    completed,
    ended,
    inTransit,
    deliveredByTracking,
    deliveredAtMs,
    receivedByBuyer: o.receivedOn !== undefined && o.receivedOn !== null,
    openDisputes: openDisputes ?? NONE,
    hasOpenDispute: openDisputes !== null || status === 'in_dispute',
    unarrivedRefunds: unarrivedRefunds ?? NONE,
    arrivedRefunds: arrivedRefunds ?? NONE,
    payChannel: payChannelOf(o.paymentMethod),
    movingPackages: movingPackages ?? NONE,
    maybeDelivered: maybeDelivered ?? NONE,
    lines,
    watchedLines,
    lostDispute,
  };
}

/**
 * The lines nothing covers: usually all of them (then the same array) or none (the shared
 * empty one), so most orders make no second list.
 */
function watched(lines: readonly LineState[]): readonly LineState[] {
  let n = 0;
  for (const l of lines) if (isWatched(l)) n += 1;
  if (n === lines.length) return lines;
  if (n === 0) return NONE;
  return lines.filter(isWatched);
}

function isWatched(l: LineState): boolean {
  return l.openDispute === null && l.closed === null && !l.refunded;
}
