import { fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { AtAGlance } from '@/components/AtAGlance';
import { Received } from '@/components/Received';
import { Snooze } from '@/components/Snooze';
import { Timeline } from '@/components/Timeline';
import { type Ui, UiContext } from '@/components/ui-context';
import { type MessageTable, translator } from '@/lib/i18n';
import type { OrderView } from '@/lib/protocol/messages';
import type { Assessment, LineStage } from '@/lib/rules';
import { loadTableFromDisk } from '../locale-loader';
import { ORDER } from '../store/helpers';

let ui: Ui;
beforeAll(async () => {
  const table: MessageTable = await loadTableFromDisk('en');
  ui = { t: translator(table), locale: 'en-US', zone: 'America/Sao_Paulo' };
});
const withUi = (children: ComponentChildren) => (
  <UiContext.Provider value={ui}>{children}</UiContext.Provider>
);

describe('AtAGlance', () => {
  it('lists each currency apart, never adding them, with the first date to act by in the buyer’s zone', () => {
    const { container } = render(
      withUi(
        <AtAGlance
          stake={{
            orders: 3,
            totals: [
              { amountMinor: 999, currency: 'EUR' },
              { amountMinor: 12345, currency: 'USD' },
            ],
            // 02:00 UTC on Dec 5 is still Dec 4 in São Paulo.
            firstBy: '2026-12-05T02:00:00.000Z',
            dueNow: false,
          }}
        />,
      ),
    );
    expect(container.textContent).toBe('€9.99 and $123.45 in 3 orders needs you; first by Dec 4, 2026');
  });

  it('says the first is now, and names no later date, when a card’s date to act by has passed', () => {
    const { container } = render(
      withUi(
        <AtAGlance
          stake={{
            orders: 2,
            totals: [{ amountMinor: 2599, currency: 'USD' }],
            firstBy: '2026-12-20T02:00:00.000Z',
            dueNow: true,
          }}
        />,
      ),
    );
    expect(container.textContent).toBe('$25.99 in 2 orders needs you; the first one now');
  });

  it('words one order, an order without a known total, and nothing at stake', () => {
    const one = render(withUi(<AtAGlance stake={{ orders: 1, totals: [], firstBy: null, dueNow: false }} />));
    expect(one.container.textContent).toBe('1 order needs you');
    one.unmount();
    const none = render(
      withUi(<AtAGlance stake={{ orders: 0, totals: [], firstBy: null, dueNow: false }} />),
    );
    expect(none.container.textContent).toBe('Nothing needs you right now.');
  });
});

const NOW = new Date('2026-11-01T12:00:00.000Z');

function view(stage: LineStage, order: Partial<OrderView['facts']['order']> = {}): OrderView {
  const assessment = {
    orderId: ORDER.id,
    lines: [{ lineId: 'l1', title: 'Cable', stage, step: null }],
    headline: null,
    deadlines: [
      {
        kind: 'protection_end',
        at: '2026-12-20T03:00:00.000Z',
        source: 'page',
        orderId: ORDER.id,
        ruleId: 'protection_page',
        needsAction: true,
        subjectId: null,
        shownOn: null,
      },
    ],
  } as unknown as Assessment;
  const facts = {
    order: { ...ORDER, site: 'aliexpress', firstSeenAt: '', updatedAt: '', sources: {}, ...order },
    packages: [],
    disputes: [],
    refunds: [],
  } as OrderView['facts'];
  return { facts, assessment, done: [], refunds: [] };
}

/** Each step as a screen reader reads it, and which one is current. */
function steps() {
  const list = screen.getByRole('list', { name: 'Progress' });
  const items = [...list.querySelectorAll('li')];
  return {
    read: items.map((li) => li.textContent),
    current: items.filter((li) => li.getAttribute('aria-current') === 'step').map((li) => li.textContent),
  };
}

describe('Timeline', () => {
  const table: [LineStage, string[], string | null][] = [
    ['awaiting_shipment', ['Ordered (done)', 'Shipped (now)', 'Delivered (to come)'], 'Shipped'],
    ['in_transit', ['Ordered', 'Shipped', 'Delivered (now)', 'Protection ends'], 'Delivered'],
    ['delivered_unconfirmed', ['Delivered', 'Protection ends'], 'Protection ends'],
    ['dispute_waiting_seller', ['Dispute opened (done)', 'Answer (now)', 'Refund (to come)'], 'Answer'],
    ['return_to_ship', ['Dispute opened', 'Answer (done)', 'Return (now)', 'Refund (to come)'], 'Return'],
    ['refund_processed', ['Refund issued (done)', 'Processed (done)', 'Arrived (now)'], 'Arrived'],
    ['refund_arrived', ['Refund issued (done)', 'Processed (done)', 'Arrived (done)'], null],
  ];
  it.each(table)(
    '%s: each step says in words whether it is done, under way or to come',
    (stage, words, now) => {
      render(withUi(<Timeline now={NOW} view={view(stage)} />));
      const { read, current } = steps();
      let at = 0;
      for (const w of words) {
        // "Shipped (now)" matches "Shipped Oct 3, 2026 (now)": the name, then its state.
        const [name, state = ''] = w.split(/ (?=\()/);
        const i = read.findIndex((r, k) => k >= at && r?.startsWith(name as string) && r.endsWith(state));
        expect(i, `${w} in ${read.join(' | ')}`).toBeGreaterThanOrEqual(0);
        at = i + 1;
      }
      expect(current.map((c) => c?.split(/[\s(]/)[0])).toEqual(now ? [now.split(' ')[0]] : []);
    },
  );

  it('shows the dates the page gave, and the protection end in the buyer’s zone', () => {
    render(withUi(<Timeline now={NOW} view={view('in_transit')} />));
    const { read } = steps();
    // This year's dates without the year, to keep the line short.
    expect(read[0]).toBe('Ordered Oct 1 (done)');
    expect(read[1]).toBe('Shipped Oct 3 (done)');
    // 03:00 UTC on Dec 20 is 00:00 on Dec 20 in São Paulo.
    expect(read[3]).toBe('Protection ends Dec 20 (to come)');
    const later = render(
      withUi(<Timeline now={new Date('2027-01-10T12:00:00Z')} view={view('in_transit')} />),
    );
    expect(later.container.querySelector('li')?.textContent).toBe('Ordered Oct 1, 2026 (done)');
  });

  it('a parcel protection ran out on was never delivered, and a cancelled order has no timeline', () => {
    render(withUi(<Timeline now={NOW} view={view('protection_over')} />));
    const { read } = steps();
    expect(read[2]).toContain('Delivered (to come)');
    expect(read[3]).toMatch(/^Protection ends .*\(now\)$/);
    const cancelled = render(withUi(<Timeline now={NOW} view={view('settled', { status: 'cancelled' })} />));
    expect(cancelled.container.querySelector('ol')).toBeNull();
  });
});

describe('Received', () => {
  it('offers "I received it" while the parcel is awaited, named by its order, and shows the day with an undo', async () => {
    const calls: [string, string | null][] = [];
    const onMark = async (id: string, on: string | null) => {
      calls.push([id, on]);
      return true;
    };
    const awaited = render(
      withUi(<Received view={view('in_transit')} title="Cable" today="2026-11-01" onMark={onMark} />),
    );
    fireEvent.click(screen.getByRole('button', { name: 'I received it: Cable' }));
    await Promise.resolve();
    expect(calls).toEqual([[ORDER.id, '2026-11-01']]);
    awaited.unmount();
    render(
      withUi(
        <Received
          view={view('delivered_unconfirmed', { receivedOn: '2026-10-30' })}
          title="Cable"
          today="2026-11-01"
          onMark={onMark}
        />,
      ),
    );
    expect(screen.getByText(/You said the parcel reached you on Oct 30, 2026\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo: Cable' }));
    await Promise.resolve();
    expect(calls[1]).toEqual([ORDER.id, null]);
  });

  it('is not offered once the parcel is no longer awaited (completed, in dispute, not shipped)', () => {
    for (const stage of ['completed', 'dispute_waiting_seller', 'awaiting_shipment'] as const) {
      const r = render(
        withUi(<Received view={view(stage)} title="Cable" today="2026-11-01" onMark={async () => true} />),
      );
      expect(r.container.querySelector('button')).toBeNull();
      r.unmount();
    }
  });
});

describe('Snooze', () => {
  const alert = {
    id: `${ORDER.id}:protection_ending:`,
    kind: 'protection_ending',
    severity: 'soon',
    orderId: ORDER.id,
    deadlineKind: 'protection_end',
    deadlineAt: '2026-12-20T03:00:00.000Z',
    values: { days: 5 },
    helpUrl: null,
  } as const;
  const withHeadline = (extra: Partial<Assessment> = {}) => {
    const v = view('in_transit');
    v.assessment = { ...v.assessment, headline: alert, alerts: [alert], snoozed: [], ...extra };
    return v;
  };

  it('snoozes the headline warning until the day picked (from tomorrow), named by its order', async () => {
    const calls: unknown[] = [];
    const onSnooze = async (...args: unknown[]) => {
      calls.push(args);
      return true;
    };
    render(
      withUi(<Snooze view={withHeadline()} title="Cable" today="2026-11-01" now={NOW} onSnooze={onSnooze} />),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Snooze until…: Cable' }));
    const day = screen.getByLabelText('Remind me again on') as HTMLInputElement;
    expect(day.min).toBe('2026-11-02');
    fireEvent.input(day, { target: { value: '2026-11-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Snooze: Cable' }));
    await Promise.resolve();
    expect(calls).toEqual([[ORDER.id, alert, '2026-11-10']]);
  });

  it('says when a hidden warning comes back, and wakes it', async () => {
    const calls: unknown[] = [];
    const snoozed = [
      { alertId: alert.id, kind: alert.kind, severity: alert.severity, endsAt: '2026-11-10T03:00:00.000Z' },
    ];
    render(
      withUi(
        <Snooze
          view={withHeadline({ headline: null, alerts: [], snoozed })}
          title="Cable"
          today="2026-11-01"
          now={NOW}
          onSnooze={async (...args) => {
            calls.push(args);
            return true;
          }}
        />,
      ),
    );
    // 03:00 UTC is still Nov 10 at midnight in São Paulo.
    expect(screen.getByText(/A warning is snoozed until Nov 10, 2026\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show it again now: Cable' }));
    await Promise.resolve();
    expect(calls).toEqual([[ORDER.id, { id: alert.id, severity: 'soon' }, null]]);
  });

  it('is not offered within a day of the deadline: it would come back at once', () => {
    const late = new Date('2026-12-19T04:00:00.000Z');
    const r = render(
      withUi(
        <Snooze
          view={withHeadline()}
          title="Cable"
          today="2026-12-19"
          now={late}
          onSnooze={async () => true}
        />,
      ),
    );
    expect(r.container.querySelector('button')).toBeNull();
  });
});
