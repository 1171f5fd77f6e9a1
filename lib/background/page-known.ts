/**
 * The captured bodies this worker read that changed nothing, so a page need not send them again
 * (issue 16: sending the order list's ~150 KB body was the page's largest cost, BENCHMARKS.md §5).
 *
 * Per reading (API, language, request: `readingKey`) the worker keeps the digest of the last body
 * it read there that changed nothing, with the count of writes begun on the facts
 * (lib/store/db.ts `factWrites`) it was a no-op on: taken before the reading and again after it,
 * both the same, and the reading wrote nothing and refused nothing. Every write to the facts (a
 * page's reading, a forged body, an import, a wipe, a refresh, settings, a kept sample) goes
 * through the worker's one connection (`getDb`) and counts as it is issued, so the digest is
 * given out only while the data is exactly what that body changed nothing in. The page asks with
 * the reading alone (`captureKnown`), hashes its body only when a digest comes back (a first
 * visit, or any visit after a write, hashes nothing), and skips sending only on an exact match;
 * anything else sends the body, and the real page undoes what a forged one wrote
 * (docs/architecture.md). The count is in memory, so asking costs no IndexedDB read (one queued
 * behind each running write transaction and held up every body of a 20-page burst: bench,
 * storing).
 *
 * Why giving the digest out is safe: only a content script may ask (trust.ts), the answer goes to
 * our isolated script and never to the page, and it is the digest of a body that AliExpress sent
 * this buyer's pages, which a content script on them could read anyway (a digest tells less than
 * the body). Comparing in the page rather than in the worker changes nothing in what can be
 * skipped: not sending a body writes nothing, and the page skips only a body whose digest
 * (SHA-256 with the gateway's trace id and clock blanked, lib/protocol/body-digest.ts) is that
 * of a body that changed nothing in the data as it is now. So a forged page body is skipped only
 * when it is exactly such a body, and then sending it would have changed nothing either.
 *
 * Why a no-op stays a no-op later: the JSON readers do not use the time of the reading
 * (`seenAt`; only the DOM tracking reader does, and it is not a captured body), and a JSON
 * reading made now wins every field it differs in (lib/store/merge.ts `wins`: no stored time
 * counts as later than the merge), so whether it writes depends on the data alone, not on when.
 * An unchanged field is not rewritten, not even its time. What does depend on the time, records
 * refused as dated after the reading, is excluded: such a body is never remembered, nor one over
 * the page load's budget of new orders. A body that wrote nothing adds no order, so skipping it
 * spends none of the page's budget, as sending it would not have.
 *
 * In memory only: a restarted worker knows no body, and the page sends it.
 */
import { bodyDigest } from '../protocol/body-digest';
import type { RequestOf } from '../protocol/messages';
import type { BuyerShieldDb } from '../store/db';
import { type HandlersOf, ok } from './handler-kit';

/** A list page sends a handful of bodies; a few pages' worth is enough. */
export const KNOWN_BODIES = 64;

/** A body that changed nothing: its digest, and the count of writes it changed nothing at. */
interface KnownBody {
  digest: string;
  at: number;
}

/** Per database (tests open many): reading key → the last body read there that changed nothing. */
let known = new WeakMap<BuyerShieldDb, Map<string, KnownBody>>();

/**
 * What a reading depends on besides the body: the API, the page's language and the request's
 * address, whose parameters the readers read (`data`, `tradeOrderId`, `orderId`:
 * read-tracking.ts `orderIdFromRequest`, read-refund-detail.ts `fromRequest`, read-refund-list.ts
 * `listsAllCases`). Only the gateway's clock and signature (`t`, `sign`) are left out: they
 * change on every request and no reader reads them.
 */
function readingKey(p: { api: string; url: string; lang?: string | undefined }): string {
  let address = p.url;
  try {
    const u = new URL(p.url);
    u.searchParams.delete('t');
    u.searchParams.delete('sign');
    address = u.href;
  } catch {}
  return JSON.stringify([p.api, p.lang ?? '', address]);
}

/**
 * After a captured body was read and merged: remember it if it changed nothing and the count of
 * writes is still `before` (taken before the reading), so no other write came in between.
 */
export async function rememberIfUnchanged(
  db: BuyerShieldDb,
  p: RequestOf<'saveCapture'>,
  before: number,
  applied: { written: number; refused: { future: number; overBudget: number } },
): Promise<void> {
  if (applied.written > 0 || applied.refused.future > 0 || applied.refused.overBudget > 0) return;
  const digest = await bodyDigest(p.body);
  if (db.factWrites !== before) return;
  const key = readingKey(p);
  let bodies = known.get(db);
  if (!bodies) {
    bodies = new Map();
    known.set(db, bodies);
  }
  bodies.delete(key);
  bodies.set(key, { digest, at: before });
  if (bodies.size > KNOWN_BODIES) {
    const oldest = bodies.keys().next().value;
    if (oldest !== undefined) bodies.delete(oldest);
  }
}

/** What a worker restart does to this memory (for tests). */
export function forgetKnownBodies(): void {
  known = new WeakMap();
}

export const knownBodyHandlers: HandlersOf<'captureKnown'> = {
  async captureKnown(p, ctx) {
    const body = known.get(ctx.db)?.get(readingKey(p));
    return ok({ digest: body !== undefined && body.at === ctx.db.factWrites ? body.digest : null });
  },
};
