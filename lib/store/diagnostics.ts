/** Pages and bodies that could not be read: one row per source and problem, the newest kept. */
import type { BuyerShieldDb, Diagnostic } from './db';

/** Diagnostics kept: enough to show what broke recently without growing without bound. */
export const MAX_DIAGNOSTICS = 200;

/** Records a diagnostic, replacing an older one of the same source and problem. */
export async function recordDiagnostic(db: BuyerShieldDb, d: Omit<Diagnostic, 'id'>): Promise<void> {
  await db.transaction('rw', db.diagnostics, async () => {
    // A page that keeps failing does not fill the table.
    const same = await db.diagnostics
      .filter((x) => x.source === d.source && x.problem === d.problem)
      .primaryKeys();
    await db.diagnostics.bulkDelete(same);
    await db.diagnostics.add({ source: d.source, problem: d.problem, url: d.url, at: d.at });
    const count = await db.diagnostics.count();
    if (count > MAX_DIAGNOSTICS) {
      const oldest = await db.diagnostics
        .orderBy('at')
        .limit(count - MAX_DIAGNOSTICS)
        .primaryKeys();
      await db.diagnostics.bulkDelete(oldest);
    }
  });
}

/** The newest diagnostics first. */
export async function recentDiagnostics(db: BuyerShieldDb, limit: number): Promise<Diagnostic[]> {
  return db.diagnostics.orderBy('at').reverse().limit(limit).toArray();
}
