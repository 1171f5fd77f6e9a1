/**
 * In-page UI: a badge in each order card of the order list and a banner on an order's detail
 * and tracking pages. Each lives in its own shadow root, so the page's CSS cannot reach it and
 * ours cannot disturb the page; page data is rendered as text, never as HTML (dom-render.ts).
 */
import type { HiddenNotice, PageBadge } from '@/components/PageBadge';
import type { PageBanner } from '@/components/PageBanner';
import type { Ui } from '@/components/ui-context';
import { type OrderListCards, orderIdOfPage } from '@/lib/aliexpress/page-cards';
import { translator } from '@/lib/i18n';
import { type HiddenWarning, stepIdentity } from '@/lib/protocol/hidden-warnings';
import type { PageSummary, Responses, Result } from '@/lib/protocol/messages';
import type { PageKind } from '@/lib/schema/model';
import { render } from './dom-render';
import css from './page-ui.css?inline';

/** Our shadow hosts' tag (the DOM watcher ignores them). */
export const HOST_TAG = 'buyer-shield-ui';

export interface PageViews {
  badge?: typeof PageBadge;
  banner?: typeof PageBanner;
  /** What stands where a warning was just hidden: the words and an Undo. */
  hidden: typeof HiddenNotice;
  /** How labels name an order (its item or its number). */
  name: (ui: Ui, s: PageSummary) => string;
}

export interface UiDeps {
  /**
   * The page's first request (`getPageStart`): its strings, the warnings the buyer hid and the
   * summaries of `ids`, in one message (each message costs the page a few ms, BENCHMARKS.md).
   */
  start: (ids: string[]) => Promise<Result<Responses['getPageStart']>>;
  getSummaries: (ids: string[]) => Promise<Result<Responses['getPageSummaries']>>;
  openChecklist: (orderId: string) => void;
  saveHidden: (list: HiddenWarning[]) => Promise<void>;
  /** The order-list cards (lib/aliexpress/page-cards.ts); only the list page needs them. */
  cards?: OrderListCards;
  /** The components this script shows, passed by its entrypoint so no page carries the other's. */
  views: PageViews;
}

/**
 * How far outside the viewport a card gets its badge: one screen below (and above), so a badge
 * is in place before the buyer scrolls to it, and a load draws only the badges of about two
 * screens (issue 16: each badge's host, shadow root and drawing is most of the page's cost,
 * BENCHMARKS.md §5; three screens drew ~12 of them).
 */
const NEAR = '100% 0px';

/**
 * A summary older than this is asked for again when the page next fills in its UI: its countdown
 * ("in 5 hours") is worded by the worker as of its answer (PageSummary.texts.countdown).
 */
const STALE_MS = 60_000;
const MAX_IDS = 200;
/**
 * How long an order list with no card yet (a client-rendered list still loading) waits for its
 * cards before the first request goes without them: with them, their badges come in the same
 * answer; without any, the refresh panel still gets its words.
 */
const WAIT_FOR_CARDS_MS = 1000;
/**
 * How many cards, from the top of the list, the first request asks about before any card is
 * known to be near the viewport (`prefetch`): about the two screens a list opened at its top
 * gets badges for (`NEAR`; the list's cards are ~240 px tall).
 */
const FIRST_CARDS = 8;

interface Mounted {
  orderId: string;
  root: ShadowRoot;
  host: HTMLElement;
  kind: 'badge' | 'banner';
  /** Hidden during this visit: the notice with Undo stands in its place. */
  notice?: boolean;
  /** The badge's popover was opened: its step is drawn from then on (PageBadge `full`). */
  opened?: boolean;
}

/**
 * One style sheet, parsed once, shared by every badge, banner and panel of the page: each of them
 * used to carry its own `<style>` element with the same 3.8 KB of CSS (issue 16, BENCHMARKS.md §5:
 * a badge's host and shadow root are a good part of what a badge costs the page).
 */
let shared: CSSStyleSheet | undefined;

