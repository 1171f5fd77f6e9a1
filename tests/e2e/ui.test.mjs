// Issue "What the buyer sees": the popup, the in-page badges and banner, and options, checked
// in a real Chromium by what a person sees (text, roles, labels), in English and in Spanish.
// Screenshots land in docs/screenshots/ (shown in the README).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { orderDetailBody, orderListBody } from '../support/aliexpress-bodies.mjs';
import { arnFor, refundDetailBody } from '../support/aliexpress-reverse.mjs';
import { launch, openPopup, screenshot, serveAliExpress, until } from './harness.mjs';
import { apiPage, orderDetailPage, orderListPage } from './pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const es = JSON.parse(await readFile(path.join(root, 'public/_locales/es/messages.json'), 'utf8'));
const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const line = (id, title, unitMinor) => [{ id, title, quantity: 1, unitMinor }];
const ORDERS = [
  // Not delivered, AliExpress's protection date in 4 days: act now.
  {
    id: '8200000000000001',
    status: 'Awaiting delivery',
    placedOn: iso(-40),
    shippedOn: iso(-38),
    protectionOn: iso(4),
    totalMinor: 2599,
    store: 'Sound Store',
    lines: line('8200000000000011', 'Wireless earbuds, black', 2599),
  },
  // Shipped 3 days ago, no date on the page: watch, with an estimate.
  {
    id: '8200000000000002',
    status: 'Awaiting delivery',
    placedOn: iso(-5),
    shippedOn: iso(-3),
    totalMinor: 899,
    store: 'Cable World',
    lines: line('8200000000000012', 'USB-C cable 2m', 899),
  },
  // Completed half a year ago: settled.
  {
    id: '8200000000000003',
    status: 'Completed',
    placedOn: iso(-200),
    shippedOn: iso(-198),
    completedOn: iso(-180),
    totalMinor: 1250,
    store: 'Home Goods',
    lines: line('8200000000000013', 'Kitchen scale', 1250),
  },
  // Completed, refunded 45 days ago and not arrived: ask the bank with the ARN.
  {
    id: '8200000000000004',
    status: 'Completed',
    placedOn: iso(-90),
    shippedOn: iso(-88),
    completedOn: iso(-60),
    totalMinor: 4500,
    store: 'Tech Hub',
    lines: line('8200000000000014', 'Smart watch', 4500),
  },
];
const REFUND = {
  id: '6300000000000004',
  orderId: '8200000000000004',
  lineId: '8200000000000014',
  amountMinor: 4500,
  processedAt: `${iso(-45)} 10:00:00`,
};
const ARN = arnFor(iso(-45));

