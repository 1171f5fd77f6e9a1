// Issue "Foundation": the whole path in a real Chromium. A fixture page at the real order-list
// URL → content scripts → background → Dexie → the popup shows the order → Export backup holds
// it → Import backup into a fresh profile restores it; a bad backup changes nothing.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { orderListBody } from '../support/aliexpress-bodies.mjs';
import {
  ARTIFACTS,
  EXTENSION_DIR,
  exportBackupFile,
  launch,
  openPopup,
  screenshot,
  serveAliExpress,
  until,
} from './harness.mjs';
import { orderListPage } from './pages.mjs';

const ORDER = {
  id: '8123456789012345',
  status: 'Awaiting delivery',
  placedOn: '2026-10-01',
  totalMinor: 1234,
  store: 'Vega Store',
  lines: [{ id: '8123456789012346', title: 'USB-C cable 2m, braided', quantity: 2, unitMinor: 617 }],
};

describe('foundation: page → background → popup → backup', () => {
  let browser;
  let backup;

  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: { '/p/order/index.html': orderListPage() },
      api: (name) => (name === 'mtop.aliexpress.trade.buyer.order.list' ? orderListBody([ORDER]) : null),
    });
  });
  after(() => browser?.close());

  it('asks for exactly the agreed permissions and hosts', async () => {
    const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    assert.equal(manifest.name, '__MSG_extName__');
    const en = JSON.parse(await readFile(path.join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
    assert.equal(en.extName.message, 'Buyer Shield');
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...manifest.permissions].sort(), ['alarms', 'notifications', 'storage']);
    assert.deepEqual([...manifest.host_permissions].sort(), [
      'https://*.aliexpress.com/*',
      'https://*.aliexpress.us/*',
    ]);
    assert.equal(manifest.content_security_policy, undefined, 'the default MV3 policy forbids remote code');
    for (const size of ['16', '32', '48', '128']) assert.ok(manifest.icons?.[size], `icon ${size}`);
  });

  it('reads the order on the AliExpress orders page and shows it in the popup', async () => {
    const page = await browser.ctx.newPage();
    await page.goto('https://www.aliexpress.com/p/order/index.html');
    await page.getByText(`Order ID: ${ORDER.id}`).waitFor();
    const popup = await openPopup(browser);
    // The popup asks the background once; reopen until the capture has been stored.
    await until(
      async () => {
        if (await popup.getByRole('article', { name: `Order ${ORDER.id}` }).count()) return true;
        await popup.reload();
        return false;
      },
      { what: 'the order in the popup', timeout: 30_000, interval: 200 },
    );
    const card = popup.getByRole('article', { name: `Order ${ORDER.id}` });
    await card.waitFor();
    assert.match(await card.innerText(), /USB-C cable 2m, braided/);
    assert.match(await card.innerText(), /\$12\.34/);
    assert.match(await card.innerText(), /Awaiting delivery/);
    await screenshot(popup, 'popup-foundation');
    await popup.close();
    await page.close();
  });

  it('exports a backup that holds the order', async () => {
    backup = await exportBackupFile(browser);
    assert.match(backup.name, /^buyer-shield-backup-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(backup.json.format, 'buyer-shield-backup');
    assert.equal(backup.json.version, 1);
    const order = backup.json.orders.find((o) => o.id === ORDER.id);
    assert.ok(order, 'the order is in the backup');
    assert.equal(order.status, 'awaiting_delivery');
    assert.deepEqual(order.total, { amountMinor: 1234, currency: 'USD' });
    assert.equal(order.lines[0].quantity, 2);
  });

  it('imports the backup into a fresh profile, and refuses a broken one without changing anything', async () => {
    const fresh = await launch();
    try {
      const options = await fresh.ctx.newPage();
      await options.goto(fresh.url('options.html'));
      await options.getByLabel('Import backup').setInputFiles(backup.file);
      await options
        .getByRole('status')
        .getByText(/Orders imported from .*: 1\./)
        .waitFor();

      const broken = path.join(ARTIFACTS, 'broken-backup.json');
      const bad = structuredClone(backup.json);
      bad.orders.push({
        ...bad.orders[0],
        id: '8000000000000009',
        total: { amountMinor: 'lots', currency: 'USD' },
      });
      await writeFile(broken, JSON.stringify(bad));
      await options.getByLabel('Import backup').setInputFiles(broken);
      const alert = options.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Order 2 of 2 \(8000000000000009\).*Nothing was imported/);
      await screenshot(options, 'options-import-refused');

      const popup = await openPopup(fresh);
      const card = popup.getByRole('article', { name: `Order ${ORDER.id}` });
      await card.waitFor();
      assert.equal(await popup.getByRole('article').count(), 1, 'the broken file added nothing');
      await screenshot(popup, 'popup', { docs: true });
    } finally {
      await fresh.close();
    }
  });
});
