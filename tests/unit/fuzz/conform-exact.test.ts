/**
 * The conformer's output is schema-exact, with the schema as the oracle: for whatever a reader
 * builds (extra keys, wrong types, huge strings, odd ids, nested junk, not even an object),
 * `conformObservations(x)` deep-equals `v.parse(ObservationsSchema, conformObservations(x))`. So
 * no key the schema does not know survives (the schema would strip it: a receiver's address a
 * reader passed through would be stored), and every value kept passes. The background relies on
 * it: it does not check a conformed reading again (lib/background/page-readings.ts).
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { conformObservations, isConformed } from '@/lib/aliexpress/conform';
import { conformed, ok } from '@/lib/aliexpress/result';
import type { Observations } from '@/lib/schema/model';
import { describeIssues, LIMITS, ObservationsSchema } from '@/lib/schema/observations';
import { ORDER } from '../store/helpers';
import { RUNS, SEED } from './check';
import { hostileValue } from './mutate';

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

/** Anything a field may hold instead of what it should. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileValue },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** A field's value: usually of the right kind, sometimes junk. */
const or = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });

const huge = fc.constantFrom('x'.repeat(2500), '😀'.repeat(1200), `a${'💥'.repeat(3000)}`, 'y'.repeat(70));
const textish = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), huge);
const orderId = fc.oneof(
  fc.stringMatching(/^\d{6,32}$/),
  fc.constantFrom('9'.repeat(35), '12345', '8123 4567', '８１２３４５６７', '-812345678', 8123456789012345),
);
const anId = fc.oneof(
  fc.stringMatching(/^[\w.:|-]{1,40}$/),
  fc.constantFrom('3083333333333333#0', 'a b', 'x'.repeat(41), '😀', '', '1005 0012'),
);
const day = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2028-02-29', '1970-01-01', '2026-1-1', '2026-13-01'),
);
const instant = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-10-05T10:00:00', '2026-10-05T25:00:00Z', '2026-10-05T10:00+02:00', '2026-10-05'),
);
const money = fc.record(
  {
    amountMinor: or(
      fc.oneof(fc.nat(), fc.double(), fc.constantFrom(-1, 1.5, 2 ** 53, LIMITS.amountMinor + 1, -0)),
    ),
    currency: or(fc.constantFrom('USD', 'EUR', 'BRL', 'XXX', 'usd', 'ZZZ', '', 'US $')),
  },
  { requiredKeys: [] },
);

/** A record of `shape`, any key missing, plus keys the schema does not know. */
function loose(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc.record(shape, { requiredKeys: [] });
  const extra = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('receiverName', 'address', '__proto__', 'phone')),
    junk,
    { maxKeys: 3 },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(extra, record).map(([e, r]) => Object.assign({}, e, r)) },
    { weight: 1, arbitrary: junk },
  );
}
const list = (item: fc.Arbitrary<unknown>, maxLength = 4) => or(fc.array(item, { maxLength }));

const line = loose({
  id: or(anId),
  title: or(textish),
  variant: or(fc.option(textish)),
  quantity: or(fc.oneof(fc.nat(200), fc.constantFrom(1e20, -1, 1.5, LIMITS.quantity + 1))),
  unitPrice: or(fc.option(money)),
  imageUrl: or(fc.option(fc.oneof(fc.webUrl(), huge))),
  productId: or(fc.option(anId)),
});

const order = loose({
  id: orderId,
  status: or(fc.constantFrom('awaiting_delivery', 'completed', 'unknown', 'shipped', '')),
  statusText: or(textish),
  placedOn: or(day),
  paidOn: or(day),
  shippedOn: or(day),
  completedOn: or(day),
  store: or(loose({ name: or(textish), url: or(fc.option(fc.oneof(fc.webUrl(), huge))) })),
  total: or(money),
  lines: list(line),
  tags: list(fc.constantFrom('delivery_guarantee', 'free_return', 'fast_delivery', 'choice', 'free_return')),
  protection: or(loose({ endsOn: or(day), text: or(textish) })),
  promisedDeliveryOn: or(day),
  couponIfLateOn: or(day),
  paymentMethod: or(textish),
  reminderText: or(textish),
});

const event = loose({
  at: or(fc.option(instant)),
  code: or(fc.option(fc.oneof(fc.string({ maxLength: 12 }), huge))),
  stage: or(fc.option(fc.oneof(fc.constantFrom('1700', 'IN_TRANSIT'), huge))),
  text: or(textish),
});

const parcel = loose({
  orderId: or(orderId),
  trackingNumber: or(fc.oneof(fc.stringMatching(/^[A-Z0-9]{8,20}$/), fc.constantFrom('', 'y'.repeat(70)))),
  originNumber: or(fc.option(fc.string({ maxLength: 70 }))),
  carrier: or(fc.option(textish)),
  eta: or(fc.option(loose({ from: or(fc.option(day)), to: or(fc.option(day)) }))),
  delivered: or(fc.boolean()),
  deliveredAt: or(fc.option(instant)),
  events: list(event),
});

