/**
 * What every isolated AliExpress content script does on its pages: relay captured bodies, read
 * the DOM where JSON is missing, and show the badges or banner. Each entrypoint passes only the
 * readers (and the refresh feature) of its own pages, so no page carries code for another.
 */
import { browser } from '#imports';
import type { OrderListCards } from '@/lib/aliexpress/page-cards';
import { classifyUrl } from '@/lib/aliexpress/page-kind';
import type { mountRefresh, RefreshHandle } from '@/lib/content/refresh-mount';
import { bodyDigest } from '@/lib/protocol/body-digest';
import { send } from '@/lib/protocol/messages';
import { CAPTURE_READY } from '@/lib/protocol/window-messages';
import type { CapturedApi, PageKind } from '@/lib/schema/model';
import { MAX_HIDDEN } from '../protocol/hidden-warnings';
import { HIDDEN_KEY } from '../protocol/storage-keys';
import type { ContentScriptContext } from './page-context';
import { type DomPageReader, PageSession, type PageSessionDeps } from './page-session';
import { HOST_TAG, makeHost, PageUi, type PageViews, type UiDeps } from './page-ui';

/** How long a single-page app gets to render before an unread page is reported. */
const REPORT_AFTER_MS = 15_000;
const DOM_READ_DEBOUNCE_MS = 400;
const UI_SCAN_DEBOUNCE_MS = 50;
const RETRY_AFTER_MS = 1000;
/**
 * How long a captured body waits for the worker to say it read it already (`captureKnown`). An
 * awake worker answers in a few milliseconds (5–10 measured in the e2e runs, up to ~50 while it
 * stores); one Chrome stopped for idling takes 25 ms to several hundred to start, and then knows
 * no body (lib/background/page-known.ts keeps them in memory), so waiting longer only risks the
 * body: a buyer who leaves the page meanwhile takes it along.
 */
const ANSWER_WITHIN_MS = 50;
const PAGE_TEXT_PREFIXES = [
  'badge_',
  'banner_',
  'source_',
  'no_deadline',
  'refresh_',
  'action_',
  'order_label',
];

type RuntimeSend = (m: unknown) => Promise<unknown>;

export interface PageOptions {
  /** The page kinds this script runs on. */
  kinds: readonly PageKind[];
  /**
   * Reads their DOM: made by the entrypoint (lib/aliexpress/read-page.ts `makePageReader`, or the
   * list's text extraction), so a script carries only its own readers.
   */
  read: DomPageReader;
  /** The order-list cards, for the badges (order-list script only). */
  cards?: OrderListCards;
  /** The in-page components of this script's pages (badge on the list, banner on an order). */
  views: PageViews;
  /** The "Refresh open orders" feature (order-list script only). */
  refresh?: { mount: typeof mountRefresh; isStart: (m: unknown) => boolean };
}

