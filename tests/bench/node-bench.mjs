// Figures 1 (reading) and 2 (rules), in Node. Run by tests/bench/run.mjs as
// `node --expose-gc tests/bench/node-bench.mjs <bundle>`; prints one JSON object on stdout.
// Each sample runs after a forced garbage collection; warm-up runs are not counted.
import { pathToFileURL } from 'node:url';
import {
  acsUrl,
  bulkOrders,
  bulkTrackingEvents,
  orderListBody,
  trackingBody,
} from '../support/aliexpress-bodies.mjs';
import { ratios, summarize } from './stats.mjs';

const bundle = process.argv[2];
if (!bundle)
  throw new Error(
    'usage: node --expose-gc node-bench.mjs <path to the node-entry bundle> [--only=read|rules|capture]',
  );
// `--only=<part>` runs one part (while working on it); run.mjs passes no flag and gets all three.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
const runs = (part) => only === null || only === part;
const { readCapturedBody, assessAll, assessAllWithWake, nextWake, orderMix, installCapture } = await import(
  pathToFileURL(bundle).href
);

const gc = globalThis.gc ?? (() => {});
const now = () => performance.now();

/** Times fn() `runs` times after `warmup` untimed calls; `inner` calls per sample (ms per call). */
function time(fn, { runs, warmup, inner = 1 }) {
  for (let i = 0; i < warmup; i += 1) fn();
  const out = [];
  for (let r = 0; r < runs; r += 1) {
    gc();
    const t0 = now();
    for (let i = 0; i < inner; i += 1) fn();
    out.push((now() - t0) / inner);
  }
  return out;
}

function check(cond, what) {
  if (!cond) throw new Error(`benchmark set-up is wrong: ${what}`);
}

const result = { node: process.version };

// ── 1. Reading ────────────────────────────────────────────────────────────────────────────
if (runs('read')) {
  const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
  const listText = JSON.stringify(orderListBody(bulkOrders(1000)));
  const ctx = { seenAt: '2026-10-20T12:00:00.000Z', lang: 'en' };
  const first = readCapturedBody(LIST_API, listText, ctx);
  check(first.ok && first.observations.orders.length === 1000, 'the 1,000-order body reads 1,000 orders');
  const RUNS = 15;
  const read = [];
  const parse = [];
  // Interleaved so both see the same machine state; the ratio is taken per run.
  for (let r = 0; r < RUNS + 3; r += 1) {
    const a = time(() => readCapturedBody(LIST_API, listText, ctx), { runs: 1, warmup: 0 })[0];
    const b = time(() => JSON.parse(listText), { runs: 1, warmup: 0 })[0];
    if (r >= 3) {
      read.push(a);
      parse.push(b);
    }
  }
  result.readList = {
    bytes: listText.length,
    items: 1000,
    read: summarize(read),
    jsonParse: summarize(parse),
    readOverParse: summarize(ratios(read, parse)),
  };

  const TRACK_API = 'mtop.ae.ld.querydetail';
  const trackText = JSON.stringify(
    trackingBody({ trackingNumber: 'LP00123456789012', events: bulkTrackingEvents(200) }),
  );
  const tctx = { ...ctx, requestUrl: acsUrl(TRACK_API, { tradeOrderId: '8100000000000000' }) };
  const t = readCapturedBody(TRACK_API, trackText, tctx);
  check(t.ok && t.observations.packages[0]?.events.length === 200, 'the tracking body reads 200 events');
  result.readTracking = {
    bytes: trackText.length,
    items: 200,
    read: summarize(
      time(() => readCapturedBody(TRACK_API, trackText, tctx), { runs: 15, warmup: 20, inner: 10 }),
    ),
  };
}

