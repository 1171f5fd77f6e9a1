/**
 * MAIN-world capture: observes the page's own responses of the few AliExpress APIs we read and
 * posts their raw text. It never changes what the page gets (fetch responses are cloned, XHR is
 * only listened to, JSONP handlers are called unchanged), makes no requests, and swallows its own
 * errors. Transports seen: fetch/XHR JSON and JSONP `mtopjsonp<N>(…)` through
 * `acs.aliexpress.com/h5/<api>/1.0/` (maxwellmezadre docs/INTERNAL-API.md; luftaquila/parcel-deck
 * extension/src/public/injected/aliexpress-hook.js; ElMagoCT src/content/interceptor.ts).
 * Bundled into the MAIN-world script: keep it tiny, imports limited to the API constant list.
 */
import { CAPTURE_SOURCE, type CaptureMessage, isCaptureReady } from '../protocol/window-messages';
import { CAPTURED_APIS, type CapturedApi } from '../schema/model';

const APIS: readonly string[] = CAPTURED_APIS;

/** The API a request URL calls, if it is one we read: `/h5/<api>/1.0/` or `api=`. */
function capturedApiOf(url: string, base?: string): CapturedApi | null {
  // Every API we read is named `mtop.…` in its address; the page's other requests and scripts
  // (most of them) are let go without parsing their address.
  if (!/mtop/i.test(url)) return null;
  try {
    const u = new URL(url, base);
    if (!/(^|\.)aliexpress\.(com|us)$/.test(u.hostname)) return null;
    const name = (/^\/h5\/([^/]+)\//.exec(u.pathname)?.[1] ?? u.searchParams.get('api') ?? '').toLowerCase();
    return APIS.includes(name) ? (name as CapturedApi) : null;
  } catch {
    return null;
  }
}

type Post = (m: CaptureMessage) => void;

/** Responses kept for the isolated script at most (a page makes a few before it is idle). */
const MAX_KEPT = 16;

/**
 * `post`, held back until the isolated script says it listens (`CAPTURE_READY`): what the page
 * fetched before then is kept (the newest `MAX_KEPT`) and posted in order when it does.
 */
export function untilReady(win: Window, post: Post): Post {
  let kept: CaptureMessage[] | null = [];
  win.addEventListener('message', (event: MessageEvent) => {
    if (kept === null || event.source !== win || !isCaptureReady(event.data)) return;
    const held = kept;
    kept = null;
    for (const m of held) post(m);
  });
  return (m) => {
    if (kept === null) return post(m);
    kept.push(m);
    if (kept.length > MAX_KEPT) kept.shift();
  };
}
/** The page's window with its constructors (XMLHttpRequest, MutationObserver). */
type Win = Window & typeof globalThis;
type Fn = (...args: unknown[]) => unknown;

export function installCapture(win: Window, post: (m: CaptureMessage) => void): void {
  const base = () => win.location.href;
  const send: Post = (m) => {
    try {
      // No size check here: the isolated script refuses an oversized body and says so.
      post(m);
    } catch {
      // Our failure must never become the page's.
    }
  };
  const emit = (api: CapturedApi, url: string, body: unknown) => {
    if (typeof body === 'string') send({ source: CAPTURE_SOURCE, api, url, body });
  };
  const w = win as Win;
  try {
    wrapFetch(w, base, emit);
  } catch {}
  try {
    wrapXhr(w, base, emit);
  } catch {}
  try {
    watchJsonp(w, base, emit);
  } catch {}
}

type Emit = (api: CapturedApi, url: string, body: unknown) => void;

function wrapFetch(win: Win, base: () => string, emit: Emit): void {
  const original = win.fetch;
  if (typeof original !== 'function') return;
  win.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const promise = original.apply(this, args);
    try {
      const input = args[0];
      const url = typeof input === 'object' && input !== null && 'url' in input ? input.url : String(input);
      const api = capturedApiOf(url, base());
      if (api) {
        promise.then(
          (res) => {
            try {
              res
                .clone()
                .text()
                .then((body) => emit(api, url, body))
                .catch(() => {});
            } catch {}
          },
          () => {},
        );
      }
    } catch {}
    return promise;
  } as typeof fetch;
}

