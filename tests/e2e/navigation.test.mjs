// The order list is a single-page app: it can change its address without a reload. The list's
// script then starts again for the new address (lib/content/run-page.ts, through
// lib/content/page-context.ts `onLocationChange`): its badges and the refresh button belong to
// the list's address, go when the app leaves it and come back when the buyer returns to it, in
// the same page, through `history.pushState` and the Back button.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orderListBody } from '../support/aliexpress-bodies.mjs';
import { launch, serveAliExpress, until } from './harness.mjs';
import { orderListPage } from './pages.mjs';

const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const ORDER = {
  id: '8300000000000001',
  status: 'Awaiting delivery',
  placedOn: iso(-40),
  shippedOn: iso(-38),
  protectionOn: iso(4),
  totalMinor: 1999,
  store: 'Lamp Store',
  lines: [{ id: '8300000000000011', title: 'Desk lamp', quantity: 1, unitMinor: 1999 }],
};
const LIST = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL = `/p/order/detail.html?orderId=${ORDER.id}`;

describe('in-app navigation on the order list', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: { '/p/order/index.html': orderListPage() },
      api: (name) => (name === 'mtop.aliexpress.trade.buyer.order.list' ? orderListBody([ORDER]) : null),
    });
  });
  after(() => browser?.close());

  it('badges and the refresh button go when the app leaves the list, and come back on Back', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(LIST);
    const card = page.locator('.order-item', { hasText: ORDER.id });
    const badge = card.getByRole('note');
    const refresh = page.getByRole('button', { name: 'Refresh open orders' });
    await badge.getByText(/^Protection ends/).waitFor({ timeout: 15_000 });
    await refresh.waitFor();
    // One page all along: a reload would start every script afresh and prove nothing.
    await page.evaluate(() => {
      window.sameDocument = true;
    });

    // The app opens the order's details at their own address, its list kept underneath: what
    // the list's script drew there is not the detail page's.
    await page.evaluate((to) => history.pushState({}, '', to), DETAIL);
    await until(async () => (await card.getByRole('note').count()) === 0, {
      what: 'the badge gone from the card once the address is no longer the list',
    });
    await refresh.waitFor({ state: 'detached' });
    assert.ok(await card.isVisible(), 'the card itself is still there');

    // Back: the app shows its list again, as new cards.
    await page.evaluate(() => {
      const root = document.getElementById('root');
      const cards = [...root.querySelectorAll('.order-item')].map((c) => c.cloneNode(true));
      addEventListener('popstate', () => root.querySelector('.order-content').replaceChildren(...cards), {
        once: true,
      });
    });
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, '/p/order/index.html');
    await badge.getByText(/^Protection ends/).waitFor({ timeout: 15_000 });
    await refresh.waitFor();
    assert.equal(await card.getByRole('note').count(), 1, 'one badge, not one per start');
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'no reload in between');
    await page.close();
  });
});
