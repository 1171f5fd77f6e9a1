/** The isolated side of the refresh bridge (lib/protocol/window-messages.ts). */
import {
  parseReply,
  REFRESH_WAKE,
  REQUEST_TAG,
  type RefreshApi,
  type RefreshRequest,
  type Reply,
} from '../protocol/window-messages';

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
    // The MAIN-world script starts listening now (synchronously, before this request arrives).
    document.dispatchEvent(new Event(REFRESH_WAKE));
    const m: RefreshRequest = { source: REQUEST_TAG, id, api, orderId };
    postMessage(m, location.origin);
  });
}