const proposal = or(fc.option(loose({ amount: or(fc.option(money)), solution: or(fc.option(textish)) })));

const dispute = loose({
  id: or(anId),
  orderId: or(orderId),
  lineId: or(fc.option(anId)),
  kind: or(fc.constantFrom('refund', 'return', 'unknown', 'chargeback')),
  status: or(fc.constantFrom('open', 'closed', 'unknown', 'pending')),
  statusText: or(textish),
  openedAt: or(fc.option(instant)),
  updatedAt: or(fc.option(instant)),
  closedAt: or(fc.option(instant)),
  reason: or(fc.option(textish)),
  solution: or(fc.option(textish)),
  amount: or(fc.option(money)),
  sellerProposal: proposal,
  platformProposal: proposal,
  returnAgreedOn: or(fc.option(day)),
  returnShippedOn: or(fc.option(day)),
});

const refund = loose({
  id: or(anId),
  orderId: or(orderId),
  lineId: or(fc.option(anId)),
  disputeId: or(fc.option(anId)),
  amount: or(fc.option(money)),
  status: or(fc.constantFrom('pending', 'processed', 'unknown', 'refunded')),
  statusText: or(fc.option(textish)),
  processedOn: or(fc.option(day)),
  processedAt: or(fc.option(instant)),
  arn: or(fc.option(fc.oneof(fc.stringMatching(/^\d{23}$/), fc.constantFrom('123', '7'.repeat(24))))),
  method: or(fc.option(textish)),
});

const readerLike = loose({
  orders: list(order, 6),
  packages: list(parcel),
  disputes: list(dispute),
  refunds: list(refund),
  listsAllCases: or(fc.constantFrom(true, false, 'true', 1)),
});

/** Throws (so fast-check shrinks) unless the schema, as oracle, leaves the output as it is. */
function assertExact(x: unknown): void {
  const out = conformObservations(x as Observations);
  const parsed = v.safeParse(ObservationsSchema, out);
  if (!parsed.success)
    throw new Error(`conformed output the schema refuses: ${describeIssues(parsed.issues)}`);
  expect(parsed.output).toStrictEqual(out);
}

describe('conformObservations is schema-exact', () => {
  it('for reader-like input with extra keys, wrong types, huge strings, odd ids and nested junk', () => {
    fc.assert(fc.property(readerLike, assertExact), params);
  }, 600_000);

  it('for anything at all, and never throws', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 3 }), assertExact), params);
  }, 600_000);

  it('drops what no schema field holds, however deep (a receiver address never reaches the store)', () => {
    const line = ORDER.lines?.[0];
    if (!line) throw new Error('ORDER has a line');
    const withPii = {
      orders: [
        {
          ...ORDER,
          receiverName: 'Ana',
          store: { name: 'Vega Store', url: null, phone: '+34 600' },
          total: { amountMinor: 1234, currency: 'USD', address: 'Calle 1' },
          lines: [{ ...line, buyerEmail: 'a@b.c' }],
          protection: { endsOn: '2026-11-01', text: '', zip: '28001' },
        },
      ],
      packages: [
        {
          orderId: ORDER.id,
          trackingNumber: 'LP00123456789',
          originNumber: null,
          carrier: null,
          eta: { from: null, to: '2026-11-02', street: 'x' },
          delivered: false,
          deliveredAt: null,
          events: [{ at: null, code: null, stage: null, text: 'In transit', signedBy: 'Ana' }],
          receiverPhone: '+34 600',
        },
      ],
      disputes: [],
      refunds: [],
      extra: 1,
    };
    const out = conformObservations(withPii as unknown as Observations);
    expect(JSON.stringify(out)).not.toMatch(/Ana|\+34|Calle|a@b\.c|28001|street|extra/);
    expect(out.orders[0]).toEqual({
      ...ORDER,
      store: { name: 'Vega Store', url: null },
      protection: { endsOn: '2026-11-01', text: '' },
    });
    expect(out.packages[0]?.eta).toEqual({ from: null, to: '2026-11-02' });
  });

  it('marks only its own outputs as conformed, so nothing else skips the background check', () => {
    const read = conformed(ok({ orders: [ORDER] }));
    if (!read.ok) throw new Error('a reading');
    expect(isConformed(read.observations)).toBe(true);
    expect(isConformed({ ...read.observations })).toBe(false);
    const raw = ok({ orders: [ORDER] });
    if (!raw.ok) throw new Error('a reading');
    expect(isConformed(raw.observations)).toBe(false);
  });
});
