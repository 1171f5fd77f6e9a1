/**
 * The anonymiser of shared samples, on the real bodies (five buyer fixtures, the seller capture)
 * and our own fixtures: no personal value survives, ids keep their relations, and the anonymised
 * body still reads to the same observations as the original, once its ids are mapped the same
 * way and the removed text is set aside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  anonymiseBody,
  buildSampleFile,
  digitRemapper,
  missingPart,
  placeholder,
} from '@/lib/aliexpress/anonymise';
import { readCapturedBody } from '@/lib/aliexpress/read-captured';
import type { CapturedApi, ReadResult } from '@/lib/schema/model';
import { sharedData } from '../../support/shared-data';
import { EXPECTED_SUFFIX, FIXTURE_ROOT, JSON_FOLDERS } from './fixture-kinds';

const SEED = 0x5eed_2026n;
const fixtures = sharedData('aliexpress-fixtures');
const captures = sharedData('aliexpress-captures');

const REAL: Array<[string, CapturedApi | null]> = [
  ['order-list-init.json', 'mtop.aliexpress.trade.buyer.order.list'],
  ['order-detail.json', 'mtop.aliexpress.trade.buyer.order.detail'],
  ['logistics-querydetail.json', 'mtop.ae.ld.querydetail'],
  ['refund-list.json', 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer'],
  ['order-count.json', null],
];

/** Observation fields that carry text the anonymiser removes (titles, stores, SKU texts, tracking). */
function withoutRemovedText(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutRemovedText);
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (['title', 'variant', 'trackingNumber', 'originNumber', 'text', 'name', 'key'].includes(k)) continue;
    out[k] = withoutRemovedText(v);
  }
  return out;
}

/** The original reading with its ids mapped as the anonymiser maps them. */
function mapped(result: ReadResult): unknown {
  const remap = digitRemapper(SEED);
  return JSON.parse(JSON.stringify(result).replace(/\d{9,}/g, (run) => remap(run)));
}

function sameReading(api: CapturedApi, body: string) {
  const ctx = { seenAt: '2026-09-08T00:00:00.000Z', lang: 'en' };
  const original = readCapturedBody(api, body, ctx);
  const anon = readCapturedBody(api, anonymiseBody(body, SEED).text, ctx);
  expect(withoutRemovedText(anon)).toEqual(withoutRemovedText(mapped(original)));
  return { original, anon };
}

