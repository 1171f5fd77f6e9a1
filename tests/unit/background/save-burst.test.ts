/**
 * A list page sends its bodies in a burst: the background works on the next before the one
 * ahead of it is stored. What the buyer's data looks like, what each sender is told, and the
 * page load's budget of new orders (issue 14) are as if they had come one at a time.
 */
import { describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/messaging';
import { LIMITS } from '@/lib/protocol/limits';
import type { OrderObservation } from '@/lib/schema/model';
import { ORDER, obs } from '../store/helpers';
import { aliexpressTab, handlerContext, me } from './handler-context';

const NOW = new Date('2026-10-05T10:00:00.000Z');
let loads = 0;
/** A new page load (each has its own budget of new orders, kept by the worker across tests). */
const load = () => ({ ...aliexpressTab(), documentId: `burst-${++loads}` });
const save = (orders: OrderObservation[]) => ({
  type: 'saveObservations',
  payload: {
    source: 'mtop.aliexpress.trade.buyer.order.list',
    kind: 'json',
    url: 'https://acs.aliexpress.com/h5/x',
    observations: obs({ orders }),
  },
});
const fresh = (from: number, n: number): OrderObservation[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(8_000_000_000_000_000n + BigInt(from + i)),
    status: 'awaiting_delivery' as const,
  }));

describe('a burst of readings sent at once', () => {
  it('stores every reading in arrival order, each answer saying what it wrote', async () => {
    const ctx = handlerContext(NOW);
    const sender = load();
    const answers = await Promise.all([
      handleMessage(save(fresh(0, 3)), sender, me, ctx),
      handleMessage(save([ORDER]), sender, me, ctx),
      handleMessage(save([{ id: ORDER.id, status: 'completed' }]), sender, me, ctx),
      handleMessage(save(fresh(0, 3)), sender, me, ctx),
    ]);
    expect(answers).toEqual([
      { ok: true, value: { written: 3 } },
      { ok: true, value: { written: 1 } },
      { ok: true, value: { written: 1 } },
      { ok: true, value: { written: 0 } },
    ]);
    expect(await ctx.db.orders.count()).toBe(4);
    // The later reading of the same order won, as it would one transaction each.
    expect((await ctx.db.orders.get(ORDER.id))?.status).toBe('completed');
  });

  it("one page load's budget of new orders holds across readings sent together", async () => {
    const ctx = handlerContext(NOW);
    const n = LIMITS.newOrdersPerPage;
    const sender = load();
    const answers = await Promise.all([
      handleMessage(save(fresh(0, n - 1)), sender, me, ctx),
      handleMessage(save(fresh(n, 3)), sender, me, ctx),
      handleMessage(save(fresh(2 * n, 3)), sender, me, ctx),
      // Another page load has its own budget, even in the same transaction.
      handleMessage(save(fresh(3 * n, 3)), load(), me, ctx),
    ]);
    expect(answers.map((a) => (a.ok ? (a.value as { written: number }).written : a))).toEqual([
      n - 1,
      1,
      0,
      3,
    ]);
    expect(await ctx.db.orders.count()).toBe(n + 3);
    const problems = (await ctx.db.diagnostics.toArray()).map((d) => d.problem).sort();
    expect(problems).toEqual([
      `more than ${n} new orders from one page load; 2 refused`,
      `more than ${n} new orders from one page load; 3 refused`,
    ]);
  });

  it('a re-visit: pages of known orders sent with a page of one new order, the new one is stored', async () => {
    const ctx = handlerContext(NOW);
    const known = fresh(0, 11 * 500);
    await handleMessage(save(known.slice(0, 5000)), load(), me, ctx);
    await handleMessage(save(known.slice(5000)), load(), me, ctx);
    const sender = load();
    const pages = Array.from({ length: 11 }, (_, i) => known.slice(i * 500, (i + 1) * 500));
    const answers = await Promise.all([
      ...pages.map((page) => handleMessage(save(page), sender, me, ctx)),
      handleMessage(save(fresh(90_000, 1)), sender, me, ctx),
    ]);
    expect(answers.at(-1)).toEqual({ ok: true, value: { written: 1 } });
    expect(await ctx.db.orders.count()).toBe(known.length + 1);
    expect(await ctx.db.diagnostics.count()).toBe(0);
  });

  it('a reading that cannot be stored fails alone, said to its sender; the others are stored', async () => {
    const ctx = handlerContext(NOW);
    const bad = fresh(100, 1)[0]?.id;
    ctx.db.orders.hook('creating', (_key, row) => {
      if (row.id === bad) throw new Error('disk full');
    });
    const sender = load();
    const answers = await Promise.all([
      handleMessage(save(fresh(0, 2)), sender, me, ctx),
      handleMessage(save(fresh(10, 2)), sender, me, ctx),
      handleMessage(save(fresh(100, 1)), sender, me, ctx),
      handleMessage(save(fresh(20, 2)), sender, me, ctx),
    ]);
    expect(answers[2]).toEqual({ ok: false, error: 'saveObservations failed: disk full' });
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(await ctx.db.orders.count()).toBe(6);
  });

  it('says the data changed once its changes are stored, and never for a burst that changed nothing', async () => {
    const calls: number[] = [];
    const ctx = handlerContext(NOW, 'UTC', { onDataChanged: () => calls.push(Date.now()) });
    const sender = load();
    const burst = () =>
      Promise.all([0, 10, 20, 30].map((from) => handleMessage(save(fresh(from, 3)), sender, me, ctx)));
    await burst();
    expect(calls.length).toBeGreaterThan(0);
    const answeredAt = calls.length;
    // The same burst again on a later visit writes nothing and asks for no recompute.
    await new Promise((r) => setTimeout(r, 300));
    const again = await burst();
    expect(again.every((a) => a.ok && (a.value as { written: number }).written === 0)).toBe(true);
    expect(calls.length).toBe(answeredAt);
  });
});
