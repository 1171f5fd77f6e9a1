/**
 * The popup's first page, kept in IndexedDB so a cold worker answers it from one row instead of
 * reading and assessing every order (issue 16, BENCHMARKS.md "Popup"). It is only a copy of what
 * the worker worked out from the facts, tied to the data version it was worked out from: every
 * write to the facts gives the data a new version and empties the copy in the same transaction
 * (lib/store/db.ts `guardSummaries`). The caller checks the clock (its validity) itself.
 */
import type { OrderFacts } from '../schema/model';
import { type BuyerShieldDb, DASHBOARD_KEY, DATA_VERSION_KEY } from './db';
import { loadAllFacts } from './queries';

/** No write since the summaries table was created: the version is this. */
const FIRST_VERSION = '';

function versionOf(row: { value: unknown } | undefined): string {
  return typeof row?.value === 'string' ? row.value : FIRST_VERSION;
}

/** Every order's facts and the data version they are, read in one transaction. */
export async function loadVersionedFacts(
  db: BuyerShieldDb,
): Promise<{ facts: OrderFacts[]; version: string }> {
  return db.transaction('r', [db.orders, db.packages, db.disputes, db.refunds, db.summaries], async () => {
    const [facts, row] = await Promise.all([loadAllFacts(db), db.summaries.get(DATA_VERSION_KEY)]);
    return { facts, version: versionOf(row) };
  });
}

/**
 * Keeps `value` as the summary of data version `version`, unless the data changed since (then
 * nothing is kept, and false says so).
 */
export async function saveSummary(db: BuyerShieldDb, version: string, value: unknown): Promise<boolean> {
  return db.transaction('rw', db.summaries, async () => {
    if (versionOf(await db.summaries.get(DATA_VERSION_KEY)) !== version) return false;
    await db.summaries.put({ key: DASHBOARD_KEY, value: { version, value } });
    return true;
  });
}

/** The summary of the data as stored now, or null (none kept, or the data changed since). */
export async function readSummary(db: BuyerShieldDb): Promise<unknown> {
  return db.transaction('r', db.summaries, async () => {
    const [version, kept] = await db.summaries.bulkGet([DATA_VERSION_KEY, DASHBOARD_KEY]);
    const v = kept?.value as { version?: unknown; value?: unknown } | null | undefined;
    if (!v || v.version !== versionOf(version)) return null;
    return v.value ?? null;
  });
}
