/**
 * Writes one page's observations into the database in one transaction, through the pure merge.
 * Returns how many rows changed, which is 0 when the page said nothing new.
 */

import type { FieldSource, Observations } from '../schema/model';
import type { BuyerShieldDb } from './db';
import { mergeDispute, mergeOrder, mergePackage, mergeRefund, packageKey } from './merge';

export interface ApplyResult {
  written: number;
  orderIds: string[];
}

function mapById<T>(rows: (T | undefined)[], key: (row: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (row) map.set(key(row), row);
  return map;
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
  merge: (existing: R | undefined, obs: O, seenAt: string) => R | null,
  seenAt: string,
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
    const merged = merge(current.get(key), o, seenAt);
    if (!merged) return;
    current.set(key, merged);
    changed.set(key, merged);
    orderIds.add(o.orderId);
  });
  if (changed.size) await table.bulkPut([...changed.values()]);
  return { written: changed.size, orderIds: [...orderIds] };
}

export async function applyObservations(
  db: BuyerShieldDb,
  obs: Observations,
  source: FieldSource,
): Promise<ApplyResult> {
  const seenAt = source.at;
  return db.transaction('rw', [db.orders, db.packages, db.disputes, db.refunds], async () => {
    const touched = new Set<string>();
    let written = 0;

    // An order must exist before its parcels, disputes and refunds are listed under it.
    const orderIds = [
      ...new Set([
        ...obs.orders.map((o) => o.id),
        ...obs.packages.map((p) => p.orderId),
        ...obs.disputes.map((d) => d.orderId),
        ...obs.refunds.map((r) => r.orderId),
      ]),
    ];
    const orders = mapById(await db.orders.bulkGet(orderIds), (o) => o.id);
    const orderRows = [];
    // Observations of one id in one body are applied in order; later ones see earlier ones.
    for (const o of obs.orders) {
      const merged = mergeOrder(orders.get(o.id), o, source);
      if (!merged) continue;
      orders.set(o.id, merged);
      orderRows.push(merged);
    }
    // A parcel, dispute or refund seen before its order gets a bare order to hang on.
    for (const id of orderIds) {
      if (orders.has(id)) continue;
      const stub = mergeOrder(undefined, { id }, source);
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

    const children = [
      await mergeChildren(
        db.packages,
        obs.packages,
        (p) => packageKey(p.orderId, p.trackingNumber),
        mergePackage,
        seenAt,
      ),
      await mergeChildren(db.disputes, obs.disputes, (d) => d.id, mergeDispute, seenAt),
      await mergeChildren(db.refunds, obs.refunds, (r) => r.id, mergeRefund, seenAt),
    ];
    for (const c of children) {
      written += c.written;
      for (const id of c.orderIds) touched.add(id);
    }
    return { written, orderIds: [...touched] };
  });
}
