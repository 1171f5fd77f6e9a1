import { PageBadge } from '@/components/PageBadge';
import { RefreshPanel } from '@/components/RefreshPanel';
import type { Ui } from '@/components/ui-context';
import { render } from '@/lib/content/dom-render';
import { type MessageTable, translator } from '@/lib/i18n';
import type { PageSummary } from '@/lib/protocol/messages';
import { loadTableFromDisk } from '../locale-loader';

let ui: Ui;
beforeAll(async () => {
  const table: MessageTable = await loadTableFromDisk('en');
  ui = { t: translator(table), locale: 'en-US', zone: 'UTC' };
});

const summary = (deadlineText: string): PageSummary => ({
  orderId: '3041111111111111',
  group: 'watch',
  statusText: 'Awaiting delivery',
  nextDeadline: {
    kind: 'protection_end',
    at: '2026-03-04T12:00:00.000Z',
    source: 'page',
    orderId: '3041111111111111',
    ruleId: 'protection_page',
    needsAction: true,
    subjectId: null,
  } as PageSummary['nextDeadline'],
  alert: null,
  action: { page: 'order', href: 'https://www.aliexpress.com/p/order/detail.html?orderId=3041111111111111' },
  item: 'Camping lantern',
  texts: {
    deadline: deadlineText,
    at: 'Mar 4, 2026, 12:00 PM',
    day: 'Mar 4',
    // Worded by the worker (the page builds no Intl object).
    countdown: 'in 3 days',
    title: null,
    action: null,
    why: null,
  },
});

/** A shadow root as the page UI makes it: our style sheet first. */
function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = '.bs-badge{}';
  root.append(style);
  return root;
}

describe('the in-page renderer (components without Preact in AliExpress pages)', () => {
  it('renders a badge as the component describes it, after the style sheet, and wires its button', () => {
    const root = shadowRoot();
    let hidden = 0;
    render(
      <PageBadge ui={ui} summary={summary('Purchase protection ends')} onHide={() => (hidden += 1)} />,
      root,
    );
    expect(root.firstChild?.nodeName).toBe('STYLE');
    const badge = root.querySelector('[role="note"]');
    // A short headline with the date; the full step is in the popover the headline opens.
    expect(root.querySelector('.bs-head')?.textContent).toBe('Protection ends Mar 4');
    expect(root.querySelector('.bs-head')?.getAttribute('popovertarget')).toBe('bs-pop');
    expect(badge?.getAttribute('aria-label')).toBe('Buyer Shield: Protection ends Mar 4');
    expect(badge?.hasAttribute('title')).toBe(false);
    expect(badge?.getAttribute('class')).toBe('bs-badge bs-info');
    const pop = root.getElementById('bs-pop');
    expect(pop?.getAttribute('popover')).toBe('auto');
    expect(pop?.textContent).toContain('Purchase protection ends in 3 days (Mar 4, 2026, 12:00 PM)');
    const link = pop?.querySelector('a');
    expect(link?.textContent).toBe('Open the order');
    expect(link?.getAttribute('href')).toBe(
      'https://www.aliexpress.com/p/order/detail.html?orderId=3041111111111111',
    );
    root
      .querySelector<HTMLButtonElement>(
        'button[aria-label="Hide until something changes: the warning for Camping lantern"]',
      )
      ?.click();
    expect(hidden).toBe(1);
  });

  it('names a step whose date has passed instead of saying no deadline is known', () => {
    const root = shadowRoot();
    const s: PageSummary = {
      ...summary('x'),
      nextDeadline: null,
      group: 'act_now',
      texts: { ...summary('x').texts, title: "Refund hasn't arrived? Ask your bank with the ARN" },
      alert: {
        id: '3041111111111111:ask_bank_with_arn:R1',
        kind: 'ask_bank_with_arn',
        severity: 'soon',
        orderId: '3041111111111111',
        deadlineKind: 'ask_bank_with_arn',
        deadlineAt: '2026-02-20T00:00:00.000Z',
        values: { days: 20 },
        helpUrl: null,
      },
    };
    render(<PageBadge ui={ui} summary={s} onHide={() => {}} />, root);
    expect(root.querySelector('.bs-head')?.textContent).toBe(
      "Refund hasn't arrived? Ask your bank with the ARN",
    );
  });

  it('shows page text as text, never as markup', () => {
    const root = shadowRoot();
    render(<PageBadge ui={ui} summary={summary('<img src=x onerror=alert(1)>')} onHide={() => {}} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.getElementById('bs-pop')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('patches in place on a new render, so the focused Cancel keeps focus while a refresh runs', () => {
    const root = shadowRoot();
    let cancelled = 0;
    const panel = (done: number) => (
      <RefreshPanel
        ui={ui}
        state={{ phase: 'running', done, total: 40 }}
        onStart={() => {}}
        onCancel={() => (cancelled += 1)}
        onClose={() => {}}
      />
    );
    render(panel(12), root);
    const cancel = root.querySelector('button');
    cancel?.focus();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      ui.t('refresh_progress', { done: 12, total: 40, code: '' }),
    );
    render(panel(13), root);
    expect(root.querySelector('button')).toBe(cancel);
    expect(root.querySelector('progress')?.value).toBe(13);
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      ui.t('refresh_progress', { done: 13, total: 40, code: '' }),
    );
    cancel?.click();
    expect(cancelled).toBe(1);
  });

  it('removes what it rendered, and only that, for null', () => {
    const root = shadowRoot();
    render(<PageBadge ui={ui} summary={summary('x')} onHide={() => {}} />, root);
    render(null, root);
    expect([...root.childNodes].map((n) => n.nodeName)).toEqual(['STYLE']);
  });
});
