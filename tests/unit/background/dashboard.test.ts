import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import type { Dashboard } from '@/lib/protocol/messages';
import type { OrderObservation } from '@/lib/schema/model';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, obs, undeliveredOrder } from '../store/helpers';
import { savePage } from './handler-context';

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
const order = (n: number, days: number, title?: string) => undeliveredOrder(NOW, n, days, title);

async function dashboard(ctx: HandlerContext, payload: object = {}): Promise<Dashboard> {
  const r = await handleMessage({ type: 'getDashboard', payload }, popup, me, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.value as Dashboard;
}

/** The orders, read as the content script of a page would send them. */
async function save(ctx: HandlerContext, orders: OrderObservation[]) {
  const r = await savePage(ctx, obs({ orders }));
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

  it('sums the money at stake per currency over every order in Act now, and the first date to act by', async () => {
    const ctx = context();
    const eur = (n: number, days: number, amountMinor: number) => ({
      ...order(n, days),
      total: { amountMinor, currency: 'EUR' },
    });
    const usd = (n: number, days: number, amountMinor: number) => ({
      ...order(n, days),
      total: { amountMinor, currency: 'USD' },
    });
    // Three urgent orders in two currencies; one far off (watch), whose money is not at stake.
    await save(ctx, [usd(1, 5, 1000), usd(2, 3, 2345), eur(3, 4, 999), usd(4, 40, 50_000)]);
    const d = await dashboard(ctx, { query: 'Item 3' });
    // The search narrows the cards, never the top line.
    expect(d.atStake.orders).toBe(3);
    expect(d.atStake.totals).toEqual([
      { amountMinor: 999, currency: 'EUR' },
      { amountMinor: 3345, currency: 'USD' },
    ]);
    // The nearest is order 2's protection end (3 days ahead), whichever order is searched.
    const act = (await dashboard(ctx)).groups.act_now.orders;
    const two = act.find((o) => o.facts.order.id === String(8_500_000_000_000_002));
    const end = two?.assessment.deadlines.find((x) => x.kind === 'protection_end')?.at;
    expect(end).toBeDefined();
    expect(d.atStake.firstBy).toBe(end);
    expect(d.atStake.dueNow).toBe(false);
  });

  it('says the first is now, not a later date, when an Act-now card shows a date of the buyer’s that passed', async () => {
    const ctx = context();
    // Order 1's protection ended two days ago with the parcel missing (its card: "Purchase
    // protection ended on …", act now); order 2's ends in three days.
    await save(ctx, [order(1, -2), order(2, 3)]);
    const d = await dashboard(ctx);
    const one = d.groups.act_now.orders.find((o) => o.facts.order.id === String(8_500_000_000_000_001));
    expect(one?.assessment.headline?.kind).toBe('protection_over');
    expect(d.atStake.orders).toBe(2);
    expect(d.atStake.dueNow).toBe(true);
  });

  it('has nothing at stake when nothing needs the buyer', async () => {
    const ctx = context();
    await save(ctx, [order(1, 40)]);
    expect((await dashboard(ctx)).atStake).toEqual({ orders: 0, totals: [], firstBy: null, dueNow: false });
  });

  it('"I received it" moves an order out of Act now and keeps it; undo brings it back; pages may not say it', async () => {
    const ctx = context();
    await save(ctx, [order(1, 3)]);
    const id = String(8_500_000_000_000_001);
    const mark = (receivedOn: string | null, sender: typeof popup | typeof page = popup) =>
      handleMessage({ type: 'markOrderReceived', payload: { orderId: id, receivedOn } }, sender, me, ctx);
    expect((await dashboard(ctx)).groups.act_now.total).toBe(1);
    expect((await mark('2026-10-30', page)).ok).toBe(false);
    expect((await mark('2026-10-30')).ok).toBe(true);
    const d = await dashboard(ctx);
    expect(d.groups.act_now.total).toBe(0);
    expect(d.atStake.orders).toBe(0);
    expect(d.groups.watch.orders[0]?.facts.order.receivedOn).toBe('2026-10-30');
    // A page read again later (with a change) does not undo the buyer's word.
    await save(ctx, [{ ...order(1, 3), statusText: 'Awaiting delivery, read again' }]);
    expect((await dashboard(ctx)).groups.watch.orders[0]?.facts.order.statusText).toBe(
      'Awaiting delivery, read again',
    );
    expect((await dashboard(ctx)).groups.act_now.total).toBe(0);
    expect((await mark(null)).ok).toBe(true);
    expect((await dashboard(ctx)).groups.act_now.total).toBe(1);
    const missing = await handleMessage(
      { type: 'markOrderReceived', payload: { orderId: '8500000000009999', receivedOn: '2026-10-30' } },
      popup,
      me,
      ctx,
    );
    expect(missing.ok).toBe(false);
  });

  it('"Snooze until…" hides a warning until the day, for extension pages only; null wakes it', async () => {
    const ctx = context();
    await save(ctx, [order(1, 3)]);
    const first = (await dashboard(ctx)).groups.act_now.orders[0];
    const alert = first?.assessment.alerts[0];
    if (!first || !alert) throw new Error('an urgent order');
    const snooze = (until: string | null, sender: typeof popup | typeof page = popup) =>
      handleMessage(
        {
          type: 'snoozeAlert',
          payload: { orderId: first.facts.order.id, alertId: alert.id, severity: alert.severity, until },
        },
        sender,
        me,
        ctx,
      );
    expect((await snooze('2026-11-02', page)).ok).toBe(false);
    expect((await snooze('2026-11-02')).ok).toBe(true);
    const ids = async () =>
      Object.values((await dashboard(ctx)).groups).flatMap((g) =>
        g.orders.flatMap((o) => o.assessment.alerts.map((a) => a.id)),
      );
    expect(await ids()).not.toContain(alert.id);
    expect((await snooze(null)).ok).toBe(true);
    expect(await ids()).toContain(alert.id);
  });
});
