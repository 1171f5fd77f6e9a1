/**
 * The window-message contract between AliExpress pages' two worlds: the MAIN-world scripts
 * (lib/page-world/) and the isolated content scripts (lib/content/). The page sees these
 * messages too and could forge them, so each receiver checks what it gets with the guards here.
 * Imported by the MAIN-world scripts: keep it free of anything but constants and these checks.
 */

import { CAPTURED_APIS, type CapturedApi } from '../schema/model';
import { MAX_CAPTURE_CHARS } from './limits';

export { MAX_CAPTURE_CHARS };

// ---- Capture: MAIN world -> isolated script, one raw API response (lib/page-world/capture.ts)

export const CAPTURE_SOURCE = 'buyer-shield-capture';

export interface CaptureMessage {
  source: typeof CAPTURE_SOURCE;
  api: CapturedApi;
  url: string;
  body: string;
}

const CAPTURED: readonly string[] = CAPTURED_APIS;

export function isCaptureMessage(x: unknown): x is CaptureMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return (
    m.source === CAPTURE_SOURCE &&
    typeof m.api === 'string' &&
    CAPTURED.includes(m.api) &&
    typeof m.url === 'string' &&
    m.url.length < 20_000 &&
    typeof m.body === 'string' &&
    m.body.length <= MAX_CAPTURE_CHARS
  );
}

/**
 * Isolated script -> capture: "I am listening". The isolated scripts start at `document_idle`
 * (only the capture runs at `document_start`, issue 16), so the capture keeps what it saw before
 * this arrives. A page could send it too; that only hands it the page's own responses.
 */
export const CAPTURE_READY = 'buyer-shield-capture-ready';

export function isCaptureReady(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { source?: unknown }).source === CAPTURE_READY;
}

// ---- Refresh: isolated script <-> MAIN-world refresh script (lib/page-world/refresh-bridge.ts).
// The isolated script decides what to ask; the MAIN-world script asks through the page's own
// `lib.mtop.request`, so the buyer's session and signatures are used and we touch no credential.
// A request names one of two APIs and a digits-only order id; a reply is a JSON text or an
// MTOP-style code.

export const REQUEST_TAG = 'buyer-shield-refresh';
export const REPLY_TAG = 'buyer-shield-refreshed';
/**
 * Isolated script -> MAIN-world refresh script, a plain DOM event on `document` (no data) before
 * its first request: only then does the refresh script listen to window messages. Reading a
 * message's data makes the browser copy it into the reader's world, and until then every captured
 * body (~150 KB on the order list) would have been copied for a script that had nothing to ask
 * (issue 16, BENCHMARKS.md §5). A page can send it too; that only makes the script listen.
 */
export const REFRESH_WAKE = 'buyer-shield-refresh-wake';

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

const REFRESHED: readonly string[] = REFRESH_APIS;

export function isRefreshRequest(x: unknown): x is RefreshRequest {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return (
    m.source === REQUEST_TAG &&
    typeof m.id === 'number' &&
    typeof m.api === 'string' &&
    REFRESHED.includes(m.api) &&
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
