/**
 * A captured body the worker read, with nothing written since, need not cross from the page
 * again (issue 16, lib/background/page-known.ts). What the buyer must never notice: a skipped
 * body that would have changed something. So what a page forged (or anything else written)
 * between two real visits makes the next real visit send its body, which puts the real values
 * back; and a body is "known" only for the same API, language and request. The page's side
 * (run-page.ts `knownToWorker`, driven against the real handlers) hashes its body only when the
 * worker gives out a digest, and skips it only on an exact match.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetKnownBodies } from '@/lib/background/page-known';
import { knownToWorker } from '@/lib/content/run-page';
import { bodyDigest } from '@/lib/protocol/body-digest';
import { LIMITS } from '@/lib/protocol/limits';
import type { CapturedApi } from '@/lib/schema/model';
import { aliexpressTab, ask, extensionPage, handlerContext, savePage } from './handler-context';

// The real digest, counted: the page must hash a body only when the worker gave out a digest.
vi.mock('@/lib/protocol/body-digest', async (actual) => {
  const real = await actual<typeof import('@/lib/protocol/body-digest')>();
  return { ...real, bodyDigest: vi.fn(real.bodyDigest) };
});

const NOW = new Date('2026-10-05T10:00:00.000Z');
const LIST = 'mtop.aliexpress.trade.buyer.order.list';
const TRACKING = 'mtop.ae.ld.querydetail';
const URL_ = `https://acs.aliexpress.com/h5/${LIST}/1.0/?t=1760000000000&data=%7B%22pageIndex%22%3A1%7D`;
const ID = '8123456789012345';
const FIXTURES = path.resolve(__dirname, '../../fixtures/aliexpress');

/** An order list answer, as the gateway sends it: a new trace id and server clock every time. */
function listBody(status: string, { orderId = ID, trace = 'a1', clock = 1788850420839 } = {}): string {
  const key = `pc_om_list_order_${orderId}`;
  return JSON.stringify({
    api: LIST,
    data: {
      data: {
        [key]: {
          tag: 'pc_om_list_order',
          fields: {
            orderId,
            statusText: status,
            orderDateText: 'Oct 1, 2026',
            totalPriceText: 'US $12.34',
            currencyCode: 'USD',
            storeName: 'Vega Store',
            orderLines: [{ orderLineId: '8123456789012346', itemTitle: 'USB-C cable', quantity: 1 }],
          },
        },
      },
      global: { curTime: clock },
    },
    ret: ['SUCCESS::调用成功'],
    traceId: trace,
    v: '1.0',
  });
}

type Ctx = ReturnType<typeof handlerContext>;
let loads = 0;
/** One page load of the order list (each has its own budget of new orders). */
const load = () => ({ ...aliexpressTab(), documentId: `known-${++loads}` });

const save = (ctx: Ctx, body: string, over: { api?: string; url?: string; lang?: string } = {}) =>
  ask(ctx, load(), 'saveCapture', { api: LIST, url: URL_, body, lang: 'en', ...over });

/** The digest the worker gives out for a reading (`captureKnown`), or null. */
async function remembered(ctx: Ctx, over: { api?: string; url?: string; lang?: string } = {}) {
  const r = await ask(ctx, load(), 'captureKnown', { api: LIST, url: URL_, lang: 'en', ...over });
  if (!r.ok) throw new Error(r.error);
  return (r.value as { digest: string | null }).digest;
}

/** The page's way to the worker, as a content script in a tab of its own page load. */
const pageSend = (ctx: Ctx) => (m: unknown) => {
  const { type, payload } = m as { type: string; payload: unknown };
  return ask(ctx, load(), type, payload);
};

/** Whether the page's script (run-page.ts) would skip sending `body`. */
const known = (ctx: Ctx, body: string, over: { api?: string; url?: string; lang?: string } = {}) =>
  knownToWorker(pageSend(ctx), {
    api: (over.api ?? LIST) as CapturedApi,
    url: over.url ?? URL_,
    lang: over.lang ?? 'en',
    body,
  });

