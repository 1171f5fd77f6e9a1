// Issue 14 "What the real page shows always wins": the self-healing invariant in a real Chromium.
// For each forgery class (a forged completion on the detail page; a forged delivery dated in the
// future and one in the past; a forged dispute; a backup dated in the future), a profile visits
// the real pages (list, detail, tracking, refund list), suffers the forgery, visits the real pages
// again, and must then hold exactly what a profile that never saw the forgery holds: the stored
// orders with their parcels, cases and refunds, and everything derived (deadlines, alerts, group,
// badge, reminders recorded, the wake alarm), ignoring only firstSeenAt/updatedAt. Each test
// first checks that its forgery did take effect (or, for the future delivery, was refused and
// said so), so none passes because nothing happened. All waits are on conditions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { acsUrl, orderDetailBody, orderListBody, trackingBody } from '../support/aliexpress-bodies.mjs';
import { refundListBody } from '../support/aliexpress-reverse.mjs';
import { launch, serveAliExpress, until } from './harness.mjs';
import { orderDetailPage, orderListPage, refundListPage, trackingPage } from './pages.mjs';

const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const instant = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString();
/** China time as the refund list writes it ("YYYY-MM-DD HH:mm:ss", UTC+8). */
const chinaTime = (offsetDays) =>
  new Date(Date.now() + offsetDays * DAY + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

const SOURCE = 'buyer-shield-capture';
const DETAIL_API = 'mtop.aliexpress.trade.buyer.order.detail';
const TRACKING_API = 'mtop.ae.ld.querydetail';
const REFUNDS_API = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';

// Not delivered, AliExpress's protection date in 4 days: act now, with a reminder due.
const A = {
  id: '8400000000000001',
  status: 'Awaiting delivery',
  placedOn: iso(-30),
  shippedOn: iso(-28),
  protectionOn: iso(4),
  totalMinor: 2599,
  store: 'Sound Store',
  lines: [{ id: '8400000000000011', title: 'Wireless earbuds', quantity: 1, unitMinor: 2599 }],
};
// Shipped 4 days ago, no date on the page: watch, with an estimate.
const B = {
  id: '8400000000000002',
  status: 'Awaiting delivery',
  placedOn: iso(-6),
  shippedOn: iso(-4),
  totalMinor: 899,
  store: 'Cable World',
  lines: [{ id: '8400000000000012', title: 'USB-C cable', quantity: 1, unitMinor: 899 }],
};
// Completed two months ago, refunded through a case the refund list shows.
const C = {
  id: '8400000000000003',
  status: 'Completed',
  placedOn: iso(-90),
  shippedOn: iso(-88),
  completedOn: iso(-60),
  totalMinor: 1250,
  store: 'Home Goods',
  lines: [{ id: '8400000000000013', title: 'Kitchen scale', quantity: 1, unitMinor: 1250 }],
};
const ORDERS = [A, B, C];
const PARCELS = {
  [A.id]: {
    trackingNumber: 'RA100000001GB',
    protectionOn: A.protectionOn,
    events: [
      {
        at: instant(-20),
        code: 'AE_GTMS_TRANSPORT',
        stage: '1300',
        name: 'In transit',
        desc: 'Left the hub',
      },
      { at: instant(-27), code: 'AE_PICK_UP_SUCCESS', stage: '1100', name: 'Collected', desc: 'Collected' },
    ],
  },
  [B.id]: {
    trackingNumber: 'RB200000002GB',
    events: [
      { at: instant(-3), code: 'AE_PICK_UP_SUCCESS', stage: '1100', name: 'Collected', desc: 'Collected' },
    ],
  },
};
const REAL_CASE = {
  id: '6300000000000001',
  orderId: C.id,
  lineId: C.lines[0].id,
  createdAt: chinaTime(-50),
  modifiedAt: chinaTime(-45),
  unitMinor: 1250,
};

function api(name, url) {
  const data = JSON.parse(url.searchParams.get('data') ?? '{}');
  const id = String(data.tradeOrderId ?? '');
  if (name === 'mtop.aliexpress.trade.buyer.order.list') return orderListBody(ORDERS);
  if (name === DETAIL_API) return orderDetailBody(ORDERS.find((o) => o.id === id));
  if (name === TRACKING_API) return PARCELS[id] ? trackingBody(PARCELS[id]) : null;
  if (name === REFUNDS_API) return refundListBody([REAL_CASE]);
  return null;
}

const REAL_PAGES = [
  'https://www.aliexpress.com/p/order/index.html',
  ...ORDERS.map((o) => `https://www.aliexpress.com/p/order/detail.html?orderId=${o.id}`),
  ...[A, B].map((o) => `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${o.id}`),
  'https://www.aliexpress.com/p/refund-dispute/index.html',
];

describe('self-healing: after a forgery, the real pages restore exactly the clean state', () => {
  let browser;
  let ext; // an extension page, to ask the background what a buyer would see
  let page; // a real AliExpress page, from which the forgeries are posted
  let clean;

  const ask = (type, payload = {}) => ext.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload });

  /** Everything a buyer sees, without the moments things were first seen or last written. */
  async function state() {
    const exported = await ask('exportBackup');
    const dash = await ask('getDashboard', { limits: { act_now: 100, watch: 100, settled: 100 } });
    if (!exported.ok || !dash.ok) return null;
    const { exportedAt: _e, remindersSent, ...backup } = JSON.parse(exported.value.json);
    const worker = await browser.sw.evaluate(async () => ({
      badge: await chrome.action.getBadgeText({}),
      alarm: (await chrome.alarms.get('buyer-shield-wake'))?.scheduledTime ?? null,
    }));
    return {
      ...backup,
      orders: backup.orders.map(({ firstSeenAt: _f, updatedAt: _u, ...o }) => o),
      reminders: remindersSent.map((r) => r.id).sort(),
      groups: Object.fromEntries(
        Object.entries(dash.value.groups).map(([g, v]) => [g, v.orders.map((o) => o.facts.order.id).sort()]),
      ),
      badge: worker.badge,
      // The daily safety net is "a day from now", which moves; a real boundary does not.
      alarm:
        worker.alarm === null ? null : worker.alarm > Date.now() + DAY - 3_600_000 ? 'daily' : worker.alarm,
    };
  }

  async function visitRealPages() {
    for (const url of REAL_PAGES) {
      await page.goto(url);
      await page.waitForFunction(() => / loaded$/.test(document.title));
    }
  }

  /** Waits until the stored state is complete and has stopped changing. */
  async function settled(check = () => true) {
    let previous = null;
    return until(
      async () => {
        const s = await state();
        const done = s && check(s) && JSON.stringify(s) === JSON.stringify(previous);
        previous = s;
        return done ? s : null;
      },
      { what: 'the stored state to settle', timeout: 30_000, interval: 400 },
    );
  }

  async function freshProfileState() {
    assert.equal((await ask('wipeAll', { confirm: 'wipe' })).ok, true);
    await until(async () => (await state())?.orders.length === 0 && (await state())?.badge === '', {
      what: 'an empty profile',
    });
  }

  /** After the second visit, the state must become the clean one (compared in full). */
  async function healsToClean() {
    await visitRealPages();
    let last;
    try {
      await until(
        async () => {
          last = await state();
          return JSON.stringify(last) === JSON.stringify(clean);
        },
        { what: 'the clean state', timeout: 30_000, interval: 400 },
      );
    } catch {
      // Show the difference.
    }
    assert.deepEqual(last, clean);
  }

  const forge = (api, url, body) =>
    page.evaluate((m) => window.postMessage(m, '*'), {
      source: SOURCE,
      api,
      url,
      body: JSON.stringify(body),
    });

  const orderOf = (s, id) => s?.orders.find((o) => o.id === id);

  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: {
        '/p/order/index.html': orderListPage(),
        '/p/order/detail.html': (url) => orderDetailPage(url.searchParams.get('orderId')),
        '/p/tracking/index.html': (url) => trackingPage(url.searchParams.get('tradeOrderId')),
        '/p/refund-dispute/index.html': refundListPage(),
      },
      api,
    });
    ext = await browser.ctx.newPage();
    await ext.goto(browser.url('options.html'));
    page = await browser.ctx.newPage();
    // The profile that never sees a forgery.
    await visitRealPages();
    clean = await settled(
      (s) =>
        s.orders.length === 3 &&
        orderOf(s, A.id)?.packages.length === 1 &&
        orderOf(s, B.id)?.packages.length === 1 &&
        orderOf(s, C.id)?.disputes.length === 1 &&
        s.badge !== '',
    );
    // What the forgeries attack is there to attack.
    assert.ok(clean.groups.act_now.includes(A.id), 'A is in act now');
    assert.equal(orderOf(clean, A.id).completedOn, null);
    assert.equal(orderOf(clean, A.id).packages[0].delivered, false);
    assert.equal(orderOf(clean, A.id).protection.endsOn, A.protectionOn);
    assert.ok(clean.reminders.length > 0, 'a reminder was recorded for A');
  });
  after(() => browser?.close());

  it('a forged "Completed" on the detail page is withdrawn by the real detail page', async () => {
    await freshProfileState();
    await visitRealPages();
    await settled((s) => s.orders.length === 3 && s.badge !== '');
    await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${A.id}`);
    await page.waitForFunction(() => / loaded$/.test(document.title));
    await forge(
      DETAIL_API,
      acsUrl(DETAIL_API, { tradeOrderId: A.id, clientPlatform: 'pc', channel: 'tracking' }),
      orderDetailBody({ ...A, status: 'Completed', completedOn: iso(-25), protectionOn: undefined }),
    );
    const forged = await settled((s) => orderOf(s, A.id)?.completedOn === iso(-25));
    assert.ok(forged.groups.settled.includes(A.id), 'the forgery did settle the order');
    await healsToClean();
  });

  it('a forged delivery dated in the future is refused, said in a diagnostic, and leaves nothing', async () => {
    await freshProfileState();
    await visitRealPages();
    await settled((s) => s.orders.length === 3 && s.badge !== '');
    const parcel = PARCELS[A.id];
    const signed = {
      at: '2199-12-01T00:00:00.000Z',
      code: 'AE_GTMS_SIGNED',
      stage: '1700',
      name: 'Delivered',
      desc: 'Delivered',
    };
    await forge(
      TRACKING_API,
      acsUrl(TRACKING_API, { tradeOrderId: A.id }),
      trackingBody({ ...parcel, events: [signed, ...parcel.events] }),
    );
    await until(
      async () => {
        const dash = await ask('getDashboard', {});
        return (
          dash.ok &&
          dash.value.diagnostics.some((d) => /dated after the moment they were read/.test(d.problem))
        );
      },
      { what: 'the refusal diagnostic' },
    );
    assert.equal(orderOf(await state(), A.id).packages[0].delivered, false);
    await healsToClean();
  });

  it('a forged delivery in the past is replaced by the real tracking page', async () => {
    await freshProfileState();
    await visitRealPages();
    await settled((s) => s.orders.length === 3 && s.badge !== '');
    const parcel = PARCELS[A.id];
    const signed = {
      at: instant(-2),
      code: 'AE_GTMS_SIGNED',
      stage: '1700',
      name: 'Delivered',
      desc: 'Delivered',
    };
    await forge(
      TRACKING_API,
      acsUrl(TRACKING_API, { tradeOrderId: A.id }),
      trackingBody({ ...parcel, events: [signed, ...parcel.events] }),
    );
    await settled((s) => orderOf(s, A.id)?.packages[0]?.delivered === true);
    await healsToClean();
  });

  it('a forged order list is undone by the next real list, though its unchanged body was no longer being sent', async () => {
    await freshProfileState();
    // Twice: the second visit changes nothing, so the worker knows the list's body and a third
    // visit would not send it again (lib/background/page-known.ts) ...
    await visitRealPages();
    await visitRealPages();
    await settled((s) => s.orders.length === 3 && s.badge !== '');
    await forge(
      'mtop.aliexpress.trade.buyer.order.list',
      acsUrl('mtop.aliexpress.trade.buyer.order.list', {
        statusTab: 'all',
        renderType: 'init',
        clientPlatform: 'pc',
      }),
      orderListBody(
        ORDERS.map((o) => (o.id === A.id ? { ...o, status: 'Completed', store: 'Forged Store' } : o)),
      ),
    );
    const forged = await settled((s) => orderOf(s, A.id)?.statusText === 'Completed');
    assert.equal(orderOf(forged, A.id).store.name, 'Forged Store', 'the forgery took effect');
    // ... but the forgery wrote, so the next real visit sends it and puts the real values back.
    await healsToClean();
  });

  it('a forged dispute is withdrawn by the refund list read whole', async () => {
    await freshProfileState();
    await visitRealPages();
    await settled((s) => s.orders.length === 3 && s.badge !== '');
    const fake = {
      id: '6300000000000999',
      orderId: A.id,
      lineId: A.lines[0].id,
      status: 1,
      statusText: 'Waiting for seller response',
      createdAt: chinaTime(-1),
      modifiedAt: chinaTime(-1),
      unitMinor: 2599,
    };
    // Posted as the "in progress" tab of the list, which is not the whole history.
    await forge(
      REFUNDS_API,
      acsUrl(REFUNDS_API, { pageNo: 1, size: 10, reverseStatus: 2 }),
      refundListBody([fake]),
    );
    await settled((s) => orderOf(s, A.id)?.disputes.some((d) => d.id === fake.id));
    await healsToClean();
  });

  it('a backup dated in the future does not freeze its values: the real pages win', async () => {
    await freshProfileState();
    await visitRealPages();
    await settled((s) => s.orders.length === 3 && s.badge !== '');
    const exported = await ask('exportBackup');
    const file = JSON.parse(exported.value.json);
    const late = iso(60);
    file.exportedAt = '2199-12-01T00:00:00.000Z';
    file.orders = file.orders.map((o) =>
      o.id === A.id
        ? {
            ...o,
            updatedAt: '2199-12-01T00:00:00.000Z',
            statusText: 'Forged in a file',
            protection: { endsOn: late, source: 'page', text: `Refund if no delivery before ${late}` },
          }
        : { ...o, updatedAt: '2199-12-01T00:00:00.000Z' },
    );
    assert.equal((await ask('importBackup', { text: JSON.stringify(file) })).ok, true);
    // The file's text took effect (its times are capped at the import, so it is newer than the
    // pages' reading) ...
    const imported = await settled((s) => orderOf(s, A.id)?.statusText === 'Forged in a file');
    // ... but its later protection date never beats the earlier one the pages showed (never late).
    const protectionEnd = (s) => orderOf(s, A.id).deadlines.find((d) => d.kind === 'protection_end')?.at;
    assert.equal(orderOf(imported, A.id).protection?.endsOn, orderOf(clean, A.id).protection?.endsOn);
    assert.equal(protectionEnd(imported), protectionEnd(clean));
    await healsToClean();
  });
});
