/**
 * What every isolated AliExpress content script does on its pages: relay captured bodies, read
 * the DOM where JSON is missing, and show the badges or banner. Each entrypoint passes only the
 * readers (and the refresh feature) of its own pages, so no page carries code for another.
 */
import { browser, type ContentScriptContext } from '#imports';
import { classifyUrl } from '@/lib/aliexpress/page-kind';
import { type DomReader, makePageReader } from '@/lib/aliexpress/read-page';
import type { mountRefresh, RefreshHandle } from '@/lib/content/refresh-mount';
import { send } from '@/lib/protocol/messages';
import type { PageKind } from '@/lib/schema/model';
import { PageSession } from './page-session';
import { DISMISSED_KEY, makeHost, PageUi } from './page-ui';

/** How long a single-page app gets to render before an unread page is reported. */
const REPORT_AFTER_MS = 15_000;
const DOM_READ_DEBOUNCE_MS = 400;
const RETRY_AFTER_MS = 1000;
const PAGE_TEXT_PREFIXES = ['badge_', 'banner_', 'source_', 'no_deadline', 'refresh_'];

export interface PageOptions {
  /** The DOM readers of the page kinds this script runs on. */
  readers: Partial<Record<PageKind, DomReader>>;
  /** The order of a list card, for the badges (order-list script only). */
  cardOrderId?: (card: Element) => string | null;
  /** The "Refresh open orders" feature (order-list script only). */
  refresh?: { mount: typeof mountRefresh; isStart: (m: unknown) => boolean };
}

export function runAliExpressPage(ctx: ContentScriptContext, options: PageOptions): void {
  const read = makePageReader(options.readers);
  const runtimeSend = (m: unknown) => browser.runtime.sendMessage(m);
  let session: PageSession | null = null;
  let ui: PageUi | null = null;
  let refresh: RefreshHandle | null = null;
  let timer: number | undefined;

  const uiDeps = {
    // Only the words pages use; order-specific texts come with the summaries.
    getStrings: () => send(runtimeSend, 'getUiStrings', { prefixes: PAGE_TEXT_PREFIXES }),
    getSummaries: (orderIds: string[]) => send(runtimeSend, 'getPageSummaries', { orderIds }),
    openChecklist: (orderId: string) => void send(runtimeSend, 'openChecklist', { orderId }),
    loadDismissed: async () => {
      const stored = await browser.storage.local.get(DISMISSED_KEY);
      const list = stored[DISMISSED_KEY];
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    },
    saveDismissed: async (ids: string[]) => {
      await browser.storage.local.set({ [DISMISSED_KEY]: ids.slice(-2000) });
    },
    cardOrderId: options.cardOrderId,
  };

  const start = () => {
    ui?.destroy();
    const url = new URL(location.href);
    const kind = classifyUrl(url);
    // A page this script has no reader for (or aliexpress.ru) is left alone.
    if (!kind || kind === 'unsupported_ru' || !Object.hasOwn(options.readers, kind)) {
      session = null;
      ui = null;
      return;
    }
    const pageUi = new PageUi(uiDeps, kind, url);
    ui = pageUi;
    // Issue 7: "Refresh open orders" on the order list; kept across in-list navigation.
    if (kind !== 'order_list') refresh?.destroy();
    refresh =
      kind !== 'order_list' || !options.refresh
        ? null
        : (refresh ??
          options.refresh.mount({
            makeHost: () => makeHost('banner'),
            ui: () => ui?.strings() ?? Promise.resolve(null),
            runtimeSend,
            onSaved: () => void ui?.refresh(),
          }));
    session = new PageSession(
      {
        read,
        now: () => new Date(),
        lang: () => document.documentElement.lang || undefined,
        save: async (m) => {
          const r = await send(runtimeSend, 'saveObservations', m);
          // What the page just told us may change its badges.
          if (r.ok && r.value.written > 0) void pageUi.refresh();
        },
        saveCapture: async (m) => {
          let r = await send(runtimeSend, 'saveCapture', m);
          // The worker may be stopped while it stores (MV3); the store is one transaction, so
          // sending the same body again once is safe and usually lands in a fresh worker.
          if (!r.ok && r.retry) {
            await new Promise<void>((done) => ctx.setTimeout(() => done(), RETRY_AFTER_MS));
            r = await send(runtimeSend, 'saveCapture', m);
          }
          if (r.ok && r.value.written > 0) void pageUi.refresh();
          return r.ok && r.value.problem === null;
        },
        report: (m) => void send(runtimeSend, 'reportUnreadable', m),
      },
      kind,
      url,
    );
    const current = session;
    ctx.setTimeout(() => current?.finish(), REPORT_AFTER_MS);
  };

  const readSoon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      session?.readDom(document);
      void ui?.scan(document);
    }, DOM_READ_DEBOUNCE_MS);
  };

  start();
  ctx.addEventListener(window, 'message', (event) => {
    if (event.source === window) session?.onWindowMessage(event.data);
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    start();
    readSoon();
  });
  ctx.onInvalidated(() => ui?.destroy());
  ctx.onInvalidated(() => refresh?.destroy());
  // The popup's "Refresh open orders" (only from this extension, only that exact message).
  browser.runtime.onMessage.addListener(
    (m: unknown, sender: { id?: string }, reply: (r: unknown) => void) => {
      if (sender.id !== browser.runtime.id || !options.refresh?.isStart(m) || !refresh) return;
      refresh.start();
      reply({ started: true });
    },
  );
  const onReady = () => {
    readSoon();
    // Cards added later ("View orders") and client-rendered pages are read again. Our own
    // shadow hosts are ignored so mounting a badge does not trigger another read.
    const observer = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName !== 'BUYER-SHIELD-UI'))) readSoon();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  };
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', onReady);
  else onReady();
}
