/**
 * The popup of a cold worker answers from the first page kept at the last recompute (issue 16),
 * and only while that page still says what the whole snapshot would: the same data (every write
 * to the facts empties it, in the write's own transaction) and the same moment between two
 * boundaries. Anything else, and the popup gets what it got before: the snapshot built whole.
 */
import { describe, expect, it } from 'vitest';
import { buildDashboard, SUMMARY_FORMAT } from '@/lib/background/dashboard';
import type { HandlerContext } from '@/lib/background/handlers';
import { recomputeOnce } from '@/lib/background/recompute';
import { getSnapshot, invalidateSnapshot } from '@/lib/background/snapshot';
import type { Dashboard } from '@/lib/protocol/messages';
import type { OrderObservation } from '@/lib/schema/model';
import { DASHBOARD_KEY } from '@/lib/store/db';
import { loadChecklistDone } from '@/lib/store/queries';
import { readSettings } from '@/lib/store/settings';
import { readSummary, saveSummary } from '@/lib/store/summaries';
import { loadTableFromDisk } from '../locale-loader';
import { obs, undeliveredOrder } from '../store/helpers';
import { ask, extensionPage, handlerContext, savePage } from './handler-context';

const NOW = new Date('2026-11-01T12:00:00.000Z');
const DAY = 86_400_000;
const popup = extensionPage('popup.html');

/** An order not delivered whose page protection date is `days` from NOW. */
const order = (n: number, days: number, title?: string) => undeliveredOrder(NOW, n, days, title);

/** A handler context whose clock the test moves. */
function context(): HandlerContext & { at: (d: Date) => void } {
  let now = NOW;
  const ctx = handlerContext(NOW, 'UTC', { now: () => now });
  return Object.assign(ctx, { at: (d: Date) => (now = d) });
}

/** The orders, read as the content script of a page would send them. */
async function save(ctx: HandlerContext, orders: OrderObservation[]) {
  const r = await savePage(ctx, obs({ orders }));
  if (!r.ok) throw new Error(r.error);
}

async function dashboard(ctx: HandlerContext, payload: object = {}): Promise<Dashboard> {
  const r = await ask(ctx, popup, 'getDashboard', payload);
  if (!r.ok) throw new Error(r.error);
  return r.value as Dashboard;
}

function recompute(ctx: HandlerContext) {
  return recomputeOnce({
    db: ctx.db,
    now: ctx.now,
    zone: ctx.zone,
    uiLanguage: () => 'en',
    loadTable: loadTableFromDisk,
  });
}

/** The browser stopped the worker: nothing stays in memory. */
const stopWorker = (ctx: HandlerContext) => invalidateSnapshot(ctx.db);

/** What a worker that builds the whole snapshot answers at the context's clock. */
async function built(ctx: HandlerContext, q: object = {}): Promise<Dashboard> {
  const leads = (await readSettings(ctx.db)).leadTimesMinutes.map((m) => m * 60_000);
  const snap = await getSnapshot(ctx.db, ctx.now(), 'UTC', leads);
  return buildDashboard(snap, await loadChecklistDone(ctx.db), [], ctx.now(), q);
}

/** Many orders, urgent and not, so every group has more than one page. */
const MANY = Array.from({ length: 130 }, (_, i) => order(i, 1 + (i % 45)));

