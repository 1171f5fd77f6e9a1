import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import type { Dashboard } from '@/lib/protocol/messages';
import type { OrderObservation } from '@/lib/schema/model';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, ORDER, obs } from '../store/helpers';

const me = { id: 'id', origin: 'chrome-extension://id/' };
const popup = { id: 'id', url: 'chrome-extension://id/popup.html' };
const page = { id: 'id', url: 'https://www.aliexpress.com/p/order/index.html', tab: {} };
const NOW = new Date('2026-11-01T12:00:00.000Z');

function context(): HandlerContext {
  return {
    db: freshDb(),
    now: () => NOW,
    zone: () => 'UTC',
    uiLanguage: () => 'en',
    loadTable: loadTableFromDisk,
    openTab: async () => {},
    onDataChanged: () => {},
  };
}

/** An order not delivered whose page protection date is `days` from NOW. */
function order(n: number, days: number, title = `Item ${n}`): OrderObservation {
  const endsOn = new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    ...ORDER,
    id: String(8_500_000_000_000_000 + n),
    lines: [
      { id: `line${n}`, title, variant: null, quantity: 1, unitPrice: null, imageUrl: null, productId: null },
    ],
    protection: { endsOn, text: `Refund if no delivery before ${endsOn}` },
  };
}

async function dashboard(ctx: HandlerContext, payload: object = {}): Promise<Dashboard> {
  const r = await handleMessage({ type: 'getDashboard', payload }, popup, me, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.value as Dashboard;
}

async function save(ctx: HandlerContext, orders: OrderObservation[]) {
  const payload = {
    source: 'order_detail',
    kind: 'json',
    url: 'https://x.aliexpress.com/',
    observations: obs({ orders }),
  };
  const r = await handleMessage({ type: 'saveObservations', payload }, page, me, ctx);
  if (!r.ok) throw new Error(r.error);
}

describe('the popup dashboard', () => {
  it('sends a page per group, most urgent first, with the counts of all', async () => {
    const ctx = context();
    await save(
      ctx,
      Array.from({ length: 120 }, (_, i) => order(i, 2 + (i % 40))),
    );
    const d = await dashboard(ctx);
    const act = d.groups.act_now;
    expect(d.totalOrders).toBe(120);
    expect(act.total + d.groups.watch.total + d.groups.settled.total).toBe(120);
    expect(act.orders.length).toBeLessThanOrEqual(50);
    const ats = act.orders.map((o) => o.assessment.nextDeadline?.at ?? '');
    expect(ats).toEqual([...ats].sort());
    const more = await dashboard(ctx, { limits: { act_now: 1000 } });
    expect(more.groups.act_now.orders).toHaveLength(more.groups.act_now.total);
  });

  it('searches every order, not only the ones shown', async () => {
    const ctx = context();
    await save(ctx, [
      ...Array.from({ length: 80 }, (_, i) => order(i, 2)),
      order(99, 60, 'Rare blue teapot'),
    ]);
    const d = await dashboard(ctx, { query: 'blue teapot' });
    const all = Object.values(d.groups).flatMap((g) => g.orders);
    expect(all.map((o) => o.facts.order.lines?.[0]?.title)).toEqual(['Rare blue teapot']);
  });

  it('includes the order a banner asked to open, even past the first page', async () => {
    const ctx = context();
    await save(
      ctx,
      Array.from({ length: 80 }, (_, i) => order(i, 2 + i)),
    );
    const focus = String(8_500_000_000_000_000 + 79);
    const d = await dashboard(ctx, { focus });
    expect(Object.values(d.groups).some((g) => g.orders.some((o) => o.facts.order.id === focus))).toBe(true);
  });

  it('shows a change at once: the cached snapshot is dropped when data changes', async () => {
    const ctx = context();
    await save(ctx, [order(1, 30)]);
    expect((await dashboard(ctx)).groups.act_now.total).toBe(0);
    await save(ctx, [order(1, 3)]);
    expect((await dashboard(ctx)).groups.act_now.total).toBe(1);
  });
});