// ── 2. Rules ──────────────────────────────────────────────────────────────────────────────
if (runs('rules')) {
  const SIZES = [1000, 10_000, 50_000];
  const ctx = { now: new Date('2026-07-15T12:00:00.000Z'), zone: 'America/Los_Angeles' };
  const sets = SIZES.map((n) => orderMix(n));
  for (const s of sets) {
    assessAll(s, ctx); // warm-up: JIT and the zone caches
    nextWake(s, ctx);
    assessAllWithWake(s, ctx);
  }
  check(nextWake(sets[0], ctx) !== null, 'nextWake finds a next change');
  check(
    assessAllWithWake(sets[0], ctx).next?.getTime() === nextWake(sets[0], ctx)?.getTime(),
    'assessAllWithWake finds the same next change as nextWake',
  );
  const RUNS = 9;
  const assess = SIZES.map(() => []);
  const wake = SIZES.map(() => []);
  const withWake = SIZES.map(() => []);
  // Sizes interleaved within each round, so growth ratios compare runs made side by side.
  for (let r = 0; r < RUNS; r += 1) {
    SIZES.forEach((_, i) => {
      assess[i].push(time(() => assessAll(sets[i], ctx), { runs: 1, warmup: 0 })[0]);
      wake[i].push(time(() => nextWake(sets[i], ctx), { runs: 1, warmup: 0 })[0]);
      // What the background's recompute runs (lib/background/snapshot.ts): the same two
      // results in one pass, each order prepared once instead of twice.
      withWake[i].push(time(() => assessAllWithWake(sets[i], ctx), { runs: 1, warmup: 0 })[0]);
    });
  }
  const both = SIZES.map((_, i) => assess[i].map((a, r) => a + wake[i][r]));
  result.rules = SIZES.map((n, i) => ({
    orders: n,
    assessAll: summarize(assess[i]),
    nextWake: summarize(wake[i]),
    total: summarize(both[i]),
    withWake: summarize(withWake[i]),
    withWakePerOrderVs1000: summarize(withWake[i].map((x, r) => x / n / (withWake[0][r] / SIZES[0]))),
    // Cost per order relative to 1,000 orders in the same round (1.0 = linear growth).
    perOrderVs1000: summarize(both[i].map((x, r) => x / n / (both[0][r] / SIZES[0]))),
  }));
}

// ── 7. The capture's wrappers (issue 16: ≤ 0.1 ms added per call) ─────────────────────────
// What the MAIN-world capture adds to each of the page's own `fetch` and XHR calls: the same
// calls through a stub network, with and without `installCapture`, side by side. "Watched" is a
// call to an API we read (its response is cloned and its text posted); "other" is any other URL.
if (runs('capture')) {
  const WATCHED = acsUrl('mtop.aliexpress.trade.buyer.order.list', { statusTab: 'all' });
  const OTHER = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.cart.render/1.0/?api=x';
  const BODY = '{"ret":["SUCCESS::ok"],"data":{}}';
  const makeWindow = () => {
    const res = { clone: () => res, text: () => Promise.resolve(BODY) };
    class Xhr {
      responseType = '';
      responseText = BODY;
      addEventListener(_type, fn) {
        this.onload = fn;
      }
      open() {}
      send() {
        this.onload?.();
      }
    }
    return {
      location: { href: 'https://www.aliexpress.com/p/order/index.html' },
      fetch: () => Promise.resolve(res),
      XMLHttpRequest: Xhr,
      MutationObserver: class {
        observe() {}
      },
      document: {},
    };
  };
  const plain = makeWindow();
  const wrapped = makeWindow();
  let posted = 0;
  installCapture(wrapped, () => {
    posted += 1;
  });
  const N = 2000;
  const fetchBatch = async (win, url) => {
    const t0 = now();
    const all = [];
    for (let i = 0; i < N; i += 1) all.push(win.fetch(url));
    await Promise.all(all);
    // Let the capture's clone/text/post microtasks run inside the timed part.
    await new Promise((r) => setTimeout(r, 0));
    return (now() - t0) / N;
  };
  const xhrBatch = (win, url) => {
    const t0 = now();
    for (let i = 0; i < N; i += 1) {
      const x = new win.XMLHttpRequest();
      x.open('GET', url);
      x.send();
    }
    return (now() - t0) / N;
  };
  const RUNS = 15;
  const added = { fetchWatched: [], fetchOther: [], xhrWatched: [], xhrOther: [] };
  for (let r = 0; r < RUNS + 3; r += 1) {
    gc();
    const fw = (await fetchBatch(wrapped, WATCHED)) - (await fetchBatch(plain, WATCHED));
    const fo = (await fetchBatch(wrapped, OTHER)) - (await fetchBatch(plain, OTHER));
    const xw = xhrBatch(wrapped, WATCHED) - xhrBatch(plain, WATCHED);
    const xo = xhrBatch(wrapped, OTHER) - xhrBatch(plain, OTHER);
    if (r < 3) continue;
    added.fetchWatched.push(fw);
    added.fetchOther.push(fo);
    added.xhrWatched.push(xw);
    added.xhrOther.push(xo);
  }
  check(posted >= (RUNS + 3) * N * 2, 'the wrapped fetch and XHR posted every watched response');
  result.captureWrap = Object.fromEntries(Object.entries(added).map(([k, v]) => [k, summarize(v)]));
}

process.stdout.write(`${JSON.stringify(result)}\n`);
