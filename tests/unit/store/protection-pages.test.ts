/**
 * Issue 13, never late: when two pages give the same window different dates, the earlier counts.
 * The real captures already disagree: the order page says "Refund if no delivery before Sep 4,
 * 2026", the tracking page of the same order "before Sep 3, 2026" (../shared/aliexpress-fixtures).
 * Each page's own newer reading replaces only its own date; a backup's date yields to any real page.
 */
import fc from 'fast-check';
import type { FieldSource, OrderRecord } from '@/lib/schema/model';
import { mergeOrder } from '@/lib/store/merge';
import { ORDER } from './helpers';

const DETAIL = 'mtop.aliexpress.trade.buyer.order.detail';
const TRACKING = 'mtop.ae.ld.querydetail';
type Page = typeof DETAIL | typeof TRACKING | 'backup';

const at = (minute: number) => new Date(Date.UTC(2026, 7, 1, 0, minute)).toISOString();
const from = (page: Page, minute: number): FieldSource => ({ source: page, kind: 'json', at: at(minute) });
const reading = (endsOn: string) => ({
  id: ORDER.id,
  protection: { endsOn, text: `Refund if no delivery before ${endsOn}` },
});

function read(steps: [Page, string][]): OrderRecord | undefined {
  let r: OrderRecord | undefined = mergeOrder(undefined, ORDER, from(DETAIL, 0), at(10_000)) ?? undefined;
  steps.forEach(([page, endsOn], i) => {
    r = mergeOrder(r, reading(endsOn), from(page, i + 1), at(10_000)) ?? r;
  });
  return r;
}

describe('protection dates from pages that disagree', () => {
  it('the tracking page\'s "before Sep 3" beats the order page\'s "before Sep 4", in either order', () => {
    expect(
      read([
        [DETAIL, '2026-09-04'],
        [TRACKING, '2026-09-03'],
      ])?.protection?.endsOn,
    ).toBe('2026-09-03');
    expect(
      read([
        [TRACKING, '2026-09-03'],
        [DETAIL, '2026-09-04'],
      ])?.protection?.endsOn,
    ).toBe('2026-09-03');
  });

  it("a page's newer reading replaces only its own date (an extension shown on one page)", () => {
    const r = read([
      [DETAIL, '2026-09-04'],
      [TRACKING, '2026-09-03'],
      [TRACKING, '2026-09-12'],
    ]);
    expect(r?.protection?.endsOn).toBe('2026-09-04');
    expect(r?.sources.protection?.source).toBe(DETAIL);
  });

  it("a backup's date stands only until a real page speaks, earlier or not", () => {
    expect(
      read([
        ['backup', '2026-08-01'],
        [DETAIL, '2026-09-04'],
      ])?.protection?.endsOn,
    ).toBe('2026-09-04');
  });

  it('an order stored before pages were kept apart keeps its one date as its page’s', () => {
    const old = read([[TRACKING, '2026-09-03']]);
    if (old) delete old.protectionByPage;
    const r = mergeOrder(old, reading('2026-09-04'), from(DETAIL, 50), at(10_000));
    expect(r?.protection?.endsOn).toBe('2026-09-03');
  });

  it('property: the stored date is the earliest of each page’s latest reading, never later', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-09-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<Page>(DETAIL, TRACKING), day), { minLength: 1, maxLength: 12 }),
        (steps) => {
          const latest = new Map<Page, string>();
          for (const [page, endsOn] of steps) latest.set(page, endsOn);
          const want = [...latest.values()].sort()[0];
          expect(read(steps)?.protection?.endsOn).toBe(want);
        },
      ),
    );
  });
});
