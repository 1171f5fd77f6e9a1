/** Reads stored facts grouped per order, the shape the rules and the popup take. */
import type { OrderFacts, Snooze } from '../schema/model';
import type { BuyerShieldDb } from './db';

function groupBy<T extends { orderId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.orderId);
    if (list) list.push(row);
    else map.set(row.orderId, [row]);
  }
  return map;
}

/** Every order with its parcels, disputes and refunds; one read per table. */
export async function loadAllFacts(db: BuyerShieldDb): Promise<OrderFacts[]> {
  return db.transaction('r', [db.orders, db.packages, db.disputes, db.refunds], async () => {
    const [orders, packages, disputes, refunds] = await Promise.all([
      db.orders.toArray(),
      db.packages.toArray(),
      db.disputes.toArray(),
      db.refunds.toArray(),
    ]);
    const p = groupBy(packages);
    const d = groupBy(disputes);
    const r = groupBy(refunds);
    return orders.map((order) => ({
      order,
      packages: p.get(order.id) ?? [],
      disputes: d.get(order.id) ?? [],
      refunds: r.get(order.id) ?? [],
    }));
  });
}

/** Ticked checklist items per order. */
export async function loadChecklistDone(db: BuyerShieldDb): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  for (const row of await db.checklist.toArray()) {
    if (!row.done) continue;
    const list = map.get(row.orderId);
    if (list) list.push(row.itemId);
    else map.set(row.orderId, [row.itemId]);
  }
  return map;
}

/** The buyer ticks or unticks one evidence-checklist item. */
export async function saveChecklistTick(
  db: BuyerShieldDb,
  item: { orderId: string; itemId: string; done: boolean; at: string },
): Promise<void> {
  await db.checklist.put(item);
}

/** The buyer says a refund reached their account; false when there is no such refund. */
export async function setRefundArrived(
  db: BuyerShieldDb,
  refundId: string,
  arrivedOn: string | null,
): Promise<boolean> {
  return (await db.refunds.update(refundId, { arrivedOn })) > 0;
}

/** The buyer says an order's parcel reached them (null: takes it back); false when there is no such order. */
export async function setOrderReceived(
  db: BuyerShieldDb,
  orderId: string,
  receivedOn: string | null,
): Promise<boolean> {
  return (await db.orders.update(orderId, { receivedOn })) > 0;
}

/**
 * Snoozes one warning of an order until a day (null: wakes it); one snooze per alert, the
 * latest wins. False when there is no such order.
 */
export async function setSnooze(
  db: BuyerShieldDb,
  orderId: string,
  snooze: Snooze,
  until: string | null,
): Promise<boolean> {
  return db.transaction('rw', db.orders, async () => {
    const order = await db.orders.get(orderId);
    if (!order) return false;
    const others = (order.snoozed ?? []).filter((s) => s.alertId !== snooze.alertId);
    await db.orders.update(orderId, { snoozed: until === null ? others : [...others, { ...snooze, until }] });
    return true;
  });
}

/** Deletes every order, reminder, diagnostic and setting, in one transaction. */
export async function deleteEverything(db: BuyerShieldDb): Promise<void> {
  await db.transaction('rw', db.allTables, async () => {
    await Promise.all(db.allTables.map((t) => t.clear()));
  });
}
