import { describe, expect, it, vi } from 'vitest';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import { LIMITS, MAX_CAPTURE_CHARS } from '@/lib/protocol/limits';
import type { Dashboard } from '@/lib/protocol/messages';
import { MAX_DIAGNOSTICS } from '@/lib/store/diagnostics';
import { refundListBody } from '../../support/aliexpress-reverse.mjs';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, ORDER, obs, snapshot } from '../store/helpers';

const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };
const contentScript = {
  id: me.id,
  url: 'https://www.aliexpress.com/p/order/index.html',
  tab: { url: 'https://www.aliexpress.com/p/order/index.html' },
};
const popup = { id: me.id, url: `${me.origin}popup.html` };

function context(): HandlerContext & { changed: ReturnType<typeof vi.fn> } {
  const changed = vi.fn();
  return {
    db: freshDb(),
    now: () => new Date('2026-10-05T10:00:00.000Z'),
    zone: () => 'UTC',
    uiLanguage: () => 'en-US',
    loadTable: loadTableFromDisk,
    openTab: vi.fn(async () => {}),
    onDataChanged: changed,
    changed,
  };
}

const save = (orders = [ORDER]) => ({
  type: 'saveObservations',
  payload: {
    source: 'mtop.aliexpress.trade.buyer.order.list',
    kind: 'json',
    url: 'https://acs.aliexpress.com/h5/x',
    observations: obs({ orders }),
  },
});