/**
 * Only `open` is wrapped: it is where the address is known, and a watched request gets its
 * `load` listener there. The page's `send` (where its request is started, the costly part) is
 * left as it is, so no XHR of the page runs through our code on its way out (issue 16: a wrapper
 * counts as the page's cost for everything the native under it does).
 */
function wrapXhr(win: Win, base: () => string, emit: Emit): void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  // What each request object was last opened for: `open` again reuses the object for another
  // address, and its one listener then speaks for the new request (or for none).
  const watched = new WeakMap<XMLHttpRequest, { api: CapturedApi; url: string }>();
  const listening = new WeakSet<XMLHttpRequest>();
  function onLoad(this: XMLHttpRequest) {
    try {
      const w = watched.get(this);
      if (!w) return;
      const t = this.responseType;
      const body =
        t === '' || t === 'text' ? this.responseText : t === 'json' ? JSON.stringify(this.response) : null;
      emit(w.api, w.url, body);
    } catch {}
  }
  const open = proto.open as Fn;
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = String(args[1]);
      const api = capturedApiOf(url, base());
      if (api) {
        watched.set(this, { api, url });
        if (!listening.has(this)) {
          listening.add(this);
          this.addEventListener('load', onLoad);
        }
      } else watched.delete(this);
    } catch {}
    return open.apply(this, args);
  } as typeof proto.open;
}

/**
 * JSONP: the page assigns `window.mtopjsonp<N>` and inserts `<script src="…&callback=mtopjsonp<N>">`.
 * When such a script appears we trap that global (accessor on window) so the handler the page
 * stored — before or after the insertion — is returned wrapped: it posts the argument as JSON
 * text, then calls the page's handler with the same arguments.
 */
function watchJsonp(win: Win, base: () => string, emit: Emit): void {
  const getters = new Map<string, () => unknown>();
  const trap = (src: string) => {
    const api = capturedApiOf(src, base());
    if (!api) return;
    const name = new URL(src, base()).searchParams.get('callback') ?? '';
    if (!/^mtopjsonp\d+$/.test(name)) return;
    // Already ours (and not deleted or redefined by the page since): nothing to do.
    const current = Object.getOwnPropertyDescriptor(win, name);
    if (current?.get !== undefined && current.get === getters.get(name)) return;
    const target = win as unknown as Record<string, unknown>;
    let stored: unknown = target[name];
    let wrapped: Fn | null = null;
    let wrappedFor: unknown = null;
    const get = () => {
      if (typeof stored !== 'function') return stored;
      if (wrappedFor !== stored) {
        const handler = stored as Fn;
        wrappedFor = stored;
        wrapped = function (this: unknown, ...args: unknown[]) {
          try {
            emit(api, src, JSON.stringify(args[0]));
          } catch {}
          return handler.apply(this, args);
        };
      }
      return wrapped;
    };
    getters.set(name, get);
    Object.defineProperty(win, name, {
      configurable: true,
      enumerable: true,
      get,
      set(v: unknown) {
        stored = v;
      },
    });
  };
  const scan = (node: Node) => {
    const el = node as HTMLScriptElement;
    if (el.nodeName === 'SCRIPT' && typeof el.src === 'string' && el.src) trap(el.src);
  };
  // Called for every node the page adds (a list page adds hundreds): no copy of each record's
  // node list, and only script elements go further.
  const observer = new win.MutationObserver((records: MutationRecord[]) => {
    for (const r of records) {
      const added = r.addedNodes;
      for (let i = 0; i < added.length; i += 1) {
        const n = added[i];
        if (n?.nodeName !== 'SCRIPT') continue;
        try {
          scan(n);
        } catch {}
      }
    }
  });
  observer.observe(win.document, { childList: true, subtree: true });
}
