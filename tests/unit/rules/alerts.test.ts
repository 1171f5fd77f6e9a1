import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../lib/i18n';
import { ALERT_KINDS, type AlertKind, type Assessment, assessOrder } from '../../../lib/rules';
import type { Severity } from '../../../lib/schema/model';
import EN from '../../../public/_locales/en/messages.json';
import { dispute, event, facts, pkg, refund, ZONES } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z');

function kinds(a: Assessment): Record<string, Severity> {
  return Object.fromEntries(a.alerts.map((x) => [x.kind, x.severity]));
}

describe.each(ZONES)('alerts in %s', (zone) => {
  const at = (now: string) => ({ now: new Date(now), zone });

  it.each<[string, string, Partial<Record<AlertKind, Severity>>]>([
    // Page date 2026-08-20: soon from 14 days before, urgent from 5 days before.
    ['2026-08-01T12:00:00Z', 'nothing yet', {}],
    ['2026-08-08T12:00:00Z', 'soon + extension', { protection_ending: 'soon', ask_extension: 'soon' }],
    ['2026-08-17T12:00:00Z', 'urgent, too late to extend', { protection_ending: 'urgent' }],
    // Never silent: ended with the parcel still missing escalates, and stays urgent.
    ['2026-08-21T12:00:00Z', 'ended, not delivered', { protection_over: 'urgent' }],
    ['2026-10-21T12:00:00Z', 'long after, still not delivered', { protection_over: 'urgent' }],
  ])('protection ending at %s: %s', (now, _label, expected) => {
    const f = facts({ shippedOn: '2026-06-01', protection: { endsOn: '2026-08-20', text: '' } });
    const got = kinds(assessOrder(f, at(now)));
    delete got.dispute_can_open;
    delete got.chargeback_closing;
    expect(got).toEqual(expected);
  });

  it('delivered by tracking but not confirmed: urgent check, through the shortened end and the 15 days after it', () => {
    const f = facts(
      { shippedOn: '2026-06-20' },
      { packages: [pkg({ delivered: true, deliveredAt: '2026-07-14T09:00:00.000Z' })] },
    );
    const a = assessOrder(f, at('2026-07-15T12:00:00Z'));
    expect(a.alerts[0]).toMatchObject({
      kind: 'delivered_not_confirmed',
      severity: 'urgent',
      deadlineAt: '2026-07-19T09:00:00.000Z',
    });
    expect(assessOrder(f, at('2026-07-19T09:00:00Z')).alerts.map((x) => x.kind)).toContain(
      'delivered_not_confirmed',
    );
    expect(assessOrder(f, at('2026-08-03T09:00:00Z')).alerts.map((x) => x.kind)).not.toContain(
      'delivered_not_confirmed',
    );
  });

  it('tracking silent for 10 days', () => {
    const f = facts(
      { shippedOn: '2026-06-20' },
      { packages: [pkg({ events: [event('2026-07-04T10:00:00Z'), event('2026-06-25T10:00:00Z')] })] },
    );
    expect(kinds(assessOrder(f, at('2026-07-14T09:59:59Z'))).tracking_silent).toBeUndefined();
    const a = assessOrder(f, at('2026-07-14T10:00:00Z'));
    expect(a.alerts.find((x) => x.kind === 'tracking_silent')).toMatchObject({
      severity: 'soon',
      id: '8000000000000001:tracking_silent:LP00000000000001',
    });
  });

  it('one alert per id: the same parcel listed twice warns once', () => {
    const twice = pkg({ events: [event('2026-07-04T10:00:00Z')] });
    const f = facts({ shippedOn: '2026-06-20' }, { packages: [twice, { ...twice }] });
    const silent = assessOrder(f, at('2026-07-14T10:00:00Z')).alerts.filter(
      (x) => x.kind === 'tracking_silent',
    );
    expect(silent).toHaveLength(1);
    expect(silent[0]).toMatchObject({
      severity: 'soon',
      id: '8000000000000001:tracking_silent:LP00000000000001',
    });
  });

  it('a dispute can be opened now; soon once the promised date has passed', () => {
    const f = facts({ shippedOn: '2026-07-01', promisedDeliveryOn: '2026-07-20' });
    expect(kinds(assessOrder(f, at('2026-07-11T00:00:00Z'))).dispute_can_open).toBeUndefined();
    expect(kinds(assessOrder(f, at('2026-07-15T12:00:00Z'))).dispute_can_open).toBe('info');
    expect(kinds(assessOrder(f, at('2026-07-22T12:00:00Z'))).dispute_can_open).toBe('soon');
  });
});

