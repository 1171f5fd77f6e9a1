import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readPage } from '@/lib/aliexpress/read-page';
import { PageSession, type PageSessionDeps } from '@/lib/content/page-session';

const fixtures = path.resolve(__dirname, '../../fixtures/aliexpress/dom-order-list');
const LIST_URL = new URL('https://www.aliexpress.com/p/order/index.html');

function docOf(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(fixtures, file), 'utf8'), 'text/html');
}

function session(kind: 'order_list' | 'order_detail' = 'order_list') {
  const deps = {
    read: readPage,
    now: () => new Date('2026-10-05T10:00:00.000Z'),
    lang: () => 'en',
    saveCapture: vi.fn(async () => true),
    save: vi.fn(),
    report: vi.fn(),
  } satisfies PageSessionDeps;
  return { deps, s: new PageSession(deps, kind, LIST_URL) };
}

const capture = (over: Record<string, unknown> = {}) => ({
  source: 'buyer-shield-capture',
  api: 'mtop.aliexpress.trade.buyer.order.list',
  url: 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?data=%7B%7D',
  body: '{"data":{}}',
  ...over,
});

describe('PageSession', () => {
  it('hands a well-formed capture to the background, and nothing else', () => {
    const { deps, s } = session();
    s.onWindowMessage(capture());
    s.onWindowMessage({ ...capture(), api: 'mtop.some.other.api' });
    s.onWindowMessage({ type: 'saveObservations' });
    s.onWindowMessage('mtopjsonp1({})');
    expect(deps.saveCapture).toHaveBeenCalledTimes(1);
    expect(deps.saveCapture).toHaveBeenCalledWith(
      expect.objectContaining({ api: 'mtop.aliexpress.trade.buyer.order.list', lang: 'en' }),
    );
  });

  it('refuses an oversized body with a diagnostic instead of reading it', () => {
    const { deps, s } = session();
    s.onWindowMessage(capture({ body: 'x'.repeat(5 * 1024 * 1024 + 1) }));
    expect(deps.saveCapture).not.toHaveBeenCalled();
    expect(deps.report).toHaveBeenCalledWith(
      expect.objectContaining({ problem: expect.stringMatching(/larger than 5 MB was refused/) }),
    );
  });

  it('reads server-rendered cards once, and not again while they are unchanged', () => {
    const { deps, s } = session();
    const doc = docOf('en-usd-three-cards.html');
    s.readDom(doc);
    s.readDom(doc);
    expect(deps.save).toHaveBeenCalledTimes(1);
    const [[sent]] = deps.save.mock.calls as unknown as [
      [{ kind: string; observations: { orders: unknown[] } }],
    ];
    expect(sent.kind).toBe('dom');
    expect(sent.observations.orders).toHaveLength(3);
  });

  it('leaves the DOM alone once the JSON behind it was seen', () => {
    const { deps, s } = session();
    s.onWindowMessage(capture());
    s.readDom(docOf('en-usd-three-cards.html'));
    expect(deps.save).not.toHaveBeenCalled();
  });

  it('reports a page it could not read, naming a sign-in page as such', () => {
    const { deps, s } = session();
    s.readDom(docOf('broken-login-page.html'));
    s.finish();
    expect(deps.report).toHaveBeenCalledTimes(1);
    expect(deps.report.mock.calls[0]?.[0]).toMatchObject({ source: 'order_list', url: LIST_URL.href });
    expect(deps.report.mock.calls[0]?.[0]?.problem).toMatch(/sign in|verification|login/i);
  });

  it('reports nothing when the page was read', () => {
    const { deps, s } = session();
    s.readDom(docOf('en-usd-three-cards.html'));
    s.finish();
    expect(deps.report).not.toHaveBeenCalled();
  });
});
