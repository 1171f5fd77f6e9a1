// Issue 7 "One click brings every open order up to date", in a real Chromium. The order list
// page has the page's own MTOP helper (a fixture `window.lib.mtop.request` doing JSONP to the
// routed acs address). One click asks, order by order, for detail and tracking; the exported
// backup then has every order's page protection date and its parcel. A captcha answer on the
// 5th order stops the run with a message and leaves the first four stored; the popup's button
// resumes the run in that tab.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { orderDetailBody, orderListBody, trackingBody } from '../support/aliexpress-bodies.mjs';
import {
  ARTIFACTS,
  exportBackup as exportBackupOf,
  launch,
  openPopup,
  SCREENSHOTS,
  screenshot,
  serveAliExpress,
  until,
} from './harness.mjs';
import { orderListPageWithMtop } from './pages.mjs';

const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const DETAIL = 'mtop.aliexpress.trade.buyer.order.detail';
const TRACK = 'mtop.ae.ld.querydetail';
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const PAUSE_MS = 500;

// 20 open orders, shipped, each with its own protection date and tracking number.
const ORDERS = Array.from({ length: 20 }, (_, i) => ({
  id: String(8_500_000_000_000_001n + BigInt(i)),
  status: 'Awaiting delivery',
  placedOn: iso(-30 + i),
  shippedOn: iso(-28 + i),
  protectionOn: iso(20 + i),
  totalMinor: 500 + i * 100,
  store: `Store ${i + 1}`,
  lines: [
    {
      id: String(8_500_000_000_100_001n + BigInt(i)),
      title: `Item ${i + 1}`,
      quantity: 1,
      unitMinor: 500 + i * 100,
    },
  ],
}));
const trackingNumber = (id) => `RB${id.slice(-9)}GB`;
const EVENTS = [
  {
    at: '2026-10-10T09:00:00.000Z',
    code: 'AE_LH_DEPART',
    stage: '1400',
    name: 'In transit',
    desc: 'Package leaving origin country/region.',
  },
  {
    at: '2026-10-04T09:00:00.000Z',
    code: 'AE_PICK_UP_SUCCESS',
    stage: '1100',
    name: 'Collected by carrier',
    desc: 'Package collected by carrier.',
  },
];
const CAPTCHA = {
  api: DETAIL,
  data: {},
  ret: ['FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦,请稍后重试'],
  v: '1.0',
};

/** Routes for one browser: the list, detail and tracking; optionally a captcha on the nth order. */
function server({ captchaOnOrder = null, failOrderIds = [] } = {}) {
  const log = { requests: [], detailOrder: [], captchaServed: false };
  const api = (name, url) => {
    if (name === 'mtop.aliexpress.trade.buyer.order.list') return orderListBody(ORDERS);
    const id = String(JSON.parse(url.searchParams.get('data') ?? '{}').tradeOrderId ?? '');
    const order = ORDERS.find((o) => o.id === id);
    if (!order) return null;
    log.requests.push({ name, id, at: Date.now() });
    if (name === DETAIL) {
      if (!log.detailOrder.includes(id)) log.detailOrder.push(id);
      if (captchaOnOrder !== null && log.detailOrder.length === captchaOnOrder && !log.captchaServed) {
        log.captchaServed = true;
        return CAPTCHA;
      }
      if (failOrderIds.includes(id)) return { ...CAPTCHA, ret: ['FAIL_SYS_NETWORK::network error'] };
      return orderDetailBody(order);
    }
    if (name === TRACK) return trackingBody({ trackingNumber: trackingNumber(id), events: EVENTS });
    return null;
  };
  return { log, api };
}

/** What the buyer sees in the window (the panel is fixed to its corner), not the whole list. */
async function viewShot(page, name, dir = ARTIFACTS) {
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

const exportBackup = (browser) => exportBackupOf(browser, `refresh-${Date.now()}-`);

/** Sets the pause, then opens the list and waits until its 20 orders are stored. */
async function openList(browser) {
  const popup = await openPopup(browser);
  await popup.evaluate(
    (ms) => chrome.runtime.sendMessage({ type: 'saveSettings', payload: { refreshPauseMs: ms } }),
    PAUSE_MS,
  );
  const page = await browser.ctx.newPage();
  await page.goto(LIST_URL);
  await page.waitForFunction(() => document.title === 'Orders loaded');
  await until(
    async () => {
      const r = await popup.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'getOpenOrderIds', payload: {} }),
      );
      return r?.ok && r.value.orderIds.length === ORDERS.length;
    },
    { what: '20 open orders stored', timeout: 15_000 },
  );
  await popup.close();
  return page;
}

