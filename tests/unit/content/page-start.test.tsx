/**
 * How the page UI asks the background (issue 16): one first request (`getPageStart`) brings the
 * strings, the hidden warnings and the summaries of the UI mounted by then; the countdown comes
 * worded with each summary, so a summary older than a minute is asked for again when the page
 * next fills in its UI, and the buyer never reads an old "in 5 hours".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HiddenNotice, orderName, PageBadge } from '@/components/PageBadge';
import { PageBanner } from '@/components/PageBanner';
import { ORDER_LIST_CARDS } from '@/lib/aliexpress/page-cards';
import { HOST_TAG, PageUi, type UiDeps } from '@/lib/content/page-ui';
import type { PageSummary } from '@/lib/protocol/messages';
import { loadTableFromDisk } from '../locale-loader';

const ID = '8400000000000001';

function summary(orderId: string, countdown: string): PageSummary {
  return {
    orderId,
    group: 'watch',
    statusText: 'Awaiting delivery',
    nextDeadline: {
      kind: 'protection_end',
      at: '2026-12-05T16:00:00.000Z',
      source: 'page',
      orderId,
      ruleId: 'protection_page',
      needsAction: true,
      subjectId: null,
    } as PageSummary['nextDeadline'],
    alert: null,
    action: null,
    item: 'Camping lantern',
    texts: {
      deadline: 'Purchase protection ends',
      at: 'Dec 5, 2026, 4:00 PM UTC',
      day: 'Dec 5',
      countdown,
      title: null,
      action: null,
      why: null,
    },
  };
}

async function deps(countdown: () => string) {
  const table = await loadTableFromDisk('en');
  const all = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, summary(id, countdown())]));
  const d = {
    start: vi.fn(async (ids: string[]) => ({
      ok: true as const,
      value: { strings: { table, locale: 'en-US', folder: 'en' as const }, orders: all(ids), hidden: [] },
    })),
    getSummaries: vi.fn(async (ids: string[]) => ({ ok: true as const, value: { orders: all(ids) } })),
    openChecklist: () => {},
    saveHidden: async () => {},
  };
  return d;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** An IntersectionObserver whose first report says every observed card is near, as Chromium's does for cards in view. */
