// Issue 13 "Must show", through a real Chromium, pages served at the real AliExpress addresses
// and the backup export: the escalation when protection passed undelivered, no page date from
// "Refund completed on …", the estimate capped at placed + 60 days, no appeal or "open a
// dispute" after a full refund, and a dispute on one item not silencing the other item.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enDate, orderDetailBody, orderListBody } from '../support/aliexpress-bodies.mjs';
import { refundListBody } from '../support/aliexpress-reverse.mjs';
import { exportBackup, launch, openPopup, serveAliExpress, until } from './harness.mjs';
import { orderDetailPage, orderListPage, refundListPage } from './pages.mjs';

const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
/** 'YYYY-MM-DD HH:mm:ss' in China time, as the reverse list shows. */
const china = (offsetDays) =>
  new Date(Date.now() + offsetDays * DAY + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

const line = (id, title, unitMinor = 1500) => ({ id, title, quantity: 1, unitMinor });
const ORDERS = {
  passed: {
    id: '8500000000000001',
    status: 'Awaiting delivery',
    placedOn: iso(-40),
    shippedOn: iso(-38),
    protectionOn: iso(-1),
    totalMinor: 1500,
    lines: [line('8500000000000011', 'Garden hose')],
  },
  refundSentence: {
    id: '8500000000000002',
    status: 'Awaiting delivery',
    placedOn: iso(-20),
    shippedOn: iso(-18),
    totalMinor: 1500,
    lines: [line('8500000000000012', 'Desk fan')],
  },
  old: {
    id: '8500000000000003',
    status: 'Awaiting delivery',
    placedOn: iso(-70),
    totalMinor: 1500,
    lines: [line('8500000000000013', 'Bike light')],
  },
  refunded: {
    id: '8500000000000004',
    status: 'Closed',
    placedOn: iso(-30),
    shippedOn: iso(-28),
    totalMinor: 1500,
    lines: [line('8500000000000014', 'Phone stand')],
  },
  twoItems: {
    id: '8500000000000005',
    status: 'Awaiting delivery',
    placedOn: iso(-50),
    shippedOn: iso(-48),
    protectionOn: iso(3),
    totalMinor: 3000,
    lines: [line('8500000000000015', 'Lamp'), line('8500000000000016', 'Cable')],
  },
};
const CASES = [
  // Refunded in full: closed (4), the line's whole price.
  {
    id: '6300000000000004',
    orderId: ORDERS.refunded.id,
    lineId: '8500000000000014',
    createdAt: china(-10),
    modifiedAt: china(-3),
    unitMinor: 1500,
  },
  // Open on the lamp only (2: waiting for the seller).
  {
    id: '6300000000000005',
    orderId: ORDERS.twoItems.id,
    lineId: '8500000000000015',
    status: 2,
    statusText: 'Waiting for seller response',
    createdAt: china(-2),
    modifiedAt: china(-2),
    unitMinor: 1500,
  },
];

function detail(o) {
  const body = orderDetailBody(o);
  if (o === ORDERS.refundSentence) {
    // The only dated sentence on this page is about money already refunded.
    body.data.data['detail_order_services_sv3-1'] = {
      tag: 'detail_order_services',
      id: 'sv3-1',
      fields: { data: [{ title: 'Refund', content: `Refund completed on ${enDate(iso(-2))}` }] },
    };
    body.data.hierarchy.structure[body.data.hierarchy.root].push('detail_order_services_sv3-1');
  }
  return body;
}

function api(name, url) {
  const data = JSON.parse(url.searchParams.get('data') ?? '{}');
  if (name === 'mtop.aliexpress.trade.buyer.order.list') return orderListBody(Object.values(ORDERS));
  if (name === 'mtop.aliexpress.trade.buyer.order.detail') {
    const o = Object.values(ORDERS).find((x) => x.id === String(data.tradeOrderId));
    return o ? detail(o) : null;
  }
  if (name === 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer')
    return refundListBody(CASES);
  return null;
}

describe('one lifecycle for every item, in a real browser', () => {
  let browser;
  let backup;
  const order = (o) => backup.orders.find((x) => x.id === o.id);
  const alerts = (o) => order(o).alerts.map((a) => `${a.kind}:${a.severity}`);

  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: {
        '/p/order/index.html': orderListPage(),
        '/p/order/detail.html': (url) => orderDetailPage(url.searchParams.get('orderId')),
        '/p/refund-dispute/list.html': refundListPage(),
      },
      api,
    });
    const page = await browser.ctx.newPage();
    await page.goto('https://www.aliexpress.com/p/order/index.html');
    await page.waitForFunction(() => document.title === 'Orders loaded');
    // The list carries the items (lines): stored before the page is left, so a loaded machine
    // cannot lose it to the next navigation.
    await until(
      async () =>
        (await exportBackup(browser, 'lifecycle-')).orders.find((x) => x.id === ORDERS.twoItems.id)?.lines
          .length === 2,
      { what: 'the order list stored', timeout: 20_000, interval: 500 },
    );
    for (const o of Object.values(ORDERS)) {
      await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${o.id}`);
      await page.waitForFunction(() => document.title === 'Detail loaded');
    }
    await page.goto('https://m.aliexpress.com/p/refund-dispute/list.html');
    await page.waitForFunction(() => document.title === 'Refunds loaded');
    await page.close();
    backup = await until(
      async () => {
        const b = await exportBackup(browser, 'lifecycle-');
        const two = b.orders.find((x) => x.id === ORDERS.twoItems.id);
        const refunded = b.orders.find((x) => x.id === ORDERS.refunded.id);
        const passed = b.orders.find((x) => x.id === ORDERS.passed.id);
        const ready =
          two?.disputes.length === 1 &&
          two.lines.length === 2 &&
          refunded?.refunds.length &&
          passed?.protection?.source === 'page';
        return ready ? b : null;
      },
      { what: 'every page stored', timeout: 20_000, interval: 500 },
    );
  });
  after(() => browser?.close());

  it('protection passed yesterday and not delivered: an urgent alert, Act now, one notification', async () => {
    assert.ok(alerts(ORDERS.passed).includes('protection_over:urgent'), alerts(ORDERS.passed).join(', '));
    const state = await until(
      async () => {
        const s = await browser.sw.evaluate(async () => ({
          notifications: Object.keys(await chrome.notifications.getAll()),
          badge: await chrome.action.getBadgeText({}),
        }));
        // Its own notification, or the one summary standing for several due at once.
        const mine = [`bs|${ORDERS.passed.id}|protection_over|-`, 'bs|summary|due'];
        return s.notifications.some((id) => mine.includes(id)) ? s : null;
      },
      { what: 'the escalation notification', timeout: 15_000 },
    );
    // Act now: the badge counts the orders that need the buyer (this one among them).
    assert.ok(Number(state.badge) >= 2, `badge ${state.badge}`);
    // …and the popup lists it under Act now, headed by the passed protection, worded as passed.
    const popup = await openPopup(browser);
    const card = popup
      .getByRole('region', { name: 'Act now' })
      .getByRole('article', { name: `Order ${ORDERS.passed.id}` });
    await card.getByText('Protection has ended and the parcel has not come').first().waitFor();
    assert.match(await card.innerText(), /Purchase protection ended on \w+ \d+, \d{4}/);
    // Two items: where each one stands.
    const two = popup.getByRole('article', { name: `Order ${ORDERS.twoItems.id}` });
    await two.getByText("Lamp: Dispute: waiting for the seller's answer").waitFor();
    await two.getByText('Cable: On its way').waitFor();
    await popup.close();
  });

  it('a detail page whose only dated sentence is "Refund completed on …" gives no page-sourced protection', () => {
    const o = order(ORDERS.refundSentence);
    assert.notEqual(o.protection?.source, 'page');
    assert.ok(!o.deadlines.some((d) => d.source === 'page'), JSON.stringify(o.deadlines));
  });

  it('no page date, placed 70 days ago: the protection estimate is not after placed + 60 days', () => {
    const o = order(ORDERS.old);
    const end = o.deadlines.find((d) => d.kind === 'protection_end');
    assert.ok(end, 'an estimate exists without a shipment date');
    assert.equal(end.source, 'estimate');
    assert.ok(Date.parse(end.at) <= Date.parse(`${ORDERS.old.placedOn}T00:00:00Z`) + 60 * DAY, end.at);
    assert.ok(alerts(ORDERS.old).includes('protection_over:urgent'), alerts(ORDERS.old).join(', '));
  });

  it('a case refunded in full: no appeal and no "open a dispute" alert', () => {
    const kinds = order(ORDERS.refunded).alerts.map((a) => a.kind);
    for (const k of ['appeal_window', 'dispute_can_open', 'after_completion_window'])
      assert.ok(!kinds.includes(k), `${k} in ${kinds.join(', ')}`);
  });

  it('an open dispute on one item and the other item undelivered, protection in 3 days: urgent for the other item', () => {
    const o = order(ORDERS.twoItems);
    assert.equal(o.disputes[0].status, 'open');
    assert.ok(
      alerts(ORDERS.twoItems).includes('protection_ending:urgent'),
      alerts(ORDERS.twoItems).join(', '),
    );
  });
});