function api(name, url) {
  const data = JSON.parse(url.searchParams.get('data') ?? '{}');
  const order = ORDERS.find((o) => o.id === String(data.tradeOrderId));
  if (name === 'mtop.aliexpress.trade.buyer.order.list') return orderListBody(ORDERS);
  if (name === 'mtop.aliexpress.trade.buyer.order.detail' && order) return orderDetailBody(order);
  if (name === 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer')
    return refundDetailBody({ ...REFUND, arn: ARN });
  return null;
}

const pages = {
  '/p/order/index.html': orderListPage(),
  '/p/order/detail.html': (url) => orderDetailPage(url.searchParams.get('orderId')),
  '/p/refund-amount/detail.html': apiPage(
    'Refund details',
    'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
    { reverseOrderLineId: REFUND.id, tradeOrderId: REFUND.orderId },
    { post: true },
  ),
};

/** Reopens the popup until the background has stored what the pages sent. */
async function popupWith(browser, orderId, options) {
  return until(
    async () => {
      const popup = await openPopup(browser, options);
      if (await popup.getByRole('article', { name: new RegExp(orderId) }).count()) return popup;
      await popup.close();
      return null;
    },
    { what: `order ${orderId} in the popup`, timeout: 15_000, interval: 300 },
  );
}

describe('what the buyer sees', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, { pages, api });
    const page = await browser.ctx.newPage();
    for (const o of ORDERS) {
      await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${o.id}`);
      await page.waitForFunction(() => document.title === 'Detail loaded');
      // The banner of an order not seen before shows once the page's data is stored: leaving
      // sooner could drop the page's reading.
      await page.getByRole('region', { name: 'Buyer Shield' }).waitFor({ timeout: 15_000 });
    }
    await page.goto(`https://m.aliexpress.com/p/refund-amount/detail.html?reverseOrderLineId=${REFUND.id}`);
    await page.waitForFunction(() => document.title === 'Refund details loaded');
    await page.close();
    await (await popupWith(browser, REFUND.orderId)).close();
  });
  after(() => browser?.close());

  it('the order list shows a badge in each card, in its header and clear of the buttons', async () => {
    const page = await browser.ctx.newPage();
    await page.goto('https://www.aliexpress.com/p/order/index.html');
    const card = page.locator('.order-item', { hasText: ORDERS[0].id });
    const badge = card.getByRole('note');
    await badge.waitFor();
    // A short headline with the date; the full step opens from it (tests/e2e/act.test.mjs).
    assert.match(await badge.innerText(), /^Protection ends [A-Z][a-z]{2} \d{1,2}$/);
    assert.match(await badge.getAttribute('aria-label'), /^Buyer Shield: Protection ends /);
    await badge.getByRole('button', { name: /^Protection ends/ }).click();
    const step = card.getByRole('dialog');
    assert.match(await step.innerText(), /Purchase protection is ending/);
    // The exact date and time, worded by the worker in the buyer's language and zone.
    assert.match(
      await step.innerText(),
      /in \d+ (days|hours) \([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M(?: [A-Z][A-Za-z0-9+:_/-]*)?\)/,
    );
    await page.keyboard.press('Escape');
    await step.waitFor({ state: 'hidden' });
    const settled = page.locator('.order-item', { hasText: ORDERS[2].id }).getByRole('note');
    assert.match(await settled.innerText(), /Settled/);
    // Never on top of the page's own buttons.
    const b = await badge.boundingBox();
    for (const button of await card.locator('.order-item-btn').all()) {
      const r = await button.boundingBox();
      const overlap =
        b.x < r.x + r.width && r.x < b.x + b.width && b.y < r.y + r.height && r.y < b.y + b.height;
      assert.equal(overlap, false, 'the badge must not cover a button');
    }
    await screenshot(page, 'list-badges', { docs: true });
    await badge.getByRole('button', { name: /^Protection ends/ }).click();
    await card.getByRole('button', { name: /^Hide until something changes/ }).click();
    await card.getByRole('status').getByText('Hidden until something changes.').waitFor();
    assert.equal(await card.getByRole('note').count(), 0, 'hidden');
    await page.close();
  });

  it('an order detail page shows the banner: deadline, why it matters, what to do', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${ORDERS[0].id}`);
    const banner = page.getByRole('region', { name: 'Buyer Shield' });
    await banner.getByText('What to do now').waitFor();
    const text = await banner.innerText();
    assert.match(text, /Purchase protection ends/);
    assert.match(text, /from AliExpress/);
    assert.match(text, /open a dispute/i);
    assert.match(text, /Why it matters/);
    await screenshot(page, 'detail-banner', { docs: true });
    const [checklist] = await Promise.all([
      browser.ctx.waitForEvent('page'),
      banner.getByRole('button', { name: 'Open the evidence checklist' }).click(),
    ]);
    await checklist.getByRole('region', { name: 'Evidence checklist' }).first().waitFor();
    assert.match(checklist.url(), new RegExp(`popup\\.html\\?order=${ORDERS[0].id}`));
    await checklist.close();
    await page.close();
  });

  it('the popup groups orders by urgency, with deadlines, refunds, the ARN and the checklist', async () => {
    const popup = await openPopup(browser);
    const actNow = popup.getByRole('region', { name: 'Act now' });
    const watch = popup.getByRole('region', { name: 'Watch' });
    const settled = popup.getByRole('region', { name: 'Settled' });
    await actNow.waitFor();
    assert.equal(await actNow.getByRole('article', { name: `Order ${ORDERS[0].id}` }).count(), 1);
    assert.equal(await actNow.getByRole('article', { name: `Order ${ORDERS[3].id}` }).count(), 1);
    assert.equal(await watch.getByRole('article', { name: `Order ${ORDERS[1].id}` }).count(), 1);
    assert.equal(await settled.getByRole('article', { name: `Order ${ORDERS[2].id}` }).count(), 1);
    const a = actNow.getByRole('article', { name: `Order ${ORDERS[0].id}` });
    assert.match(
      await a.innerText(),
      /Purchase protection ends in \d+ (days|hours) \(.+\) AliExpress: before \w+ \d+, \d{4}/,
    );
    const b = watch.getByRole('article', { name: `Order ${ORDERS[1].id}` });
    assert.match(await b.innerText(), /estimated/);
    await screenshot(popup, 'popup', { docs: true });

    const d = actNow.getByRole('article', { name: `Order ${ORDERS[3].id}` });
    await d.getByText('Details, evidence and refunds').click();
    assert.match(await d.innerText(), /Refund hasn't arrived\? Ask your bank with the ARN/);
    assert.match(await d.innerText(), new RegExp(`ARN: ${ARN}`));
    assert.match(await d.innerText(), /Valid ARN\. The bank that handled the refund processed it around/);
    await d.getByRole('button', { name: 'Copy ARN' }).click();
    await d.getByRole('status').getByText('ARN copied').waitFor();

    // Search by ARN finds the order.
    await popup.getByRole('searchbox', { name: 'Search orders' }).fill(ARN.slice(0, 12));
    await until(async () => (await popup.getByRole('article').count()) === 1, { what: 'the search result' });
    assert.equal(await popup.getByRole('article', { name: `Order ${ORDERS[3].id}` }).count(), 1);
    await popup.getByRole('searchbox', { name: 'Search orders' }).fill('');
    await until(async () => (await popup.getByRole('article').count()) === ORDERS.length, {
      what: 'all orders again',
    });

    // Tick an evidence item with the keyboard; it is still ticked when the popup opens again.
    await a.getByText('Details, evidence and refunds').click();
    const first = a.getByRole('region', { name: 'Evidence checklist' }).getByRole('checkbox').first();
    await first.focus();
    await popup.keyboard.press('Space');
    assert.equal(await first.isChecked(), true);
    await popup.close();
    const again = await openPopup(browser);
    const a2 = again.getByRole('article', { name: `Order ${ORDERS[0].id}` });
    await a2.getByText('Details, evidence and refunds').click();
    assert.equal(
      await a2.getByRole('region', { name: 'Evidence checklist' }).getByRole('checkbox').first().isChecked(),
      true,
    );
    await again.close();

    const dark = await openPopup(browser, { colorScheme: 'dark' });
    await dark.getByRole('region', { name: 'Act now' }).waitFor();
    await screenshot(dark, 'popup-dark', { docs: true });
    await dark.close();
  });

  it('options: reminders, backup, CSV, wipe and privacy, then the whole extension in Spanish', async () => {
    const options = await browser.ctx.newPage();
    await options.goto(browser.url('options.html'));
    await options.getByRole('checkbox', { name: 'Show notifications' }).waitFor();
    assert.equal(await options.getByRole('checkbox', { name: '7 days' }).isChecked(), true);
    assert.equal(await options.getByRole('checkbox', { name: '6 hours' }).isChecked(), true);
    assert.equal(await options.getByRole('checkbox', { name: '14 days' }).isChecked(), false);
    await options.getByRole('button', { name: 'Export backup' }).waitFor();
    await options.getByLabel('Import backup').waitFor();
    const [csv] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = await readFile(await csv.path(), 'utf8');
    assert.match(text, /^\uFEFF"Order number","Order date","Status"/);
    assert.equal(text.trim().split('\r\n').length, 1 + ORDERS.length);
    assert.match(
      await options.getByRole('region', { name: 'Privacy' }).innerText(),
      /sends nothing to any server/,
    );
    await screenshot(options, 'options', { docs: true });

    await options.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await options.getByRole('heading', { name: es.options_title.message }).waitFor();
    const popup = await openPopup(browser);
    await popup.getByRole('region', { name: es.group_act_now.message }).waitFor();
    assert.equal(
      await popup.getByRole('heading', { level: 2, name: new RegExp(es.group_watch.message) }).count(),
      1,
    );
    await screenshot(popup, 'popup-es', { docs: true });
    const page = await browser.ctx.newPage();
    await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${ORDERS[0].id}`);
    await page
      .getByRole('region', { name: es.banner_title.message })
      .getByText(es.banner_do.message)
      .waitFor();
    await page.close();
    await popup.close();

    // Back to English, then wipe after confirming.
    await options.getByRole('combobox', { name: es.language_label.message }).selectOption('auto');
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByRole('status').getByText('All data deleted.').waitFor();
    const empty = await openPopup(browser);
    await empty.getByRole('heading', { name: 'No orders yet' }).waitFor();
    await screenshot(empty, 'popup-empty', { docs: true });
    await options.close();
  });
});
