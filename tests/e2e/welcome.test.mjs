// A new install opens the welcome page once, in the buyer's language: what Buyer Shield does,
// what it never does, and a link to the real AliExpress orders page to start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { launch, screenshot, until } from './harness.mjs';

async function welcomeTab(browser) {
  return until(() => browser.ctx.pages().find((p) => p.url().endsWith('/welcome.html')), {
    timeout: 30_000,
    what: 'the welcome tab',
  });
}

describe('welcome on install', () => {
  it('opens once, says what it does and never does, and links to the orders page', async () => {
    const browser = await launch();
    try {
      const page = await welcomeTab(browser);
      await page.setViewportSize({ width: 900, height: 900 });
      const heading = page.getByRole('heading', { level: 1, name: 'Welcome to Buyer Shield' });
      await heading.waitFor();
      assert.ok(await page.getByRole('heading', { name: 'What it never does' }).isVisible());
      assert.match(await page.locator('main').innerText(), /Your data stays on this device/);
      const link = page.getByRole('link', { name: 'My orders on AliExpress' });
      assert.equal(await link.getAttribute('href'), 'https://www.aliexpress.com/p/order/index.html');
      await screenshot(page, 'welcome', { docs: true });
    } finally {
      await browser.close();
    }
  });

  it('is not opened again when the same profile starts again', async () => {
    const first = await launch();
    // The buyer reads it and closes it (a tab left open would be restored with the session).
    await (await welcomeTab(first)).close();
    await first.close({ keepProfile: true });
    const again = await launch({ profileDir: first.profileDir });
    try {
      // The worker is up and has handled its start events once the popup answers.
      const popup = await again.ctx.newPage();
      await popup.goto(again.url('popup.html'));
      await popup.getByRole('heading', { name: 'Buyer Shield' }).first().waitFor();
      assert.equal(again.ctx.pages().filter((p) => p.url().endsWith('/welcome.html')).length, 0);
    } finally {
      await again.close();
    }
  });

  it('speaks the browser language', async () => {
    const browser = await launch({ locale: 'es-ES' });
    try {
      await welcomeTab(browser);
      // Read in a page the browser has fully set up: at a profile's very first start, headless
      // Chromium under load may still report English both to the worker (i18n.getUILanguage)
      // and to a tab it opened that early (navigator.language), which a real browser does not.
      const page = await browser.ctx.newPage();
      await page.goto(browser.url('welcome.html'));
      await page.getByRole('heading', { level: 1, name: 'Te damos la bienvenida a Buyer Shield' }).waitFor();
      assert.ok(await page.getByRole('link', { name: 'Mis pedidos en AliExpress' }).isVisible());
    } finally {
      await browser.close();
    }
  });
});
