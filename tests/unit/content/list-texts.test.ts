/**
 * The order list without its JSON (a server-rendered first page): the page takes only its cards'
 * texts (lib/aliexpress/dom-list-extract.ts) and the worker reads them (`saveDomList`), so the
 * list script carries no parser (issue 16). The buyer's stored orders must come out exactly as
 * when the page read the cards itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readListPage } from '@/lib/aliexpress/dom-list-extract';
import { readPage } from '@/lib/aliexpress/read-page';
import { PageSession, type PageSessionDeps } from '@/lib/content/page-session';
import { aliexpressTab, ask, handlerContext } from '../background/handler-context';

const fixtures = path.resolve(__dirname, '../../fixtures/aliexpress/dom-order-list');
const NOW = new Date('2026-10-05T10:00:00.000Z');

interface Fixture {
  file: string;
  url: URL;
  lang?: string;
  doc: Document;
  expected: { ok: boolean };
}

const all: Fixture[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.html'))
  .map((file) => {
    const expected = JSON.parse(
      readFileSync(path.join(fixtures, file.replace(/\.html$/, '.expected.json')), 'utf8'),
    );
    return {
      file,
      url: new URL(expected.url),
      lang: expected.ctx?.lang,
      doc: new DOMParser().parseFromString(readFileSync(path.join(fixtures, file), 'utf8'), 'text/html'),
      expected: expected.result,
    };
  });

function listSession(f: Fixture) {
  const deps = {
    read: readListPage,
    now: () => NOW,
    lang: () => f.lang,
    saveCapture: vi.fn(async () => true),
    save: vi.fn(),
    report: vi.fn(),
    saveListTexts: vi.fn(),
  } satisfies PageSessionDeps;
  return { deps, s: new PageSession(deps, 'order_list', f.url) };
}

/**
 * Every stored row of the buyer's data, as the popup would later read it (`allTables`: not the
 * popup's kept page and its data version, a token each write renews; lib/store/summaries.ts).
 */
async function stored(ctx: ReturnType<typeof handlerContext>) {
  const tables = await Promise.all(ctx.db.allTables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(tables);
}

describe('the order list read from its cards’ texts', () => {
  for (const f of all.filter((x) => x.expected.ok)) {
    it(`${f.file}: stores the same orders as reading the cards in the page did`, async () => {
      const { deps, s } = listSession(f);
      s.readDom(f.doc);
      expect(deps.save).not.toHaveBeenCalled();
      expect(deps.saveListTexts).toHaveBeenCalledTimes(1);
      const sent = deps.saveListTexts.mock.calls[0]?.[0];

      const viaTexts = handlerContext(NOW);
      const r = await ask(viaTexts, aliexpressTab(f.url.href), 'saveDomList', sent);
      expect(r).toMatchObject({ ok: true, value: { problem: null } });

      const inPage = handlerContext(NOW);
      const read = readPage('order_list', f.doc, f.url, { seenAt: NOW.toISOString(), lang: f.lang });
      expect(read.ok).toBe(true);
      await ask(inPage, aliexpressTab(f.url.href), 'saveObservations', {
        source: 'order_list',
        kind: 'dom',
        url: f.url.href,
        observations: read.ok ? read.observations : null,
      });
      const rows = await stored(viaTexts);
      expect(rows.orders?.length).toBeGreaterThan(0);
      expect(rows).toEqual(await stored(inPage));
    });
  }

  it('sends unchanged cards only once, and a page that asks to sign in is reported as such', () => {
    const three = all.find((f) => f.file === 'en-usd-three-cards.html') as Fixture;
    const { deps, s } = listSession(three);
    s.readDom(three.doc);
    s.readDom(three.doc);
    expect(deps.saveListTexts).toHaveBeenCalledTimes(1);

    const login = all.find((f) => f.file === 'broken-login-page.html') as Fixture;
    const l = listSession(login);
    l.s.readDom(login.doc);
    l.s.finish();
    expect(l.deps.saveListTexts).not.toHaveBeenCalled();
    expect(l.deps.report.mock.calls[0]?.[0]?.problem).toMatch(/sign in/);
  });

  it('the worker refuses texts outside the schema, and stores nothing', async () => {
    const ctx = handlerContext(NOW);
    const card = { id: '8123456789012345', status: '', dates: [], store: '', storeUrl: null, total: '' };
    const url = 'https://www.aliexpress.com/p/order/index.html';
    const tooLong = { url, cards: [{ ...card, lines: [], tags: [], status: 'x'.repeat(2001) }] };
    expect((await ask(ctx, aliexpressTab(), 'saveDomList', tooLong)).ok).toBe(false);
    expect((await ask(ctx, aliexpressTab(), 'saveDomList', { url, cards: [] })).ok).toBe(false);
    const forgedLine = { title: '', variant: '', quantity: '', price: '', image: null, productId: '<b>' };
    const forged = { url, cards: [{ ...card, lines: [forgedLine], tags: [] }] };
    expect((await ask(ctx, aliexpressTab(), 'saveDomList', forged)).ok).toBe(false);
    expect(await ctx.db.orders.count()).toBe(0);
  });
});
