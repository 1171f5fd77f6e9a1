// Nothing lost when the buyer moves on at once. Before its body is sent, a captured body waits
// for the worker to say whether it read it already (`captureKnown`). A worker that is starting
// (Chrome just opened, or it stopped the idle worker after 30 s) takes from 25 ms to several
// hundred to answer, and a buyer who went to another page meanwhile took the body along: the
// orders that list showed were never stored (in 11 of 25 runs of this visit, before the fix).
// Now the page stops waiting after 50 ms, or as it goes, and sends the body (lib/content/run-page.ts
// `ANSWER_WITHIN_MS`, `whenLeaving`).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { orderListBody } from '../support/aliexpress-bodies.mjs';
import { exportBackup, launch, serveAliExpress, until } from './harness.mjs';
import { orderListPage } from './pages.mjs';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const ELSEWHERE = 'https://www.aliexpress.com/p/wishlist/index.html';
const DAY = 86_400_000;
const day = (offset) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const order = (id) => ({
  id,
  status: 'Awaiting delivery',
  placedOn: day(-12),
  totalMinor: 2500,
  lines: [{ id: `87${id.slice(2)}`, title: 'Travel mug', quantity: 1, unitMinor: 2500 }],
});

/**
 * Chrome just started: the buyer opens the order list and, once its orders show, goes to another
 * page. Returns the orders the backup then holds with their line.
 */
async function firstListThenElsewhere(orders) {
  const browser = await launch();
  try {
    await serveAliExpress(browser.ctx, {
      pages: {
        '/p/order/index.html': orderListPage({ jsonp: true }),
        '/p/wishlist/index.html': '<!doctype html><title>Wish list</title><p>Nothing saved yet.</p>',
      },
      api: (name) => (name === 'mtop.aliexpress.trade.buyer.order.list' ? orderListBody(orders) : null),
    });
    const page = await browser.ctx.newPage();
    // Our page script says it started with a DOM event on the document
    // (lib/content/page-context.ts): until then it has heard nothing to lose.
    await page.addInitScript((started) => {
      document.addEventListener(started, () => {
        document.documentElement.dataset.ourScript = 'started';
      });
    }, `${browser.extId}:aliexpress:started`);
    await page.goto(LIST_URL);
    await page.waitForFunction(
      () => document.title === 'Orders loaded' && document.documentElement.dataset.ourScript === 'started',
    );
    await page.goto(ELSEWHERE);
    await page.close();
    const ids = orders.map((o) => o.id);
    const backup = await until(
      async () => {
        const b = await exportBackup(browser);
        return ids.every((id) => b.orders.some((o) => o.id === id && o.lines.length === 1)) ? b : null;
      },
      { what: `orders ${ids.join(', ')} with their lines in the backup` },
    );
    return backup.orders.filter((o) => ids.includes(o.id)).map((o) => [o.id, o.status]);
  } finally {
    await browser.close();
  }
}

it('a buyer who leaves the order list as soon as it shows, with the worker still starting, finds its orders stored', async () => {
  // Five visits, each in a new browser: one lost visit fails the test.
  for (const visit of [1, 2, 3, 4, 5]) {
    const ids = [`850000000000000${visit}`, `850000000000001${visit}`];
    assert.deepEqual(
      await firstListThenElsewhere(ids.map(order)),
      ids.map((id) => [id, 'awaiting_delivery']),
      `visit ${visit}`,
    );
  }
});