describe('background messaging', () => {
  it('stores what a content script on AliExpress read, and the popup then sees it', async () => {
    const ctx = context();
    expect(await handleMessage(save(), contentScript, me, ctx)).toEqual({ ok: true, value: { written: 1 } });
    expect(ctx.changed).toHaveBeenCalledTimes(1);
    const dash = await handleMessage({ type: 'getDashboard', payload: {} }, popup, me, ctx);
    const groups = dash.ok ? (dash.value as Dashboard).groups : null;
    expect(groups?.watch.orders[0]?.facts.order.id).toBe(ORDER.id);
  });

  it('writes nothing and does not recompute when the same page is sent again', async () => {
    const ctx = context();
    await handleMessage(save(), contentScript, me, ctx);
    const before = await snapshot(ctx.db);
    expect(await handleMessage(save(), contentScript, me, ctx)).toEqual({ ok: true, value: { written: 0 } });
    expect(ctx.changed).toHaveBeenCalledTimes(1);
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it.each([
    ['another extension', { id: 'someone-else', url: `${me.origin}popup.html` }],
    [
      'a content script on a non-AliExpress page',
      { id: me.id, url: 'https://evil.example/p/order/index.html', tab: {} },
    ],
    ['a lookalike host', { id: me.id, url: 'https://www.aliexpress.com.evil.example/', tab: {} }],
    [
      'a content script on a plain-http AliExpress page (anyone on the network path)',
      { id: me.id, url: 'http://www.aliexpress.com/p/order/index.html', tab: {} },
    ],
  ])('refuses %s', async (_name, sender) => {
    const ctx = context();
    expect(await handleMessage(save(), sender, me, ctx)).toEqual({ ok: false, error: 'sender not allowed' });
    expect(await ctx.db.orders.count()).toBe(0);
  });

  it('refuses malformed and forged messages without touching stored data', async () => {
    const ctx = context();
    await handleMessage(save(), contentScript, me, ctx);
    const before = await snapshot(ctx.db);
    const forged = [
      null,
      'hello',
      { type: 'dropDatabase', payload: {} },
      { type: '__proto__', payload: {} },
      save([{ ...ORDER, id: 'not-digits' }]),
      save([{ ...ORDER, total: { amountMinor: 1.5, currency: 'USD' } }]),
      save([{ ...ORDER, status: 'hacked' as never }]),
      { type: 'wipeAll', payload: {} },
    ];
    for (const message of forged) {
      const r = await handleMessage(message, contentScript, me, ctx);
      expect(r.ok).toBe(false);
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('does not let a content script (a web page) export, import or wipe data', async () => {
    const ctx = context();
    await handleMessage(save(), contentScript, me, ctx);
    for (const type of ['exportBackup', 'importBackup', 'wipeAll', 'getDashboard', 'saveSettings']) {
      const payload =
        type === 'wipeAll' ? { confirm: 'wipe' } : type === 'importBackup' ? { text: '{}' } : {};
      const r = await handleMessage({ type, payload }, contentScript, me, ctx);
      expect(r).toEqual({ ok: false, error: `${type} is not allowed from a web page` });
    }
    expect(await ctx.db.orders.count()).toBe(1);
    expect((await handleMessage({ type: 'wipeAll', payload: { confirm: 'wipe' } }, popup, me, ctx)).ok).toBe(
      true,
    );
    expect(await ctx.db.orders.count()).toBe(0);
  });

  it('gives a page the badge summary of the orders it shows', async () => {
    const ctx = context();
    await handleMessage(save(), contentScript, me, ctx);
    const r = await handleMessage(
      { type: 'getPageSummaries', payload: { orderIds: [ORDER.id, '8999999999999999'] } },
      contentScript,
      me,
      ctx,
    );
    expect(r.ok).toBe(true);
    const orders = r.ok ? (r.value as { orders: Record<string, { group: string }> }).orders : {};
    expect(Object.keys(orders)).toEqual([ORDER.id]);
  });

  it('drops fields it does not store, such as a receiver address slipped into an order', async () => {
    const ctx = context();
    const sneaky = { ...ORDER, receiver: { name: 'Jane Doe', phone: '+1 555 0100' } };
    await handleMessage(save([sneaky as typeof ORDER]), contentScript, me, ctx);
    expect(JSON.stringify(await ctx.db.orders.toArray())).not.toContain('Jane Doe');
  });

  it('keeps one diagnostic per page kind and problem', async () => {
    const ctx = context();
    const report = {
      type: 'reportUnreadable',
      payload: {
        source: 'order_list',
        url: 'https://www.aliexpress.com/p/order/index.html',
        problem: 'no order cards',
      },
    };
    await handleMessage(report, contentScript, me, ctx);
    await handleMessage(report, contentScript, me, ctx);
    expect(await ctx.db.diagnostics.count()).toBe(1);
  });

  it('refuses an oversized captured body unread and leaves a diagnostic saying so', async () => {
    const ctx = context();
    const body = `{"x":"${'a'.repeat(MAX_CAPTURE_CHARS)}"}`;
    const r = await handleMessage(
      {
        type: 'saveCapture',
        payload: {
          api: 'mtop.aliexpress.trade.buyer.order.list',
          url: 'https://acs.aliexpress.com/h5/x',
          body,
        },
      },
      contentScript,
      me,
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      value: { written: 0, problem: expect.stringContaining('refused unread') },
    });
    const [diagnostic] = await ctx.db.diagnostics.toArray();
    expect(diagnostic?.problem).toContain('larger than 5 MB');
    expect(await ctx.db.orders.count()).toBe(0);
  });

  it('keeps at most MAX_DIAGNOSTICS diagnostics, the newest', async () => {
    const ctx = context();
    let t = Date.parse('2026-10-05T10:00:00.000Z');
    ctx.now = () => new Date(t);
    for (let i = 0; i < MAX_DIAGNOSTICS + 20; i++) {
      t += 1000;
      const payload = {
        source: 'order_list',
        url: 'https://www.aliexpress.com/p/order/index.html',
        problem: `p${i}`,
      };
      await handleMessage({ type: 'reportUnreadable', payload }, contentScript, me, ctx);
    }
    const rows = await ctx.db.diagnostics.toArray();
    expect(rows).toHaveLength(MAX_DIAGNOSTICS);
    expect(rows.map((d) => d.problem)).not.toContain('p0');
    expect(rows.map((d) => d.problem)).toContain(`p${MAX_DIAGNOSTICS + 19}`);
  });

  it("gives a page the same group and next deadline as the popup's dashboard", async () => {
    const ctx = context();
    await handleMessage(save(), contentScript, me, ctx);
    const dash = await handleMessage({ type: 'getDashboard', payload: {} }, popup, me, ctx);
    const r = await handleMessage(
      { type: 'getPageSummaries', payload: { orderIds: [ORDER.id] } },
      contentScript,
      me,
      ctx,
    );
    const groups = dash.ok ? (dash.value as Dashboard).groups : null;
    const view = groups && Object.values(groups).flatMap((g) => g.orders)[0];
    const summary = r.ok
      ? (r.value as { orders: Record<string, { group: string; nextDeadline: unknown }> }).orders[ORDER.id]
      : null;
    expect(summary?.group).toBe(view?.assessment.group);
    expect(summary?.nextDeadline).toEqual(view?.assessment.nextDeadline);
  });

  it('stores at most LIMITS.newOrdersPerPage new orders from one page load, and says so', async () => {
    const ctx = context();
    const orders = Array.from({ length: LIMITS.newOrdersPerPage + 5 }, (_, i) => ({
      id: String(8_000_000_000_000_000n + BigInt(i)),
      status: 'awaiting_delivery' as const,
    }));
    const load = (documentId: string) => ({ ...contentScript, documentId });
    const first = orders.slice(0, LIMITS.newOrdersPerPage - 1);
    const rest = orders.slice(LIMITS.newOrdersPerPage - 1);
    await handleMessage(save(first), load('doc-1'), me, ctx);
    const r = await handleMessage(save(rest), load('doc-1'), me, ctx);
    expect(r).toEqual({ ok: true, value: { written: 1 } });
    expect(await ctx.db.orders.count()).toBe(LIMITS.newOrdersPerPage);
    const [diagnostic] = await ctx.db.diagnostics.toArray();
    expect(diagnostic?.problem).toMatch(/new orders from one page load; 5 refused/);
    // The next page load has its own budget.
    await handleMessage(save(rest), load('doc-2'), me, ctx);
    expect(await ctx.db.orders.count()).toBe(orders.length);
  });

  it('the refund list read whole, through the real reader, withdraws a forged case', async () => {
    const ctx = context();
    const api = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';
    const url = (data: object) =>
      `https://acs.aliexpress.com/h5/${api}/1.0/?data=${encodeURIComponent(JSON.stringify(data))}`;
    const real = {
      id: '6300000000000001',
      orderId: ORDER.id,
      lineId: '8123456789012346',
      createdAt: '2026-09-20 10:00:00',
      modifiedAt: '2026-09-25 10:00:00',
      unitMinor: 617,
    };
    const forged = { ...real, id: '6300000000000999', status: 1, statusText: 'Waiting for seller response' };
    const capture = (cases: Record<string, unknown>[], data: object) => ({
      type: 'saveCapture',
      payload: { api, url: url(data), body: JSON.stringify(refundListBody(cases)) },
    });
    const all = { pageNo: 1, size: 10, reverseStatus: 1 };
    await handleMessage(capture([real, forged], { ...all, reverseStatus: 2 }), contentScript, me, ctx);
    expect(await ctx.db.disputes.count()).toBe(2);
    // Another tab of the list (in progress only) is not the whole history: nothing withdrawn.
    await handleMessage(capture([real], { ...all, reverseStatus: 2 }), contentScript, me, ctx);
    expect(await ctx.db.disputes.count()).toBe(2);
    // The whole history, one page holding every case: the forged one goes, with its refund.
    await handleMessage(capture([real], all), contentScript, me, ctx);
    expect((await ctx.db.disputes.toArray()).map((d) => d.id)).toEqual([real.id]);
    expect((await ctx.db.refunds.toArray()).map((r) => r.id)).toEqual([real.id]);
  });
});
