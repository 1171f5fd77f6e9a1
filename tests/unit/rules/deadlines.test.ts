import { describe, expect, it } from 'vitest';
import { type Assessment, assessOrder, type Deadline } from '../../../lib/rules';
import type { DeadlineKind } from '../../../lib/schema/model';
import { dispute, event, facts, pkg, refund, utc8, ZONES, type Zone } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z'); // a Wednesday

function dl(a: Assessment, kind: DeadlineKind, subjectId: string | null = null): Deadline {
  const d = a.deadlines.find((x) => x.kind === kind && x.subjectId === subjectId);
  if (d === undefined) throw new Error(`no ${kind} in ${JSON.stringify(a.deadlines)}`);
  return d;
}

/** Start of `date` in the zone, for the "opening" side (later of zone and UTC+8). */
const OPENING: Record<Zone, (date: string) => string> = {
  UTC: (d) => `${d}T00:00:00.000Z`,
  'America/Los_Angeles': (d) => `${d}T07:00:00.000Z`, // summer dates only in these tables
  'Pacific/Kiritimati': (d) => utc8(d),
  'Etc/GMT+12': (d) => `${d}T12:00:00.000Z`,
};
/** The "closing" side: earlier of zone and UTC+8. */
const CLOSING: Record<Zone, (date: string) => string> = {
  UTC: utc8,
  'America/Los_Angeles': utc8,
  'Pacific/Kiritimati': (d) => new Date(Date.parse(`${d}T00:00:00Z`) - 14 * 3_600_000).toISOString(),
  'Etc/GMT+12': utc8,
};

describe.each(ZONES)('must-show deadlines in %s', (zone) => {
  const ctx = { now: NOW, zone };

  it('shipped 12 days ago, no page date: dispute_opens passed, protection_end estimated at order + 60 days', () => {
    // Placed 2026-06-28: 60 days is AliExpress's maximum, so the estimate counts from the order.
    const a = assessOrder(facts({ shippedOn: '2026-07-03' }), ctx);
    const opens = dl(a, 'dispute_opens');
    expect(opens.at).toBe(OPENING[zone]('2026-07-14'));
    expect(Date.parse(opens.at)).toBeLessThan(NOW.getTime());
    const end = dl(a, 'protection_end');
    expect(end).toMatchObject({ source: 'estimate', ruleId: 'protection_estimate', needsAction: true });
    expect(end.at).toBe(CLOSING[zone]('2026-08-27'));
  });

  it('no order or payment date: the estimate counts from shipment; no dates at all: from nothing', () => {
    const a = assessOrder(facts({ shippedOn: '2026-07-03', placedOn: undefined, paidOn: undefined }), ctx);
    expect(dl(a, 'protection_end').at).toBe(CLOSING[zone]('2026-09-01'));
  });

  it('awaiting delivery without a shipment date: estimated from the payment date', () => {
    const a = assessOrder(facts({ placedOn: undefined, paidOn: '2026-06-30' }), ctx);
    expect(dl(a, 'protection_end')).toMatchObject({ source: 'estimate', at: CLOSING[zone]('2026-08-29') });
  });

  it('a page date beats the estimate and is converted conservatively', () => {
    const a = assessOrder(
      facts({ shippedOn: '2026-07-03', protection: { endsOn: '2026-08-20', text: '' } }),
      ctx,
    );
    expect(dl(a, 'protection_end')).toMatchObject({ source: 'page', at: CLOSING[zone]('2026-08-20') });
  });

  it('page date in 4 days and not delivered: urgent alert', () => {
    const a = assessOrder(
      facts({ shippedOn: '2026-06-01', protection: { endsOn: '2026-07-19', text: '' } }),
      ctx,
    );
    const alert = a.alerts.find((x) => x.kind === 'protection_ending');
    expect(alert).toMatchObject({
      severity: 'urgent',
      deadlineKind: 'protection_end',
      deadlineAt: CLOSING[zone]('2026-07-19'),
    });
    expect(a.group).toBe('act_now');
  });

  it('completed 3 days ago: 15 days to open a dispute after completion', () => {
    const a = assessOrder(
      facts({ status: 'completed', shippedOn: '2026-06-20', completedOn: '2026-07-12' }),
      ctx,
    );
    expect(dl(a, 'dispute_after_completion_end')).toMatchObject({
      at: CLOSING[zone]('2026-07-27'),
      source: 'estimate',
    });
    expect(a.deadlines.some((d) => d.kind === 'protection_end')).toBe(false);
    expect(a.group).toBe('watch');
  });

  it('refund processed 25 business days ago: ask the bank with the ARN', () => {
    const a = assessOrder(
      facts(
        { status: 'closed' },
        { refunds: [refund({ processedOn: '2026-06-10', arn: '74987506160000000000004' })] },
      ),
      ctx,
    );
    const ask = dl(a, 'ask_bank_with_arn', 'R1');
    // 20 business days after 2026-06-10 is 2026-07-08; the bank is asked from the next day.
    expect(ask.at).toBe(OPENING[zone]('2026-07-09'));
    expect(dl(a, 'refund_expected_by', 'R1').at).toBe(ask.at);
    expect(a.alerts.map((x) => x.kind)).toContain('ask_bank_with_arn');
    expect(a.settled).toBe(false);
  });
});

