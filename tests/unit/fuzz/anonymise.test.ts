/**
 * The anonymiser on generated bodies: whatever the nesting and wherever the receiver's details
 * sit, none of them survive, ids keep their relations, and the rest (field names, money, dates,
 * epochs, codes) is untouched.
 */
import fc from 'fast-check';
import { anonymiseBody } from '@/lib/aliexpress/anonymise';

const letters = fc.stringMatching(/^[A-Za-zÀ-ÿ]{3,12}$/);
const person = fc.record({
  contactName: fc.tuple(letters, letters).map(([a, b]) => `${a} ${b}`),
  fullPhoneNo: fc.stringMatching(/^\+[1-9]\d [1-9]\d{9,10}$/),
  email: fc.tuple(letters, letters).map(([a, b]) => `${a.toLowerCase()}@${b.toLowerCase()}.com`),
  detailAddress: fc.tuple(letters, fc.integer({ min: 1, max: 9999 })).map(([s, n]) => `Rua ${s}, ${n}`),
  postCode: fc.stringMatching(/^[1-9]\d{4}-\d{3}$/),
});
const id16 = fc.bigInt({ min: 1_000_000_000_000_000n, max: 9_999_999_999_000_000n });
const epoch = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
const money = fc.integer({ min: 0, max: 99_999_999 }).map((c) => ({ cent: c, currency: 'USD' }));

const body = fc
  .record({
    person,
    reverseOrderId: id16,
    tradeOrderId: id16,
    lines: fc.integer({ min: 1, max: 4 }),
    gmtCreate: epoch,
    money,
    status: fc.constantFrom('Awaiting delivery', 'Refund completed', 'AE_GTMS_SIGNED'),
    nest: fc.integer({ min: 0, max: 4 }),
    asNumbers: fc.boolean(),
  })
  .map((g) => {
    const idOf = (v: bigint) => (g.asNumbers ? `${v}` : `"${v}"`);
    const lineIds = Array.from({ length: g.lines }, (_, i) => g.tradeOrderId + 10_000n * BigInt(i + 1));
    let inner = `{"addressVO":${JSON.stringify(g.person)},"reverseOrderId":${idOf(g.reverseOrderId)},"reverseOrderLineId":${idOf(g.reverseOrderId + 100_000n)},"tradeOrderLineIds":[${lineIds.map(idOf).join(',')}],"tradeOrderId":${idOf(g.tradeOrderId)},"detailUrl":"/detail?reverseOrderLineId=${g.reverseOrderId + 100_000n}","gmtCreate":${g.gmtCreate},"itemUnitPrice":${JSON.stringify(g.money)},"statusText":"${g.status}","tag":"pc_om_list_order"}`;
    for (let i = 0; i < g.nest; i++)
      inner = i % 2 ? `[${inner}]` : `{"pc_om_list_order_${g.tradeOrderId}":${inner}}`;
    return { g, text: `{"data":${inner}}` };
  });

function find(x: unknown, key: string): unknown {
  if (x === null || typeof x !== 'object') return undefined;
  if (!Array.isArray(x) && key in x) return (x as Record<string, unknown>)[key];
  for (const v of Object.values(x)) {
    const found = find(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('anonymiseBody on generated bodies', () => {
  it('removes every personal value, keeps relations, leaves the rest as it was', () => {
    fc.assert(
      fc.property(body, fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), ({ g, text }, seed) => {
        const out = anonymiseBody(text, seed).text;
        const json = JSON.parse(out);
        for (const value of Object.values(g.person)) expect(out).not.toContain(value);
        expect(out.replace(/\D/g, '')).not.toContain(g.person.fullPhoneNo.replace(/\D/g, ''));
        // From the text: ids written as JSON numbers lose digits in JSON.parse.
        const big = (k: string) => BigInt(String(new RegExp(`"${k}":"?(\\d+)`).exec(out)?.[1]));
        expect(big('reverseOrderLineId') - big('reverseOrderId')).toBe(100_000n);
        expect(big('reverseOrderId')).not.toBe(g.reverseOrderId);
        expect(String(big('reverseOrderId'))).toHaveLength(String(g.reverseOrderId).length);
        const lines = [...String(/"tradeOrderLineIds":\[([^\]]*)\]/.exec(out)?.[1]).matchAll(/\d+/g)].map(
          (m) => BigInt(m[0]),
        );
        expect(lines).toHaveLength(g.lines);
        for (const [i, l] of lines.entries()) expect(l - big('tradeOrderId')).toBe(10_000n * BigInt(i + 1));
        expect(find(json, 'detailUrl')).toBe(`/detail?reverseOrderLineId=${big('reverseOrderLineId')}`);
        expect(find(json, 'gmtCreate')).toBe(g.gmtCreate);
        expect(find(json, 'itemUnitPrice')).toEqual(g.money);
        expect(find(json, 'statusText')).toBe(g.status);
        expect(find(json, 'tag')).toBe('pc_om_list_order');
        // Field names are the same, ids in them remapped like the values.
        const keys = (s: string) =>
          [...s.matchAll(/"([^"]+)"\s*:/g)].map((m) => m[1]?.replace(/\d{9,}/g, '#'));
        expect(keys(out)).toEqual(keys(text));
        if (g.nest > 0) expect(out).toContain(`pc_om_list_order_${big('tradeOrderId')}`);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps the length of digit runs on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.bigInt({ min: 1n, max: 1n << 60n }), (s, seed) => {
        const { text } = anonymiseBody(`{"x":${s}`, seed);
        expect(text.replace(/\d/g, '0').length).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });
});
