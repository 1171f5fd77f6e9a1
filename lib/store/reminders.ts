/**
 * The reminders already shown, in the database (table `reminders`, lib/store/db.ts): read as
 * id → when it was shown, recorded after showing, forgotten when the clock went back past
 * them (lib/background/recompute.ts).
 */
import type { BuyerShieldDb } from './db';

/** Every recorded reminder: id → when it was shown (ms; NaN rows are dropped). */
export async function sentReminders(db: BuyerShieldDb): Promise<Map<string, number>> {
  const rows = await db.reminders.toArray();
  const out = new Map<string, number>();
  for (const r of rows) {
    const at = Date.parse(r.at);
    if (!Number.isNaN(at)) out.set(r.id, at);
  }
  return out;
}

export async function recordReminders(
  db: BuyerShieldDb,
  rows: ReadonlyArray<{ id: string; orderId: string }>,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const when = at.toISOString();
  await db.reminders.bulkPut(rows.map((r) => ({ id: r.id, orderId: r.orderId, at: when })));
}

export async function forgetReminders(db: BuyerShieldDb, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.reminders.bulkDelete([...ids]);
}