describe('other deadlines (UTC)', () => {
  const ctx = { now: NOW, zone: 'UTC' };

  it('delivered by tracking shortens the window to 5 days after delivery', () => {
    const f = facts(
      { shippedOn: '2026-06-20', protection: { endsOn: '2026-08-30', text: '' } },
      { packages: [pkg({ delivered: true, deliveredAt: '2026-07-14T09:00:00.000Z' })] },
    );
    f.order.sources.protection = { source: 'order_detail', kind: 'json', at: '2026-07-10T00:00:00.000Z' };
    const a = assessOrder(f, ctx);
    expect(dl(a, 'protection_end')).toMatchObject({
      at: '2026-07-19T09:00:00.000Z',
      source: 'estimate',
      ruleId: 'protection_after_delivery',
    });
    // Never late: a page date read after the delivery never lengthens the 5-day cut.
    f.order.sources.protection = { source: 'order_detail', kind: 'json', at: '2026-07-15T00:00:00.000Z' };
    expect(dl(assessOrder(f, ctx), 'protection_end')).toMatchObject({
      source: 'estimate',
      at: '2026-07-19T09:00:00.000Z',
    });
  });

  it('seller reply clock restarts at the last change; appeal and return windows', () => {
    const a = assessOrder(
      facts(
        { status: 'in_dispute', shippedOn: '2026-06-20' },
        {
          disputes: [
            dispute({
              id: 'D1',
              openedAt: '2026-07-10T03:00:00.000Z',
              updatedAt: '2026-07-13T05:00:00.000Z',
              returnAgreedOn: '2026-07-14',
            }),
            dispute({ id: 'D0', status: 'closed', closedAt: '2026-07-12T00:00:00.000Z' }),
          ],
        },
      ),
      ctx,
    );
    expect(dl(a, 'seller_reply_due', 'D1')).toMatchObject({
      at: '2026-07-18T05:00:00.000Z',
      needsAction: false,
    });
    expect(dl(a, 'return_ship_by', 'D1').at).toBe(utc8('2026-07-24'));
    expect(dl(a, 'appeal_end', 'D0').at).toBe('2026-07-19T00:00:00.000Z');
  });

  it('chargeback fallback: 90 days from payment by card, 180 by PayPal, none from the balance', () => {
    const card = assessOrder(facts({ shippedOn: '2026-07-01' }), ctx);
    expect(dl(card, 'chargeback_end')).toMatchObject({ at: utc8('2026-09-26'), ruleId: 'chargeback' });
    const paypal = assessOrder(facts({ shippedOn: '2026-07-01', paymentMethod: 'PayPal' }), ctx);
    expect(dl(paypal, 'chargeback_end')).toMatchObject({ at: utc8('2026-12-25'), ruleId: 'paypal' });
    const balance = assessOrder(facts({ shippedOn: '2026-07-01', paymentMethod: 'AliExpress balance' }), ctx);
    expect(balance.deadlines.some((d) => d.kind === 'chargeback_end')).toBe(false);
  });

  it("the completed order's own words ('within 7 days of confirming receipt') win over the 15-day default", () => {
    const reminderText =
      'Order complete. If there are any problems, you can apply for a return/refund within 7 days of confirming receipt. If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.';
    const a = assessOrder(facts({ status: 'completed', completedOn: '2026-07-10', reminderText }), ctx);
    expect(dl(a, 'dispute_after_completion_end')).toMatchObject({
      at: utc8('2026-07-17'),
      source: 'page',
      ruleId: 'after_completion_page',
    });
    expect(a.alerts.find((x) => x.kind === 'after_completion_window')?.values.days).toBe(7);
    const plain = assessOrder(facts({ status: 'completed', completedOn: '2026-07-10' }), ctx);
    expect(dl(plain, 'dispute_after_completion_end')).toMatchObject({
      at: utc8('2026-07-25'),
      source: 'estimate',
    });
    // Settled once the page's window has passed, not the 15 days.
    expect(
      assessOrder(facts({ status: 'completed', completedOn: '2026-07-10', reminderText }), {
        ...ctx,
        now: new Date('2026-07-18T00:00:00Z'),
      }).settled,
    ).toBe(true);
  });

  it('deadlines are sorted and nextDeadline is the first one after now', () => {
    const a = assessOrder(facts({ shippedOn: '2026-07-03' }), ctx);
    const ats = a.deadlines.map((d) => d.at);
    expect([...ats].sort()).toEqual(ats);
    expect(a.nextDeadline?.kind).toBe('protection_end');
  });

  it('unshipped orders have no windows yet; after 7 days unshipped the buyer may cancel', () => {
    const f = facts({ status: 'awaiting_shipment' });
    const a = assessOrder(f, { ...ctx, now: new Date('2026-07-01T00:00:00Z') });
    expect(a.deadlines).toEqual([]);
    expect(a.alerts).toEqual([]);
    expect(a.group).toBe('watch');
    // Paid 2026-06-28: from the 8th day (opening instant of 2026-07-06) the cancel advice shows.
    const late = assessOrder(f, { ...ctx, now: new Date('2026-07-10T00:00:00Z') });
    expect(late.alerts.map((x) => [x.kind, x.severity])).toEqual([['may_cancel_unshipped', 'soon']]);
    expect(late.group).toBe('act_now');
  });

  it('does not depend on the machine time zone', () => {
    const f = facts(
      { shippedOn: '2026-03-01', protection: { endsOn: '2026-03-08', text: '' } },
      { packages: [pkg({ events: [event('2026-03-02T00:00:00Z')] })] },
    );
    const c = { now: new Date('2026-03-05T00:00:00Z'), zone: 'America/Los_Angeles' };
    const before = assessOrder(f, c);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kathmandu';
      expect(new Date(0).getTimezoneOffset()).not.toBe(0);
      expect(assessOrder(f, c)).toEqual(before);
    } finally {
      process.env.TZ = saved;
    }
  });
});
