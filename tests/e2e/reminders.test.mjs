// Issue "Warn before every window closes": in a real Chromium, an order whose protection ends
// within a lead time yields the wake alarm, one notification and a badge count; closing and
// reopening the same profile brings no duplicate notification.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { orderDetailBody } from '../support/aliexpress-bodies.mjs';
import { launch, openPopup, serveAliExpress, until } from './harness.mjs';
import { orderDetailPage } from './pages.mjs';

const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const ORDER = {
  id: '8300000000000001',
  status: 'Awaiting delivery',
  placedOn: iso(-30),
  shippedOn: iso(-28),
  // Within the default 3-day lead time.
  protectionOn: iso(2),
  totalMinor: 1999,
  lines: [{ id: '8300000000000011', title: 'Camping lantern', quantity: 1, unitMinor: 1999 }],
};

async function serve(browser) {
  await serveAliExpress(browser.ctx, {
    pages: { '/p/order/detail.html': (url) => orderDetailPage(url.searchParams.get('orderId')) },
    api: (name) => (name === 'mtop.aliexpress.trade.buyer.order.detail' ? orderDetailBody(ORDER) : null),
  });
}

const state = (sw) =>
  sw.evaluate(async () => ({
    notifications: await chrome.notifications.getAll(),
    badge: await chrome.action.getBadgeText({}),
    alarm: await chrome.alarms.get('buyer-shield-wake'),
    lastCheckAt: (await chrome.storage.local.get('lastCheckAt')).lastCheckAt ?? 0,
  }));

describe('reminders in a real browser', () => {
  let browser;
  after(() => browser?.close());

  it('notifies once, counts the order on the badge, keeps an alarm, and does not repeat after a restart', async () => {
    browser = await launch();
    await serve(browser);
    const page = await browser.ctx.newPage();
    await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER.id}`);
    const first = await until(
      async () => {
        const s = await state(browser.sw);
        // The recompute sets the alarm after notifying and counting (lib/background/recompute.ts).
        return Object.keys(s.notifications).length > 0 && s.badge === '1' && s.alarm ? s : null;
      },
      { what: 'a notification, the badge and the wake alarm', timeout: 15_000 },
    );
    const ids = Object.keys(first.notifications);
    assert.equal(ids.length, 1, 'one notification');
    assert.match(ids[0], new RegExp(`^bs\\|${ORDER.id}\\|protection_end\\|`));
    assert.equal(first.badge, '1');
    assert.ok(first.alarm, 'the wake alarm is set');
    assert.ok(first.alarm.scheduledTime > Date.now(), 'the alarm is in the future');
    assert.ok(first.alarm.scheduledTime <= Date.now() + DAY + 60_000, 'at most a day ahead');

    // Same profile, new browser session.
    const profileDir = browser.profileDir;
    await browser.close({ keepProfile: true });
    const restartedAt = Date.now();
    browser = await launch({ profileDir });
    const again = await until(
      async () => {
        const s = await state(browser.sw);
        // The worker has worked everything out again since the restart.
        return s.lastCheckAt >= restartedAt && s.badge === '1' && s.alarm ? s : null;
      },
      { what: 'the worker to recompute after the restart', timeout: 15_000 },
    );
    assert.deepEqual(Object.keys(again.notifications), [], 'no reminder is shown twice at the restart');
    // One more full recompute after that (saving the settings unchanged starts one), so a late
    // duplicate would have had its chance: its notifications are created before lastCheckAt is
    // written (lib/background/recompute.ts), so waiting on lastCheckAt is waiting on them.
    const popup = await openPopup(browser);
    await popup.evaluate(async () => {
      const r = await chrome.runtime.sendMessage({ type: 'getSettings', payload: {} });
      await chrome.runtime.sendMessage({ type: 'saveSettings', payload: r.value });
    });
    await popup.close();
    const later = await until(
      async () => {
        const s = await state(browser.sw);
        return s.lastCheckAt > again.lastCheckAt ? s : null;
      },
      { what: 'one more recompute', timeout: 15_000 },
    );
    assert.deepEqual(Object.keys(later.notifications), [], 'no reminder is shown twice');
    assert.equal(later.badge, '1');
  });
});