const hasPageData = (o) =>
  o.protection?.source === 'page' &&
  o.packages.some((p) => p.trackingNumber === trackingNumber(o.id) && p.events.length === EVENTS.length);

describe('refresh open orders', () => {
  describe('one click brings all 20 up to date', () => {
    let browser;
    let routes;
    before(async () => {
      browser = await launch();
      routes = server();
      await serveAliExpress(browser.ctx, {
        pages: { '/p/order/index.html': orderListPageWithMtop() },
        api: routes.api,
      });
    });
    after(() => browser?.close());

    it('asks nothing until the buyer clicks; then shows progress and fills in every order', async () => {
      const page = await openList(browser);
      const panel = page.getByRole('region', { name: 'Buyer Shield: open orders' });
      // Idle, the panel is one small button, the page's last Tab stop.
      const pill = page.getByRole('button', { name: 'Refresh open orders' });
      await pill.waitFor();
      await viewShot(page, 'refresh-idle-pill', SCREENSHOTS);
      assert.equal(
        await page.evaluate(() => document.body.lastElementChild?.tagName.toLowerCase()),
        'buyer-shield-ui',
        'the panel comes after every AliExpress control in the Tab order',
      );
      assert.equal(routes.log.requests.length, 0, 'no request before the buyer asks');

      await pill.click();
      const status = panel.getByRole('status');
      await until(
        async () => /^([3-9]|1\d) of 20$/.test((await status.textContent().catch(() => '')) ?? ''),
        {
          what: 'progress "n of 20"',
          timeout: 20_000,
        },
      );
      assert.ok(await panel.getByRole('progressbar').isVisible(), 'the progress bar is visible');
      assert.ok(await panel.getByRole('button', { name: 'Cancel' }).isVisible());
      await screenshot(page, 'refresh-progress');
      await viewShot(page, 'refresh-progress', SCREENSHOTS);

      await panel.getByText('Done: 20 open orders are up to date.').waitFor({ timeout: 60_000 });
      await screenshot(page, 'refresh-done');

      // One request at a time, detail then tracking per order, with the pause between.
      const reqs = routes.log.requests;
      assert.equal(reqs.length, 40);
      assert.deepEqual(
        new Set(reqs.filter((r) => r.name === DETAIL).map((r) => r.id)),
        new Set(ORDERS.map((o) => o.id)),
      );
      for (let i = 0; i < reqs.length; i += 2) {
        assert.equal(reqs[i].name, DETAIL);
        assert.equal(reqs[i + 1].name, TRACK);
        assert.equal(reqs[i + 1].id, reqs[i].id);
      }
      const gaps = reqs.slice(1).map((r, i) => r.at - reqs[i].at);
      assert.ok(Math.min(...gaps) >= PAUSE_MS - 50, `pause kept (smallest gap ${Math.min(...gaps)} ms)`);

      const backup = await exportBackup(browser);
      assert.equal(backup.orders.length, 20);
      for (const o of backup.orders) {
        const want = ORDERS.find((x) => x.id === o.id);
        assert.equal(o.protection?.source, 'page', `order ${o.id} has the page's protection date`);
        assert.equal(o.protection.endsOn, want.protectionOn);
        assert.ok(hasPageData(o), `order ${o.id} has its parcel with tracking events`);
      }
      await page.close();
    });

    it('the popup points to the AliExpress orders page when none is open', async () => {
      const popup = await openPopup(browser);
      await popup.getByRole('button', { name: 'Refresh open orders' }).click();
      await popup.getByText('Open your AliExpress orders page first').waitFor();
      const link = popup.getByRole('link', { name: 'Open AliExpress orders' });
      assert.equal(await link.getAttribute('href'), LIST_URL);
      await viewShot(popup, 'refresh-popup-no-tab');
      await popup.close();
    });
  });

  describe('a captcha on the 5th order stops the run', () => {
    let browser;
    let routes;
    let page;
    before(async () => {
      browser = await launch();
      routes = server({ captchaOnOrder: 5 });
      await serveAliExpress(browser.ctx, {
        pages: { '/p/order/index.html': orderListPageWithMtop() },
        api: routes.api,
      });
    });
    after(() => browser?.close());

    it('stops with the message, keeps the first four, asks nothing more', async () => {
      page = await openList(browser);
      const panel = page.getByRole('region', { name: 'Buyer Shield: open orders' });
      await page.getByRole('button', { name: 'Refresh open orders' }).click();
      const alert = panel.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      assert.match(
        await alert.textContent(),
        /Stopped after 4 of 20: AliExpress wants to check that you are human/,
      );
      await screenshot(page, 'refresh-captcha-stop');
      await viewShot(page, 'refresh-captcha-stop-view');
      const asked = routes.log.requests.length;
      assert.equal(asked, 9, 'four orders × 2, then the 5th detail');
      // The run has ended (its stop is shown): nothing is left that could ask again. The reload
      // below checks that no request followed, however long it took.
      assert.equal(routes.log.requests.length, asked, 'never retried');
      assert.ok(await panel.getByRole('button', { name: 'Resume refresh (16 left)' }).isVisible());

      // The stop survives a reload: the panel still says why and offers to resume.
      await page.reload();
      await page.waitForFunction(() => document.title === 'Orders loaded');
      const again = page.getByRole('region', { name: 'Buyer Shield: open orders' });
      await again.getByRole('button', { name: 'Resume refresh (16 left)' }).waitFor();
      assert.match(await again.getByRole('alert').textContent(), /Stopped after 4 of 20: AliExpress wants/);
      assert.equal(routes.log.requests.length, asked, 'a reload asks nothing by itself');

      const first4 = new Set(routes.log.detailOrder.slice(0, 4));
      const backup = await exportBackup(browser);
      for (const o of backup.orders) {
        if (first4.has(o.id)) assert.ok(hasPageData(o), `order ${o.id} (before the captcha) was stored`);
        else {
          assert.notEqual(o.protection?.source, 'page', `order ${o.id} (after the captcha) has no page date`);
          assert.equal(o.packages.length, 0, `order ${o.id} (after the captcha) has no parcel`);
        }
      }
    });

    it("the popup's button resumes the run in the open orders tab", async () => {
      const popup = await openPopup(browser);
      await popup.getByRole('button', { name: 'Refresh open orders' }).click();
      await popup.getByText('Refreshing in your AliExpress orders tab.').waitFor();
      await viewShot(popup, 'refresh-popup-started');
      const panel = page.getByRole('region', { name: 'Buyer Shield: open orders' });
      await panel.getByText('Done: 20 open orders are up to date.').waitFor({ timeout: 60_000 });
      assert.equal(
        await page.evaluate(() => document.visibilityState),
        'visible',
        'the orders tab was brought forward',
      );
      // Resumed at the 5th order: the first four were not asked again.
      const details = routes.log.requests.filter((r) => r.name === DETAIL).map((r) => r.id);
      assert.equal(details.length, 21);
      assert.equal(new Set(details).size, 20);
      const backup = await exportBackup(browser);
      assert.ok(backup.orders.every(hasPageData), 'every order now has its page data');
      await popup.close();
    });
  });

  describe('one order that fails is skipped, the run goes on', () => {
    let browser;
    let routes;
    before(async () => {
      browser = await launch();
      routes = server({ failOrderIds: [ORDERS[2].id] });
      await serveAliExpress(browser.ctx, {
        pages: { '/p/order/index.html': orderListPageWithMtop() },
        api: routes.api,
      });
    });
    after(() => browser?.close());

    it('order 3 fails: 19 are brought up to date and the summary names order 3', async () => {
      const page = await openList(browser);
      await page.getByRole('button', { name: 'Refresh open orders' }).click();
      const panel = page.getByRole('region', { name: 'Buyer Shield: open orders' });
      const summary = panel.getByText(/^Done: 19 of 20 open orders are up to date\./);
      await summary.waitFor({ timeout: 60_000 });
      assert.match(await summary.textContent(), new RegExp(`Could not refresh 1: order ${ORDERS[2].id}\\.`));
      await viewShot(page, 'refresh-skipped', SCREENSHOTS);
      const backup = await exportBackup(browser);
      const good = backup.orders.filter(hasPageData).map((o) => o.id);
      assert.equal(good.length, 19);
      assert.ok(!good.includes(ORDERS[2].id), 'the failing order was not stored as refreshed');
      // Closed by the buyer, the panel is gone from the page.
      await panel.getByRole('button', { name: 'Close the refresh panel' }).click();
      await until(async () => (await panel.count()) === 0, { what: 'the panel closed' });
      await page.close();
    });
  });
});
