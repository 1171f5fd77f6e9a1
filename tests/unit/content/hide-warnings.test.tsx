/**
 * "Hide until something changes" (issue 15) in the page UI: the banner hidden with its step,
 * Undo right after, still hidden on the next visit while the step is the same, back (and the
 * entry forgotten) once the step changes.
 */
import { HiddenNotice, orderName } from '@/components/PageBadge';
import { PageBanner } from '@/components/PageBanner';
import { HOST_TAG, PageUi, type UiDeps } from '@/lib/content/page-ui';
import { type HiddenWarning, parseHidden, stepIdentity } from '@/lib/protocol/hidden-warnings';
import type { PageSummary } from '@/lib/protocol/messages';
import { loadTableFromDisk } from '../locale-loader';

const ID = '8400000000000001';
const URL_ = new URL(`https://www.aliexpress.com/p/order/detail.html?orderId=${ID}`);

function summary(deadlineAt: string): PageSummary {
  return {
    orderId: ID,
    group: 'act_now',
    statusText: 'Awaiting delivery',
    nextDeadline: null,
    alert: {
      id: `${ID}:protection_ending:`,
      kind: 'protection_ending',
      severity: 'urgent',
      orderId: ID,
      deadlineKind: 'protection_end',
      deadlineAt,
      values: { days: 1 },
      helpUrl: null,
    },
    action: {
      page: 'open_dispute',
      href: `https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderId=${ID}`,
    },
    item: 'Camping lantern',
    texts: {
      deadline: null,
      at: null,
      day: null,
      countdown: null,
      title: 'Protection ending',
      action: 'Open a dispute.',
      why: 'Money.',
    },
  };
}

async function page(stored: HiddenWarning[], s: PageSummary) {
  document.body.replaceChildren();
  const table = await loadTableFromDisk('en');
  const saved: HiddenWarning[][] = [];
  const deps: UiDeps = {
    start: async () => ({
      ok: true,
      value: { strings: { table, locale: 'en-US', folder: 'en' }, orders: { [ID]: s }, hidden: stored },
    }),
    getSummaries: async () => ({ ok: true, value: { orders: { [ID]: s } } }),
    openChecklist: () => {},
    saveHidden: async (list) => {
      saved.push(list);
    },
    views: { banner: PageBanner, hidden: HiddenNotice, name: orderName },
  };
  const ui = new PageUi(deps, 'order_detail', URL_);
  await ui.scan(document);
  const host = document.querySelector(HOST_TAG) as HTMLElement;
  const root = host.shadowRoot as ShadowRoot;
  const button = (label: string) =>
    [...root.querySelectorAll('button')].find(
      (b) => b.getAttribute('aria-label') === label || b.textContent === label,
    );
  return { host, root, saved, button };
}

describe('hide until something changes', () => {
  it('hides the banner with its step, offers Undo, and Undo brings it back', async () => {
    const s = summary('2026-12-05T16:00:00.000Z');
    const p = await page([], s);
    expect(p.root.querySelector('section')).not.toBeNull();
    p.button('Hide until something changes: the warning for Camping lantern')?.click();
    expect(p.saved.at(-1)).toEqual([{ key: `banner:${ID}`, step: stepIdentity(s) }]);
    expect(p.root.querySelector('section')).toBeNull();
    expect(p.root.querySelector('[role="status"]')?.textContent).toContain('Hidden until something changes.');
    const undo = p.button('Undo: show the warning for Camping lantern again');
    expect(p.root.activeElement).toBe(undo);
    undo?.click();
    expect(p.saved.at(-1)).toEqual([]);
    expect(p.root.querySelector('section a')?.getAttribute('href')).toBe(s.action?.href);
  });

  it('stays hidden on the next visit while the step is the same', async () => {
    const s = summary('2026-12-05T16:00:00.000Z');
    const p = await page([{ key: `banner:${ID}`, step: stepIdentity(s) }], s);
    expect(p.host.style.display).toBe('none');
    expect(p.root.querySelector('section')).toBeNull();
    expect(p.saved).toEqual([]);
  });

  it('comes back, and is forgotten, when the step changes (a new protection date)', async () => {
    const before = summary('2026-12-05T16:00:00.000Z');
    const p = await page(
      [{ key: `banner:${ID}`, step: stepIdentity(before) }],
      summary('2026-12-09T16:00:00.000Z'),
    );
    expect(p.host.style.display).toBe('block');
    expect(p.root.querySelector('section')).not.toBeNull();
    expect(p.saved.at(-1)).toEqual([]);
  });

  it('an escalation is a change too: the same step turned urgent comes back', () => {
    const s = summary('2026-12-05T16:00:00.000Z');
    const soon = { ...s, alert: s.alert && { ...s.alert, severity: 'soon' as const } };
    expect(stepIdentity(soon)).not.toBe(stepIdentity(s));
  });

  it('keeps only well-formed entries from storage', () => {
    expect(
      parseHidden([
        { key: `badge:${ID}`, step: 'x' },
        { key: 'badge:<img>', step: 'x' },
        { key: `banner:${ID}` },
        'badge:8400000000000001',
        null,
      ]),
    ).toEqual([{ key: `badge:${ID}`, step: 'x' }]);
    expect(parseHidden('nope')).toEqual([]);
  });
});
