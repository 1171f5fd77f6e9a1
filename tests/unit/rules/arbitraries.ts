/** fast-check generators of random but well-formed order facts, around 2026. */
import fc from 'fast-check';
import type { OrderFacts } from '../../../lib/schema/model';
import { ORDER_STATUSES } from '../../../lib/schema/model';
import { dispute, event, facts, pkg, refund, ZONES } from './factory';

const BASE = Date.parse('2026-01-01T00:00:00Z');
const SPAN_DAYS = 540;

export const dateArb = fc
  .integer({ min: 0, max: SPAN_DAYS })
  .map((d) => new Date(BASE + d * 86_400_000).toISOString().slice(0, 10));
export const instantArb = fc
  .integer({ min: 0, max: SPAN_DAYS * 86_400 })
  .map((s) => new Date(BASE + s * 1000).toISOString());
export const nowArb = fc.integer({ min: 0, max: SPAN_DAYS * 86_400_000 }).map((ms) => new Date(BASE + ms));
export const zoneArb = fc.constantFrom(...ZONES);

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const money = fc.integer({ min: 1, max: 5000 }).map((amountMinor) => ({ amountMinor, currency: 'USD' }));

export const factsArb: fc.Arbitrary<OrderFacts> = fc
  .record({
    status: fc.constantFrom(...ORDER_STATUSES),
    placedOn: opt(dateArb),
    lineCount: fc.integer({ min: 0, max: 2 }),
    shippedOn: opt(dateArb),
    completedOn: opt(dateArb),
    paidOn: opt(dateArb),
    promisedDeliveryOn: opt(dateArb),
    protection: opt(dateArb),
    protectionSeenAt: opt(instantArb),
    statusSeenAt: opt(instantArb),
    paymentMethod: fc.constantFrom('Credit/Debit card', 'PayPal', 'AliExpress balance', undefined),
    packages: fc.array(
      fc.record({
        delivered: fc.boolean(),
        deliveredAt: fc.option(instantArb, { nil: null }),
        events: fc.array(
          fc.record({
            at: instantArb,
            text: fc.constantFrom('In transit', 'Delivered to parcel locker', 'Package out for delivery'),
          }),
          { maxLength: 3 },
        ),
      }),
      { maxLength: 2 },
    ),
    disputes: fc.array(
      fc.record({
        status: fc.constantFrom('open' as const, 'closed' as const, 'unknown' as const),
        line: fc.constantFrom(null, 0, 1),
        reason: fc.constantFrom(null, 'Item not received', 'Item not as described'),
        statusText: fc.constantFrom('Dispute in progress', 'Dispute closed', 'Dispute cancelled'),
        amount: fc.option(money, { nil: null }),
        openedAt: fc.option(instantArb, { nil: null }),
        updatedAt: fc.option(instantArb, { nil: null }),
        closedAt: fc.option(instantArb, { nil: null }),
        returnAgreedOn: fc.option(dateArb, { nil: null }),
        seller: fc.option(money, { nil: null }),
        platform: fc.option(money, { nil: null }),
      }),
      { maxLength: 2 },
    ),
    refunds: fc.array(
      fc.record({
        status: fc.constantFrom('pending' as const, 'processed' as const, 'unknown' as const),
        dispute: fc.constantFrom(null, 0, 1),
        amount: fc.option(money, { nil: null }),
        processedOn: fc.option(dateArb, { nil: null }),
        arrivedOn: fc.option(dateArb, { nil: null }),
        method: fc.constantFrom('Credit/Debit card', 'PayPal', 'AliExpress balance', null),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r) => {
    const lines = Array.from({ length: r.lineCount }, (_, i) => ({
      id: `L${i}`,
      title: `Item ${i}`,
      variant: null,
      quantity: 1,
      unitPrice: null,
      imageUrl: null,
      productId: null,
    }));
    const lineId = (i: number | null) => (i === null || i >= lines.length ? null : `L${i}`);
    const f = facts(
      {
        status: r.status,
        placedOn: r.placedOn,
        lines: lines.length > 0 ? lines : undefined,
        shippedOn: r.shippedOn,
        completedOn: r.completedOn,
        paidOn: r.paidOn,
        promisedDeliveryOn: r.promisedDeliveryOn,
        protection: r.protection === undefined ? undefined : { endsOn: r.protection, text: '' },
        paymentMethod: r.paymentMethod,
      },
      {
        packages: r.packages.map((p, i) =>
          pkg({
            trackingNumber: `LP${i}`,
            delivered: p.delivered,
            deliveredAt: p.deliveredAt,
            events: p.events.map((e) => event(e.at, e.text)),
          }),
        ),
        disputes: r.disputes.map((d, i) =>
          dispute({
            id: `D${i}`,
            status: d.status,
            lineId: lineId(d.line),
            reason: d.reason,
            statusText: d.statusText,
            amount: d.amount,
            openedAt: d.openedAt,
            updatedAt: d.updatedAt,
            closedAt: d.closedAt,
            returnAgreedOn: d.returnAgreedOn,
            sellerProposal: d.seller === null ? null : { amount: d.seller, solution: null },
            platformProposal: d.platform === null ? null : { amount: d.platform, solution: null },
          }),
        ),
        refunds: r.refunds.map(({ dispute: di, ...x }, i) =>
          refund({
            id: `R${i}`,
            ...x,
            disputeId: di === null || di >= r.disputes.length ? null : `D${di}`,
            lineId: di === null ? null : lineId(r.disputes[di]?.line ?? null),
          }),
        ),
      },
    );
    if (r.protectionSeenAt !== undefined)
      f.order.sources.protection = { source: 'tracking', kind: 'json', at: r.protectionSeenAt };
    if (r.statusSeenAt !== undefined)
      f.order.sources.status = { source: 'order_list', kind: 'json', at: r.statusSeenAt };
    return f;
  });
