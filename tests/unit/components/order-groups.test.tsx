import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as draw } from 'preact';
import { OrderGroups } from '@/components/OrderGroups';
import type { OrderActions } from '@/components/order-actions';
import { type Ui, UiContext } from '@/components/ui-context';
import { type MessageTable, translator } from '@/lib/i18n';
import type { Dashboard } from '@/lib/protocol/messages';
import type { OrderObservation } from '@/lib/schema/model';
import { aliexpressTab, ask, extensionPage, handlerContext } from '../background/handler-context';
import { loadTableFromDisk } from '../locale-loader';
import { ORDER, obs } from '../store/helpers';

const NOW = new Date('2026-11-01T12:00:00.000Z');
const DAY = 86_400_000;

function order(n: number, days: number): OrderObservation {
  const endsOn = new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10);
  return {
    ...ORDER,
    id: String(8_500_000_000_000_000 + n),
    protection: { endsOn, text: `Refund if no delivery before ${endsOn}` },
  };
}

const none = async () => true;
const actions: OrderActions = {
  setChecklistItem: none,
  markRefundArrived: none,
  markOrderReceived: none,
  snoozeAlert: none,
} as unknown as OrderActions;

let ui: Ui;
let data: Dashboard;
beforeAll(async () => {
  const table: MessageTable = await loadTableFromDisk('en');
  ui = { t: translator(table), locale: 'en-US', zone: 'UTC' };
  const ctx = handlerContext(NOW);
  // 6 orders in Act now, 6 to watch; 2 per group on a page.
  const orders = [
    ...Array.from({ length: 6 }, (_, i) => order(i, 3)),
    ...Array.from({ length: 6 }, (_, i) => order(10 + i, 30)),
  ];
  await ask(ctx, aliexpressTab(), 'saveObservations', {
    source: 'order_detail',
    kind: 'json',
    url: 'https://x.aliexpress.com/',
    observations: obs({ orders }),
  });
  const r = await ask(ctx, extensionPage('popup.html'), 'getDashboard', {
    limits: { act_now: 4, watch: 4, settled: 4 },
  });
  if (!r.ok) throw new Error(r.error);
  data = r.value as Dashboard;
});

function groups(cap?: number) {
  return render(
    <UiContext.Provider value={ui}>
      <OrderGroups
        groups={data.groups}
        now={NOW}
        today="2026-11-01"
        actions={actions}
        onMore={() => {}}
        cap={cap}
      />
    </UiContext.Provider>,
  );
}

describe('OrderGroups, the first screenful first', () => {
  it('draws at most `cap` cards, the most urgent first, under every group’s full count', () => {
    groups(3);
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.dataset.orderId)).toEqual(
      data.groups.act_now.orders.slice(0, 3).map((o) => o.facts.order.id),
    );
    // Both groups with their counts, the second one's cards still to come.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      `${ui.t('group_act_now')} (6)`,
      `${ui.t('group_watch')} (6)`,
    ]);
    // "Show more" comes with the rest of the page: while cut, its count would be wrong.
    expect(screen.queryByRole('button', { name: /Show/ })).toBeNull();
  });

  it('offers "Show more" only once the page is all drawn, even when the cap is not reached', () => {
    groups(100);
    expect(screen.getAllByRole('article')).toHaveLength(8);
    expect(screen.queryByRole('button', { name: /Show/ })).toBeNull();
  });

  it('without a cap draws the whole page and offers the rest', () => {
    groups();
    expect(screen.getAllByRole('article')).toHaveLength(8);
    expect(screen.getAllByRole('button', { name: /Show 2 more/ })).toHaveLength(2);
  });
});

describe('OrderGroups, each closed card’s details drawn after the first frame', () => {
  // Drawn straight with Preact, not through Testing Library's act(), which would run the
  // effects at once: what the first frame holds is what these tests are about.
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    draw(
      <UiContext.Provider value={ui}>
        <OrderGroups groups={data.groups} now={NOW} today="2026-11-01" actions={actions} onMore={() => {}} />
      </UiContext.Provider>,
      host,
    );
  });
  afterEach(() => {
    draw(null, host);
    host.remove();
  });
  const blocks = () => [...host.querySelectorAll('details')];
  /** The checklist is the last of every body, so a body drawn shows it. */
  const checklists = () => host.querySelectorAll('details > section[aria-label^="Evidence checklist"]');

  it('draws every card with its summary at once, and every body once the page has settled', async () => {
    expect(host.querySelectorAll('article')).toHaveLength(8);
    expect(blocks()).toHaveLength(8);
    for (const d of blocks()) {
      expect(d.open).toBe(false);
      expect(d.querySelector('summary')?.textContent).toMatch(/^Details, evidence and refunds: /);
    }
    expect(checklists()).toHaveLength(0);
    // Find-in-page then finds what the closed blocks hold.
    await waitFor(() => expect(checklists()).toHaveLength(8));
    expect(host.textContent).toContain('Evidence checklist');
  });

  it('shows the full body of a card opened before the rest are drawn, in the same task', async () => {
    const [first] = blocks();
    if (!first) throw new Error('no details block');
    fireEvent.click(first.querySelector('summary') as HTMLElement);
    first.open = true;
    // Only the microtask Preact draws in: no frame, no timer.
    await Promise.resolve();
    expect(first.querySelector('section[aria-label^="Evidence checklist"]')).not.toBeNull();
    expect(checklists()).toHaveLength(1);
    await waitFor(() => expect(checklists()).toHaveLength(8));
  });

  it('draws the body of a block opened by script (no click) on its toggle', async () => {
    const last = blocks().at(-1);
    if (!last) throw new Error('no details block');
    last.open = true;
    last.dispatchEvent(new Event('toggle'));
    await Promise.resolve();
    expect(last.querySelector('section[aria-label^="Evidence checklist"]')).not.toBeNull();
  });
});
