/**
 * The digest a page and the worker agree on for a captured body (lib/protocol/body-digest.ts):
 * the same for two visits of an unchanged page (the gateway's trace id and clock differ every
 * time), different for anything a reader could read differently.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapturedBody } from '@/lib/aliexpress/read-captured';
import { bodyDigest, withoutVolatile } from '@/lib/protocol/body-digest';
import { sharedData } from '../../support/shared-data';

const fixtures = sharedData('aliexpress-fixtures');
const LIST = 'mtop.aliexpress.trade.buyer.order.list';
const CTX = { seenAt: '2026-10-05T10:00:00.000Z', lang: 'en' };

/** The real order list answer (10 orders) as the gateway would send it on another request. */
function anotherRequest(text: string): string {
  return text
    .replace(/"traceId": ?"[0-9a-f]+"/, '"traceId":"2103999999999999999999999e0f1b"')
    .replace(/"curTime": ?\d+/, '"curTime":1788859999999');
}

describe.skipIf(!fixtures.present)(fixtures.title('the digest of the real order list'), () => {
  it('is the same when it is sent again with another trace id and clock, and reads the same', async () => {
    const text = JSON.stringify(JSON.parse(fixtures.text('order-list-init.json')));
    const again = anotherRequest(text);
    expect(again).not.toBe(text);
    expect(await bodyDigest(again)).toBe(await bodyDigest(text));
    const read = readCapturedBody(LIST, text, CTX);
    expect(read.ok && read.observations.orders.length).toBe(10);
    expect(readCapturedBody(LIST, again, CTX)).toEqual(read);
  });

  it('differs as soon as anything a reader reads differs', async () => {
    const text = JSON.stringify(JSON.parse(fixtures.text('order-list-init.json')));
    const changed = text.replace('"orderDateText":"Jul 15, 2026"', '"orderDateText":"Jul 16, 2026"');
    expect(changed).not.toBe(text);
    expect(await bodyDigest(changed)).not.toBe(await bodyDigest(text));
  });
});

describe('the digest of a captured body', () => {
  it('blanks only values that are valid JSON whatever they are, so the other body reads the same', () => {
    expect(withoutVolatile('{"a":1,"traceId":"2103abc","v":"1"}')).toBe('{"a":1,"traceId":"","v":"1"}');
    expect(withoutVolatile('{"data":{"global":{"curTime":1788850420839}},"traceId":"x1","v":"1.0"}')).toBe(
      '{"data":{"global":{"curTime":0}},"traceId":"","v":"1.0"}',
    );
    // Not valid JSON, or not a plain value: kept, so such a body never shares a valid one's digest.
    for (const kept of [
      '{"curTime":0123}',
      '{"curTime":12e5}',
      '{"curTime":-1}',
      '{"traceId":"a\\"b"}',
      '{"traceId":"a b"}',
      '{"traceId":"a\nb"}',
    ])
      expect(withoutVolatile(kept)).toBe(kept);
    // Inside a string, escaped quotes are no key.
    const inText = '{"title":"say \\"traceId\\":\\"x\\""}';
    expect(withoutVolatile(inText)).toBe(inText);
  });

  it('is SHA-256 of that text as UTF-8, in 64 hex digits', async () => {
    const text = '{"ret":["SUCCESS::调用成功"],"curTime":17,"traceId":"ab"}';
    const expected = createHash('sha256').update(withoutVolatile(text), 'utf8').digest('hex');
    expect(await bodyDigest(text)).toBe(expected);
    expect(await bodyDigest('{}')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves out only keys that no reader reads', () => {
    const dir = path.resolve(__dirname, '../../../lib/aliexpress');
    const readers = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(readers.length).toBeGreaterThan(10);
    for (const f of readers) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect({ f, reads: /traceId|curTime/.test(text) }).toEqual({ f, reads: false });
    }
  });
});
