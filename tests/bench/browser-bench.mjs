// Figures 3 (storing), 4 (popup) and 5 (page cost), in Debian's Chromium with the built
// extension copied to a private folder (so a rebuild by someone else mid-run cannot change it).
// Pages are served at the real AliExpress URLs by tests/e2e/harness.mjs `serveAliExpress`.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium, serveAliExpress } from '../e2e/harness.mjs';
import { acsUrl, bulkOrders, orderListBody } from '../support/aliexpress-bodies.mjs';
import { orderListPageWithCards, replayPage } from './pages.mjs';
import { ratios, sleep, summarize } from './stats.mjs';

const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
const ORDER_PAGE = 'https://www.aliexpress.com/p/order/index.html';

/** harness.mjs `launch`, but with the extension folder given (a private copy of the build). */
export async function launchWith(extDir) {
  const dir = await mkdtemp(path.join(tmpdir(), 'buyer-shield-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1200, height: 900 },
    args: chromiumArgs(extDir),
  });
  await ctx.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  let [sw] = ctx.serviceWorkers();
  sw ??= await ctx.waitForEvent('serviceworker', { timeout: 15_000 });
  const extId = new URL(sw.url()).host;
  return {
    ctx,
    extId,
    extDir,
    version: ctx.browser()?.version() ?? null,
    url: (p) => `chrome-extension://${extId}/${p}`,
    async close() {
      await ctx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ── Helpers run inside a page of the extension's origin (it shares the background's IndexedDB) ──

/** Opens a tab in the extension origin that runs nothing of ours (the manifest, as a document). */
async function openProbe(b) {
  const page = await b.ctx.newPage();
  await page.goto(b.url('manifest.json'));
  const dexie = await readFile(createRequire(import.meta.url).resolve('dexie/dist/dexie.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the extension's CSP does not apply.
  await page.evaluate(dexie);
  await page.evaluate(() => {
    const open = () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('buyer-shield');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const req = (r) =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    let db = null;
    const store = async () => {
      db ??= await open();
      return db.transaction('orders', 'readonly').objectStore('orders');
    };
    globalThis.bench = {
      count: async () => req((await store()).count()),
      all: async () => req((await store()).getAll()),
      /** Resolves with Date.now() when the orders table holds at least `n` rows. */
      async waitForCount(n, timeoutMs) {
        const end = Date.now() + timeoutMs;
        for (;;) {
          const c = await req((await store()).count());
          if (c >= n) return { at: Date.now(), count: c };
          if (Date.now() > end) return { at: null, count: c };
          await new Promise((r) => setTimeout(r, 5));
        }
      },
      send: (type, payload) => chrome.runtime.sendMessage({ type, payload }),
    };
  });
  return page;
}

/** The floor: a raw Dexie bulkPut of `rows` into a scratch database with our store layout. */
function floorBulkPut(rows) {
  return (async () => {
    const Dexie = globalThis.Dexie;
    await Dexie.delete('bench-floor');
    const db = new Dexie('bench-floor');
    db.version(1).stores({
      orders: 'id',
      packages: 'key, orderId',
      disputes: 'id, orderId',
      refunds: 'id, orderId',
      checklist: '[orderId+itemId], orderId',
      reminders: 'id, orderId',
      diagnostics: '++id, at',
      settings: 'key',
    });
    await db.open();
    const t0 = performance.now();
    await db.orders.bulkPut(rows);
    const ms = performance.now() - t0;
    const n = await db.orders.count();
    db.close();
    await Dexie.delete('bench-floor');
    return { ms, n };
  })();
}

// ── 3. Storing ─────────────────────────────────────────────────────────────────────────────

const PAGES = 20;
const PER_PAGE = 500;
const TOTAL = PAGES * PER_PAGE;

function bodiesFor(orders, perPage) {
  const out = [];
  for (let i = 0; i < orders.length; i += perPage) {
    const page = i / perPage + 1;
    out.push(
      orderListBody(orders.slice(i, i + perPage), { hasMore: i + perPage < orders.length, pageIndex: page }),
    );
  }
  return out;
}

const replayUrl = (i) =>
  acsUrl(
    LIST_API,
    { statusTab: 'all', renderType: 'init', clientPlatform: 'pc', pageIndex: i + 1 },
    { jsonp: `mtopjsonp${i + 1}` },
  );

/** Opens the replay page, downloads `n` bodies into it (untimed), returns the page. */
async function openReplay(b, n) {
  const page = await b.ctx.newPage();
  await page.goto(ORDER_PAGE);
  await page.evaluate(
    (paths) => window.__preload(paths),
    Array.from({ length: n }, (_, i) => `/bench/body-${i}.json`),
  );
  return page;
}

/** Hands the page's bodies to the capture; resolves with ms until the table holds `target` rows. */
async function replayUntil(page, probe, n, target) {
  const done = probe.evaluate(([t]) => globalThis.bench.waitForCount(t, 60_000), [target]);
  const t0 = await page.evaluate(
    (urls) => window.__replay(urls),
    Array.from({ length: n }, (_, i) => replayUrl(i)),
  );
  const end = await done;
  if (end.at === null) throw new Error(`storing: only ${end.count} of ${target} rows after 60 s`);
  return end.at - t0;
}

/** Waits until the background has finished recomputing (the badge and alarm follow a write). */
async function settle(probe) {
  let last = -1;
  for (let i = 0; i < 40; i += 1) {
    await sleep(250);
    // A cheap message answered only once the worker's earlier work has let go of the thread.
    const t0 = Date.now();
    await probe.evaluate(() => globalThis.bench.send('getSettings', {}));
    const ms = Date.now() - t0;
    if (ms < 30 && last >= 0 && last < 30) return;
    last = ms;
  }
}

export async function benchStoring(b, { runs = 5, log = () => {} } = {}) {
  const orders = bulkOrders(TOTAL);
  const sentinel = bulkOrders(1, { firstId: 8_900_000_000_000_000n })[0];
  const bodies = [...bodiesFor(orders, PER_PAGE), orderListBody([sentinel], { pageIndex: PAGES + 1 })];
  const bodyChars = bodies.map((x) => JSON.stringify(x).length);
  const pages = { '/p/order/index.html': replayPage() };
  bodies.forEach((x, i) => {
    pages[`/bench/body-${i}.json`] = JSON.stringify(x);
  });
  await serveAliExpress(b.ctx, { pages, api: () => null });
  const probe = await openProbe(b);

  const store = [];
  const floor = [];
  const revisit = [];
  const changed = [];
  for (let r = 0; r < runs; r += 1) {
    await probe.evaluate(() => globalThis.bench.send('wipeAll', { confirm: 'wipe' }));
    await settle(probe);
    if ((await probe.evaluate(() => globalThis.bench.count())) !== 0) throw new Error('storing: wipe failed');

    // The real path: 20 captured pages of 500 orders.
    let page = await openReplay(b, PAGES);
    store.push(await replayUntil(page, probe, PAGES, TOTAL));
    await page.close();
    await settle(probe);

    // The floor, in the same run: the very rows now stored, bulkPut raw into a scratch database.
    const before = await probe.evaluate(() => globalThis.bench.all());
    if (before.length !== TOTAL) throw new Error(`storing: ${before.length} rows stored, expected ${TOTAL}`);
    const f = await probe.evaluate(floorBulkPut, before);
    if (f.n !== TOTAL) throw new Error('storing: the floor did not write every row');
    floor.push(f.ms);

    // The same 10,000 again on a fresh visit, then one new order that marks the end of the queue.
    page = await openReplay(b, PAGES + 1);
    revisit.push(await replayUntil(page, probe, PAGES + 1, TOTAL + 1));
    await page.close();
    const after = new Map(
      (await probe.evaluate(() => globalThis.bench.all())).map((o) => [o.id, JSON.stringify(o)]),
    );
    changed.push(before.filter((o) => after.get(o.id) !== JSON.stringify(o)).length);
    log(
      `  storing run ${r + 1}/${runs}: ${store.at(-1).toFixed(0)} ms, floor ${f.ms.toFixed(0)} ms, re-visit ${revisit.at(-1).toFixed(0)} ms, ${changed.at(-1)} rows changed`,
    );
  }
  await probe.close();
  return {
    orders: TOTAL,
    pages: PAGES,
    perPage: PER_PAGE,
    bodyChars: { min: Math.min(...bodyChars.slice(0, PAGES)), max: Math.max(...bodyChars.slice(0, PAGES)) },
    store: summarize(store),
    floor: summarize(floor),
    storeOverFloor: summarize(ratios(store, floor)),
    revisit: summarize(revisit),
    revisitRowsChanged: changed,
  };
}

// ── 4. Popup ───────────────────────────────────────────────────────────────────────────────

/** Fills the store with the 10,000 orders (real path, untimed) and opens the popup `runs` times. */
export async function benchPopup(b, { runs = 7, log = () => {} } = {}) {
  const probe = await openProbe(b);
  await probe.evaluate(() => globalThis.bench.send('wipeAll', { confirm: 'wipe' }));
  await settle(probe);
  const page = await openReplay(b, PAGES);
  await replayUntil(page, probe, PAGES, TOTAL);
  await page.close();
  await settle(probe);
  const stored = await probe.evaluate(() => globalThis.bench.count());
  if (stored !== TOTAL) throw new Error(`popup: ${stored} orders stored, expected ${TOTAL}`);

  await b.ctx.addInitScript(() => {
    if (!location.pathname.endsWith('/popup.html')) return;
    const marks = {};
    globalThis.__popupMarks = marks;
    const obs = new MutationObserver(() => {
      if (marks.inDom !== undefined || !document.querySelector('article.order')) return;
      marks.inDom = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now()), 0));
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  const inDom = [];
  const painted = [];
  let cards = 0;
  for (let r = 0; r < runs; r += 1) {
    const popup = await b.ctx.newPage();
    await popup.setViewportSize({ width: 440, height: 640 });
    await popup.goto(b.url('popup.html'));
    await popup.waitForFunction(() => globalThis.__popupMarks?.painted !== undefined, null, {
      timeout: 60_000,
    });
    const m = await popup.evaluate(() => globalThis.__popupMarks);
    cards = await popup.locator('article.order').count();
    inDom.push(m.inDom);
    painted.push(m.painted);
    log(
      `  popup run ${r + 1}/${runs}: first card painted at ${m.painted.toFixed(0)} ms (${cards} cards rendered)`,
    );
    await popup.close();
    await sleep(300);
  }
  await probe.close();
  return { orders: stored, cardsRendered: cards, inDom: summarize(inDom), painted: summarize(painted) };
}

/** The first characters of the built code a "name (script:line:column)" frame points at. */
export function codeAt(extDir, frame) {
  const m = /\(([^():]+):(\d+):(\d+)\)/.exec(frame);
  if (!m) return '';
  try {
    const line =
      readFileSync(path.join(extDir, 'content-scripts', m[1]), 'utf8').split('\n')[Number(m[2]) - 1] ?? '';
    return line.slice(Number(m[3]) - 1, Number(m[3]) + 69);
  } catch {
    return '';
  }
}

// ── 5. Page cost ───────────────────────────────────────────────────────────────────────────

/** Main-thread time of our content scripts on a 100-order list page, per load (CPU profiler). */
export async function benchPageCost(b, { loads = 10, log = () => {} } = {}) {
  const orders = bulkOrders(100, { firstId: 8_200_000_000_000_000n });
  const apiUrl = acsUrl(LIST_API, { statusTab: 'all', renderType: 'init', clientPlatform: 'pc' });
  await b.ctx.unrouteAll({ behavior: 'ignoreErrors' });
  await b.ctx.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  await serveAliExpress(b.ctx, {
    pages: { '/p/order/index.html': orderListPageWithCards(apiUrl, orders) },
    api: (name) => (name === LIST_API ? orderListBody(orders) : null),
  });
  const prefix = `chrome-extension://${b.extId}/content-scripts/`;
  const total = [];
  const byScript = {};
  const byFunction = new Map();
  for (let i = 0; i < loads + 1; i += 1) {
    const page = await b.ctx.newPage();
    const cdp = await b.ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(ORDER_PAGE);
    await page.waitForFunction(() => document.title.startsWith('Orders loaded'), null, { timeout: 30_000 });
    // The DOM is read 400 ms after the last card appears; leave room for it and the sending.
    await sleep(1500);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    await page.close();
    if (i === 0) continue; // the first load compiles the scripts for the first time: warm-up
    const parent = new Map();
    const byId = new Map();
    for (const n of profile.nodes) {
      byId.set(n.id, n);
      for (const c of n.children ?? []) parent.set(c, n.id);
    }
    // Inclusive time: a sample counts when any frame of its stack is one of our content scripts
    // (so JSON.parse or DOM calls made by our code count too), attributed to the innermost one.
    const ours = new Map();
    const scriptOf = (id) => {
      if (ours.has(id)) return ours.get(id);
      const n = byId.get(id);
      const url = n?.callFrame.url ?? '';
      const mine = url.startsWith(prefix) ? url.slice(prefix.length) : null;
      const p = parent.get(id);
      const v = mine ?? (p === undefined ? null : scriptOf(p));
      ours.set(id, v);
      return v;
    };
    /** The innermost frame of ours in a sample's stack, as "function (script:line)". */
    const frameOf = (id) => {
      for (let n = byId.get(id); n; n = byId.get(parent.get(n.id))) {
        const f = n.callFrame;
        if (f.url.startsWith(prefix))
          return `${f.functionName || '(anonymous)'} (${f.url.slice(prefix.length)}:${f.lineNumber + 1}:${f.columnNumber + 1})`;
      }
      return null;
    };
    const per = {};
    let sum = 0;
    profile.samples.forEach((id, k) => {
      const s = scriptOf(id);
      if (!s) return;
      const ms = (profile.timeDeltas[k + 1] ?? profile.timeDeltas[k] ?? 0) / 1000;
      per[s] = (per[s] ?? 0) + ms;
      sum += ms;
      const node = byId.get(id);
      const leaf =
        node && !node.callFrame.url.startsWith(prefix)
          ? ` → ${node.callFrame.functionName || node.callFrame.url || '(native)'}`
          : '';
      const key = `${frameOf(id)}${leaf}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    });
    total.push(sum);
    for (const [s, ms] of Object.entries(per)) {
      byScript[s] ??= [];
      byScript[s].push(ms);
    }
    log(`  page load ${i}/${loads}: ${sum.toFixed(1)} ms in our content scripts`);
  }
  return {
    orders: orders.length,
    total: summarize(total),
    byScript: Object.fromEntries(Object.entries(byScript).map(([s, v]) => [s, summarize(v)])),
    // Where the time goes: mean ms per load by innermost frame of ours (→ the native it called).
    hotspots: [...byFunction]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 12)
      .map(([frame, ms]) => ({ frame, code: codeAt(b.extDir, frame), msPerLoad: ms / loads })),
  };
}

export async function runBrowserBenches(extDir, { log = console.log, quick = false } = {}) {
  const b = await launchWith(extDir);
  try {
    log(`Chromium ${b.version}, extension ${b.extId}`);
    const storing = await benchStoring(b, { runs: quick ? 2 : 5, log });
    const popup = await benchPopup(b, { runs: quick ? 3 : 7, log });
    const pageCost = await benchPageCost(b, { loads: quick ? 3 : 10, log });
    return { chromium: b.version, storing, popup, pageCost };
  } finally {
    await b.close();
  }
}
