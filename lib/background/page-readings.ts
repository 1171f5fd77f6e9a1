/**
 * What AliExpress pages send: readings to merge, captured bodies and the order list's card texts
 * to read, and pages that could not be read. Every reading passes the observation schema and is
 * merged within its page load's budget of new orders (issue 14).
 */
import * as v from 'valibot';
import { missingPart, worthASample } from '../aliexpress/anonymise';
import { isConformed } from '../aliexpress/conform';
import { readCapturedBody } from '../aliexpress/read-captured';
import { readOrderListTexts } from '../aliexpress/read-dom-order-list';
import { conformed, guarded } from '../aliexpress/result';
import { LIMITS, MAX_CAPTURE_CHARS } from '../protocol/limits';
import { safeUrl } from '../safe-url';
import type { FieldSource, Observations, ReadResult } from '../schema/model';
import { describeIssues, ObservationsSchema } from '../schema/observations';
import { applyObservations } from '../store/apply';
import { keepSample } from '../store/samples';
import { changed, diagnose, type From, type HandlerContext, type HandlersOf, ok } from './handler-kit';
import { knownBodyHandlers, rememberIfUnchanged } from './page-known';

/**
 * New orders each page load has added (LIMITS.newOrdersPerPage): a page that invents thousands
 * of orders is refused past what a real page lists. Kept for the last few page loads only; a
 * restarted worker starts again, which still bounds a flood to one budget per worker start.
 */
const newOrdersByPage = new Map<string, number>();
const PAGES_REMEMBERED = 50;

/**
 * New orders of each page load held by readings not yet committed. A list page sends its
 * bodies at once, so a reading's budget is worked out before the readings ahead of it have
 * committed: without this, bodies sent together each got the whole budget of 5,000.
 */
const heldByPage = new Map<string, number>();

function budgetOf(from: From): number {
  if (from.page === null) return Number.POSITIVE_INFINITY;
  const used = (newOrdersByPage.get(from.page) ?? 0) + (heldByPage.get(from.page) ?? 0);
  return Math.max(0, LIMITS.newOrdersPerPage - used);
}

function hold(from: From, n: number): void {
  if (from.page === null || n === 0) return;
  const left = (heldByPage.get(from.page) ?? 0) + n;
  if (left > 0) heldByPage.set(from.page, left);
  else heldByPage.delete(from.page);
}

function spend(from: From, added: number): void {
  if (from.page === null || added === 0) return;
  const total = (newOrdersByPage.get(from.page) ?? 0) + added;
  newOrdersByPage.delete(from.page);
  newOrdersByPage.set(from.page, total);
  if (newOrdersByPage.size > PAGES_REMEMBERED) {
    const oldest = newOrdersByPage.keys().next().value;
    if (oldest !== undefined) newOrdersByPage.delete(oldest);
  }
}

/**
 * Merges one page reading within the page load's budget of new orders, and says in a
 * diagnostic what it refused (never silent).
 */
async function savePageReading(
  ctx: HandlerContext,
  from: From,
  observations: Observations,
  source: FieldSource,
  url: string,
): Promise<Awaited<ReturnType<typeof applyObservations>>> {
  // Inside its transaction the reading knows how many of its orders are new: those it may add
  // are held until it is committed, then spent. Readings of known orders hold nothing.
  let held = 0;
  const allow = (fresh: number) => {
    held = Math.min(fresh, budgetOf(from));
    hold(from, held);
    return held;
  };
  let result: Awaited<ReturnType<typeof applyObservations>>;
  try {
    result = await applyObservations(ctx.db, observations, source, { maxNewOrders: allow });
  } finally {
    hold(from, -held);
  }
  spend(from, result.newOrders);
  const { future, overBudget } = result.refused;
  if (future > 0) {
    const problem = `${future} record(s) dated after the moment they were read were refused`;
    await diagnose(ctx, { source: source.source, url: safeUrl(url), problem });
  }
  if (overBudget > 0) {
    const problem = `more than ${LIMITS.newOrdersPerPage} new orders from one page load; ${overBudget} refused`;
    await diagnose(ctx, { source: source.source, url: safeUrl(url), problem });
  }
  if (result.written > 0) changed(ctx);
  return result;
}

