/**
 * The window-message bridge between the isolated content script (which decides what to ask)
 * and the MAIN-world refresh script (which asks through the page's own `lib.mtop.request`, so
 * the buyer's session and signatures are used and we touch no credential). The page sees these
 * messages too and could forge them, so each side checks what it receives: a request names one
 * of two APIs and a digits-only order id; a reply is a JSON text or an MTOP-style code. Imported
 * by the MAIN-world script: keep it free of anything but these checks.
 */

export const REQUEST_TAG = 'buyer-shield-refresh';
export const REPLY_TAG = 'buyer-shield-refreshed';

/** Detail first (protection date, tracking number with `channel:"tracking"`), then tracking. */
export const REFRESH_APIS = ['mtop.aliexpress.trade.buyer.order.detail', 'mtop.ae.ld.querydetail'] as const;
export type RefreshApi = (typeof REFRESH_APIS)[number];

/** What the page's request helper answered: the JSON text, or the MTOP `ret` code. */
export type Reply = { ok: true; body: string } | { ok: false; code: string };

export interface RefreshRequest {
  source: typeof REQUEST_TAG;
  id: number;
  api: RefreshApi;
  orderId: string;
}

const APIS: readonly string[] = REFRESH_APIS;

export function isRefreshRequest(x: unknown): x is RefreshRequest {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return (
    m.source === REQUEST_TAG &&
    typeof m.id === 'number' &&
    typeof m.api === 'string' &&
    APIS.includes(m.api) &&
    typeof m.orderId === 'string' &&
    /^\d{6,32}$/.test(m.orderId)
  );
}

/**
 * A reply to request `id`, or `null`. The body is read by the background like any captured
 * body (its schema bounds the size); the code is only ever shown as text, capped.
 */
export function parseReply(x: unknown, id: number): Reply | null {
  const m = x as Record<string, unknown> | null;
  if (m?.source !== REPLY_TAG || m.id !== id) return null;
  return m.ok === true && typeof m.body === 'string'
    ? { ok: true, body: m.body }
    : { ok: false, code: String(m.code).slice(0, 64) };
}

/**
 * Asks the MAIN-world script for one API answer. No reply in `timeoutMs` (the script waits up
 * to 10 s for `lib.mtop`, whose own timeout is 15 s) counts as `TIMEOUT`.
 */
export function requestThroughPage(api: RefreshApi, orderId: string, timeoutMs = 30_000): Promise<Reply> {
  const id = Math.random();
  return new Promise((resolve) => {
    const done = (r: Reply) => {
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(r);
    };
    const onMessage = (e: MessageEvent) => {
      const r = e.source === window && parseReply(e.data, id);
      if (r) done(r);
    };
    const timer = setTimeout(done, timeoutMs, { ok: false, code: 'TIMEOUT' });
    addEventListener('message', onMessage);
    const m: RefreshRequest = { source: REQUEST_TAG, id, api, orderId };
    postMessage(m, location.origin);
  });
}
