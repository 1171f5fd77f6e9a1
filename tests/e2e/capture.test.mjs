// Issue "Read the buyer's orders…": fixture pages whose own scripts call the AliExpress APIs
// (JSON through fetch and XHR, JSONP through script tags), routed to our fixtures. After the
// list → detail → tracking → refund pages, the exported backup holds what those pages said.
// Garbage bodies and a second visit to an unchanged page leave the exported data identical.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enDate, orderDetailBody, orderListBody, trackingBody } from '../support/aliexpress-bodies.mjs';
import { refundListBody } from '../support/aliexpress-reverse.mjs';
import { exportBackup, launch, openPopup, serveAliExpress, until } from './harness.mjs';
import { orderDetailPage, orderListPage, refundListPage, trackingPage } from './pages.mjs';

// The open order's dates are counted from today, so no reminder is ever due for it: not the
// estimate the list page alone gives (placed + 60 days), not the page's date (40 days on), past
// every lead time (7 and 3 days). With fixed dates the calendar caught up with them: a reminder
// fired, or one worked out from the estimate was taken back, between the two exports, and
// "changes nothing" compared a backup the worker was still changing.
const DAY = 86_400_000;
const day = (offset) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offset) => `${day(offset)}T09:00:00.000Z`;
const PROTECTION_ON = day(40);
const ORDERS = [
  {
    id: '8400000000000001',
    status: 'Awaiting delivery',
    placedOn: day(-20),
    shippedOn: day(-18),
    protectionOn: PROTECTION_ON,
    totalMinor: 1234,
    lines: [{ id: '8400000000000011', title: 'Desk lamp', quantity: 1, unitMinor: 1234 }],
  },
  {
    id: '8400000000000002',
    status: 'Completed',
    placedOn: '2026-08-01',
    shippedOn: '2026-08-02',
    totalMinor: 600,
    lines: [{ id: '8400000000000012', title: 'Phone case', quantity: 2, unitMinor: 300 }],
  },
];
const EVENTS = [
  {
    at: at(-2),
    code: 'AE_GTMS_DELIVERING',
    stage: '1700',
    name: 'Delivery update',
    desc: 'Package out for delivery',
  },
  {
    at: at(-10),
    code: 'AE_LH_DEPART',
    stage: '1400',
    name: 'In transit',
    desc: 'Package leaving origin country/region.',
  },
  {
    at: at(-17),
    code: 'AE_PICK_UP_SUCCESS',
    stage: '1100',
    name: 'Collected by carrier',
    desc: 'Package collected by carrier.',
  },
];
const REFUND = {
  id: '6300000000000002',
  orderId: ORDERS[1].id,
  lineId: '8400000000000012',
  createdAt: '2026-08-20 10:00:00',
  modifiedAt: '2026-08-25 10:00:00',
  unitMinor: 300,
  count: 2,
};