/** What a page's script does: asks, and sends the body only when the worker does not know it. */
async function visit(ctx: Ctx, body: string): Promise<'skipped' | number> {
  if (await known(ctx, body)) return 'skipped';
  const r = await save(ctx, body);
  if (!r.ok) throw new Error(r.error);
  return (r.value as { written: number }).written;
}

const status = async (ctx: Ctx, id = ID) => (await ctx.db.orders.get(id))?.statusText;

beforeEach(() => forgetKnownBodies());

describe('a captured body the worker already read', () => {
  it('is not sent again once a visit changed nothing, even with a new trace id and server clock', async () => {
    const ctx = handlerContext(NOW);
    expect(await visit(ctx, listBody('Awaiting delivery', { trace: 't1' }))).toBe(1);
    // The first re-visit still sends: only a reading that changed nothing proves the body known.
    expect(await visit(ctx, listBody('Awaiting delivery', { trace: 't2', clock: 1788850420999 }))).toBe(0);
    expect(await visit(ctx, listBody('Awaiting delivery', { trace: 't3', clock: 1788850421111 }))).toBe(
      'skipped',
    );
    expect(await status(ctx)).toBe('Awaiting delivery');
  });

  it('is sent again after a forged body for the same order, and the real values come back', async () => {
    const ctx = handlerContext(NOW);
    const real = listBody('Awaiting delivery');
    await visit(ctx, real);
    await visit(ctx, real);
    expect(await known(ctx, real)).toBe(true);
    // A page forges the order's status in between.
    await save(ctx, listBody('Completed'));
    expect(await status(ctx)).toBe('Completed');
    expect(await known(ctx, real)).toBe(false);
    expect(await visit(ctx, real)).toBe(1);
    expect(await status(ctx)).toBe('Awaiting delivery');
  });

  it('is sent again after any other write: a DOM reading, a settings change, an import, a wipe', async () => {
    const ctx = handlerContext(NOW);
    const real = listBody('Awaiting delivery');
    const remembered = async () => {
      await visit(ctx, real);
      await visit(ctx, real);
      expect(await known(ctx, real)).toBe(true);
    };
    await remembered();
    await savePage(ctx, {
      orders: [{ id: '8123456789012999', status: 'completed' }],
      packages: [],
      disputes: [],
      refunds: [],
    });
    expect(await known(ctx, real)).toBe(false);

    await remembered();
    expect((await ask(ctx, extensionPage(), 'saveSettings', { notifications: false })).ok).toBe(true);
    expect(await known(ctx, real)).toBe(false);

    await remembered();
    const backup = await ask(ctx, extensionPage(), 'exportBackup', {});
    if (!backup.ok) throw new Error(backup.error);
    await ask(ctx, extensionPage(), 'importBackup', { text: (backup.value as { json: string }).json });
    expect(await known(ctx, real)).toBe(false);

    await remembered();
    await ask(ctx, extensionPage(), 'wipeAll', { confirm: 'wipe' });
    expect(await known(ctx, real)).toBe(false);
    // After "Delete all data" the real page stores its order again.
    expect(await visit(ctx, real)).toBe(1);
    expect(await status(ctx)).toBe('Awaiting delivery');
  });

  it('is known only for the same API, language and request, never for another', async () => {
    const ctx = handlerContext(NOW);
    const real = listBody('Awaiting delivery');
    await visit(ctx, real);
    await visit(ctx, real);
    expect(await known(ctx, real)).toBe(true);
    // The address's clock and signature change on every request: they are not part of it.
    expect(await known(ctx, real, { url: URL_.replace('t=1760000000000', 't=1760000099999&sign=x') })).toBe(
      true,
    );
    expect(await known(ctx, real, { api: TRACKING })).toBe(false);
    expect(await known(ctx, real, { lang: 'pt-BR' })).toBe(false);
    expect(await known(ctx, real, { url: URL_.replace('%3A1', '%3A2') })).toBe(false);
    expect(await known(ctx, real, { url: `${URL_}&tradeOrderId=8123456789012999` })).toBe(false);
    expect(await known(ctx, listBody('Completed'))).toBe(false);
  });

  it('is given out as its digest only while nothing was written since, and as null before and after', async () => {
    const ctx = handlerContext(NOW);
    const real = listBody('Awaiting delivery');
    // Never read: nothing to hash for, so a first visit's page hashes nothing.
    expect(await remembered(ctx)).toBeNull();
    await visit(ctx, real);
    // Read, but it wrote: not a no-op, so still nothing.
    expect(await remembered(ctx)).toBeNull();
    await visit(ctx, real);
    expect(await remembered(ctx)).toBe(await bodyDigest(real));
    await save(ctx, listBody('Completed'));
    expect(await remembered(ctx)).toBeNull();
  });

  it('answers for a reading with the last body that changed nothing there', async () => {
    const ctx = handlerContext(NOW);
    const other = '8123456789012399';
    const both = JSON.parse(listBody('Awaiting delivery'));
    Object.assign(both.data.data, JSON.parse(listBody('Awaiting delivery', { orderId: other })).data.data);
    await visit(ctx, JSON.stringify(both));
    expect(await visit(ctx, JSON.stringify(both))).toBe(0);
    expect(await known(ctx, JSON.stringify(both))).toBe(true);
    // A body with one of the two orders changes nothing either, and is now the one remembered.
    const one = listBody('Awaiting delivery', { orderId: other });
    expect(await visit(ctx, one)).toBe(0);
    expect(await known(ctx, one)).toBe(true);
    expect(await known(ctx, JSON.stringify(both))).toBe(false);
  });

  it('is forgotten when the worker restarts: the page sends it', async () => {
    const ctx = handlerContext(NOW);
    const real = listBody('Awaiting delivery');
    await visit(ctx, real);
    await visit(ctx, real);
    expect(await known(ctx, real)).toBe(true);
    forgetKnownBodies();
    expect(await known(ctx, real)).toBe(false);
    expect(await visit(ctx, real)).toBe(0);
  });

  it('is never known while a record in it was refused as dated after the reading (later it may not be)', async () => {
    // The fixture's parcel was delivered on 2026-08-06: read on 2026-08-01, that is the future.
    const ctx = handlerContext(new Date('2026-08-01T10:00:00.000Z'));
    const tracking = readFileSync(path.join(FIXTURES, 'tracking/en-usd-two-packages.json'), 'utf8');
    const opts = { api: TRACKING, url: `https://acs.aliexpress.com/h5/${TRACKING}/1.0/?tradeOrderId=${ID}` };
    for (let i = 0; i < 3; i += 1) await save(ctx, tracking, opts);
    const diagnostics = await ctx.db.diagnostics.toArray();
    expect(diagnostics.some((d) => /dated after the moment they were read/.test(d.problem))).toBe(true);
    expect(await known(ctx, tracking, opts)).toBe(false);
  });

  it("is never known when its new orders were refused over the page load's budget", async () => {
    const ctx = handlerContext(NOW);
    const page = load();
    // This page load already added its budget of new orders.
    const fresh = Array.from({ length: LIMITS.newOrdersPerPage }, (_, i) => ({
      id: String(8_000_000_000_000_000n + BigInt(i)),
      status: 'awaiting_delivery' as const,
    }));
    await ask(ctx, page, 'saveObservations', {
      source: LIST,
      kind: 'json',
      url: URL_,
      observations: { orders: fresh, packages: [], disputes: [], refunds: [] },
    });
    const body = listBody('Awaiting delivery');
    const r = await ask(ctx, page, 'saveCapture', { api: LIST, url: URL_, body, lang: 'en' });
    expect(r).toEqual({ ok: true, value: { written: 0, problem: null } });
    expect(await known(ctx, body)).toBe(false);
    // The next page load has a budget again: the order is stored.
    expect(await visit(ctx, body)).toBe(1);
    expect(await status(ctx)).toBe('Awaiting delivery');
  });
});

