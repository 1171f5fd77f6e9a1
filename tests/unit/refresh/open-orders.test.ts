/**
 * Issue 7: `getOpenOrderIds` answers the orders not settled (or of unknown status), the most
 * urgent first, with the buyer's pause; content scripts may ask it. Issue 15: not the orders
 * whose pages can no longer change (completed, closed, cancelled).
 */
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import type { OrderObservation } from '@/lib/schema/model';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, ORDER, obs } from '../store/helpers';

const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };
const contentScript = {
  id: me.id,
  url: 'https://www.aliexpress.com/p/order/index.html',
  tab: { url: 'https://www.aliexpress.com/p/order/index.html' },
};

function context(): HandlerContext {
  return {
    db: freshDb(),
    now: () => new Date('2026-10-05T10:00:00.000Z'),
    zone: () => 'UTC',
    uiLanguage: () => 'en-US',
    loadTable: loadTableFromDisk,
    openTab: async () => {},
    onDataChanged: () => {},
  };
}

const order = (id: string, over: Partial<OrderObservation>): OrderObservation => ({ ...ORDER, id, ...over });

describe('getOpenOrderIds', () => {
  it('lists open and unknown orders, not settled ones nor ones whose pages can no longer change, with the pause', async () => {
    const ctx = context();
    const orders = [
      order('8100000000000001', {}),
      order('8100000000000002', { status: 'closed', statusText: 'Closed', placedOn: '2025-01-01' }),
      { id: '8100000000000003', lines: [] } as OrderObservation,
      // Completed 3 days ago: still watched (the window after completion is open), but its
      // detail and tracking say nothing new, so refreshing it would only cost a request.
      order('8100000000000004', { status: 'completed', statusText: 'Completed', completedOn: '2026-10-02' }),
    ];
    const saved = await handleMessage(
      {
        type: 'saveObservations',
        payload: {
          source: 'order_list',
          kind: 'dom',
          url: 'https://www.aliexpress.com/p/order/index.html',
          observations: obs({ orders }),
        },
      },
      contentScript,
      me,
      ctx,
    );
    expect(saved.ok).toBe(true);
    const r = await handleMessage({ type: 'getOpenOrderIds', payload: {} }, contentScript, me, ctx);
    expect(r.ok).toBe(true);
    const value = r.ok ? (r.value as { orderIds: string[]; pauseMs: number }) : null;
    expect([...(value?.orderIds ?? [])].sort()).toEqual(['8100000000000001', '8100000000000003']);
    expect(value?.pauseMs).toBe(2000);
  });

  it('uses the buyer setting, which may not go under 500 ms', async () => {
    const ctx = context();
    const popup = { id: me.id, url: `${me.origin}popup.html` };
    expect(
      await handleMessage({ type: 'saveSettings', payload: { refreshPauseMs: 300 } }, popup, me, ctx),
    ).toMatchObject({
      ok: false,
    });
    await handleMessage({ type: 'saveSettings', payload: { refreshPauseMs: 800 } }, popup, me, ctx);
    const r = await handleMessage({ type: 'getOpenOrderIds', payload: {} }, contentScript, me, ctx);
    expect(r).toEqual({ ok: true, value: { orderIds: [], pauseMs: 800 } });
  });
});
