import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { Checklist } from '@/components/Checklist';
import { RefreshButton } from '@/components/RefreshButton';
import { RefundBlock } from '@/components/RefundBlock';
import { type Ui, UiContext } from '@/components/ui-context';
import type { RefundView } from '@/lib/background/views';
import { type MessageTable, translator } from '@/lib/i18n';
import { calendarDateIn } from '@/lib/pages/actions';
import { checklistFor } from '@/lib/rules/checklists';
import { loadTableFromDisk } from '../locale-loader';

let ui: Ui;
beforeAll(async () => {
  const table: MessageTable = await loadTableFromDisk('en');
  ui = { t: translator(table), locale: 'en-US', zone: 'America/Sao_Paulo' };
});
const withUi = (children: ComponentChildren) => (
  <UiContext.Provider value={ui}>{children}</UiContext.Provider>
);

const processed: RefundView = {
  refund: {
    id: 'r1',
    orderId: '3041111111111111',
    lineId: null,
    disputeId: null,
    amount: { amountMinor: 1234, currency: 'USD' },
    status: 'processed',
    statusText: null,
    processedOn: '2026-02-20',
    arn: null,
    method: null,
    updatedAtLocal: '2026-02-20T10:00:00.000Z',
  },
  processedOn: '2026-02-20',
  expected: { from: '2026-02-25', to: '2026-03-20' },
  arn: null,
};

describe('RefundBlock', () => {
  it('"The money arrived" records the buyer’s date it was given and shows it once kept', async () => {
    const marked: [string, string][] = [];
    render(
      withUi(
        <RefundBlock
          view={processed}
          today="2026-02-28"
          onMarkArrived={async (id, date) => {
            marked.push([id, date]);
            return true;
          }}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'The money arrived' }));
    await screen.findByText('Arrived on Feb 28, 2026.');
    expect(marked).toEqual([['r1', '2026-02-28']]);
    expect(screen.queryByRole('button', { name: 'The money arrived' })).toBeNull();
  });

  it('shows no arrival when the background did not keep it', async () => {
    let asked = 0;
    render(
      withUi(
        <RefundBlock
          view={processed}
          today="2026-02-28"
          onMarkArrived={async () => {
            asked += 1;
            return false;
          }}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'The money arrived' }));
    await waitFor(() => expect(asked).toBe(1));
    expect(screen.queryByText(/Arrived on/)).toBeNull();
    expect(screen.getByRole('button', { name: 'The money arrived' })).toBeTruthy();
  });

  it('tells the buyer what to say to the bank: the ARN, the amount and the date', async () => {
    const arn = '7498 7506 1600 0000 0000 012';
    render(
      withUi(
        <RefundBlock
          view={{
            ...processed,
            refund: { ...processed.refund, arn },
            arn: { valid: true, processingDate: '2026-02-20', acquirerBin: '498750' },
          }}
          today="2026-02-28"
          onMarkArrived={async () => true}
        />,
      ),
    );
    fireEvent.click(screen.getByText('What to tell your bank'));
    const script = document.querySelector('.script')?.textContent ?? '';
    expect(script).toContain(arn);
    expect(script).toContain('$12.34');
    expect(script).toContain('Feb 20, 2026');
    expect(script).not.toMatch(/\{\w+\}/);
  });
});

describe('calendarDateIn (the popup’s "today")', () => {
  it('is the buyer’s calendar date, not the UTC one', () => {
    // 02:30 UTC on 1 March is still the evening of 28 February in São Paulo (UTC−3).
    const at = new Date('2026-03-01T02:30:00Z');
    expect(calendarDateIn(at, 'America/Sao_Paulo')).toBe('2026-02-28');
    expect(calendarDateIn(at, 'UTC')).toBe('2026-03-01');
    expect(calendarDateIn(at, 'Asia/Tokyo')).toBe('2026-03-01');
  });
});

describe('Checklist', () => {
  it('hands each tick to the callback with the order and item', async () => {
    const calls: [string, string, boolean][] = [];
    const items = checklistFor('not_received');
    render(
      withUi(
        <Checklist
          orderId="3041111111111111"
          checklist={{ reason: 'not_received', items }}
          done={[]}
          onToggle={(orderId, itemId, done) => {
            calls.push([orderId, itemId, done]);
          }}
        />,
      ),
    );
    const [box] = screen.getAllByRole('checkbox');
    if (!box) throw new Error('no checklist item');
    fireEvent.click(box);
    await waitFor(() => expect(calls).toEqual([['3041111111111111', items[0]?.id ?? '', true]]));
    expect(screen.getByText(`1 of ${items.length} ready`, { exact: false })).toBeTruthy();
  });
});

describe('RefreshButton', () => {
  it('offers the order list when no AliExpress orders tab is open', async () => {
    let started = 0;
    render(
      withUi(
        <RefreshButton
          onStart={async () => {
            started += 1;
            return 'no_tab';
          }}
          orderListUrl="https://www.aliexpress.com/p/order/index.html"
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Refresh open orders' }));
    const link = await screen.findByRole('link');
    expect(link.getAttribute('href')).toBe('https://www.aliexpress.com/p/order/index.html');
    expect(started).toBe(1);
  });

  it('says to reload the tab when starting fails', async () => {
    render(
      withUi(
        <RefreshButton
          onStart={() => Promise.reject(new Error('no receiver'))}
          orderListUrl="https://www.aliexpress.com/p/order/index.html"
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Refresh open orders' }));
    expect((await screen.findByRole('status')).textContent).toBe(ui.t('refresh_popup_reload'));
  });
});