export function makeHost(kind: 'badge' | 'banner'): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(HOST_TAG);
  // A fixed one-line box from the start, so filling it in later moves nothing on the page.
  host.style.cssText =
    kind === 'badge'
      ? 'display:inline-flex;vertical-align:middle;margin-left:8px;max-width:min(560px,70vw);height:20px;overflow:hidden'
      : 'display:block';
  // Open, so assistive technology and tests see it like any other part of the page.
  const root = host.attachShadow({ mode: 'open' });
  try {
    if (!shared) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shared = sheet;
    }
    root.adoptedStyleSheets = [shared];
    if (root.adoptedStyleSheets[0] === shared) return { host, root };
  } catch {}
  // Where a content script cannot adopt a sheet (an older browser: Firefox ESR adopts it, see
  // tests/e2e/firefox.test.mjs), each root gets its own copy of the CSS.
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

export class PageUi {
  private ui: Ui | null = null;
  private mounted: Mounted[] = [];
  private summaries = new Map<string, PageSummary>();
  /** When each summary was answered (`Date.now()`), so an old countdown is asked for again. */
  private fetchedAt = new Map<string, number>();
  /** Hidden warnings by `kind:orderId`, each with the step it hid. */
  private hidden = new Map<string, HiddenWarning>();
  private ready: Promise<void> | null = null;
  /** List cards already looked at (each is watched until it comes near the viewport). */
  private seen = new WeakSet<Element>();
  /** Each card's order, worked out once (the first request and its badge both need it). */
  private ids = new WeakMap<Element, string | null>();
  private near: IntersectionObserver | null = null;
  private waitForCards: ReturnType<typeof setTimeout> | undefined;
  /** Settles once the first request was answered (the refresh panel waits for the strings). */
  private readonly started: Promise<void>;
  /** The refresh run's kept progress, as the first answer brought it (order list only). */
  private progress: unknown = null;
  private markStarted: () => void = () => {};

  constructor(
    private readonly deps: UiDeps,
    private readonly kind: PageKind,
    private readonly url: URL,
  ) {
    this.started = new Promise((done) => {
      this.markStarted = done;
    });
  }

  /**
   * The first request, so the summaries of `ids` come with the strings and the hidden warnings:
   * on the list, the first cards as soon as they are in (`prefetch`), else the cards near the
   * viewport or the page's banner once mounted.
   */
  private init(ids: string[]): Promise<void> {
    this.ready ??= (async () => {
      const r = await this.deps.start(ids);
      const s = r.ok ? r.value.strings : { table: {}, locale: document.documentElement.lang || 'en' };
      this.ui = {
        t: translator(s.table),
        locale: s.locale,
        // Asked only if something shows a date here: the first Intl.DateTimeFormat of a page
        // costs it 25–50 ms, so dates come formatted with the summaries (PageSummary texts.at).
        get zone() {
          return Intl.DateTimeFormat().resolvedOptions().timeZone;
        },
      };
      if (r.ok) {
        this.hidden = new Map(r.value.hidden.map((h) => [h.key, h]));
        this.keep(r.value.orders);
        this.progress = r.value.progress ?? null;
      }
      this.markStarted();
    })();
    return this.ready;
  }

  /** The buyer's language and zone once loaded (the refresh panel speaks it too). */
  async strings(): Promise<Ui | null> {
    await this.started;
    return this.ui;
  }

  /** What a stopped refresh run left, as stored when the page started (unchecked). */
  async savedProgress(): Promise<unknown> {
    await this.started;
    return this.progress;
  }

  private keep(orders: Record<string, PageSummary>): void {
    const at = Date.now();
    for (const [id, s] of Object.entries(orders)) {
      this.summaries.set(id, s);
      this.fetchedAt.set(id, at);
    }
  }