function nearObserver() {
  const observers: { cb: IntersectionObserverCallback; els: Element[] }[] = [];
  class Near {
    private readonly o: { cb: IntersectionObserverCallback; els: Element[] };
    constructor(cb: IntersectionObserverCallback) {
      this.o = { cb, els: [] };
      observers.push(this.o);
    }
    observe(el: Element) {
      this.o.els.push(el);
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('IntersectionObserver', Near);
  return () => {
    for (const o of observers) {
      const entries = o.els.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
      o.els = [];
      o.cb(entries, o as unknown as IntersectionObserver);
    }
  };
}

/** The order list's cards, in their real shape (lib/aliexpress/page-cards.ts), for `ids`. */
function listCards(ids: string[]): string {
  return ids
    .map(
      (id) =>
        `<div class="order-item"><div class="order-item-header-right"><a href="/p/order/detail.html?orderId=${id}">Order details</a></div></div>`,
    )
    .join('');
}

/** The order list's page UI, asking through `d`. */
function listUi(d: Awaited<ReturnType<typeof deps>>): PageUi {
  return new PageUi(
    {
      ...d,
      cards: ORDER_LIST_CARDS,
      views: { badge: PageBadge, hidden: HiddenNotice, name: orderName },
    } as UiDeps,
    'order_list',
    new URL('https://www.aliexpress.com/p/order/index.html'),
  );
}

describe('the page UI asks the background', () => {
  it('once for the first badges: strings, hidden warnings and their summaries together', async () => {
    const d = await deps(() => 'in 3 days');
    const report = nearObserver();
    document.body.innerHTML = listCards(['8400000000000001', '8400000000000002']);
    const ui = listUi(d);
    await ui.scan(document);
    // Nothing asked before the cards near the viewport are known.
    expect(d.start).not.toHaveBeenCalled();
    report();
    await ui.strings();
    await vi.waitFor(() => expect(document.querySelector(HOST_TAG)?.shadowRoot?.textContent).toBeTruthy());
    expect(d.start).toHaveBeenCalledTimes(1);
    expect(d.start.mock.calls[0]?.[0]).toEqual(['8400000000000001', '8400000000000002']);
    expect(d.getSummaries).not.toHaveBeenCalled();
    const roots = [...document.querySelectorAll(HOST_TAG)].map((h) => h.shadowRoot as ShadowRoot);
    expect(roots).toHaveLength(2);
    for (const root of roots) {
      expect(root.querySelector('.bs-head')?.textContent).toBe('Protection ends Dec 5');
      // The full step is drawn as its popover opens (just before it shows), from the same answer.
      const pop = root.getElementById('bs-pop') as HTMLElement;
      expect(pop.textContent).toBe('');
      pop.dispatchEvent(new Event('beforetoggle'));
      expect(pop.textContent).toContain('Purchase protection ends in 3 days (Dec 5, 2026, 4:00 PM UTC)');
      expect(pop.querySelector('.bs-hide')?.textContent).toBe('Hide until something changes');
    }
    // The refresh panel speaks the same strings, from the same answer.
    expect((await ui.strings())?.t('badge_hide')).toBe('Hide until something changes');
    expect(d.start).toHaveBeenCalledTimes(1);
  });

  it('on the list, asks at once for the first cards as they come in, before any is known to be near', async () => {
    const d = await deps(() => 'in 3 days');
    const report = nearObserver();
    const ids = Array.from({ length: 10 }, (_, i) => String(8_400_000_000_000_001n + BigInt(i)));
    document.body.innerHTML = listCards(ids);
    const ui = listUi(d);
    ui.prefetch(document);
    ui.prefetch(document);
    // One request, for the cards at the top of the list, while the page still lays them out.
    expect(d.start).toHaveBeenCalledTimes(1);
    expect(d.start.mock.calls[0]?.[0]).toEqual(ids.slice(0, 8));
    await ui.scan(document);
    report();
    await vi.waitFor(() =>
      expect(document.querySelectorAll(HOST_TAG)[9]?.shadowRoot?.querySelector('.bs-head')?.textContent).toBe(
        'Protection ends Dec 5',
      ),
    );
    // Each card near the viewport has its badge; only those the first answer did not bring are
    // asked for, once, and the first request is not sent again.
    expect(d.start).toHaveBeenCalledTimes(1);
    expect(d.getSummaries).toHaveBeenCalledTimes(1);
    expect(d.getSummaries.mock.calls[0]?.[0]).toEqual(ids.slice(8));
    for (const host of document.querySelectorAll(HOST_TAG))
      expect(host.shadowRoot?.querySelector('.bs-head')?.textContent).toBe('Protection ends Dec 5');
  });

  it('does not ask early on a page with no card yet, nor on an order page', async () => {
    const d = await deps(() => 'in 3 days');
    const list = listUi(d);
    list.prefetch(document);
    const detail = new PageUi(
      { ...d, views: { banner: PageBanner, hidden: HiddenNotice, name: orderName } } as UiDeps,
      'order_detail',
      new URL(`https://www.aliexpress.com/p/order/detail.html?orderId=${ID}`),
    );
    detail.prefetch(document);
    expect(d.start).not.toHaveBeenCalled();
  });

  it('a list still loading waits for its cards, so their badges come with the first answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const d = await deps(() => 'in 3 days');
    const report = nearObserver();
    const ui = listUi(d);
    await ui.scan(document);
    expect(d.start).not.toHaveBeenCalled();
    document.body.innerHTML = listCards([ID]);
    await ui.scan(document);
    report();
    await ui.strings();
    expect(d.start).toHaveBeenCalledTimes(1);
    expect(d.start.mock.calls[0]?.[0]).toEqual([ID]);
    vi.advanceTimersByTime(1500);
    expect(d.start).toHaveBeenCalledTimes(1);
  });

  it('a list that stays empty still gets its words (the refresh panel) after a second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const d = await deps(() => 'in 3 days');
    nearObserver();
    const ui = listUi(d);
    await ui.scan(document);
    expect(d.start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect((await ui.strings())?.t('badge_hide')).toBe('Hide until something changes');
    expect(d.start).toHaveBeenCalledWith([]);
  });

  it('asks again for a summary older than a minute, so its countdown is current', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T10:00:00.000Z'));
    let words = 'in 3 days';
    const d = await deps(() => words);
    const ui = new PageUi(
      { ...d, views: { banner: PageBanner, hidden: HiddenNotice, name: orderName } } as UiDeps,
      'order_detail',
      new URL(`https://www.aliexpress.com/p/order/detail.html?orderId=${ID}`),
    );
    await ui.scan(document);
    await ui.scan(document);
    expect(d.start).toHaveBeenCalledTimes(1);
    expect(d.getSummaries).not.toHaveBeenCalled();
    vi.setSystemTime(new Date('2026-12-02T10:01:01.000Z'));
    words = 'in 2 days';
    await ui.scan(document);
    expect(d.getSummaries).toHaveBeenCalledWith([ID]);
    const root = document.querySelector(HOST_TAG)?.shadowRoot;
    expect(root?.textContent).toContain('Purchase protection ends in 2 days');
  });
});
