/**
 * Writes one reading's observations into the database in one transaction, through the pure merge.
 * Returns how many rows changed, which is 0 when the page said nothing new.
 *
 * Before merging, what no real page can say is refused (docs/reliability.md): a record carrying
 * an instant later than the moment it was read (beyond a small clock skew), and new orders
 * beyond what one page load can list.
 */

import type {
  DisputeObservation,
  DisputeRecord,
  FieldSource,
  Observations,
  OrderRecord,
  PackageObservation,
  PackageRecord,
  RefundObservation,
  RefundRecord,
} from '../schema/model';
import type { BuyerShieldDb } from './db';
import {
  mergeDispute,
  mergeOrder,
  mergePackage,
  mergeRefund,
  notAfter,
  PARCELS_OWNED_BY,
  packageKey,
} from './merge';

/** How far ahead of the reading a time may be: clocks of page, China and device disagree a little. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export interface ApplyOptions {
  /** The moment of the merge; defaults to `source.at` (a page reading is merged as it is read). */
  now?: string;
  /**
   * New orders this reading may add; the rest are refused (a page load's budget). A function is
   * asked inside the transaction, once it is known how many of the reading's orders are new.
   */
  maxNewOrders?: number | ((fresh: number) => number);
}

export interface ApplyResult {
  written: number;
  orderIds: string[];
  /** Orders this reading created. */
  newOrders: number;
  /** Records refused: dated after the reading, or new orders over the budget. */
  refused: { future: number; overBudget: number };
}

