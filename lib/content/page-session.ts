/**
 * What the isolated content script does on one AliExpress page, with its dependencies passed
 * in so it can be tested without a browser: hand each well-formed captured body to the
 * background (which reads it), read the DOM where JSON is not seen, and report a page that
 * could not be read.
 */

import { detectBlockedPage } from '../aliexpress/blocked-page';
import type { ReadContext } from '../aliexpress/context';
import type { ListCardTexts } from '../aliexpress/dom-list-extract';
import { CAPTURE_SOURCE, isCaptureMessage, MAX_CAPTURE_CHARS } from '../protocol/window-messages';
import { safeUrl } from '../safe-url';
import type { CapturedApi, Observations, PageKind, ReadResult, SourceKind } from '../schema/model';

/**
 * What reading a page's DOM gives: its observations (read in the page), or on the order list the
 * cards' texts, which the worker reads (lib/aliexpress/dom-list-extract.ts), so the list page
 * carries no parser.
 */
export type DomReading = ReadResult | { ok: true; listTexts: ListCardTexts[] };
export type DomPageReader = (kind: PageKind, doc: Document, url: URL, ctx: ReadContext) => DomReading;

export interface PageSessionDeps {
  /** Reads this page's DOM (the content script's own readers, lib/aliexpress/read-page.ts). */
  read: DomPageReader;
  now: () => Date;
  lang: () => string | undefined;
  /** A captured body for the background to read; resolves to whether it could be read. */
  saveCapture: (m: { api: CapturedApi; url: string; body: string; lang?: string }) => Promise<boolean>;
  save: (m: {
    source: PageKind | CapturedApi;
    kind: SourceKind;
    url: string;
    observations: Observations;
  }) => void | Promise<void>;
  report: (m: { source: string; url: string; problem: string }) => void;
  /** The order list's cards as texts, for the worker to read (`saveDomList`). */
  saveListTexts?: (m: { url: string; lang?: string; cards: ListCardTexts[] }) => void | Promise<void>;
}

/**
 * The API whose response describes everything a page kind shows: once it has been seen, the DOM
 * (which that JSON rendered) has nothing more to say, and reading it would only cost the page.
 */
const COVERED_BY: Record<PageKind, CapturedApi> = {
  order_list: 'mtop.aliexpress.trade.buyer.order.list',
  order_detail: 'mtop.aliexpress.trade.buyer.order.detail',
  tracking: 'mtop.ae.ld.querydetail',
  refund_list: 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  refund_detail: 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
  dispute_detail: 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
};

function isEmpty(o: Observations): boolean {
  return !o.orders.length && !o.packages.length && !o.disputes.length && !o.refunds.length;
}

/** Looks like our capture message but breaks a limit (a 10 MB body, say): worth a diagnostic. */
function oversized(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.source !== CAPTURE_SOURCE || typeof m.body !== 'string' || m.body.length <= MAX_CAPTURE_CHARS)
    return null;
  return typeof m.api === 'string' ? m.api.slice(0, 80) : 'capture';
}

export class PageSession {
  private lastSent = new Map<string, string>();
  private readSomething = false;
  private lastDomProblem: string | null = null;
  private jsonCovered = false;

  constructor(
    private readonly deps: PageSessionDeps,
    private readonly kind: PageKind,
    private readonly pageUrl: URL,
  ) {}

  /** A `window` message: only a well-formed capture of one of our APIs is passed on. */
  onWindowMessage(data: unknown): void {
    if (!isCaptureMessage(data)) {
      const api = oversized(data);
      if (api !== null) {
        this.deps.report({
          source: api,
          url: safeUrl(this.pageUrl.href),
          problem: `a response larger than ${MAX_CAPTURE_CHARS / 1024 / 1024} MB was refused unread`,
        });
      }
      return;
    }
    if (data.api === COVERED_BY[this.kind]) this.jsonCovered = true;
    const lang = this.deps.lang();
    void this.deps
      .saveCapture({ api: data.api, url: data.url, body: data.body, ...(lang ? { lang } : {}) })
      .then((read) => {
        if (read) this.readSomething = true;
      });
  }

  /** Reads the DOM; silent on failure, since the page may still be rendering. */
  readDom(doc: Document): void {
    if (this.jsonCovered) return;
    const ctx = { seenAt: this.deps.now().toISOString(), lang: this.deps.lang() };
    const result = this.deps.read(this.kind, doc, this.pageUrl, ctx);
    if (!result.ok) {
      const blocked = detectBlockedPage(doc, this.pageUrl);
      this.lastDomProblem = blocked
        ? `the page asks to ${blocked === 'login' ? 'sign in' : 'pass a verification'}`
        : result.failure.problem;
      return;
    }
    if ('listTexts' in result) {
      this.readSomething = true;
      this.sendTexts(result.listTexts, ctx.lang);
      return;
    }
    if (isEmpty(result.observations)) return;
    this.readSomething = true;
    this.send(this.kind, 'dom', this.pageUrl.href, result.observations);
  }

  private sendTexts(cards: ListCardTexts[], lang: string | undefined) {
    // Re-read as cards appear; an unchanged reading is not sent again.
    const body = JSON.stringify(cards);
    if (this.lastSent.get('texts') === body || !this.deps.saveListTexts) return;
    this.lastSent.set('texts', body);
    void this.deps.saveListTexts({ url: safeUrl(this.pageUrl.href), cards, ...(lang ? { lang } : {}) });
  }

  /** Called once the page has had time to load: report it if nothing could be read. */
  finish(): void {
    if (this.readSomething || this.lastDomProblem === null) return;
    this.deps.report({ source: this.kind, url: safeUrl(this.pageUrl.href), problem: this.lastDomProblem });
  }

  private send(source: PageKind | CapturedApi, kind: SourceKind, url: string, observations: Observations) {
    // The DOM is re-read as cards appear; unchanged readings are not sent again.
    const key = `${source}|${kind}`;
    const body = JSON.stringify(observations);
    if (this.lastSent.get(key) === body) return;
    this.lastSent.set(key, body);
    void this.deps.save({ source, kind, url: safeUrl(url), observations });
  }
}
