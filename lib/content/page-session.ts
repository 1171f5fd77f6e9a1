/**
 * What the isolated content script does on one AliExpress page, with its dependencies passed
 * in so it can be tested without a browser: validate each captured body, read it, read the
 * DOM where JSON is not seen, and send the observations (or one diagnostic) to the background.
 */
import { isCaptureMessage } from '../aliexpress/capture';
import { readCapturedBody } from '../aliexpress/read-captured';
import { detectBlockedPage, readPage } from '../aliexpress/read-page';
import type { CapturedApi, Observations, PageKind, SourceKind } from '../model';

export interface PageSessionDeps {
  now: () => Date;
  lang: () => string | undefined;
  save: (m: {
    source: PageKind | CapturedApi;
    kind: SourceKind;
    url: string;
    observations: Observations;
  }) => void;
  report: (m: { source: string; url: string; problem: string }) => void;
}

/** A URL without its query and fragment: enough to say which page failed, nothing personal. */
export function safeUrl(href: string): string {
  try {
    const u = new URL(href);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

function isEmpty(o: Observations): boolean {
  return !o.orders.length && !o.packages.length && !o.disputes.length && !o.refunds.length;
}

export class PageSession {
  private lastSent = new Map<string, string>();
  private readSomething = false;
  private lastDomProblem: string | null = null;

  constructor(
    private readonly deps: PageSessionDeps,
    private readonly kind: PageKind,
    private readonly pageUrl: URL,
  ) {}

  /** A `window` message: only a well-formed capture of one of our APIs is read. */
  onWindowMessage(data: unknown): void {
    if (!isCaptureMessage(data)) return;
    const ctx = { seenAt: this.deps.now().toISOString(), lang: this.deps.lang(), requestUrl: data.url };
    const result = readCapturedBody(data.api, data.body, ctx);
    if (!result.ok) {
      this.deps.report({ source: data.api, url: safeUrl(data.url), problem: result.failure.problem });
      return;
    }
    this.readSomething = true;
    this.send(data.api, 'json', data.url, result.observations);
  }

  /** Reads the DOM; silent on failure, since the page may still be rendering. */
  readDom(doc: Document): void {
    const ctx = { seenAt: this.deps.now().toISOString(), lang: this.deps.lang() };
    const result = readPage(this.kind, doc, this.pageUrl, ctx);
    if (!result.ok) {
      this.lastDomProblem = detectBlockedPage(doc, this.pageUrl)
        ? `the page asks to ${detectBlockedPage(doc, this.pageUrl) === 'login' ? 'sign in' : 'pass a verification'}`
        : result.failure.problem;
      return;
    }
    if (isEmpty(result.observations)) return;
    this.readSomething = true;
    this.send(this.kind, 'dom', this.pageUrl.href, result.observations);
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
    this.deps.save({ source, kind, url: safeUrl(url), observations });
  }
}