  /**
   * The first request as soon as the list's cards are in, with the orders of the first
   * `FIRST_CARDS` of them, instead of at the viewport observer's first report: that report waits
   * for the page to lay its new cards out (~300 ms on the bench's list, BENCHMARKS.md §5), and
   * the answer comes in meanwhile, so the badges are drawn as they are placed. A card further
   * down gets its summary when it comes near, as before. Called before every DOM scan; once the
   * first request went out, it does nothing.
   */
  prefetch(doc: Document): void {
    const cards = this.deps.cards;
    if (this.ready || this.kind !== 'order_list' || !cards) return;
    const ids = new Set<string>();
    for (const card of cards.cards(doc)) {
      const id = this.orderIdOf(card);
      if (id) ids.add(id);
      if (ids.size === FIRST_CARDS) break;
    }
    if (ids.size) void this.init([...ids]);
  }

  private orderIdOf(card: Element): string | null {
    let id = this.ids.get(card);
    if (id === undefined) {
      id = this.deps.cards?.orderId(card) ?? null;
      this.ids.set(card, id);
    }
    return id;
  }

  /**
   * Finds cards (or the page's order) without our UI yet and fills it in. A list card gets its
   * badge when it comes near the viewport (`NEAR`), so a long list costs the page only the
   * badges the buyer can scroll to soon; asking the background and rendering follow the same way.
   */
  async scan(doc: Document): Promise<void> {
    const cards = this.deps.cards;
    if (this.kind === 'order_list' && cards) {
      let watched = false;
      for (const card of cards.cards(doc)) {
        // Not also a look inside each of the list's cards for a badge: `mountBadge` checks the
        // few that come near, and an earlier UI removes its badges when it goes (`destroy`).
        if (this.seen.has(card)) continue;
        this.seen.add(card);
        if (this.whenNear(card)) watched = true;
      }
      // The observer's first report fills them in (and sends the first request, unless
      // `prefetch` already did).
      if (watched) return;
      if (!this.ready && this.mounted.length === 0) {
        this.waitForCards ??= setTimeout(() => {
          if (!this.ready) void this.fillIn();
        }, WAIT_FOR_CARDS_MS);
        return;
      }
    } else if (this.kind === 'order_detail' || this.kind === 'tracking') {
      const orderId = orderIdOfPage(this.url);
      if (orderId && !this.mounted.some((m) => m.kind === 'banner')) {
        const { host, root } = makeHost('banner');
        // Empty until its summary and the hidden warnings are in (renderAll shows or hides it).
        doc.body.prepend(host);
        this.mounted.push({ orderId, root, host, kind: 'banner' });
      }
    }
    await this.fillIn();
  }

  /**
   * Drops entries whose card the page removed (re-rendered lists), then fills in the new ones
   * and those whose summary is older than `STALE_MS`; the first time, with the first request.
   */
  private async fillIn(): Promise<void> {
    this.mounted = this.mounted.filter((m) => m.host.isConnected);
    if (!this.ready) {
      await this.init(this.unfilled());
      this.renderAll();
      return;
    }
    await this.ready;
    await this.refresh(this.unfilled());
  }

  private unfilled(): string[] {
    const now = Date.now();
    const ids = this.mounted
      .filter((m) => now - (this.fetchedAt.get(m.orderId) ?? Number.NEGATIVE_INFINITY) > STALE_MS)
      .map((m) => m.orderId);
    return [...new Set(ids)].slice(0, MAX_IDS);
  }

