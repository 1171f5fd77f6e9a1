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
/** How long after its `load` the page asks for its list in the second page-cost series. */
const LATE_LIST_MS = 1000;

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
      /** Whether the worker has kept the popup's first page (lib/store/summaries.ts). */
      async hasKeptPage() {
        db ??= await open();
        if (!db.objectStoreNames.contains('summaries')) return false;
        const row = await req(
          db.transaction('summaries', 'readonly').objectStore('summaries').get('dashboard'),
        );
        // Every write to the facts sets it to null in its own transaction (lib/store/db.ts).
        return row?.value != null;
      },
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

/**
 * Replays captured list bodies `from`..`to` (exclusive) and resolves with ms until the table
 * holds `target` rows. One real page load may add at most `LIMITS.newOrdersPerPage` (5,000) new
 * orders (lib/protocol/limits.ts, issue 14), so new orders come over `visits` page loads, each
 * with its share of the bodies, replayed at the same moment; bodies are downloaded untimed first.
 */
async function replayVisits(b, probe, { from = 0, to, target, visits = 1 }) {
  const per = Math.ceil((to - from) / visits);
  const shares = Array.from({ length: visits }, (_, v) => {
    const start = from + v * per;
    return Array.from({ length: Math.max(0, Math.min(to, start + per) - start) }, (_, i) => start + i);
  });
  const pages = [];
  for (const share of shares) {
    const page = await b.ctx.newPage();
    await page.goto(ORDER_PAGE);
    await page.evaluate(
      (paths) => window.__preload(paths),
      share.map((i) => `/bench/body-${i}.json`),
    );
    pages.push(page);
  }
  const done = probe.evaluate(([t]) => globalThis.bench.waitForCount(t, 60_000), [target]);
  const starts = await Promise.all(
    pages.map((page, v) => page.evaluate((urls) => window.__replay(urls), shares[v].map(replayUrl))),
  );
  const end = await done;
  for (const page of pages) await page.close();
  if (end.at === null) throw new Error(`storing: only ${end.count} of ${target} rows after 60 s`);
  return end.at - Math.min(...starts);
}

/** 10,000 new orders: more than one page load may add, so two visits of 10 pages each. */
const NEW_ORDER_VISITS = 2;

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

/**
 * Serves the order-list page and the 21 captured bodies (once per browser): storing and the
 * popup both fill the store through it, and `--only=popup` runs without storing.
 */
async function serveBodies(b) {
  if (b.bodies) return b.bodies;
  const orders = bulkOrders(TOTAL);
  const sentinel = bulkOrders(1, { firstId: 8_900_000_000_000_000n })[0];
  const bodies = [...bodiesFor(orders, PER_PAGE), orderListBody([sentinel], { pageIndex: PAGES + 1 })];
  const pages = { '/p/order/index.html': replayPage() };
  bodies.forEach((x, i) => {
    pages[`/bench/body-${i}.json`] = JSON.stringify(x);
  });
  await serveAliExpress(b.ctx, { pages, api: () => null });
  b.bodies = bodies;
  return bodies;
}

