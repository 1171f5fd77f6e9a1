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
        events: fc.array(instantArb, { maxLength: 3 }),
      }),
      { maxLength: 2 },
    ),
    disputes: fc.array(
      fc.record({
        status: fc.constantFrom('open' as const, 'closed' as const, 'unknown' as const),
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
        processedOn: fc.option(dateArb, { nil: null }),
        arrivedOn: fc.option(dateArb, { nil: null }),
        method: fc.constantFrom('Credit/Debit card', 'PayPal', 'AliExpress balance', null),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r) => {
    const f = facts(
      {
        status: r.status,
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
            events: p.events.map((at) => event(at)),
          }),
        ),
        disputes: r.disputes.map((d, i) =>
          dispute({
            id: `D${i}`,
            status: d.status,
            openedAt: d.openedAt,
            updatedAt: d.updatedAt,
            closedAt: d.closedAt,
            returnAgreedOn: d.returnAgreedOn,
            sellerProposal: d.seller === null ? null : { amount: d.seller, solution: null },
            platformProposal: d.platform === null ? null : { amount: d.platform, solution: null },
          }),
        ),
        refunds: r.refunds.map((x, i) => refund({ id: `R${i}`, ...x })),
      },
    );
    if (r.protectionSeenAt !== undefined)
      f.order.sources.protection = { source: 'tracking', kind: 'json', at: r.protectionSeenAt };
    if (r.statusSeenAt !== undefined)
      f.order.sources.status = { source: 'order_list', kind: 'json', at: r.statusSeenAt };
    return f;
  });
