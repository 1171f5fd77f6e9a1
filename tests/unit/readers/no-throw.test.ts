/**
 * Bad input never escapes as an exception: every reader answers `{ok: false, failure}` for
 * shapes it does not know. (Property-based fuzzing lives in fuzz.test.ts, another issue.)
 */
import { Window } from 'happy-dom';
import { parseDisplayDate } from '@/lib/aliexpress/i18n-dates';
import { parsePrice } from '@/lib/aliexpress/money';
import { mtopErrorCode } from '@/lib/aliexpress/mtop';
import { readCapturedBody } from '@/lib/aliexpress/read-captured';
import { readPage } from '@/lib/aliexpress/read-page';
import { CAPTURED_APIS, type CapturedApi, PAGE_KINDS } from '@/lib/schema/model';

const ctx = { seenAt: '2026-08-01T00:00:00.000Z', lang: 'en' };

const WEIRD_BODIES = [
  '',
  ' ',
  'null',
  '42',
  '"text"',
  '[]',
  '{}',
  '{"data":null}',
  '{"data":{"data":null,"module":null}}',
  '{"data":{"data":{"pc_om_list_order_1":{"tag":"pc_om_list_order","fields":null}}}}',
  '{"data":{"data":{"x":{"tag":"detail_simple_order_info_component","fields":{"tradeOrderId":{"a":1}}}}}}',
  '{"data":{"module":{"trackingDetailLineList":[null,1,"x",{"detailList":[null,{"time":"x"}]}]}}}',
  '{"data":{"module":{"items":[{"reverseOrderLines":[{"reverseOrderLineId":{},"tradeOrderId":[]}]},null]}}}',
  '{"data":{"module":{"reverseOrderLineId":"1","tradeOrderId":"2","reverseFinishInfo":{"refundInfo":{"refundChannelDetails":[null,{"money":"x"}]}}}}}',
  '{"ret":"not-an-array"}',
  '{"ret":[1,2]}',
  'mtopjsonp1(',
  'mtopjsonp1()',
  'alert(1)',
  '<html><body>Please log in</body></html>',
  '{"__proto__":{"polluted":true}}',
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
];

describe('no exception escapes', () => {
  it.each(CAPTURED_APIS)('readCapturedBody(%s, …) on odd bodies', (api) => {
    for (const body of WEIRD_BODIES) {
      const result = readCapturedBody(api, body, ctx);
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('unknown API names and non-string bodies are failures', () => {
    expect(readCapturedBody('constructor' as CapturedApi, '{}', ctx).ok).toBe(false);
    expect(readCapturedBody('mtop.unknown' as CapturedApi, '{}', ctx).ok).toBe(false);
    expect(readCapturedBody(CAPTURED_APIS[0], null as unknown as string, ctx).ok).toBe(false);
  });

  it('API names are compared case-insensitively', () => {
    const body = '{"ret":["SUCCESS::ok"],"data":{"module":{"items":[]}}}';
    const api = 'mtop.aliexpress.buyer.reverse.queryReverseOrderPageListForBuyer' as CapturedApi;
    expect(readCapturedBody(api, body, ctx)).toEqual({
      ok: true,
      observations: { orders: [], packages: [], disputes: [], refunds: [] },
    });
  });

  it.each(PAGE_KINDS)('readPage(%s, …) on odd documents', (kind) => {
    for (const html of [
      '',
      '<div class="order-item"></div>',
      '<a class="order-item" href="?orderId=x">',
      '<p>ARN 1</p>',
    ]) {
      const win = new Window({ url: 'https://www.aliexpress.com/p/order/index.html' });
      win.document.write(html);
      const doc = win.document as unknown as Document;
      expect(typeof readPage(kind, doc, new URL('https://www.aliexpress.com/'), ctx).ok).toBe('boolean');
      expect(
        typeof readPage(kind, doc, new URL('https://www.aliexpress.com/p/x?orderId=1&tradeOrderId=2'), ctx)
          .ok,
      ).toBe('boolean');
    }
    // Not even a Document.
    expect(readPage(kind, {} as Document, new URL('https://www.aliexpress.com/'), ctx).ok).toBe(false);
  });

  it('helpers are total', () => {
    for (const x of [undefined, null, 1, {}, '', 'x'.repeat(10_000)]) {
      expect(() => parsePrice(x as string)).not.toThrow();
      expect(() => parseDisplayDate(x as string)).not.toThrow();
      expect(() => mtopErrorCode(x)).not.toThrow();
    }
  });

  it('mtopErrorCode', () => {
    expect(mtopErrorCode({ ret: ['SUCCESS::调用成功'] })).toBeNull();
    expect(mtopErrorCode({ ret: ['FAIL_SYS_USER_VALIDATE::x'] })).toBe('FAIL_SYS_USER_VALIDATE');
    expect(mtopErrorCode({ ret: ['FAIL_SYS_TOKEN_EXOIRED::令牌过期'] })).toBe('FAIL_SYS_TOKEN_EXOIRED');
    expect(mtopErrorCode({ ret: ['NEED_LOGIN'] })).toBe('NEED_LOGIN');
    expect(mtopErrorCode({ data: {} })).toBeNull();
  });
});
