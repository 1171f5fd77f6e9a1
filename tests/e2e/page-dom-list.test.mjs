// A server-rendered order list (issue 16): the page's JSON was never seen, so the order list
// script takes only its cards' texts and the worker reads them (lib/aliexpress/dom-list-extract.ts,
// `saveDomList`). In a real Chromium: every card gets its badge, and the popup shows the orders
// with their status, store, items and total read from those texts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch, openPopup, serveAliExpress, until } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const html = await readFile(
  path.join(root, 'tests/fixtures/aliexpress/dom-order-list/en-usd-three-cards.html'),
  'utf8',
);
const IDS = ['3081111111111111', '3082222222222222', '3083333333333333'];

describe('a server-rendered order list, read from its cards', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, { pages: { '/p/order/index.html': html } });
  });
  after(() => browser?.close());

  it('every card gets its badge, and the popup shows what the cards said', async () => {
    const page = await browser.ctx.newPage();
    await page.goto('https://www.aliexpress.com/p/order/index.html');
    for (const id of IDS) {
      const badge = page.locator('.order-item', { hasText: id }).getByRole('note');
      await badge.waitFor({ timeout: 15_000 });
      assert.ok((await badge.innerText()).trim().length > 0, `the badge of ${id} says something`);
    }
    const popup = await until(
      async () => {
        const p = await openPopup(browser);
        if (await p.getByRole('article', { name: new RegExp(IDS[0]) }).count()) return p;
        await p.close();
        return null;
      },
      { what: 'the order in the popup', timeout: 15_000, interval: 300 },
    );
    const card = popup.getByRole('article', { name: new RegExp(IDS[0]) });
    const text = await card.innerText();
    assert.match(text, /USB-C cable 2m/);
    assert.match(text, /\$12\.34/);
    await popup.close();
    await page.close();
  });
});