describe.skipIf(!fixtures.present)(fixtures.title('the anonymiser on the real buyer fixtures'), () => {
  it('leaves none of the receiver’s values in order-detail.json’s addressVO', () => {
    const text = fixtures.text('order-detail.json');
    const original = JSON.parse(text);
    const key = Object.keys(original.data.data).find((k) =>
      k.startsWith('detail_simple_order_info_component'),
    );
    const address = original.data.data[key as string].fields.addressVO as Record<string, string>;
    expect(Object.keys(address).length).toBeGreaterThanOrEqual(7);
    const { text: out, removed } = anonymiseBody(text, SEED);
    for (const [field, value] of Object.entries(address)) {
      if (field === 'countryCode') continue; // "BR" is also in "BRL" elsewhere; checked below
      if (value === placeholder(value)) continue; // the source's own placeholder ("00000-000")
      expect(out, field).not.toContain(value);
    }
    // Not even the phone's digits, in any grouping.
    expect(out.replace(/\D/g, '')).not.toContain('11999999999');
    const anonAddress = JSON.parse(out).data.data[placeholderKey(out, key as string)].fields.addressVO;
    expect(anonAddress.countryCode).toBe('XX');
    expect(anonAddress.contactName).toBe(placeholder(address.contactName as string));
    expect(removed.names + removed.addresses + removed.phones).toBeGreaterThanOrEqual(7);
  });

  it('leaves none of the receiver’s values in logistics-querydetail.json, nor the event towns', () => {
    const text = fixtures.text('logistics-querydetail.json');
    const receiver = JSON.parse(text).data.module.logisticsReceiverInfo as Record<string, unknown>;
    const out = anonymiseBody(text, SEED).text;
    const values = Object.values(receiver).filter(
      (v): v is string => typeof v === 'string' && !v.startsWith('http'),
    );
    expect(values.length).toBeGreaterThanOrEqual(8);
    for (const value of values) if (value !== placeholder(value)) expect(out).not.toContain(value);
    expect(out).not.toContain('Comprador Exemplo'); // also inside receiverInfoRichText
    expect(out).not.toContain('Cidade Exemplo'); // detailedLocation of the last-mile events
  });

  it.each(REAL)('%s still reads to the same observations, ids mapped', (file, api) => {
    const text = fixtures.text(file);
    const out = anonymiseBody(text, SEED).text;
    expect(() => JSON.parse(out)).not.toThrow();
    if (api) {
      const { anon } = sameReading(api, text);
      expect(anon.ok).toBe(true);
    }
  });

  it('keeps money, dates, codes, component tags and field names untouched', () => {
    const text = fixtures.text('order-detail.json');
    const out = anonymiseBody(text, SEED).text;
    const keysOf = (s: string) => [...s.matchAll(/"([^"]+)"\s*:/g)].map((m) => m[1]?.replace(/\d{9,}/g, '#'));
    expect(keysOf(out)).toEqual(keysOf(text));
    for (const kept of ['R$132,74', 'Jul 15, 2026', 'detail_simple_order_info_component', '"tag"']) {
      expect(out).toContain(kept);
    }
  });

  it('relates the detail to the list as the originals are: the same order id in both', () => {
    const list = anonymiseBody(fixtures.text('order-list-init.json'), SEED).text;
    const detail = JSON.parse(anonymiseBody(fixtures.text('order-detail.json'), SEED).text);
    const orderId = String(JSON.stringify(detail).match(/"tradeOrderId":"?(\d+)/)?.[1]);
    expect(orderId).toMatch(/^\d{16}$/);
    expect(list).toContain(orderId);
    expect(fixtures.text('order-detail.json')).not.toContain(orderId);
  });
});

function placeholderKey(out: string, originalKey: string): string {
  const remap = digitRemapper(SEED);
  const key = originalKey.replace(/\d{9,}/g, (r) => remap(r));
  expect(out).toContain(key);
  return key;
}

describe.skipIf(!captures.present)(captures.title('the anonymiser on the seller capture'), () => {
  interface Line {
    reverseOrderId: string;
    reverseOrderLineId: string;
    tradeOrderId: string;
    tradeOrderLineId: string;
    detailUrl: string;
    gmtCreate: string;
    gmtCreateTimestamp: number;
  }
  const lines = (text: string): Line[] =>
    (JSON.parse(text) as Array<{ sellerReverseOrderLines: Line[] }>).flatMap(
      (e) => e.sellerReverseOrderLines,
    );

  it('remaps every id and keeps their relations: +100000, the order-line offset, the shared last 4 digits', () => {
    const text = captures.text('seller-reverse-list-zh-cny.json');
    const before = lines(text);
    const after = lines(anonymiseBody(text, SEED).text);
    expect(after).toHaveLength(15);
    after.forEach((a, i) => {
      const b = before[i] as Line;
      for (const k of ['reverseOrderId', 'reverseOrderLineId', 'tradeOrderId', 'tradeOrderLineId'] as const) {
        expect(a[k]).not.toBe(b[k]);
        expect(a[k]).toHaveLength(b[k].length);
      }
      expect(BigInt(a.reverseOrderLineId) - BigInt(a.reverseOrderId)).toBe(100_000n);
      expect(BigInt(a.tradeOrderLineId) - BigInt(a.tradeOrderId)).toBe(
        BigInt(b.tradeOrderLineId) - BigInt(b.tradeOrderId),
      );
      expect(a.reverseOrderId.slice(-4)).toBe(a.tradeOrderId.slice(-4));
      expect(a.detailUrl).toBe(
        `/m_apps/dispute-management/detail?reverseOrderLineId=${a.reverseOrderLineId}`,
      );
      // Dates and epochs untouched.
      expect([a.gmtCreate, a.gmtCreateTimestamp]).toEqual([b.gmtCreate, b.gmtCreateTimestamp]);
    });
  });

  it('replaces product titles and SKU texts (typed by the seller), keeps prices and statuses', () => {
    const text = captures.text('seller-reverse-list-zh-cny.json');
    const out = anonymiseBody(text, SEED).text;
    expect(out).not.toContain('Precision Multifunctional Screwdriver');
    expect(out).not.toContain('Manual 180in1 WH');
    expect(out).toContain('CN￥ 235.87');
    expect(out).toContain('等待买家退货');
  });
});

describe('the anonymiser on our own fixtures', () => {
  const cases = Object.entries(JSON_FOLDERS).flatMap(([folder, api]) =>
    readdirSync(path.join(FIXTURE_ROOT, folder))
      .filter((f) => !f.endsWith(EXPECTED_SUFFIX))
      .map((f) => [`${folder}/${f}`, api] as const),
  );
  it.each(cases)('%s reads the same once anonymised', (file, api) => {
    sameReading(api, readFileSync(path.join(FIXTURE_ROOT, file), 'utf8'));
  });

  it('keeps an ARN an ARN: its date and acquirer digits, a new reference, a valid check digit', () => {
    const body = readFileSync(path.join(FIXTURE_ROOT, 'refund-detail/en-usd-refund-with-arn.json'), 'utf8');
    const { anon, original } = sameReading(
      'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
      body,
    );
    const arn = (r: ReadResult) => (r.ok ? r.observations.refunds[0]?.arn : null);
    expect(arn(original)).toMatch(/^\d{23}$/);
    expect(arn(anon)).toMatch(/^\d{23}$/);
    expect(arn(anon)).not.toBe(arn(original));
    expect(arn(anon)?.slice(0, 11)).toBe(arn(original)?.slice(0, 11));
  });
});

describe('anonymiseBody on odd input', () => {
  it('an HTML page keeps only its shape', () => {
    const out = anonymiseBody('<html><body>Hi Maria Silva, +55 11 98765-4321</body></html>', SEED);
    expect(out.text).toBe('<xxxx><xxxx>Xx Xxxxx Xxxxx, +00 00 00000-0000</xxxx></xxxx>');
  });

  it('a truncated JSONP body is anonymised as far as it goes', () => {
    const out = anonymiseBody(
      'mtopjsonp3({"data":{"receiverName":"Maria Silva","orderId":"8123456789012345","no',
      SEED,
    );
    expect(out.text).not.toContain('Maria');
    expect(out.text).not.toContain('8123456789012345');
    expect(out.text).toMatch(
      /^mtopjsonp3\(\{"data":\{"receiverName":"Xxxxx Xxxxx","orderId":"\d{12}2345","no$/,
    );
  });

  it('finds e-mails, phones and tracking numbers in text it otherwise keeps', () => {
    const body = JSON.stringify({
      statusText: 'Sent to ana.b@example.com, call +351 912 345 678, parcel LP00123456789012CN',
    });
    const out = anonymiseBody(body, SEED);
    expect(JSON.parse(out.text).statusText).toBe(
      'Sent to xxx.x@xxxxxxx.xxx, call +000 000 000 000, parcel XX00000000000000XX',
    );
    expect(out.removed).toMatchObject({ emails: 1, phones: 1, trackingNumbers: 1 });
  });
});

describe('times and ids that look alike', () => {
  it('keeps 13-digit epochs, but remaps a 13-digit value whose field names an id', () => {
    const body =
      '{"curTime":1788071273217,"gmtModified":"1648004111497","extra":1788071273217,"paymentOutId":1788071273217,"loginId":"maria1990"}';
    const out = JSON.parse(anonymiseBody(body, SEED).text.replace(/:(\d{13})/g, ':"$1"'));
    expect(out).toMatchObject({
      curTime: '1788071273217',
      gmtModified: '1648004111497',
      extra: '1788071273217',
    });
    expect(out.paymentOutId).toMatch(/^\d{13}$/);
    expect(out.paymentOutId).not.toBe('1788071273217');
    expect(out.loginId).toBe('xxxxx0000');
  });
});

describe('buildSampleFile', () => {
  it('names the API, the page, the version and what was removed; the problem’s ids are remapped too', () => {
    const file = buildSampleFile({
      api: 'mtop.aliexpress.trade.buyer.order.detail',
      problem: 'no order id in detail_simple_order_info_component_8123456789012345',
      seenAt: '2026-09-08T10:00:00.000Z',
      body: JSON.stringify({
        data: {
          data: {
            detail_simple_order_info_component_8123456789012345: {
              tag: 'detail_simple_order_info_component',
              fields: { addressVO: { contactName: 'Ana' } },
            },
          },
        },
      }),
      extensionVersion: '0.1.0',
      seed: SEED,
    });
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({
      format: 'buyer-shield-sample/1',
      api: 'mtop.aliexpress.trade.buyer.order.detail',
      pageKind: 'order_detail',
      extensionVersion: '0.1.0',
      removed: { names: 1, ids: 1 },
    });
    const id = String(json.problem.match(/\d{16}/)?.[0]);
    expect(id).not.toBe('8123456789012345');
    expect(json.body).toContain(`detail_simple_order_info_component_${id}`);
    expect(json.body).not.toContain('Ana');
    expect(file.fileName).toBe('buyer-shield-sample-order_detail-2026-09-08.json');
  });
});

describe('missingPart', () => {
  const refund = {
    id: '1',
    orderId: '8000000000000001',
    lineId: null,
    disputeId: null,
    amount: null,
    status: 'processed' as const,
    statusText: null,
    processedOn: null,
    arn: null,
    method: null,
  };
  const empty = { orders: [], packages: [], disputes: [], refunds: [] };
  it('names a processed refund without an ARN on the refund detail only', () => {
    expect(
      missingPart('mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer', {
        ...empty,
        refunds: [refund],
      }),
    ).toBe('a processed refund without an ARN');
    expect(
      missingPart('mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer', {
        ...empty,
        refunds: [refund],
      }),
    ).toBeNull();
    expect(
      missingPart('mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer', {
        ...empty,
        refunds: [{ ...refund, arn: '74241056199123456789012' }],
      }),
    ).toBeNull();
  });
});