describe("the page's side (run-page.ts knownToWorker)", () => {
  const hashed = vi.mocked(bodyDigest);
  const real = listBody('Awaiting delivery');
  /** A worker that read `real` twice: the second changed nothing, so it gives out its digest. */
  async function rememberedReal() {
    const ctx = handlerContext(NOW);
    await visit(ctx, real);
    await visit(ctx, real);
    expect(await remembered(ctx)).toBe(await bodyDigest(real));
    hashed.mockClear();
    return ctx;
  }

  it('asks with the reading alone and hashes nothing while the worker has no digest for it', async () => {
    const ctx = handlerContext(NOW);
    const asked: unknown[] = [];
    const send = pageSend(ctx);
    hashed.mockClear();
    const first = await knownToWorker(
      (m) => {
        asked.push(m);
        return send(m);
      },
      { api: LIST as CapturedApi, url: URL_, lang: 'en', body: real },
    );
    expect(first).toBe(false);
    expect(asked).toEqual([{ type: 'captureKnown', payload: { api: LIST, url: URL_, lang: 'en' } }]);
    expect(hashed).not.toHaveBeenCalled();
    await save(ctx, real);
    // Read, but it wrote: still no digest, still no hashing.
    hashed.mockClear();
    expect(await known(ctx, real)).toBe(false);
    expect(hashed).not.toHaveBeenCalled();
  });

  it('hashes once and skips when the digest is exactly its body', async () => {
    const ctx = await rememberedReal();
    const revisit = listBody('Awaiting delivery', { trace: 'new', clock: 1788850429999 });
    expect(await known(ctx, revisit)).toBe(true);
    expect(hashed).toHaveBeenCalledTimes(1);
  });

  it('sends a body whose digest is not the one the worker gave out', async () => {
    const ctx = await rememberedReal();
    expect(await known(ctx, listBody('Completed'))).toBe(false);
    expect(hashed).toHaveBeenCalledTimes(1);
  });

  it('sends the body when asking or hashing fails, or the answer is not a digest', async () => {
    const ctx = await rememberedReal();
    const digest = await bodyDigest(real);
    const m = { api: LIST as CapturedApi, url: URL_, lang: 'en', body: real };
    // The worker stopped (MV3), or answered nothing, an error, or something else.
    expect(await knownToWorker(() => Promise.reject(new Error('no receiver')), m)).toBe(false);
    expect(await knownToWorker(async () => undefined, m)).toBe(false);
    expect(await knownToWorker(async () => ({ ok: false, error: 'x' }), m)).toBe(false);
    expect(await knownToWorker(async () => ({ ok: true, value: {} }), m)).toBe(false);
    expect(await knownToWorker(async () => ({ ok: true, value: { known: true } }), m)).toBe(false);
    // The worker would match, but the page cannot hash.
    hashed.mockRejectedValueOnce(new Error('no crypto'));
    expect(await knownToWorker(pageSend(ctx), m)).toBe(false);
    // …and with it all working, the same body is skipped (so the cases above failed for their reason).
    expect(await knownToWorker(async () => ({ ok: true, value: { digest } }), m)).toBe(true);
    expect(await knownToWorker(pageSend(ctx), m)).toBe(true);
  });

  it('sends the body at once when it gives up before the answer or the digest is in (a slow worker, the buyer leaving)', async () => {
    const ctx = await rememberedReal();
    const digest = await bodyDigest(real);
    const m = { api: LIST as CapturedApi, url: URL_, lang: 'en', body: real };
    let leave = () => {};
    const leaving = () =>
      new Promise<void>((done) => {
        leave = done;
      });
    // A worker that was asleep has not answered yet when the page goes.
    let answer = (_: unknown) => {};
    const slow = knownToWorker(() => new Promise((done) => (answer = done)), m, leaving());
    leave();
    expect(await slow).toBe(false);
    // It answers with the very digest, but the page is still hashing when it goes.
    let hashedDone = (_: string) => {};
    hashed.mockImplementationOnce(() => new Promise((done) => (hashedDone = done)));
    const hashing = knownToWorker(async () => ({ ok: true, value: { digest } }), m, leaving());
    await vi.waitFor(() => expect(hashed).toHaveBeenCalled());
    leave();
    expect(await hashing).toBe(false);
    hashedDone(digest);
    answer({ ok: true, value: { digest } });
    // Staying on the page, the same question skips the body (so the two above failed for leaving).
    expect(await knownToWorker(pageSend(ctx), m, leaving())).toBe(true);
  });
});
