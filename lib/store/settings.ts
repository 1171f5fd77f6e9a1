/** The buyer's settings, one row per key in the `settings` table (so a backup import replaces them in its transaction). */
import { normaliseSettings, type Settings } from '../schema/settings';
import type { BuyerShieldDb } from './db';

export async function readSettings(db: BuyerShieldDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  return normaliseSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>);
}

/** Writes the keys given; the others keep their value. */
export async function writeSettings(db: BuyerShieldDb, patch: Partial<Settings>): Promise<void> {
  await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
}