const en = (key: string): string =>
  (EN as Record<string, { message: string } | undefined>)[key]?.message ?? '';

describe('dispute and refund alerts (UTC)', () => {
  const ctx = { now: NOW, zone: 'UTC' };

  it("seller's answer due, then the platform steps in", () => {
    const d = dispute({ openedAt: '2026-07-06T00:00:00.000Z', updatedAt: '2026-07-12T00:00:00.000Z' });
    const f = facts({ status: 'in_dispute', shippedOn: '2026-06-20' }, { disputes: [d] });
    const a = assessOrder(f, ctx);
    expect(kinds(a)).toMatchObject({ seller_reply_due: 'info', platform_stepping_in: 'soon' });
    expect(a.alerts.find((x) => x.kind === 'seller_reply_due')?.deadlineAt).toBe('2026-07-17T00:00:00.000Z');
    // No protection alerts while a dispute is open.
    expect(kinds(a).protection_ending).toBeUndefined();
  });

  it("warns not to accept a seller proposal worse than the platform's", () => {
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    const worse = dispute({
      sellerProposal: { amount: usd(300), solution: null },
      platformProposal: { amount: usd(1299), solution: null },
    });
    expect(
      kinds(assessOrder(facts({ status: 'in_dispute' }, { disputes: [worse] }), ctx)).seller_proposal_worse,
    ).toBe('urgent');
    const low = dispute({ amount: usd(1299), sellerProposal: { amount: usd(500), solution: null } });
    expect(
      kinds(assessOrder(facts({ status: 'in_dispute' }, { disputes: [low] }), ctx)).seller_proposal_worse,
    ).toBe('soon');
    const fair = dispute({
      sellerProposal: { amount: usd(1299), solution: null },
      platformProposal: { amount: usd(1299), solution: null },
    });
    expect(
      kinds(assessOrder(facts({ status: 'in_dispute' }, { disputes: [fair] }), ctx)).seller_proposal_worse,
    ).toBeUndefined();
  });

  it('return must ship by a date; urgent in the last 3 days', () => {
    const f = facts(
      { status: 'in_dispute' },
      { disputes: [dispute({ kind: 'return', returnAgreedOn: '2026-07-10' })] },
    );
    expect(kinds(assessOrder(f, ctx)).return_ship_by).toBe('soon');
    expect(kinds(assessOrder(f, { ...ctx, now: new Date('2026-07-18T00:00:00Z') })).return_ship_by).toBe(
      'urgent',
    );
  });

  it('chargeback window closing while the money is still at stake', () => {
    const f = facts({
      shippedOn: '2026-03-10',
      paidOn: '2026-03-08',
      protection: { endsOn: '2026-09-30', text: '' },
    });
    // 2026-03-08 + 90 days = 2026-06-06 (start in UTC+8: 2026-06-05T16:00Z).
    expect(kinds(assessOrder(f, { ...ctx, now: new Date('2026-05-26T00:00:00Z') })).chargeback_closing).toBe(
      'soon',
    );
    expect(kinds(assessOrder(f, { ...ctx, now: new Date('2026-06-02T00:00:00Z') })).chargeback_closing).toBe(
      'urgent',
    );
  });

  it('a rejected case may be appealed, and its line not disputed again (one claim per item)', () => {
    const f = facts(
      { status: 'completed', completedOn: '2026-07-10' },
      { disputes: [dispute({ status: 'closed', closedAt: '2026-07-14T00:00:00Z' })] },
    );
    expect(kinds(assessOrder(f, ctx))).toEqual({ appeal_window: 'info' });
  });

  it('the 15 days after completion stay open for a line whose case did not end', () => {
    const line = (id: string) => ({
      id,
      title: `Item ${id}`,
      variant: null,
      quantity: 1,
      unitPrice: null,
      imageUrl: null,
      productId: null,
    });
    const f = facts(
      { status: 'completed', completedOn: '2026-07-10', lines: [line('L1'), line('L2')] },
      { disputes: [dispute({ status: 'closed', lineId: 'L1', closedAt: '2026-07-14T00:00:00Z' })] },
    );
    expect(kinds(assessOrder(f, ctx))).toEqual({ appeal_window: 'info', after_completion_window: 'info' });
  });

  it('a case refunded in full or cancelled offers no appeal', () => {
    const amount = { amountMinor: 1299, currency: 'USD' };
    const closed = dispute({ status: 'closed', closedAt: '2026-07-14T00:00:00Z', amount });
    const full = facts(
      { status: 'closed' },
      { disputes: [closed], refunds: [refund({ disputeId: 'D1', amount, arrivedOn: '2026-07-15' })] },
    );
    expect(kinds(assessOrder(full, ctx)).appeal_window).toBeUndefined();
    const cancelled = facts(
      { status: 'closed' },
      { disputes: [{ ...closed, statusText: 'Dispute cancelled' }] },
    );
    expect(kinds(assessOrder(cancelled, ctx)).appeal_window).toBeUndefined();
    const part = facts(
      { status: 'closed' },
      {
        disputes: [closed],
        refunds: [refund({ disputeId: 'D1', amount: { amountMinor: 500, currency: 'USD' } })],
      },
    );
    expect(kinds(assessOrder(part, ctx)).appeal_window).toBe('info');
  });

  it('every alert words fully in English (title, action, why, no placeholder left); no id twice', () => {
    const d = dispute({ openedAt: '2026-07-01T00:00:00Z' });
    const f = facts(
      { status: 'in_dispute', shippedOn: '2026-06-01' },
      {
        disputes: [d, { ...d }],
        packages: [
          pkg({ events: [event('2026-06-02T00:00:00Z')] }),
          pkg({ events: [event('2026-06-03T00:00:00Z')] }),
        ],
        refunds: [refund({ processedOn: '2026-06-01' })],
      },
    );
    const a = assessOrder(f, ctx);
    const ids = a.alerts.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.alerts.length).toBeGreaterThan(1);
    for (const x of a.alerts) {
      for (const part of ['title', 'action', 'why']) {
        const text = fillTemplate(en(`alert_${x.kind}_${part}`), x.values);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('has texts for every alert kind', () => {
    for (const k of ALERT_KINDS) expect(en(`alert_${k}_title`).length).toBeGreaterThan(5);
  });
});

describe('settled orders raise nothing', () => {
  const ctx = { now: NOW, zone: 'UTC' };
  it.each([
    [
      'completed long ago',
      facts({ status: 'completed', shippedOn: '2026-01-02', completedOn: '2026-02-01' }),
    ],
    [
      'completed, date unknown, seen long ago',
      (() => {
        const f = facts({ status: 'completed' });
        f.order.sources.status = { source: 'order_list', kind: 'json', at: '2026-05-01T00:00:00Z' };
        return f;
      })(),
    ],
    ['closed', facts({ status: 'closed', shippedOn: '2026-07-01' })],
    ['cancelled', facts({ status: 'cancelled' })],
    [
      'fully refunded and arrived',
      facts(
        { status: 'closed' },
        { refunds: [refund({ processedOn: '2026-06-01', arrivedOn: '2026-06-09' })] },
      ),
    ],
    [
      'refunded to the balance',
      facts(
        { status: 'closed' },
        { refunds: [refund({ processedOn: '2026-07-14', method: 'AliExpress balance' })] },
      ),
    ],
  ])('%s', (_label, f) => {
    const a = assessOrder(f, ctx);
    expect(a).toMatchObject({ settled: true, group: 'settled', alerts: [] });
  });

  it('is not settled while a dispute is open or a refund is on its way', () => {
    expect(
      assessOrder(facts({ status: 'completed', completedOn: '2026-02-01' }, { disputes: [dispute()] }), ctx)
        .settled,
    ).toBe(false);
    expect(
      assessOrder(facts({ status: 'closed' }, { refunds: [refund({ status: 'pending' })] }), ctx).settled,
    ).toBe(false);
  });
});
