/**
 * Issue 15 item 8, "Add to calendar": the open steps as an .ics file, one event per step with
 * the item, what to do and the order's AliExpress page, reminders at the buyer's lead times;
 * only the extension's own pages may ask for it.
 */
import type { HandlerContext } from '@/lib/background/handlers';
import { ORDER, obs } from '../store/helpers';
import { aliexpressTab, ask, extensionPage, handlerContext, savePage } from './handler-context';

const NOW = new Date('2026-10-20T10:00:00.000Z');
const context = () => handlerContext(NOW, 'Europe/Berlin');
const DETAIL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8123456789012345';

const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

const exportCalendar = (ctx: HandlerContext, sender: object = extensionPage()) =>
  ask(ctx, sender, 'exportCalendar', {});

describe('exportCalendar', () => {
  it("writes the undelivered order's protection step with the item, the order link and the lead times", async () => {
    const ctx = context();
    const order = {
      ...ORDER,
      protection: { endsOn: '2026-10-27', text: 'Refund if no delivery before Oct 27, 2026' },
    };
    await savePage(ctx, obs({ orders: [order] }), DETAIL);
    const r = await exportCalendar(ctx);
    expect(r.ok).toBe(true);
    const value = r.ok ? (r.value as { ics: string; fileName: string; events: number }) : null;
    expect(value?.fileName).toMatch(/^buyer-shield-deadlines-2026-10-20\.ics$/);
    expect(value?.events).toBeGreaterThanOrEqual(1);
    const lines = unfold(value?.ics ?? '');
    const summaries = lines.filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries.some((l) => /protection/i.test(l) && l.includes('USB-C cable 2m\\, braided'))).toBe(
      true,
    );
    expect(lines).toContain('URL:https://www.aliexpress.com/p/order/detail.html?orderId=8123456789012345');
    // Default lead times: 7 days, 3 days, 1 day and 6 hours before; the 7-day one is already past.
    const triggers = new Set(lines.filter((l) => l.startsWith('TRIGGER:')));
    expect(triggers).toEqual(new Set(['TRIGGER:-P3D', 'TRIGGER:-P1D', 'TRIGGER:-PT6H']));
    // The event's moment is the step's own deadline, in UTC.
    expect(lines.some((l) => /^DTSTART:202610\d\dT\d{6}Z$/.test(l))).toBe(true);
  });

  it('has nothing to add when no order is open', async () => {
    const r = await exportCalendar(context());
    expect(r).toMatchObject({ ok: true, value: { events: 0 } });
  });

  it('is refused to a content script (an AliExpress page cannot read the buyer’s deadlines)', async () => {
    const r = await exportCalendar(context(), aliexpressTab(DETAIL));
    expect(r.ok).toBe(false);
  });
});
