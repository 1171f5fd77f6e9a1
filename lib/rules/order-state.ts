/**
 * What the stored facts say about an order, independent of `now`: the phase it is in, whether
 * tracking says delivered, which disputes are open and which refunds are still on their way.
 * Computed once per order and shared by deadlines, alerts and the settled check.
 */
import type { DisputeRecord, OrderFacts, OrderStatus, PackageRecord, RefundRecord } from '../schema/model';
import { dayInZone, dayNumber, instantMs } from './dates';

export type PayChannel = 'card' | 'paypal' | 'balance';

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
  openDisputes: DisputeRecord[];
  /** An open dispute record, or the order status says a dispute is in progress. */
  hasOpenDispute: boolean;
  /** Refunds not yet in the buyer's account (pending, or processed without arrival). */
  unarrivedRefunds: RefundRecord[];
  /** Refunds known to have reached the buyer. */
  arrivedRefunds: RefundRecord[];
  payChannel: PayChannel;
  /** Undelivered packages, for the silent-tracking check. */
  movingPackages: PackageRecord[];
}

/** How money moves for a payment or refund method text ("Credit/Debit card", "PayPal", …). */
export function payChannelOf(method: string | null | undefined): PayChannel {
  if (method === null || method === undefined) return 'card';
  if (/paypal/i.test(method)) return 'paypal';
  if (/balance|bonus|wallet|coins?\b/i.test(method)) return 'balance';
  return 'card';
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

export function orderState(facts: OrderFacts): OrderState {
  const o = facts.order;
  const status: OrderStatus = o.status ?? 'unknown';
  const completed = status === 'completed' || (o.completedOn !== undefined && status !== 'in_dispute');
  const ended = status === 'closed' || status === 'cancelled';
  const shipped = o.shippedOn !== undefined || o.protection !== undefined || facts.packages.length > 0;
  const preShipment = status === 'unpaid' || status === 'awaiting_shipment';
  const inTransit = shipped && !completed && !ended && !preShipment;

  let deliveredByTracking = facts.packages.length > 0;
  let deliveredAtMs: number | null = null;
  const movingPackages: PackageRecord[] = [];
  for (const p of facts.packages) {
    if (!p.delivered) {
      deliveredByTracking = false;
      movingPackages.push(p);
      continue;
    }
    const at = instantMs(p.deliveredAt) ?? instantMs(p.events[0]?.at);
    if (at !== null && (deliveredAtMs === null || at > deliveredAtMs)) deliveredAtMs = at;
  }
  if (!deliveredByTracking) deliveredAtMs = null;

  const openDisputes = facts.disputes.filter((d) => d.status === 'open');
  const unarrivedRefunds: RefundRecord[] = [];
  const arrivedRefunds: RefundRecord[] = [];
  for (const r of facts.refunds) (refundArrived(r) ? arrivedRefunds : unarrivedRefunds).push(r);

  return {
    orderId: o.id,
    status,
    completed,
    ended,
    inTransit,
    deliveredByTracking,
    deliveredAtMs,
    openDisputes,
    hasOpenDispute: openDisputes.length > 0 || status === 'in_dispute',
    unarrivedRefunds,
    arrivedRefunds,
    payChannel: payChannelOf(o.paymentMethod),
    movingPackages,
  };
}
