/**
 * In-page UI: a badge in each order card of the order list and a banner on an order's detail
 * and tracking pages. Each lives in its own shadow root, so the page's CSS cannot reach it and
 * ours cannot disturb the page; page data is rendered as text by Preact, never as HTML.
 */
import { render } from 'preact';
import { PageBadge } from '@/components/PageBadge';
import { PageBanner } from '@/components/PageBanner';
import type { Ui } from '@/components/ui-context';
import { type OrderListCards, orderIdOfPage } from '@/lib/aliexpress/page-cards';
import { translator } from '@/lib/i18n';
import type { PageSummary, Responses, Result } from '@/lib/protocol/messages';
import type { PageKind } from '@/lib/schema/model';
import css from './page-ui.css?inline';

/** Our shadow hosts' tag (the DOM watcher ignores them). */
export const HOST_TAG = 'buyer-shield-ui';
export const DISMISSED_KEY = 'dismissedOrders';

export interface UiDeps {
  getStrings: () => Promise<Result<Responses['getUiStrings']>>;
  getSummaries: (ids: string[]) => Promise<Result<Responses['getPageSummaries']>>;
  openChecklist: (orderId: string) => void;
  loadDismissed: () => Promise<string[]>;
  saveDismissed: (ids: string[]) => Promise<void>;
  /** The order-list cards (lib/aliexpress/page-cards.ts); only the list page needs them. */
  cards?: OrderListCards;
}

interface Mounted {
  orderId: string;
  root: ShadowRoot;
  host: HTMLElement;
  kind: 'badge' | 'banner';
}

export function makeHost(kind: 'badge' | 'banner'): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(HOST_TAG);
  // A fixed one-line box from the start, so filling it in later moves nothing on the page.
  host.style.cssText =
    kind === 'badge'
      ? 'display:inline-flex;vertical-align:middle;margin-left:8px;max-width:min(560px,70vw);height:20px;overflow:hidden'
      : 'display:block';
  // Open, so assistive technology and tests see it like any other part of the page.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

export class PageUi {
  private ui: Ui | null = null;
  private mounted: Mounted[] = [];
  private summaries = new Map<string, PageSummary>();
  private dismissed = new Set<string>();
  private ready: Promise<void> | null = null;

  constructor(
    private readonly deps: UiDeps,
    private readonly kind: PageKind,
    private readonly url: URL,
  ) {}

  private async init(): Promise<void> {
    this.ready ??= (async () => {
      const [strings, dismissed] = await Promise.all([this.deps.getStrings(), this.deps.loadDismissed()]);
      const s = strings.ok ? strings.value : { table: {}, locale: document.documentElement.lang || 'en' };
      this.ui = {
        t: translator(s.table),
        locale: s.locale,
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      };
      this.dismissed = new Set(dismissed);
    })();
    return this.ready;
  }

  /** The buyer's language and zone once loaded (the refresh panel speaks it too). */
  async strings(): Promise<Ui | null> {
    await this.init();
    return this.ui;
  }

  /** Finds cards (or the page's order) without our UI yet, mounts it, and fills it in. */
  async scan(doc: Document): Promise<void> {
    await this.init();
    const cards = this.deps.cards;
    if (this.kind === 'order_list' && cards) {
      for (const card of cards.cards(doc)) {
        if (card.querySelector(HOST_TAG)) continue;
        const orderId = cards.orderId(card);
        if (!orderId || this.dismissed.has(`badge:${orderId}`)) continue;
        const { host, root } = makeHost('badge');
        cards.anchor(card).append(host);
        this.mounted.push({ orderId, root, host, kind: 'badge' });
      }
    } else if (this.kind === 'order_detail' || this.kind === 'tracking') {
      const orderId = orderIdOfPage(this.url);
      if (
        orderId &&
        !this.dismissed.has(`banner:${orderId}`) &&
        !this.mounted.some((m) => m.kind === 'banner')
      ) {
        const { host, root } = makeHost('banner');
        doc.body.prepend(host);
        this.mounted.push({ orderId, root, host, kind: 'banner' });
      }
    }
    // Drop entries whose card the page removed (re-rendered lists).
    this.mounted = this.mounted.filter((m) => m.host.isConnected);
    await this.refresh(this.mounted.filter((m) => !this.summaries.has(m.orderId)).map((m) => m.orderId));
  }

  /** Asks the background again, e.g. after this page's data was stored. */
  async refresh(ids: string[] = this.mounted.map((m) => m.orderId)): Promise<void> {
    const wanted = [...new Set(ids)].slice(0, 200);
    if (wanted.length) {
      const r = await this.deps.getSummaries(wanted);
      if (r.ok) for (const [id, s] of Object.entries(r.value.orders)) this.summaries.set(id, s);
    }
    this.renderAll();
  }

  /** Hides one badge or banner for good (the other surfaces of that order stay). */
  private dismiss(target: Mounted): void {
    this.dismissed.add(`${target.kind}:${target.orderId}`);
    void this.deps.saveDismissed([...this.dismissed]);
    this.unmount(target);
    this.mounted = this.mounted.filter((m) => m !== target);
  }

  private renderAll(): void {
    const ui = this.ui;
    if (!ui) return;
    const now = new Date();
    for (const m of this.mounted) {
      const summary = this.summaries.get(m.orderId) ?? null;
      const view =
        m.kind === 'badge' ? (
          <PageBadge ui={ui} summary={summary} now={now} onDismiss={() => this.dismiss(m)} />
        ) : (
          <PageBanner
            ui={ui}
            summary={summary}
            now={now}
            onOpenChecklist={() => this.deps.openChecklist(m.orderId)}
            onDismiss={() => this.dismiss(m)}
          />
        );
      render(view, m.root);
    }
  }

  private unmount(m: Mounted): void {
    render(null, m.root);
    m.host.remove();
  }

  destroy(): void {
    for (const m of this.mounted) this.unmount(m);
    this.mounted = [];
  }
}