export function runAliExpressPage(ctx: ContentScriptContext, options: PageOptions): void {
  const runtimeSend: RuntimeSend = (m) => browser.runtime.sendMessage(m);
  const uiDeps = pageUiDeps(runtimeSend, options);
  const read = options.read;
  let session: PageSession | null = null;
  let ui: PageUi | null = null;
  let refresh: RefreshHandle | null = null;

  /** (Re)starts for the current address: the single-page app changes it without a reload. */
  const start = () => {
    ui?.destroy();
    const url = new URL(location.href);
    const kind = handledKind(url, options);
    // Issue 7: "Refresh open orders" on the order list; kept across in-list navigation, gone
    // (its run cancelled, as a reload would) once the app's address is no longer the list.
    if (kind !== 'order_list') {
      refresh?.destroy();
      refresh = null;
    }
    if (!kind) {
      session = null;
      ui = null;
      return;
    }
    const pageUi = new PageUi(uiDeps, kind, url);
    ui = pageUi;
    if (kind === 'order_list' && options.refresh)
      refresh ??= mountRefreshPanel(options.refresh.mount, runtimeSend, () => ui);
    const current = new PageSession(
      sessionDeps(ctx, runtimeSend, read, () => void pageUi.refresh()),
      kind,
      url,
    );
    session = current;
    ctx.setTimeout(() => current.finish(), REPORT_AFTER_MS);
  };

  // Reading waits for the page to settle; placing badges only for a frame's worth of changes,
  // so the buyer sees them as soon as the cards are there.
  const readDom = debounced(ctx, DOM_READ_DEBOUNCE_MS, () => session?.readDom(document));
  const scan = debounced(ctx, UI_SCAN_DEBOUNCE_MS, () => void ui?.scan(document));
  const readSoon = () => {
    // The list's first request goes out with its first cards at once (PageUi.prefetch).
    ui?.prefetch(document);
    readDom();
    scan();
  };

  start();
  ctx.addEventListener(window, 'message', (event) => {
    if ((event as MessageEvent).source === window) session?.onWindowMessage((event as MessageEvent).data);
  });
  // Now listening: the capture hands over what the page fetched before this script started.
  window.postMessage({ source: CAPTURE_READY }, location.origin);
  ctx.onLocationChange(() => {
    start();
    readSoon();
  });
  ctx.onInvalidated(() => ui?.destroy());
  ctx.onInvalidated(() => refresh?.destroy());
  if (options.refresh) listenForRefreshStart(options.refresh.isStart, () => refresh);
  whenDomReady(ctx, () => watchDom(ctx, readSoon));
}

/** The page kind this script handles at `url`; `null` for another script's page or aliexpress.ru. */
function handledKind(url: URL, options: PageOptions): PageKind | null {
  const kind = classifyUrl(url);
  if (!kind || kind === 'unsupported_ru' || !options.kinds.includes(kind)) return null;
  return kind;
}

/** The badges' and banner's way to the background and to the warnings the buyer hid. */
function pageUiDeps(runtimeSend: RuntimeSend, { cards, views, refresh }: PageOptions): UiDeps {
  return {
    // Only the words pages use; order-specific texts come with the summaries.
    start: (orderIds) =>
      send(runtimeSend, 'getPageStart', {
        prefixes: PAGE_TEXT_PREFIXES,
        orderIds,
        // The refresh panel's kept progress comes along, so the page reads no storage at start.
        ...(refresh ? { progress: true } : {}),
      }),
    getSummaries: (orderIds) => send(runtimeSend, 'getPageSummaries', { orderIds }),
    openChecklist: (orderId) => void send(runtimeSend, 'openChecklist', { orderId }),
    saveHidden: async (list) => {
      await browser.storage.local.set({ [HIDDEN_KEY]: list.slice(-MAX_HIDDEN) });
    },
    ...(cards ? { cards } : {}),
    views,
  };
}

/** The page session's way to the background; `onWritten` after stored data changed. */
function sessionDeps(
  ctx: ContentScriptContext,
  runtimeSend: RuntimeSend,
  read: PageSessionDeps['read'],
  onWritten: () => void,
): PageSessionDeps {
  return {
    read,
    now: () => new Date(),
    lang: () => document.documentElement.lang || undefined,
    save: async (m) => {
      const r = await send(runtimeSend, 'saveObservations', m);
      // What the page just told us may change its badges.
      if (r.ok && r.value.written > 0) onWritten();
    },
    saveCapture: async (m) => {
      // A body the worker read, with nothing written since, is not sent again (issue 16: its
      // ~150 KB crossing to the worker was the page's largest cost). Any doubt sends it.
      const giveUp = Promise.race([
        whenLeaving(ctx),
        new Promise<void>((done) => ctx.setTimeout(done, ANSWER_WITHIN_MS)),
      ]);
      if (await knownToWorker(runtimeSend, m, giveUp)) return true;
      let r = await send(runtimeSend, 'saveCapture', m);
      // The worker may be stopped while it stores (MV3); the store is one transaction, so
      // sending the same body again once is safe and usually lands in a fresh worker.
      if (!r.ok && r.retry) {
        await new Promise<void>((done) => ctx.setTimeout(() => done(), RETRY_AFTER_MS));
        r = await send(runtimeSend, 'saveCapture', m);
      }
      if (r.ok && r.value.written > 0) onWritten();
      return r.ok && r.value.problem === null;
    },
    report: (m) => void send(runtimeSend, 'reportUnreadable', m),
    saveListTexts: async (m) => {
      const r = await send(runtimeSend, 'saveDomList', m);
      if (r.ok && r.value.written > 0) onWritten();
    },
  };
}