/**
 * A reader's output is page data too: it must pass the same schema as any message. The
 * observations, or the problem in the words of a diagnostic. What the conformer returned is
 * schema-exact by construction (lib/aliexpress/conform.ts; property-tested against the schema in
 * tests/unit/fuzz/conform-exact.test.ts), so it is not checked a second time: that check was
 * ~90 ms of the worker's time per 10,000 orders stored (BENCHMARKS.md §3). Anything else is.
 */
function checkedReading(read: ReadResult): { observations: Observations } | { problem: string } {
  if (!read.ok) return { problem: read.failure.problem };
  if (isConformed(read.observations)) return { observations: read.observations };
  const checked = v.safeParse(ObservationsSchema, read.observations);
  return checked.success
    ? { observations: checked.output }
    : { problem: `unexpected values (${describeIssues(checked.issues)})` };
}

export const readingHandlers: HandlersOf<
  'saveObservations' | 'saveCapture' | 'captureKnown' | 'saveDomList' | 'reportUnreadable'
> = {
  ...knownBodyHandlers,

  async saveObservations(p, ctx, from) {
    const at = ctx.now().toISOString();
    const source = { source: p.source, kind: p.kind, at };
    return ok({ written: (await savePageReading(ctx, from, p.observations, source, p.url)).written });
  },

  async saveCapture(p, ctx, from) {
    const at = ctx.now().toISOString();
    const before = ctx.db.factWrites; // a body that changes nothing is remembered (page-known.ts)
    // The trust boundary's one size check (lib/protocol/limits.ts): refused unread, and said so.
    if (p.body.length > MAX_CAPTURE_CHARS) {
      const problem = `a response larger than ${MAX_CAPTURE_CHARS / 1024 / 1024} MB was refused unread`;
      await diagnose(ctx, { source: p.api, url: safeUrl(p.url), problem });
      return ok({ written: 0, problem });
    }
    const read = checkedReading(
      readCapturedBody(p.api, p.body, { seenAt: at, lang: p.lang, requestUrl: p.url }),
    );
    if ('problem' in read) {
      await diagnose(ctx, { source: p.api, url: safeUrl(p.url), problem: read.problem });
      if (worthASample(p.body))
        await keepSample(ctx.db, { api: p.api, problem: read.problem, at, body: p.body });
      return ok({ written: 0, problem: read.problem });
    }
    // Read, but without a part we look for and have never seen for real: worth a sample too.
    const missing = missingPart(p.api, read.observations);
    if (missing !== null) await keepSample(ctx.db, { api: p.api, problem: missing, at, body: p.body });
    const source = { source: p.api, kind: 'json' as const, at };
    const applied = await savePageReading(ctx, from, read.observations, source, p.url);
    await rememberIfUnchanged(ctx.db, p, before, applied);
    return ok({ written: applied.written, problem: null });
  },

  async saveDomList(p, ctx, from) {
    const at = ctx.now().toISOString();
    const readTexts = guarded('order_list', readOrderListTexts);
    const read = checkedReading(conformed(readTexts(p.cards, { seenAt: at, lang: p.lang })));
    if ('problem' in read) {
      await diagnose(ctx, { source: 'order_list', url: safeUrl(p.url), problem: read.problem });
      return ok({ written: 0, problem: read.problem });
    }
    const source = { source: 'order_list' as const, kind: 'dom' as const, at };
    return ok({
      written: (await savePageReading(ctx, from, read.observations, source, p.url)).written,
      problem: null,
    });
  },

  async reportUnreadable(p, ctx) {
    await diagnose(ctx, p);
    return ok({});
  },
};
