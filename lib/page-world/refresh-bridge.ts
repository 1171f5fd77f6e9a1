/**
 * MAIN world, order list only: answers the isolated script's refresh requests through the
 * page's own `window.lib.mtop.request` (shared/reference/aliexpress-data.md §3.1 "Simplest
 * in-page call"), so AliExpress's signing and the buyer's session are used as the page uses
 * them. It asks for nothing by itself, accepts only the two APIs and a digits order id, never
 * retries, and never throws into the page.
 */
import { mtopErrorCode } from '../aliexpress/mtop';
import {
  isRefreshRequest,
  REFRESH_WAKE,
  REPLY_TAG,
  type RefreshApi,
  type RefreshRequest,
  type Reply,
} from '../protocol/window-messages';

interface Mtop {
  request: (o: Record<string, unknown>) => Promise<unknown>;
}

/** Request data per API (§3.2): detail needs `channel:"tracking"` for the package block. */
const DATA: Record<RefreshApi, (id: string) => Record<string, unknown>> = {
  'mtop.aliexpress.trade.buyer.order.detail': (tradeOrderId) => ({
    tradeOrderId,
    clientPlatform: 'pc',
    channel: 'tracking',
  }),
  'mtop.ae.ld.querydetail': (tradeOrderId) => ({
    tradeOrderId,
    terminalType: 'PC',
    needPageDisplayInfo: true,
  }),
};

function mtopOf(win: Window): Mtop | null {
  try {
    const m = (win as unknown as { lib?: { mtop?: Mtop } }).lib?.mtop;
    return m && typeof m.request === 'function' ? m : null;
  } catch {
    return null;
  }
}

/** The page loads its helper itself; wait for it up to `waitMs` (≈10 s, §3.1). */
async function waitForMtop(win: Window, waitMs: number): Promise<Mtop | null> {
  for (let waited = 0; ; waited += 250) {
    const m = mtopOf(win);
    if (m || waited >= waitMs) return m;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function answer(win: Window, m: RefreshRequest, waitMs = 10_000): Promise<Reply> {
  const mtop = await waitForMtop(win, waitMs);
  if (!mtop) return { ok: false, code: 'NO_MTOP' };
  try {
    const res = await mtop.request({
      api: m.api,
      v: '1.0',
      data: DATA[m.api](m.orderId),
      type: 'GET',
      dataType: 'originaljsonp',
      needLogin: true,
      timeout: 15_000,
    });
    const code = mtopErrorCode(res);
    return code ? { ok: false, code } : { ok: true, body: JSON.stringify(res) };
  } catch (error) {
    // The library rejects with the response itself (`ret: ["FAIL_SYS_…::…"]`).
    return { ok: false, code: mtopErrorCode(error) ?? 'UNKNOWN_MTOP_ERROR' };
  }
}

/** Listens for requests once the isolated script says it will ask (`REFRESH_WAKE`). */
export function installRefreshBridge(win: Window): void {
  let listening = false;
  win.document.addEventListener(REFRESH_WAKE, () => {
    if (listening) return;
    listening = true;
    listenForRequests(win);
  });
}

function listenForRequests(win: Window): void {
  win.addEventListener('message', (event) => {
    try {
      const m: unknown = event.data;
      if (event.source !== win || !isRefreshRequest(m)) return;
      void answer(win, m).then((r) => {
        try {
          win.postMessage({ source: REPLY_TAG, id: m.id, ...r }, win.location.origin);
        } catch {
          // The isolated side times out; the page is never disturbed.
        }
      });
    } catch {
      // Never throw into the page.
    }
  });
}