describe('the popup of a cold worker', () => {
  it('gets the first page kept at the last recompute: the same cards, counts and money at stake as the whole snapshot', async () => {
    const ctx = context();
    await save(ctx, MANY);
    await recompute(ctx);
    expect(await readSummary(ctx.db)).toMatchObject({ format: SUMMARY_FORMAT });
    stopWorker(ctx);
    ctx.at(new Date(NOW.getTime() + 60_000));
    const fast = await dashboard(ctx, { query: '', limits: { act_now: 50, watch: 50, settled: 50 } });
    stopWorker(ctx);
    expect(fast).toEqual(await built(ctx, { limits: { act_now: 50, watch: 50, settled: 50 } }));
    expect(fast.groups.act_now.orders.length).toBeGreaterThan(0);
  });

  it('is answered from the kept page, not by reading every order again', async () => {
    const ctx = context();
    await save(ctx, [order(1, 3), order(2, 30)]);
    await recompute(ctx);
    stopWorker(ctx);
    // The kept page is what a cold worker reads: marked here so the answer shows where it came from.
    const kept = (await readSummary(ctx.db)) as { totalOrders: number };
    const version = (await ctx.db.summaries.get(DASHBOARD_KEY))?.value as { version: string };
    await saveSummary(ctx.db, version.version, { ...kept, totalOrders: 999 });
    expect((await dashboard(ctx)).totalOrders).toBe(999);
  });

  it('shows the buyer’s latest ticks with the kept page (ticks do not change the assessment)', async () => {
    const ctx = context();
    await save(ctx, [order(1, 3)]);
    await recompute(ctx);
    const id = String(8_500_000_000_000_001);
    const item = (await dashboard(ctx)).groups.act_now.orders[0]?.assessment.checklist.items[0]?.id ?? '';
    expect((await ask(ctx, popup, 'setChecklistItem', { orderId: id, itemId: item, done: true })).ok).toBe(
      true,
    );
    stopWorker(ctx);
    expect(await readSummary(ctx.db)).not.toBeNull();
    expect((await dashboard(ctx)).groups.act_now.orders[0]?.done).toEqual([item]);
  });

  it('never shows a page older than the data: every kind of write empties it, in the same transaction', async () => {
    const ctx = context();
    await save(ctx, [order(1, 30)]);
    const writes: [string, () => Promise<unknown>][] = [
      ['a page reading', () => save(ctx, [order(1, 3)])],
      [
        '"I received it"',
        () =>
          ask(ctx, popup, 'markOrderReceived', {
            orderId: String(8_500_000_000_000_001),
            receivedOn: '2026-10-30',
          }),
      ],
      ['the settings', () => ask(ctx, extensionPage(), 'saveSettings', { leadTimesMinutes: [2 * 24 * 60] })],
    ];
    for (const [what, write] of writes) {
      await recompute(ctx);
      expect(await readSummary(ctx.db), `${what}: kept before`).not.toBeNull();
      await write();
      expect(await readSummary(ctx.db), `${what}: emptied`).toBeNull();
      stopWorker(ctx);
      expect(await dashboard(ctx), what).toEqual({ ...(await built(ctx)), diagnostics: expect.anything() });
    }
  });

  it('a page worked out from data read before a write is not kept', async () => {
    const ctx = context();
    await save(ctx, [order(1, 30)]);
    const snap = await getSnapshot(ctx.db, NOW, 'UTC', [DAY]);
    await save(ctx, [order(1, 3)]);
    expect(await saveSummary(ctx.db, snap.dataVersion, { format: SUMMARY_FORMAT })).toBe(false);
    expect(await readSummary(ctx.db)).toBeNull();
  });

  it('after "Delete all data" no order is left in the kept page, and the popup is empty', async () => {
    const ctx = context();
    await save(ctx, MANY);
    await recompute(ctx);
    expect((await ask(ctx, extensionPage(), 'wipeAll', { confirm: 'wipe' })).ok).toBe(true);
    expect((await ctx.db.summaries.get(DASHBOARD_KEY))?.value ?? null).toBeNull();
    stopWorker(ctx);
    expect((await dashboard(ctx)).totalOrders).toBe(0);
  });

  it('after a backup import the popup shows the imported orders, not the page kept before', async () => {
    const ctx = context();
    await save(ctx, [order(1, 30)]);
    const backup = await ask(ctx, extensionPage(), 'exportBackup', {});
    if (!backup.ok) throw new Error(backup.error);
    await ask(ctx, extensionPage(), 'wipeAll', { confirm: 'wipe' });
    await recompute(ctx);
    stopWorker(ctx);
    expect((await dashboard(ctx)).totalOrders).toBe(0);
    expect(
      (await ask(ctx, extensionPage(), 'importBackup', { text: (backup.value as { json: string }).json })).ok,
    ).toBe(true);
    expect(await readSummary(ctx.db)).toBeNull();
    stopWorker(ctx);
    expect((await dashboard(ctx)).totalOrders).toBe(1);
  });

  it('never late: past the next boundary the kept page is not used, the groups are those of now', async () => {
    const ctx = context();
    // Protection ends in 30 days: "watch" now, "act now" 27 days later.
    await save(ctx, [order(1, 30)]);
    await recompute(ctx);
    stopWorker(ctx);
    expect((await dashboard(ctx)).groups.watch.total).toBe(1);
    stopWorker(ctx);
    ctx.at(new Date(NOW.getTime() + 27 * DAY));
    const later = await dashboard(ctx);
    stopWorker(ctx);
    expect(later).toEqual({ ...(await built(ctx)), diagnostics: expect.anything() });
    expect(later.groups.act_now.total).toBe(1);
  });

  it('a clock set back before the page was worked out does not use it', async () => {
    const ctx = context();
    await save(ctx, [order(1, 30)]);
    ctx.at(new Date(NOW.getTime() + 27 * DAY));
    await recompute(ctx);
    stopWorker(ctx);
    ctx.at(NOW);
    const back = await dashboard(ctx);
    stopWorker(ctx);
    expect(back).toEqual({ ...(await built(ctx)), diagnostics: expect.anything() });
    expect(back.groups.watch.total).toBe(1);
  });

  it('a clock set back does not reuse the running worker’s snapshot either', async () => {
    const ctx = context();
    await save(ctx, [order(1, 30)]);
    ctx.at(new Date(NOW.getTime() + 27 * DAY));
    expect((await dashboard(ctx)).groups.act_now.total).toBe(1);
    ctx.at(NOW);
    expect((await dashboard(ctx)).groups.watch.total).toBe(1);
  });

  it('a search, "Show more" and an order beyond the kept page get the whole snapshot', async () => {
    const ctx = context();
    await save(ctx, [...MANY, order(500, 60, 'Rare blue teapot')]);
    await recompute(ctx);
    const far = String(8_500_000_000_000_000 + 500);
    const asks = [
      { query: 'blue teapot' },
      { limits: { act_now: 250, watch: 250, settled: 250 } },
      { focus: far, limits: { act_now: 1, watch: 1, settled: 1 } },
    ];
    for (const q of asks) {
      stopWorker(ctx);
      const d = await dashboard(ctx, q);
      stopWorker(ctx);
      expect(d, JSON.stringify(q)).toEqual({ ...(await built(ctx, q)), diagnostics: expect.anything() });
    }
    stopWorker(ctx);
    const focused = await dashboard(ctx, { focus: far });
    expect(Object.values(focused.groups).some((g) => g.orders.some((o) => o.facts.order.id === far))).toBe(
      true,
    );
  });
});