  /** Watches the card until it comes near the viewport; `false` if it got its badge at once. */
  private whenNear(card: Element): boolean {
    if (typeof IntersectionObserver !== 'function') {
      this.mountBadge(card);
      return false;
    }
    this.near ??= new IntersectionObserver((entries) => this.onNear(entries), { rootMargin: NEAR });
    this.near.observe(card);
    return true;
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    let added = false;
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      this.near?.unobserve(e.target);
      if (e.target.isConnected && this.mountBadge(e.target)) added = true;
    }
    // The first report always starts the page (strings for the refresh panel, even with no card near).
    if (added || !this.ready) void this.fillIn();
  }

  /** The card's badge, unless it shows no order; whether one was added. */
  private mountBadge(card: Element): boolean {
    const cards = this.deps.cards;
    if (!cards || card.querySelector(HOST_TAG)) return false;
    // Worked out only now, for the cards near the viewport (and the first ones, `prefetch`).
    const orderId = this.orderIdOf(card);
    if (!orderId) return false;
    const { host, root } = makeHost('badge');
    // Hidden until its step is known to have changed: nothing shows, nothing moves. (Before the
    // first answer the hidden warnings are not known: the box stays empty until renderAll.)
    if (this.hidden.has(`badge:${orderId}`)) host.style.display = 'none';
    cards.anchor(card).append(host);
    this.mounted.push({ orderId, root, host, kind: 'badge' });
    return true;
  }

  /** Asks the background again, e.g. after this page's data was stored. */
  async refresh(ids: string[] = this.mounted.map((m) => m.orderId)): Promise<void> {
    // Not started yet: the first request will bring what is stored by then.
    if (!this.ready) return;
    await this.ready;
    const wanted = [...new Set(ids)].slice(0, MAX_IDS);
    if (wanted.length) {
      const r = await this.deps.getSummaries(wanted);
      if (r.ok) this.keep(r.value.orders);
    }
    this.renderAll();
  }

  /**
   * Hides one badge or banner until its step changes (the other surfaces of that order stay);
   * the notice with Undo takes its place and the focus.
   */
  private hide(target: Mounted, summary: PageSummary): void {
    const key = `${target.kind}:${target.orderId}`;
    this.hidden.set(key, { key, step: stepIdentity(summary) });
    this.saveHidden();
    target.notice = true;
    this.renderAll();
    target.root.querySelector<HTMLElement>('.bs-hidden button')?.focus();
  }

  private undo(target: Mounted): void {
    this.hidden.delete(`${target.kind}:${target.orderId}`);
    this.saveHidden();
    target.notice = false;
    this.renderAll();
    target.root.querySelector<HTMLElement>('.bs-head, .bs-hide')?.focus();
  }

  private saveHidden(): void {
    void this.deps.saveHidden([...this.hidden.values()]);
  }

  /**
   * Whether `m` stays hidden: its entry's step is still the order's step. A changed step
   * brings the warning back and forgets the entry.
   */
  private stillHidden(m: Mounted, summary: PageSummary): boolean {
    const key = `${m.kind}:${m.orderId}`;
    const entry = this.hidden.get(key);
    if (!entry) return false;
    if (entry.step === stepIdentity(summary)) return true;
    this.hidden.delete(key);
    this.saveHidden();
    return false;
  }

  private renderAll(): void {
    const ui = this.ui;
    if (!ui) return;
    for (const m of this.mounted) this.renderOne(ui, m);
  }

  private renderOne(ui: Ui, m: Mounted): void {
    const { badge: Badge, banner: Banner, hidden: Hidden, name } = this.deps.views;
    const summary = this.summaries.get(m.orderId) ?? null;
    if (summary === null) return;
    if (m.notice) {
      render(<Hidden ui={ui} name={name(ui, summary)} onUndo={() => this.undo(m)} />, m.root);
      return;
    }
    const hidden = this.stillHidden(m, summary);
    m.host.style.display = hidden ? 'none' : m.kind === 'badge' ? 'inline-flex' : 'block';
    if (hidden) {
      render(null, m.root);
      return;
    }
    const onHide = () => this.hide(m, summary);
    if (m.kind === 'badge' && Badge) {
      // The step is drawn just before its popover first opens, in the same task.
      const onOpen = () => {
        m.opened = true;
        this.renderOne(ui, m);
      };
      render(
        <Badge ui={ui} summary={summary} onHide={onHide} full={m.opened === true} onOpen={onOpen} />,
        m.root,
      );
    } else if (m.kind === 'banner' && Banner) {
      const onOpenChecklist = () => this.deps.openChecklist(m.orderId);
      render(<Banner ui={ui} summary={summary} onOpenChecklist={onOpenChecklist} onHide={onHide} />, m.root);
    }
  }

  private unmount(m: Mounted): void {
    render(null, m.root);
    m.host.remove();
  }

  destroy(): void {
    clearTimeout(this.waitForCards);
    this.near?.disconnect();
    for (const m of this.mounted) this.unmount(m);
    this.mounted = [];
  }
}
