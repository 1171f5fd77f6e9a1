/**
 * Writes one page's observations into the database in one transaction, through the pure merge.
 * Returns how many rows changed, which is 0 when the page said nothing new.
 */
import type { FieldSource, Observations } from '../model';
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

    const pkgKeys = obs.packages.map((p) => packageKey(p.orderId, p.trackingNumber));
    const pkgs = mapById(await db.packages.bulkGet(pkgKeys), (p) => p.key);
    const pkgRows = [];
    for (const p of obs.packages) {
      const merged = mergePackage(pkgs.get(packageKey(p.orderId, p.trackingNumber)), p, seenAt);
      if (!merged) continue;
      pkgs.set(merged.key, merged);
      pkgRows.push(merged);
      touched.add(p.orderId);
    }
    if (pkgRows.length) {
      await db.packages.bulkPut(pkgRows);
      written += pkgRows.length;
    }

    const disputes = mapById(await db.disputes.bulkGet(obs.disputes.map((d) => d.id)), (d) => d.id);
    const disputeRows = [];
    for (const d of obs.disputes) {
      const merged = mergeDispute(disputes.get(d.id), d, seenAt);
      if (!merged) continue;
      disputes.set(d.id, merged);
      disputeRows.push(merged);
      touched.add(d.orderId);
    }
    if (disputeRows.length) {
      await db.disputes.bulkPut(disputeRows);
      written += disputeRows.length;
    }

    const refunds = mapById(await db.refunds.bulkGet(obs.refunds.map((r) => r.id)), (r) => r.id);
    const refundRows = [];
    for (const r of obs.refunds) {
      const merged = mergeRefund(refunds.get(r.id), r, seenAt);
      if (!merged) continue;
      refunds.set(r.id, merged);
      refundRows.push(merged);
      touched.add(r.orderId);
    }
    if (refundRows.length) {
      await db.refunds.bulkPut(refundRows);
      written += refundRows.length;
    }
    return { written, orderIds: [...touched] };
  });
}