export async function benchStoring(b, { runs = 5, log = () => {} } = {}) {
  const bodies = await serveBodies(b);
  const bodyChars = bodies.map((x) => JSON.stringify(x).length);
  const probe = await openProbe(b);

  const store = [];
  const floor = [];
  const revisit = [];
  const changed = [];
  for (let r = 0; r < runs; r += 1) {
    await probe.evaluate(() => globalThis.bench.send('wipeAll', { confirm: 'wipe' }));
    await settle(probe);
    if ((await probe.evaluate(() => globalThis.bench.count())) !== 0) throw new Error('storing: wipe failed');

    // The real path: 20 captured pages of 500 orders, over two page loads.
    store.push(await replayVisits(b, probe, { to: PAGES, target: TOTAL, visits: NEW_ORDER_VISITS }));
    await settle(probe);

    // The floor, in the same run: the very rows now stored, bulkPut raw into a scratch database.
    const before = await probe.evaluate(() => globalThis.bench.all());
    if (before.length !== TOTAL) throw new Error(`storing: ${before.length} rows stored, expected ${TOTAL}`);
    const f = await probe.evaluate(floorBulkPut, before);
    if (f.n !== TOTAL) throw new Error('storing: the floor did not write every row');
    floor.push(f.ms);

    // The same 10,000 again on a fresh visit, then one new order that marks the end of the queue.
    revisit.push(await replayVisits(b, probe, { to: PAGES + 1, target: TOTAL + 1 }));
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
  await serveBodies(b);
  const probe = await openProbe(b);
  await probe.evaluate(() => globalThis.bench.send('wipeAll', { confirm: 'wipe' }));
  await settle(probe);
  await replayVisits(b, probe, { to: PAGES, target: TOTAL, visits: NEW_ORDER_VISITS });
  await settle(probe);
  const stored = await probe.evaluate(() => globalThis.bench.count());
  if (stored !== TOTAL) throw new Error(`popup: ${stored} orders stored, expected ${TOTAL}`);
  // A worker the browser stops idle has long finished its recompute, which keeps the popup's
  // first page; stopping it before that would time a path no buyer meets.
  await until(() => probe.evaluate(() => globalThis.bench.hasKeptPage()), "the worker's kept popup page");

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
  const cdp = await b.ctx.newCDPSession(probe);
  await cdp.send('ServiceWorker.enable');
  for (let r = 0; r < runs; r += 1) {
    // A cold worker, as after the browser stopped it idle (MV3): the popup's first call wakes it.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await until(async () => !(await serviceWorkerTarget(cdp)), 'the worker to stop');
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
  // 7. Memory: the worker's JS heap with the 10,000 orders stored and the snapshot built. A
  // search, since a cold worker answers the first page from the page kept at recompute
  // (lib/store/summaries.ts) and builds the snapshot only a second later.
  await probe.evaluate(() =>
    globalThis.bench.send('getDashboard', { query: 'item', limits: { act_now: 50, watch: 50, settled: 50 } }),
  );
  await settle(probe);
  const workerHeap = [];
  for (let r = 0; r < 3; r += 1) workerHeap.push(await workerHeapUsed(cdp));
  await cdp.detach();
  await probe.close();
  return {
    orders: stored,
    cardsRendered: cards,
    inDom: summarize(inDom),
    painted: summarize(painted),
    workerHeap: summarize(workerHeap),
  };
}

async function serviceWorkerTarget(cdp) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.find((t) => t.type === 'service_worker') ?? null;
}

async function until(fn, what, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The worker's used JS heap after a full GC, through a DevTools session attached to it. */
async function workerHeapUsed(cdp) {
  const sw = await serviceWorkerTarget(cdp);
  if (!sw) throw new Error('memory: no service worker running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let id = 0;
  const pending = new Map();
  const onMessage = (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      id += 1;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const m = await send('Runtime.getHeapUsage');
    return m.result.usedSize;
  } finally {
    cdp.off('Target.receivedMessageFromTarget', onMessage);
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
}

/** The first characters of the built code a "name (script:line:column)" frame points at. */
export function codeAt(extDir, frame) {
  const m = /\(([^():]+):(\d+):(\d+)\)/.exec(frame);
  if (!m) return '';
  try {
    const line = readFileSync(path.join(extDir, m[1]), 'utf8').split('\n')[Number(m[2]) - 1] ?? '';
    return line.slice(Number(m[3]) - 1, Number(m[3]) + 69);
  } catch {
    return '';
  }
}

// ── 5. Page cost, side by side with the peer ───────────────────────────────────────────────

/** A Chromium with no extension at all: the page's own heap, for the extra heap of the others. */
async function launchPlain() {
  const dir = await mkdtemp(path.join(tmpdir(), 'buyer-shield-bench-plain-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1200, height: 900 },
    args: chromiumArgs('/nonexistent').filter((a) => !a.includes('extension')),
  });
  await ctx.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  return {
    ctx,
    extId: null,
    async close() {
      await ctx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * When the buyer sees badges (ours only): the first one filled in, and every card in the
 * viewport with its badge filled in (cards further down get theirs as they come near).
 */
function watchBadges() {
  const marks = {};
  globalThis.__badgeMarks = marks;
  const filled = (card) =>
    Boolean(card.querySelector('buyer-shield-ui')?.shadowRoot?.querySelector('.bs-badge')?.textContent);
  let cards = null;
  let inView = null;
  const timer = setInterval(() => {
    if (cards === null) {
      const found = [...document.querySelectorAll('.order-item')];
      if (!found.length) return;
      // Which cards are in view is read once, as soon as they are in. A layout read on every
      // tick laid the page out ahead of every script of the extension in this load, which made
      // ours cheaper by ~18 % than the same build in a load without this watcher (an A/A run,
      // 2026-12-03): the peer's loads have no watcher.
      cards = found;
      inView = found.filter((c) => c.getBoundingClientRect().top < innerHeight);
    }
    if (marks.first === undefined && cards.some(filled)) marks.first = performance.now();
    if (inView.length && inView.every(filled)) {
      marks.inView = performance.now();
      marks.inViewCards = inView.length;
      marks.filledCards = cards.filter(filled).length;
      clearInterval(timer);
    }
  }, 5);
}

/**
 * How many responses the peer's page hook handed to its content script (its window message
 * `PARCEL_HUB_ALI_DATA`, parcel-deck injected/aliexpress-hook.js): whether the peer read the
 * page's list in that load. Its hook is injected at `document_idle`, so it misses a request
 * the page made before (§5).
 */
function countPeerReads() {
  globalThis.__peerReads = 0;
  addEventListener('message', (e) => {
    if (e.source === window && e.data?.type === 'PARCEL_HUB_ALI_DATA') globalThis.__peerReads += 1;
  });
}

/** One page load profiled: CPU ms in frames of `prefix` (null: none), heap, and the marks. */
async function profiledLoad(subject, { windowMs }) {
  const page = await subject.ctx.newPage();
  const cdp = await subject.ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(ORDER_PAGE);
  await page.waitForFunction(() => document.title.startsWith('Orders loaded'), null, { timeout: 30_000 });
  await sleep(windowMs);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const marks = await page.evaluate(() => ({
    cardsAt: globalThis.__cardsAt ?? null,
    badges: globalThis.__badgeMarks ?? null,
    cards: document.querySelectorAll('.order-item').length,
    peerReads: globalThis.__peerReads ?? null,
  }));
  await cdp.detach();
  await page.close();
  return { profile, heapUsed: heap.usedSize, marks };
}

/**
 * Every CPU-profiler sample whose stack holds a frame of the extension (`chrome-extension://<id>/`,
 * any of its scripts, in any world), attributed to the innermost such frame.
 */
function attribute(profile, prefix, byFunction) {
  const parent = new Map();
  const byId = new Map();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
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
    if (!byFunction) return;
    const node = byId.get(id);
    const leaf =
      node && !node.callFrame.url.startsWith(prefix)
        ? ` → ${node.callFrame.functionName || node.callFrame.url || '(native)'}`
        : '';
    const key = `${frameOf(id)}${leaf}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  });
  return { per, sum };
}

/**
 * A body as the real gateway sends it on each request: a new `traceId` and server clock
 * (`data.global.curTime`) every time (every capture in ../shared/aliexpress-fixtures has them),
 * so a re-visit's body is never the same text as the last one, as for a buyer.
 */
function liveBody(body) {
  const { api, data, ret, v } = body;
  const traceId = `2103${Math.random().toString(16).slice(2, 18)}e0f1b`;
  return { api, data: { ...data, global: { curTime: Date.now() } }, ret, traceId, v };
}

/**
 * Main-thread time of each extension's scripts on the same 100-order list page, loads alternated
 * between Buyer Shield, the peer and a browser with no extension (for the page's own heap), from
 * navigation to `windowMs` after the cards are in. The first round is a warm-up. The page asks
 * for its list while it is parsed, or, with `afterLoadMs`, that long after its `load` event (late
 * enough for the peer's hook, which its content script injects once the page is idle).
 */
export async function benchPageCost(
  b,
  { peerDir, loads = 10, windowMs = 2500, afterLoadMs = null, log = () => {} } = {},
) {
  const orders = bulkOrders(100, { firstId: 8_200_000_000_000_000n });
  const apiUrl = acsUrl(LIST_API, { statusTab: 'all', renderType: 'init', clientPlatform: 'pc' });
  const peer = peerDir ? await launchWith(peerDir) : null;
  const plain = await launchPlain();
  const subjects = [
    { name: 'ours', ctx: b.ctx, prefix: `chrome-extension://${b.extId}/` },
    ...(peer ? [{ name: 'peer', ctx: peer.ctx, prefix: `chrome-extension://${peer.extId}/` }] : []),
    { name: 'none', ctx: plain.ctx, prefix: null },
  ];
  try {
    for (const s of subjects) {
      await s.ctx.unrouteAll({ behavior: 'ignoreErrors' });
      await s.ctx.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
      await serveAliExpress(s.ctx, {
        pages: { '/p/order/index.html': orderListPageWithCards(apiUrl, orders, { afterLoadMs }) },
        api: (name) => (name === LIST_API ? liveBody(orderListBody(orders)) : null),
      });
    }
    await b.ctx.addInitScript(watchBadges);
    await peer?.ctx.addInitScript(countPeerReads);
    const per = Object.fromEntries(
      subjects.map((s) => [s.name, { total: [], heap: [], byScript: {}, first: [], all: [], reads: [] }]),
    );
    const byFunction = new Map();
    for (let i = 0; i < loads + 1; i += 1) {
      // Alternated, and the order reversed every other round, so neither side always goes first.
      const round = i % 2 ? [...subjects].reverse() : subjects;
      const line = [];
      for (const s of round) {
        const { profile, heapUsed, marks } = await profiledLoad(s, { windowMs });
        if (marks.cards !== orders.length) throw new Error(`page cost: ${marks.cards} cards on the page`);
        if (i === 0) continue; // the first round compiles everything for the first time: warm-up
        const p = per[s.name];
        p.heap.push(heapUsed);
        if (s.prefix) {
          const { per: scripts, sum } = attribute(profile, s.prefix, s.name === 'ours' ? byFunction : null);
          p.total.push(sum);
          for (const [script, v] of Object.entries(scripts)) {
            p.byScript[script] ??= [];
            p.byScript[script].push(v);
          }
          line.push(`${s.name} ${sum.toFixed(1)} ms`);
        }
        if (s.name === 'peer') p.reads.push(marks.peerReads);
        if (s.name === 'ours') {
          const m = marks.badges;
          if (m?.first === undefined || m.inView === undefined || marks.cardsAt === null)
            throw new Error('page cost: the badges of the cards in view were not filled in');
          p.first.push(m.first - marks.cardsAt);
          p.all.push(m.inView - marks.cardsAt);
          line.push(`badges in view ${(m.inView - marks.cardsAt).toFixed(0)} ms after the cards`);
        }
      }
      if (i > 0) log(`  page load ${i}/${loads}: ${line.join(', ')}`);
    }
    const sum = (p) => ({
      total: summarize(p.total),
      byScript: Object.fromEntries(Object.entries(p.byScript).map(([k, v]) => [k, summarize(v)])),
      heap: summarize(p.heap),
    });
    const ours = per.ours;
    return {
      orders: orders.length,
      windowMs,
      afterLoadMs,
      ours: {
        ...sum(ours),
        extraHeap: summarize(ours.heap.map((h, k) => h - per.none.heap[k])),
        badgesFirst: summarize(ours.first),
        badgesInView: summarize(ours.all),
      },
      peer: peer
        ? {
            ...sum(per.peer),
            extraHeap: summarize(per.peer.heap.map((h, k) => h - per.none.heap[k])),
            oursOverPeer: summarize(ratios(ours.total, per.peer.total)),
            // The list bodies the peer's hook passed on, per load (lowest and highest).
            reads: { min: Math.min(...per.peer.reads), max: Math.max(...per.peer.reads) },
          }
        : null,
      none: { heap: summarize(per.none.heap) },
      // Where the time goes: mean ms per load by innermost frame of ours (→ the native it called).
      hotspots: [...byFunction]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 12)
        .map(([frame, ms]) => ({ frame, code: codeAt(b.extDir, frame), msPerLoad: ms / loads })),
    };
  } finally {
    await peer?.close();
    await plain.close();
  }
}

export async function runBrowserBenches(extDir, { log = console.log, quick = false, peerDir, only } = {}) {
  const b = await launchWith(extDir);
  try {
    log(`Chromium ${b.version}, extension ${b.extId}`);
    const want = (part) => !only || only === part;
    const storing = want('storing') ? await benchStoring(b, { runs: quick ? 2 : 5, log }) : null;
    const popup = want('popup') ? await benchPopup(b, { runs: quick ? 3 : 7, log }) : null;
    const loads = quick ? 3 : 10;
    const pageCost = want('page') ? await benchPageCost(b, { peerDir, loads, log }) : null;
    // The same page with its list asked for after load, so that the peer reads it too (§5).
    const pageCostLate =
      want('page') || only === 'page-late'
        ? await benchPageCost(b, { peerDir, loads, afterLoadMs: LATE_LIST_MS, log })
        : null;
    return { chromium: b.version, storing, popup, pageCost, pageCostLate };
  } finally {
    await b.close();
  }
}
