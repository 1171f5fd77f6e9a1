/**
 * One lifecycle per order line (each item the buyer is owed), read from the stored facts and
 * the alerts active at `now`: the stage the line is in and its one primary next step. The
 * order's headline is its most urgent line's step (docs/rules.md "Lines and stages").
 */
import type { RefundRecord, Severity } from '../schema/model';
import { type LineState, lostLine, type OrderState, refundProcessed } from './order-state';
import type { Alert, AlertKind, LineLifecycle, LineStage } from './types';

/** Alerts about the parcel and the order's protection: they concern the lines still awaited. */
const PARCEL_KINDS: ReadonlySet<AlertKind> = new Set([
  'protection_ending',
  'protection_over',
  'ask_extension',
  'check_parcel',
  'delivered_not_confirmed',
  'tracking_silent',
  'dispute_can_open',
]);

const RANK: Record<Severity, number> = { urgent: 0, soon: 1, info: 2 };

/** Whether the alert is about `subject`, its id's part after `orderId:kind:` (compared in place: no slice). */
function aboutSubject(a: Alert, subject: string): boolean {
  const from = a.id.indexOf(':', a.id.indexOf(':') + 1) + 1;
  return a.id.length - from === subject.length && a.id.startsWith(subject, from);
}

/** Whether an alert is about this line. */
function concerns(a: Alert, l: LineState, st: OrderState, watched: boolean): boolean {
  if (PARCEL_KINDS.has(a.kind)) return watched;
  if (a.kind === 'ask_bank_with_arn') {
    for (const r of st.unarrivedRefunds) if (refundOfLine(r, l) && aboutSubject(a, r.id)) return true;
    for (const r of st.arrivedRefunds) if (refundOfLine(r, l) && aboutSubject(a, r.id)) return true;
    return false;
  }
  if (a.kind === 'chargeback_closing') return watched || l.openDispute !== null || lostLine(l) || l.refunded;
  if (a.kind === 'after_completion_window') return l.closed === null && l.openDispute === null;
  if (a.kind === 'may_cancel_unshipped') return true;
  // Dispute alerts: the dispute open or closed on this line.
  const open = l.openDispute;
  const closed = l.closed;
  return (
    (open !== null && aboutSubject(a, open.id)) || (closed !== null && aboutSubject(a, closed.dispute.id))
  );
}

/** A refund is this line's when either has no line id or both name the same line. */
function refundOfLine(r: RefundRecord, l: LineState): boolean {
  return r.lineId === null || l.lineId === null || r.lineId === l.lineId;
}

function refundStage(l: LineState, st: OrderState, overdue: boolean): LineStage | null {
  let waiting = false;
  let pending = false;
  for (const r of st.unarrivedRefunds) {
    if (!refundOfLine(r, l)) continue;
    waiting = true;
    if (!refundProcessed(r)) pending = true;
  }
  if (!waiting) {
    for (const r of st.arrivedRefunds) if (refundOfLine(r, l)) return 'refund_arrived';
    return null;
  }
  if (overdue) return 'refund_overdue';
  return pending ? 'refund_pending' : 'refund_processed';
}

/** Whether one of the order's alerts is of this kind (an order has a handful at most). */
function hasKind(alerts: readonly Alert[], kind: AlertKind): boolean {
  for (const a of alerts) if (a.kind === kind) return true;
  return false;
}

function stageOf(
  l: LineState,
  st: OrderState,
  step: Alert | null,
  watched: boolean,
  alerts: readonly Alert[],
): LineStage {
  const d = l.openDispute;
  if (d !== null) {
    if (d.returnShippedOn !== null) return 'return_shipped';
    if (d.returnAgreedOn !== null) return 'return_to_ship';
    if (d.platformProposal !== null || hasKind(alerts, 'platform_stepping_in')) return 'dispute_platform';
    return d.sellerProposal !== null ? 'dispute_seller_proposed' : 'dispute_waiting_seller';
  }
  const refund = refundStage(l, st, step?.kind === 'ask_bank_with_arn');
  if (l.closed !== null && l.closed.outcome === 'refunded_part')
    return refund !== null && refund !== 'refund_arrived' ? refund : 'dispute_refunded_part';
  if (l.closed !== null && l.closed.outcome === 'rejected') return 'dispute_rejected';
  if (refund !== null) return refund;
  if (st.status === 'unpaid') return 'unpaid';
  if (st.status === 'awaiting_shipment')
    return hasKind(alerts, 'may_cancel_unshipped') ? 'shipment_late' : 'awaiting_shipment';
  if (st.completed) return 'completed';
  if (st.inTransit && watched) {
    if (hasKind(alerts, 'protection_over')) return 'protection_over';
    // Past the days a delivered order can still be disputed, AliExpress has completed it.
    if (st.deliveredByTracking)
      return hasKind(alerts, 'delivered_not_confirmed') ? 'delivered_unconfirmed' : 'completed';
    // The buyer said it came: delivered, not yet confirmed on AliExpress.
    if (st.receivedByBuyer) return 'delivered_unconfirmed';
    if (hasKind(alerts, 'check_parcel')) return 'maybe_delivered';
    return 'in_transit';
  }
  return 'settled';
}

/** Every line's stage and primary step; `alerts` are the order's alerts at `now`, urgent first. */
export function lifecycles(st: OrderState, alerts: readonly Alert[], settled: boolean): LineLifecycle[] {
  return st.lines.map((l) => {
    const watched = st.watchedLines.includes(l);
    let step: Alert | null = null;
    for (const a of alerts) {
      if (!concerns(a, l, st, watched)) continue;
      if (step === null || RANK[a.severity] < RANK[step.severity]) step = a;
    }
    const stage = settled ? 'settled' : stageOf(l, st, step, watched, alerts);
    return { lineId: l.lineId, title: l.title, stage, step };
  });
}

/** The order's headline: the most urgent line's step (lines are in order, so ties keep the first). */
export function headlineOf(lines: readonly LineLifecycle[]): Alert | null {
  let best: Alert | null = null;
  for (const l of lines)
    if (l.step !== null && (best === null || RANK[l.step.severity] < RANK[best.severity])) best = l.step;
  return best;
}
