/**
 * The contract between AliExpress pages' two worlds: the MAIN-world scripts (lib/page-world/) and
 * the isolated content scripts (lib/content/) talk by DOM events on `document` and by window
 * messages. The page sees these too and could forge them, so each receiver checks what it gets
 * with the guards here.
 * Imported by the MAIN-world scripts: keep it free of anything but constants and these checks.
 */

import { CAPTURED_APIS, type CapturedApi } from '../schema/model';
import { MAX_CAPTURE_CHARS } from './limits';

export { MAX_CAPTURE_CHARS };

// ---- Capture: MAIN world -> isolated script, one raw API response (lib/page-world/capture.ts)

/**
 * The DOM event on `document` that carries one captured response. The capture dispatches it and
 * the isolated script hears it at once, inside the same task: the body leaves the page's world
 * in the task it arrived in. Its detail is one string (`captureDetail`), because a string passes
 * from one world to the other as it is, while an object detail, or a window message, is copied
 * into the reader's world (for a 720 KB list body about 1–3 ms of the page's time, measured in
 * Chromium 156; a window message is copied again for each of the page's own message listeners
 * that reads it). The page could dispatch it too, so the isolated script checks every part
 * (`readCaptureDetail`).
 */
export const CAPTURE_EVENT = 'buyer-shield-capture';

export interface CaptureMessage {
  api: CapturedApi;
  url: string;
  body: string;
}

/**
 * A capture as the event's detail: its address as JSON text, a line break, then the body as the
 * page got it. `JSON.stringify` never writes a raw line break, so the first one ends the head.
 */
export function captureDetail(m: CaptureMessage): string {
  return `${JSON.stringify([m.api, m.url])}\n${m.body}`;
}

/** A capture's head is an API name and an address: far below this, unlike any body. */
const MAX_HEAD_CHARS = 20_100;

const CAPTURED: readonly string[] = CAPTURED_APIS;

/**
 * What a `CAPTURE_EVENT`'s detail says: a well-formed capture of one of our APIs, or why not.
 * `refused` names the API of a capture that is ours in form but over a limit (a 10 MB body,
 * say), which is worth a diagnostic; anything else is `null`, ignored.
 */
export function readCaptureDetail(
  detail: unknown,
): { ok: true; capture: CaptureMessage } | { ok: false; refused: string | null } {
  const no = { ok: false, refused: null } as const;
  if (typeof detail !== 'string') return no;
  const cut = detail.indexOf('\n');
  if (cut < 0 || cut > MAX_HEAD_CHARS) return no;
  let head: unknown;
  try {
    head = JSON.parse(detail.slice(0, cut));
  } catch {
    return no;
  }
  if (!Array.isArray(head) || head.length !== 2) return no;
  const [api, url] = head as unknown[];
  if (typeof api !== 'string' || !CAPTURED.includes(api) || typeof url !== 'string' || url.length >= 20_000)
    return no;
  if (detail.length - cut - 1 > MAX_CAPTURE_CHARS) return { ok: false, refused: api };
  return { ok: true, capture: { api: api as CapturedApi, url, body: detail.slice(cut + 1) } };
}

/**
 * Isolated script -> capture: "I am listening", a plain DOM event on `document`. The isolated
 * scripts start at `document_idle` (only the capture runs at `document_start`, issue 16), so the
 * capture keeps what it saw before this arrives. A page could send it too; that only hands it the
 * page's own responses.
 */
export const CAPTURE_READY = 'buyer-shield-capture-ready';

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
