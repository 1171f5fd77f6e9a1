/**
 * Issue 7: the window-message bridge. The MAIN-world side accepts only the two APIs and a
 * digits order id, asks through the page's `lib.mtop.request` and answers with the JSON text or
 * the MTOP code (shared/reference/aliexpress-data.md §3.1); the isolated side takes only the
 * reply to its own request.
 */

import { answer, installRefreshBridge } from '@/lib/page-world/refresh-bridge';
import {
  isRefreshRequest,
  parseReply,
  REFRESH_WAKE,
  REPLY_TAG,
  REQUEST_TAG,
} from '@/lib/protocol/window-messages';

const ask = (over: Record<string, unknown> = {}) => ({
  source: REQUEST_TAG,
  id: 1,
  api: 'mtop.ae.ld.querydetail',
  orderId: '8100000000000001',
  ...over,
});

describe('refresh bridge', () => {
  it('accepts only the two APIs and a digits order id', () => {
    expect(isRefreshRequest(ask())).toBe(true);
    expect(isRefreshRequest(ask({ api: 'mtop.aliexpress.trade.buyer.order.detail' }))).toBe(true);
    expect(isRefreshRequest(ask({ api: 'mtop.aliexpress.trade.buyer.order.operation' }))).toBe(false);
    expect(isRefreshRequest(ask({ orderId: '81000000"};alert(1)' }))).toBe(false);
    expect(isRefreshRequest(ask({ orderId: 8100000000000001 }))).toBe(false);
    expect(isRefreshRequest(ask({ source: 'other' }))).toBe(false);
    expect(isRefreshRequest(null)).toBe(false);
  });

  it('takes only the reply to its own request, and caps a code', () => {
    expect(parseReply({ source: REPLY_TAG, id: 1, ok: true, body: '{}' }, 1)).toEqual({
      ok: true,
      body: '{}',
    });
    expect(parseReply({ source: REPLY_TAG, id: 2, ok: true, body: '{}' }, 1)).toBeNull();
    expect(parseReply({ source: 'x', id: 1, ok: true, body: '{}' }, 1)).toBeNull();
    expect(parseReply('text', 1)).toBeNull();
    const long = parseReply({ source: REPLY_TAG, id: 1, ok: false, code: 'X'.repeat(500) }, 1);
    expect(long).toEqual({ ok: false, code: 'X'.repeat(64) });
  });

  describe('MAIN-world answer', () => {
    const withMtop = (request: (o: Record<string, unknown>) => Promise<unknown>) =>
      ({ lib: { mtop: { request } } }) as unknown as Window;

    it("asks through the page's lib.mtop.request with the API's data", async () => {
      const seen: Record<string, unknown>[] = [];
      const body = { api: 'mtop.ae.ld.querydetail', ret: ['SUCCESS::调用成功'], data: { module: {} } };
      const r = await answer(
        withMtop(async (o) => {
          seen.push(o);
          return body;
        }),
        ask() as never,
      );
      expect(r).toEqual({ ok: true, body: JSON.stringify(body) });
      expect(seen[0]).toMatchObject({
        api: 'mtop.ae.ld.querydetail',
        v: '1.0',
        type: 'GET',
        needLogin: true,
        data: { tradeOrderId: '8100000000000001', terminalType: 'PC' },
      });
      await answer(
        withMtop(async (o) => {
          seen.push(o);
          return body;
        }),
        ask({ api: 'mtop.aliexpress.trade.buyer.order.detail' }) as never,
      );
      expect(seen[1]?.data).toEqual({
        tradeOrderId: '8100000000000001',
        clientPlatform: 'pc',
        channel: 'tracking',
      });
    });

    it('answers the MTOP code when the library rejects (captcha, rate limit, login)', async () => {
      const reject = (ret: string) => withMtop(() => Promise.reject({ ret: [ret] }));
      expect(await answer(reject('FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦'), ask() as never)).toEqual({
        ok: false,
        code: 'FAIL_SYS_USER_VALIDATE',
      });
      expect(await answer(reject('FAIL_SYS_TRAFFIC_LIMIT::x'), ask() as never)).toMatchObject({
        code: 'FAIL_SYS_TRAFFIC_LIMIT',
      });
      const thrown = withMtop(() => Promise.reject(new Error('boom')));
      expect(await answer(thrown, ask() as never)).toEqual({ ok: false, code: 'UNKNOWN_MTOP_ERROR' });
    });

    it('answers NO_MTOP when the page never loads its helper', async () => {
      vi.useFakeTimers();
      const pending = answer({} as Window, ask() as never, 1000);
      await vi.advanceTimersByTimeAsync(1500);
      expect(await pending).toEqual({ ok: false, code: 'NO_MTOP' });
      vi.useRealTimers();
    });
  });

  describe('the MAIN-world script reads window messages only once a refresh asks', () => {
    /** A window whose message listeners are counted; its document is the real one. */
    function countingWindow() {
      const listeners: unknown[] = [];
      const win = {
        document,
        addEventListener: (type: string, fn: unknown) => {
          if (type === 'message') listeners.push(fn);
        },
      } as unknown as Window;
      return { win, listeners };
    }

    it('adds no message listener at load, so no captured body is copied for it', () => {
      const { win, listeners } = countingWindow();
      installRefreshBridge(win);
      expect(listeners).toHaveLength(0);
      document.dispatchEvent(new Event(REFRESH_WAKE));
      document.dispatchEvent(new Event(REFRESH_WAKE));
      // Woken twice (two requests, or the page's own event): one listener.
      expect(listeners).toHaveLength(1);
    });

    it('answers a request once woken, and only from the page itself', async () => {
      const replies: unknown[] = [];
      const listeners: ((e: { source: unknown; data: unknown }) => void)[] = [];
      const win = {
        document,
        location: { origin: 'https://www.aliexpress.com' },
        lib: { mtop: { request: async () => ({ ret: ['SUCCESS::ok'], data: {} }) } },
        addEventListener: (type: string, fn: (e: { source: unknown; data: unknown }) => void) => {
          if (type === 'message') listeners.push(fn);
        },
        postMessage: (m: unknown) => replies.push(m),
      } as unknown as Window;
      installRefreshBridge(win);
      document.dispatchEvent(new Event(REFRESH_WAKE));
      listeners[0]?.({ source: {}, data: ask({ id: 7 }) });
      listeners[0]?.({ source: win, data: ask({ id: 8 }) });
      await vi.waitFor(() => expect(replies).toHaveLength(1));
      expect(replies[0]).toMatchObject({ source: REPLY_TAG, id: 8, ok: true });
    });
  });
});