/**
 * Whether the worker read this very body, with nothing written since (`captureKnown`), so it
 * need not be sent. The worker answers with the digest it remembers for this reading, or null;
 * only a digest is worth hashing the body for (~1 ms per 150 KB list body, far more for a burst
 * of 760 KB pages), so a first visit and any visit after a write hash nothing. Only an exact
 * match skips; a null, a mismatch or any failure sends the body. So does `giveUp` coming first
 * (the answer taking too long, or the buyer leaving the page): a body still waiting when the page
 * goes is lost with it.
 */
export async function knownToWorker(
  runtimeSend: RuntimeSend,
  m: { api: CapturedApi; url: string; body: string; lang?: string },
  giveUp: Promise<void> = new Promise(() => {}),
): Promise<boolean> {
  const left = giveUp.then(() => false as const);
  const r = await Promise.race([
    send(runtimeSend, 'captureKnown', {
      api: m.api,
      url: m.url,
      ...(m.lang ? { lang: m.lang } : {}),
    }),
    left,
  ]);
  if (r === false) return false;
  const remembered = r.ok ? r.value?.digest : null;
  if (typeof remembered !== 'string') return false;
  try {
    return await Promise.race([bodyDigest(m.body).then((d) => d === remembered), left]);
  } catch {
    return false;
  }
}

/**
 * The next time the buyer leaves this page (`pagehide`: another address, a closed tab, the back
 * and forward cache). A message sent from its listener reached the worker when the browser went
 * to another address, and not always when the tab closed or the page navigated itself
 * (docs/reliability.md); once it returns, the page's scripts may never run again.
 */
function whenLeaving(ctx: ContentScriptContext): Promise<void> {
  return new Promise((done) => {
    window.addEventListener('pagehide', () => done(), { once: true, signal: ctx.signal });
  });
}

/** The order list's refresh panel, speaking the page UI's language and refreshing its badges. */
function mountRefreshPanel(
  mount: typeof mountRefresh,
  runtimeSend: RuntimeSend,
  ui: () => PageUi | null,
): RefreshHandle {
  return mount({
    makeHost: () => makeHost('banner'),
    ui: () => ui()?.strings() ?? Promise.resolve(null),
    savedProgress: () => ui()?.savedProgress() ?? Promise.resolve(undefined),
    runtimeSend,
    onSaved: () => void ui()?.refresh(),
  });
}

/** The popup's "Refresh open orders" (only from this extension, only that exact message). */
function listenForRefreshStart(isStart: (m: unknown) => boolean, refresh: () => RefreshHandle | null): void {
  browser.runtime.onMessage.addListener(
    (m: unknown, sender: { id?: string }, reply: (r: unknown) => void) => {
      const handle = refresh();
      if (sender.id !== browser.runtime.id || !isStart(m) || !handle) return;
      handle.start();
      reply({ started: true });
    },
  );
}

/** `run` once, `ms` after the last of a burst of calls. */
function debounced(ctx: ContentScriptContext, ms: number, run: () => void): () => void {
  let timer: number | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  };
}

function whenDomReady(ctx: ContentScriptContext, run: () => void): void {
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', run);
  else run();
}

/**
 * Reads now, then again when cards are added later ("View orders") or a client-rendered page
 * fills in. Our own shadow hosts are ignored so mounting a badge does not trigger another read.
 */
function watchDom(ctx: ContentScriptContext, readSoon: () => void): void {
  readSoon();
  const ours = HOST_TAG.toUpperCase();
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName !== ours))) readSoon();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