let garbage = false;
function api(name, url) {
  if (garbage) return '{"api":"mtop.aliexpress.trade.buyer.order.list","data":{"unexpected":';
  const data = JSON.parse(url.searchParams.get('data') ?? '{}');
  if (name === 'mtop.aliexpress.trade.buyer.order.list') return orderListBody(ORDERS);
  if (name === 'mtop.aliexpress.trade.buyer.order.detail')
    return orderDetailBody(ORDERS.find((o) => o.id === String(data.tradeOrderId)));
  if (name === 'mtop.ae.ld.querydetail')
    return trackingBody({ trackingNumber: 'RB123456785GB', protectionOn: PROTECTION_ON, events: EVENTS });
  if (name === 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer')
    return refundListBody([REFUND]);
  return null;
}

/**
 * Waits until the worker has run a recompute that started after everything before it was
 * stored (saving the settings unchanged starts one; lastCheckAt is its start, written at its
 * end): the reminders it sends or takes back are then in the backup, not still on the way.
 */
async function settled(browser) {
  const popup = await openPopup(browser);
  const lastCheck = () =>
    popup.evaluate(async () => (await chrome.storage.local.get('lastCheckAt')).lastCheckAt ?? 0);
  const asked = await popup.evaluate(async () => {
    const startedAt = Date.now();
    const r = await chrome.runtime.sendMessage({ type: 'getSettings', payload: {} });
    await chrome.runtime.sendMessage({ type: 'saveSettings', payload: r.value });
    return startedAt;
  });
  await until(async () => (await lastCheck()) >= asked, { what: 'a recompute after the last page' });
  await popup.close();
}

/** The backup without the moment it was made. */
const data = ({ exportedAt: _, ...rest }) => rest;

describe('reading AliExpress pages into the backup', () => {
  let browser;
  let first;
  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: {
        '/p/order/index.html': orderListPage({ jsonp: true }),
        '/p/order/detail.html': (url) => orderDetailPage(url.searchParams.get('orderId')),
        '/p/tracking/index.html': (url) => trackingPage(url.searchParams.get('tradeOrderId')),
        '/p/refund-dispute/list.html': refundListPage(),
      },
      api,
    });
  });
  after(() => browser?.close());

  it('list (JSONP) → detail (XHR) → tracking (JSONP) → refunds (fetch POST) end up in the backup', async () => {
    const page = await browser.ctx.newPage();
    await page.goto('https://www.aliexpress.com/p/order/index.html');
    await page.waitForFunction(() => document.title === 'Orders loaded');
    for (const o of ORDERS) {
      await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${o.id}`);
      await page.waitForFunction(() => document.title === 'Detail loaded');
    }
    await page.goto(
      `https://www.aliexpress.com/p/tracking/index.html?_addShare=no&_login=yes&tradeOrderId=${ORDERS[0].id}`,
    );
    await page.waitForFunction(() => document.title === 'Tracking loaded');
    await page.goto('https://m.aliexpress.com/p/refund-dispute/list.html');
    await page.waitForFunction(() => document.title === 'Refunds loaded');
    await page.close();

    first = await until(
      async () => {
        const b = await exportBackup(browser);
        const a = b.orders.find((o) => o.id === ORDERS[0].id);
        const c = b.orders.find((o) => o.id === ORDERS[1].id);
        return a?.packages.length && c?.refunds.length ? b : null;
      },
      { what: 'all pages stored', timeout: 20_000, interval: 500 },
    );
    await settled(browser);
    first = await exportBackup(browser);
    const a = first.orders.find((o) => o.id === ORDERS[0].id);
    const c = first.orders.find((o) => o.id === ORDERS[1].id);
    assert.equal(a.status, 'awaiting_delivery');
    assert.equal(c.status, 'completed');
    assert.deepEqual(a.total, { amountMinor: 1234, currency: 'USD' });
    assert.deepEqual(c.total, { amountMinor: 600, currency: 'USD' });
    assert.deepEqual(
      c.lines.map((l) => [l.id, l.quantity]),
      [['8400000000000012', 2]],
      'no duplicated lines',
    );
    assert.equal(a.shippedOn, ORDERS[0].shippedOn);
    assert.deepEqual(a.protection, { endsOn: PROTECTION_ON, source: 'page', text: a.protection.text });
    assert.ok(a.protection.text.includes(`Refund if no delivery before ${enDate(PROTECTION_ON)}`));
    const [parcel] = a.packages;
    assert.equal(parcel.trackingNumber, 'RB123456785GB');
    assert.deepEqual(
      parcel.events.map((e) => e.code),
      ['AE_GTMS_DELIVERING', 'AE_LH_DEPART', 'AE_PICK_UP_SUCCESS'],
    );
    assert.equal(parcel.delivered, false);
    assert.equal(JSON.stringify(first).includes('Receiver Example'), false, 'no receiver data stored');
    assert.deepEqual(c.refunds[0], {
      ...c.refunds[0],
      amountMinor: 600,
      currency: 'USD',
      status: 'processed',
      // "2026-08-25 10:00:00" is US Pacific daylight time: the instant is kept, the day is the buyer's.
      processedOn: null,
      processedAt: '2026-08-25T17:00:00.000Z',
    });
    assert.ok(a.deadlines.some((d) => d.kind === 'protection_end' && d.source === 'page'));
  });

  it('visiting an unchanged page again, or a page answering garbage, changes nothing', async () => {
    const page = await browser.ctx.newPage();
    await page.goto('https://www.aliexpress.com/p/order/index.html');
    await page.waitForFunction(() => document.title === 'Orders loaded');
    // The worker's own count of pages it could not read: the garbage body is in when it grows.
    const probe = await openPopup(browser);
    const unread = () =>
      probe.evaluate(() =>
        chrome.runtime
          .sendMessage({ type: 'getDashboard', payload: { limits: { act_now: 1, watch: 1, settled: 1 } } })
          .then((r) => r?.value?.diagnostics?.length ?? 0),
      );
    const before = await unread();
    garbage = true;
    await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${ORDERS[0].id}`);
    await until(async () => (await unread()) > before, { what: "the garbage body's diagnostic" });
    garbage = false;
    await probe.close();
    await page.close();
    await settled(browser);
    const again = await exportBackup(browser);
    assert.deepEqual(data(again), data(first));
    // The garbage body left a diagnostic the popup lists.
    const popup = await openPopup(browser);
    await popup.getByText(/Pages we could not read \(\d+\)/).click();
    await popup
      .getByText(/An order's page, .+: Buyer Shield could not read it/)
      .first()
      .waitFor();
    // In the buyer's words; the API and the reader's problem are only the folded detail.
    assert.doesNotMatch(
      await popup
        .locator('.diagnostics li')
        .first()
        .evaluate((li) => li.firstChild?.textContent ?? ''),
      /mtop|component/,
    );
    await popup.close();
  });
});