function mapById<T>(rows: (T | undefined)[], key: (row: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (row) map.set(key(row), row);
  return map;
}

/**
 * The stored rows of `ids`. One key-only read of the range they span finds which exist, and
 * only those are read: a page of 500 new orders costs one request instead of 500 lookups that all
 * miss (in the worker's profile of the storing bench, 10,000 new orders, those lookups were
 * ~260 ms of script besides their round trips; BENCHMARKS.md §3). The range may hold other
 * orders' keys too; keys are short, so even a whole history is cheap to list.
 */
async function storedOrders(db: BuyerShieldDb, ids: string[]): Promise<Map<string, OrderRecord>> {
  let lo = ids[0];
  let hi = ids[0];
  if (lo === undefined || hi === undefined) return new Map();
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const keys = await db.orders.where(':id').between(lo, hi, true, true).primaryKeys();
  const present = new Set<string>(keys);
  const known = ids.filter((id) => present.has(id));
  return mapById(known.length ? await db.orders.bulkGet(known) : [], (o) => o.id);
}

/** The two operations a child table needs here (Dexie tables have them). */
interface KeyedTable<R> {
  bulkGet(keys: string[]): PromiseLike<(R | undefined)[]>;
  bulkPut(rows: R[]): PromiseLike<unknown>;
}

/**
 * Merges parcels, disputes or refunds into their table: one read, one write of the rows that
 * changed. Several observations of one key in one body are merged in order.
 */
async function mergeChildren<O extends { orderId: string }, R>(
  table: KeyedTable<R>,
  items: O[],
  keyOf: (o: O) => string,
  merge: (existing: R | undefined, obs: O) => R | null,
): Promise<{ written: number; orderIds: string[] }> {
  if (!items.length) return { written: 0, orderIds: [] };
  const keys = items.map(keyOf);
  const current = new Map<string, R>();
  (await table.bulkGet(keys)).forEach((row, i) => {
    const key = keys[i];
    if (row && key !== undefined) current.set(key, row);
  });
  const changed = new Map<string, R>();
  const orderIds = new Set<string>();
  items.forEach((o, i) => {
    const key = keys[i] ?? keyOf(o);
    const merged = merge(current.get(key), o);
    if (!merged) return;
    current.set(key, merged);
    changed.set(key, merged);
    orderIds.add(o.orderId);
  });
  if (changed.size) await table.bulkPut([...changed.values()]);
  return { written: changed.size, orderIds: [...orderIds] };
}

const after = (at: string | null, limit: number) => at !== null && Date.parse(at) > limit;

/** The order dates that say something happened; a date on the page later than today is forged. */
const PAST_DATES = ['placedOn', 'paidOn', 'shippedOn', 'completedOn'] as const;

/**
 * What no real page shows: an event that has not happened yet. Parcels and cases with a time
 * after the reading are left out; an order's past date after the reading day is dropped.
 */
function refuseFuture(obs: Observations, readAt: string): { obs: Observations; refused: number } {
  const limit = Date.parse(readAt) + MAX_CLOCK_SKEW_MS;
  // A day of skew for dates: the page's day (China time) can be ahead of the device's.
  const dayLimit = new Date(limit + 24 * 3600_000).toISOString().slice(0, 10);
  const late = (day: string | null | undefined) => day != null && day > dayLimit;
  const parcelOk = (p: PackageObservation) =>
    !after(p.deliveredAt, limit) && !p.events.some((e) => after(e.at, limit));
  const disputeOk = (d: DisputeObservation) =>
    !after(d.openedAt, limit) && !after(d.updatedAt, limit) && !after(d.closedAt, limit);
  const refundOk = (r: RefundObservation) => !late(r.processedOn);
  let refused = 0;
  const orders = obs.orders.map((o) => {
    if (!PAST_DATES.some((k) => late(o[k]))) return o;
    const next = { ...o };
    for (const k of PAST_DATES) {
      if (!late(next[k])) continue;
      delete next[k];
      refused++;
    }
    return next;
  });
  const packages = obs.packages.filter(parcelOk);
  const disputes = obs.disputes.filter(disputeOk);
  const refunds = obs.refunds.filter(refundOk);
  refused +=
    obs.packages.length -
    packages.length +
    obs.disputes.length -
    disputes.length +
    obs.refunds.length -
    refunds.length;
  return refused ? { obs: { ...obs, orders, packages, disputes, refunds }, refused } : { obs, refused: 0 };
}

export async function applyObservations(
  db: BuyerShieldDb,
  observations: Observations,
  source: FieldSource,
  { now = source.at, maxNewOrders = Number.POSITIVE_INFINITY }: ApplyOptions = {},
): Promise<ApplyResult> {
  const seenAt = notAfter(source.at, now);
  const src: FieldSource = seenAt === source.at ? source : { ...source, at: seenAt };
  const screened = refuseFuture(observations, now);
  let obs = screened.obs;
  const tables = [db.orders, db.packages, db.disputes, db.refunds];
  return db.transaction('rw', tables, async () => {
    const touched = new Set<string>();
    let written = 0;

    // An order must exist before its parcels, disputes and refunds are listed under it.
    const mentioned = [
      ...new Set([
        ...obs.orders.map((o) => o.id),
        ...obs.packages.map((p) => p.orderId),
        ...obs.disputes.map((d) => d.orderId),
        ...obs.refunds.map((r) => r.orderId),
      ]),
    ];
    const orders = await storedOrders(db, mentioned);
    // New orders beyond the budget are refused with everything listed under them.
    const fresh = mentioned.filter((id) => !orders.has(id));
    const allowed = typeof maxNewOrders === 'function' ? maxNewOrders(fresh.length) : maxNewOrders;
    const refusedIds = new Set(fresh.slice(Math.max(0, allowed)));
    if (refusedIds.size) {
      const keep = <T extends { orderId: string }>(xs: T[]) => xs.filter((x) => !refusedIds.has(x.orderId));
      obs = {
        ...obs,
        orders: obs.orders.filter((o) => !refusedIds.has(o.id)),
        packages: keep(obs.packages),
        disputes: keep(obs.disputes),
        refunds: keep(obs.refunds),
      };
    }
    const orderRows = [];
    // Observations of one id in one body are applied in order; later ones see earlier ones.
    for (const o of obs.orders) {
      const merged = mergeOrder(orders.get(o.id), o, src, now);
      if (!merged) continue;
      orders.set(o.id, merged);
      orderRows.push(merged);
    }
    // A parcel, dispute or refund seen before its order gets a bare order to hang on.
    for (const id of mentioned) {
      if (orders.has(id) || refusedIds.has(id)) continue;
      const stub = mergeOrder(undefined, { id }, src, now);
      if (!stub) continue;
      orders.set(id, stub);
      orderRows.push(stub);
    }
    if (orderRows.length) {
      const last = mapById(orderRows, (o) => o.id);
      await db.orders.bulkPut([...last.values()]);
      written += last.size;
      for (const id of last.keys()) touched.add(id);
    }

    const owner = PARCELS_OWNED_BY.has(source.source);
    const children = [
      await mergeChildren<PackageObservation, PackageRecord>(
        db.packages,
        obs.packages,
        (p) => packageKey(p.orderId, p.trackingNumber),
        (e, p) => mergePackage(e, p, seenAt, { now, owner }),
      ),
      await mergeChildren<DisputeObservation, DisputeRecord>(
        db.disputes,
        obs.disputes,
        (d) => d.id,
        (e, d) => mergeDispute(e, d, seenAt, { now }),
      ),
      await mergeChildren<RefundObservation, RefundRecord>(
        db.refunds,
        obs.refunds,
        (r) => r.id,
        (e, r) => mergeRefund(e, r, seenAt, { now }),
      ),
      owner ? await withdrawParcels(db, obs.packages) : NOTHING,
      obs.listsAllCases ? await withdrawCases(db, obs.disputes) : NOTHING,
    ];
    for (const c of children) {
      written += c.written;
      for (const id of c.orderIds) touched.add(id);
    }
    return {
      written,
      orderIds: [...touched],
      newOrders: fresh.length - refusedIds.size,
      refused: { future: screened.refused, overBudget: refusedIds.size },
    };
  });
}

const NOTHING = { written: 0, orderIds: [] as string[] };

/** A tracking reading lists every parcel of its order: the parcels it does not list go. */
async function withdrawParcels(db: BuyerShieldDb, listed: PackageObservation[]) {
  if (!listed.length) return NOTHING;
  const keep = new Set(listed.map((p) => packageKey(p.orderId, p.trackingNumber)));
  const orderIds = [...new Set(listed.map((p) => p.orderId))];
  const gone = (await db.packages.where('orderId').anyOf(orderIds).toArray()).filter((p) => !keep.has(p.key));
  if (!gone.length) return NOTHING;
  await db.packages.bulkDelete(gone.map((p) => p.key));
  return { written: gone.length, orderIds: [...new Set(gone.map((p) => p.orderId))] };
}

/** The refund list read whole shows every case: a case it does not show, and its refunds, go. */
async function withdrawCases(db: BuyerShieldDb, listed: DisputeObservation[]) {
  const keep = new Set(listed.map((d) => d.id));
  const gone = (await db.disputes.toArray()).filter((d) => !keep.has(d.id));
  if (!gone.length) return NOTHING;
  const goneIds = new Set(gone.map((d) => d.id));
  const refunds = (
    await db.refunds
      .where('orderId')
      .anyOf([...new Set(gone.map((d) => d.orderId))])
      .toArray()
  ).filter((r) => (r.disputeId !== null && goneIds.has(r.disputeId)) || goneIds.has(r.id));
  await db.disputes.bulkDelete([...goneIds]);
  if (refunds.length) await db.refunds.bulkDelete(refunds.map((r) => r.id));
  return {
    written: gone.length + refunds.length,
    orderIds: [...new Set([...gone, ...refunds].map((x) => x.orderId))],
  };
}
