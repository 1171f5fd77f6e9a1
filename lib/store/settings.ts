/** The buyer's settings, one row per key in the `settings` table (so a backup import replaces them in its transaction). */
import { normaliseSettings, type Settings } from '../schema/settings';
import type { BuyerShieldDb } from './db';
import { SAMPLE_KEYS } from './samples';

export async function readSettings(db: BuyerShieldDb): Promise<Settings> {
  // Kept sample bodies share the table (lib/store/samples.ts) but are no setting.
  const rows = await db.settings.where('key').noneOf(SAMPLE_KEYS).toArray();
  return normaliseSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>);
}

/** Writes the keys given; the others keep their value. */
export async function writeSettings(db: BuyerShieldDb, patch: Partial<Settings>): Promise<void> {
  await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
}
