// Real-browser harness: Debian's Chromium loads the built extension, and fixture pages are
// served at the real AliExpress URLs through Playwright's context.route (no network).
// Recipe: shared/reference/toolchain.md "Real browser".
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(root, '.output/chrome-mv3');
export const ARTIFACTS = path.join(root, 'tests/e2e/artifacts');
export const SCREENSHOTS = path.join(root, 'docs/screenshots');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's Chromium with " +
        '"sudo apt-get install -y chromium" (it lands in /usr/bin/chromium), or set CHROME_PATH ' +
        'to a Chromium or Chrome binary.',
    );
  }
  return found;
}

/**
 * Chromium flags for a headless run with an unpacked extension and no network of its own
 * (the background-networking flags keep Chromium from calling home on a closed network).
 */
export function chromiumArgs(extDir, locale = 'en-US') {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    `--lang=${locale}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** Starts Chromium with the built extension. Pass the same profileDir to reopen a profile. */
export async function launch({ profileDir, locale = 'en-US', timezoneId = 'UTC' } = {}) {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const dir = profileDir ?? (await mkdtemp(path.join(tmpdir(), 'buyer-shield-e2e-')));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    locale,
    timezoneId,
    viewport: { width: 1200, height: 900 },
    args: chromiumArgs(EXTENSION_DIR, locale),
  });
  // Nothing may leave the machine: every request not answered by a fixture route is refused.
  await ctx.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  let [sw] = ctx.serviceWorkers();
  sw ??= await ctx.waitForEvent('serviceworker', { timeout: 15_000 });
  const extId = new URL(sw.url()).host;
  return {
    ctx,
    sw,
    extId,
    profileDir: dir,
    url: (page) => `chrome-extension://${extId}/${page}`,
    async close({ keepProfile = false } = {}) {
      await ctx.close();
      if (!keepProfile) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves fixture pages and API bodies at the real AliExpress addresses.
 * pages: { '/p/order/index.html': html or (url) => html, … } (any aliexpress.com host);
 * api(apiName, url) → body object, or a string (sent as is), or null for 404.
 */
export async function serveAliExpress(ctx, { pages = {}, api = () => null }) {
  await ctx.route(/^https:\/\/acs\.aliexpress\.com\/h5\//, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // The real gateway answers the page's credentialed cross-origin calls.
    const cors = {
      'access-control-allow-origin': (await request.headerValue('origin')) ?? 'https://www.aliexpress.com',
      'access-control-allow-credentials': 'true',
    };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const name = url.pathname.split('/')[2] ?? '';
    const body = await api(name.toLowerCase(), url);
    if (body === null || body === undefined) return route.fulfill({ status: 404, headers: cors, body: '' });
    const callback = url.searchParams.get('callback');
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return route.fulfill({
      status: 200,
      contentType: callback ? 'application/javascript' : 'application/json',
      headers: cors,
      body: callback ? `${callback}(${text})` : text,
    });
  });
  await ctx.route(/^https:\/\/([a-z-]+\.)?aliexpress\.(com|us)\/(?!h5)/, (route) => {
    const url = new URL(route.request().url());
    const page = pages[url.pathname];
    const html = typeof page === 'function' ? page(url) : page;
    if (html === undefined)
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

/** Polls fn until it returns a truthy value. */
export async function until(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(
    `Timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`,
  );
}

export async function screenshot(page, name, { docs = false } = {}) {
  const dir = docs ? SCREENSHOTS : ARTIFACTS;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Opens the popup as a tab of popup size. */
export async function openPopup(browser, { colorScheme = 'light' } = {}) {
  const page = await browser.ctx.newPage();
  await page.setViewportSize({ width: 440, height: 640 });
  await page.emulateMedia({ colorScheme });
  await page.goto(browser.url('popup.html'));
  return page;
}

/**
 * Exports a backup the way a person does (Options → Export backup) and reads the downloaded
 * file. Returns its name, where it was saved, and its JSON.
 */
export async function exportBackupFile(browser, prefix = '') {
  const page = await browser.ctx.newPage();
  await page.goto(browser.url('options.html'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${prefix}${download.suggestedFilename()}`);
  await download.saveAs(file);
  await page.close();
  return { name: download.suggestedFilename(), file, json: JSON.parse(await readFile(file, 'utf8')) };
}

/** The exported backup's JSON. */
export async function exportBackup(browser, prefix = '') {
  return (await exportBackupFile(browser, prefix)).json;
}
