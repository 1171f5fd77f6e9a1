// Issue 16, goal 3: the popup of a stopped worker (CDP ServiceWorker.stopAllWorkers, what Chrome
// does to an idle worker) opens on the first page kept at the last recompute, in real Chromium
// IndexedDB: the same groups, counts and cards, in the same order, as with the worker running;
// drawn a screenful first, then the rest, then "Show more". A page read just before the worker
// is stopped (before any recompute could keep a new page) shows in the next popup at once: the
// write emptied the kept page in its own transaction.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acsUrl, orderListBody } from '../support/aliexpress-bodies.mjs';
import { launch, openPopup, serveAliExpress, until } from './harness.mjs';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** 130 orders: more than a page (50) in at least one group. */
const order = (i, status, base = 8_610_000_000_000_000n) => ({
  id: String(base + BigInt(i)),
  status,
  placedOn: iso(-10 - (i % 150)),
  totalMinor: 500 + i,
  store: `Store ${i % 20}`,
  lines: [
    {
      id: String(base + 100_000_000_000_000n + BigInt(i)),
      title: `Item ${i}`,
      quantity: 1,
      unitMinor: 500 + i,
    },
  ],
});
const ORDERS = Array.from({ length: 130 }, (_, i) => order(i, i % 2 ? 'Completed' : 'Awaiting delivery'));
// A smaller id: among orders with no deadline yet it comes first, so on the first page.
const NEW_ORDER = order(1, 'Awaiting delivery', 8_600_000_000_000_000n);

let body = JSON.stringify(orderListBody(ORDERS));

// The page fetches the list like the real one and says so once the body is in.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orders</title></head>
<body><div id="root">Loading…</div><script>
fetch(${JSON.stringify(acsUrl(LIST_API, { statusTab: 'all', renderType: 'init', clientPlatform: 'pc' }))}, { credentials: 'include' })
  .then(function (r) { return r.text(); })
  .then(function (t) { document.getElementById('root').textContent = t.length + ' characters'; document.title = 'Orders loaded'; });
</script></body></html>`;

/** One row of the extension's database, read straight from IndexedDB by an extension page. */
function readRow(extPage, table, key) {
  return extPage.evaluate(
    ([t, k]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('buyer-shield');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(t, 'readonly').objectStore(t).get(k);
          req.onsuccess = () => {
            db.close();
            resolve(req.result ?? null);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [table, key],
  );
}

/** What the popup shows once its first page is all drawn: headings, cards, "Show more". */
async function shown(popup) {
  // All drawn: each group shows as many cards as its count, or its "Show more" (which comes last).
  await until(
    () =>
      popup.evaluate(() => {
        const sections = [...document.querySelectorAll('section.group')];
        const count = (s) => Number(/\((\d+)\)/.exec(s.querySelector('h2')?.textContent ?? '')?.[1] ?? -1);
        return (
          sections.length > 0 &&
          sections.every(
            (s) => s.querySelector('button.more') || s.querySelectorAll('article.order').length === count(s),
          )
        );
      }),
    { what: 'the whole first page drawn', timeout: 20_000 },
  );
  return popup.evaluate(() =>
    [...document.querySelectorAll('section.group')].map((s) => ({
      heading: s.querySelector('h2')?.textContent,
      cards: [...s.querySelectorAll('article.order')].map((a) => a.dataset.orderId),
      more: s.querySelector('button.more')?.textContent ?? null,
    })),
  );
}

describe('the popup of a stopped worker', () => {
  let browser;
  let ext;
  let cdp;
  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: { '/p/order/index.html': PAGE },
      api: (name) => (name === LIST_API ? body : null),
    });
    ext = await browser.ctx.newPage();
    await ext.goto(browser.url('options.html'));
    cdp = await browser.ctx.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
  });
  after(() => browser?.close());

  async function stopWorker() {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(
      async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        return !targetInfos.some((t) => t.type === 'service_worker');
      },
      { what: 'the worker to stop' },
    );
  }

  async function visitList() {
    const page = await browser.ctx.newPage();
    await page.goto(LIST_URL);
    await page.waitForFunction(() => document.title === 'Orders loaded');
    return page;
  }

  it('opens on the kept page: the same groups, counts and cards as with the worker running, then "Show more"', async () => {
    const page = await visitList();
    await until(async () => (await readRow(ext, 'orders', ORDERS.at(-1).id)) !== null, {
      what: 'the orders stored',
      timeout: 20_000,
    });
    // The recompute after the burst keeps the first page.
    await until(async () => (await readRow(ext, 'summaries', 'dashboard'))?.value != null, {
      what: 'the first page kept',
      timeout: 20_000,
    });
    await page.close();
    const warm = await openPopup(browser);
    const running = await shown(warm);
    await warm.close();
    assert.ok(
      running.some((g) => g.more !== null),
      'a group has more than a page',
    );
    assert.equal(running.flatMap((g) => g.cards).length > 50, true);

    await stopWorker();
    const cold = await openPopup(browser);
    assert.deepEqual(await shown(cold), running);
    // "Show more" still asks the worker for the rest.
    const before = (await shown(cold)).flatMap((g) => g.cards).length;
    await cold.locator('button.more').first().click();
    await until(async () => (await cold.locator('article.order').count()) > before, { what: 'more cards' });
    await cold.close();
  });

  it('shows a page read just before the worker stopped, with no recompute in between', async () => {
    body = JSON.stringify(orderListBody([NEW_ORDER, ...ORDERS]));
    const page = await visitList();
    await until(async () => (await readRow(ext, 'orders', NEW_ORDER.id)) !== null, {
      what: 'the new order stored',
      timeout: 20_000,
      interval: 10,
    });
    // At once, before the recompute 250 ms after a change could keep a page with it.
    await stopWorker();
    await page.close();
    const kept = await readRow(ext, 'summaries', 'dashboard');
    // Emptied by the write, or kept again with the new order: never the page of before.
    assert.ok(
      kept?.value == null || JSON.stringify(kept.value).includes(NEW_ORDER.id),
      'no page older than the data',
    );
    const cold = await openPopup(browser);
    const groups = await shown(cold);
    assert.ok(
      groups.some((g) => g.cards.includes(NEW_ORDER.id)),
      `the new order is in the popup: ${JSON.stringify(groups.map((g) => g.heading))}`,
    );
    const total = groups.reduce((n, g) => n + Number(/\((\d+)\)/.exec(g.heading ?? '')?.[1] ?? 0), 0);
    assert.equal(total, ORDERS.length + 1);
    await cold.close();
  });
});
