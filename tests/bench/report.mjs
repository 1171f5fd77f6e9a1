// Renders the results of one `npm run bench` (see run.mjs) as BENCHMARKS.md and as the table
// printed on stdout. Goals come from issue 16; a missed goal is shown as MISSED with its cause.

/** Goals of issue 16. KB here means 1,000 bytes (the stricter reading). */
export const GOALS = {
  pageCostMs: 16,
  captureWrapMs: 0.1,
  listScriptGzip: 12_000,
  popupMs: 150,
  storeOverFloor: 1.5,
  revisitRows: 0,
  rules10kMs: 50,
  readOverParse: 2,
  peerZipBytes: 122_959,
  backgroundGzip: 50_000,
  workerHeapBytes: 40_000_000,
  pageHeapBytes: 2_000_000,
};

/**
 * Before this change (issue 16), for the before/after columns. Page cost and badge timing: this
 * bench (`--only=page --quick`, 3 loads) on commit eb96c24 on the same loaded machine, the peer
 * in the same run; the other figures: the issue's own table (a quiet machine).
 */
export const BEFORE = {
  pageCostMs: 93.6,
  peerPageCostMs: 8.5,
  badgesInViewMs: 456,
  pageHeapBytes: 820_000,
  popupMs: 252,
  storeOverFloor: 2.84,
  rules10kMs: 106,
  readOverParse: 3.06,
  zipBytes: 189_641,
  backgroundGzip: 72_023,
  listScriptGzip: 20_827,
  onlyCaptureAtStart: 'no: all three AliExpress scripts at document_start',
};

/**
 * Every full run of this round's code, so one lucky or unlucky run is not read as the round's
 * result: the goals that change verdict from run to run are named. Written by hand after the runs.
 */
const ROUND_RUNS =
  "This round's code had its full runs on 2026-12-03 on a machine about twice as fast as last round's: the raw bulkPut floor took 594–962 ms in these runs against 1,639–1,785 ms there, and the unchanged rules took 26.7–30.5 ms at 10,000 orders against 61.3–66.4 ms. So the previous-round column's absolute times do not compare with this run's; its ratios do. Run 1, ea5d62c (the last round's extension, measured on this machine as the baseline): page cost 22.1 ms (peer 13.9 ms; ours ÷ peer per round 1.69×), badges in view 239 ms after the cards, popup 123 ms, storing 1.52× the floor, rules 30.5 ms, reading 1.98× `JSON.parse`, the list script 11,886 B. Run 2, 4115402 (one adopted style sheet, the lighter DOM scan, the refresh script's wake): 15.5 ms (peer 7.51 ms), 202 ms, 107 ms, 1.81×, 26.7 ms, 1.87×, and the list script 12,011 B, over its budget by 11 B. Run 3, 8c77561 (the final extension: the list script brought back under its budget, WXT's window message at start turned off): 26.1 ms (peer 11.7 ms; 2.15×), 237 ms, 123 ms, 1.98×, 26.9 ms, 1.71×, 11,980 B. Run 4, 5c73616 (the same extension as run 3; only the bench's texts changed): 24.7 ms (peer 10.9 ms; 2.64×), 266 ms, 147 ms, 2.02×, 29.5 ms, 1.78×, 11,980 B. The machine grew busier through the afternoon: the popup and storing, which no change of this round touches, went from 107–123 ms and 1.52–1.81× in runs 1–2 to 147 ms and 2.02× in run 4. Storing alternated in one script, the round's first build against its final one, 3 runs each, twice: 1.90× and 1.86× against 1.59× and 1.77× (real path 1,507 and 1,304 ms against 1,414 and 1,119 ms), so the final build did not make it slower. Between runs the page figure spreads more than this round's changes save (ours 15.5–26.1 ms, the peer 7.5–13.9 ms, in loads alternated the same way): the page changes are measured by the A/B runs under the missed goals (the build before and after, alternated in one browser, 20 loads each, only the page's 100 orders stored): at the end, all our scripts 28.95 → 27.05 ms per load, the final build ÷ the round's first build per round 0.73× (IQR 0.7–1.0), a figure the bench's badge watcher biased (the page cost's line under the goals; measured again without it: ≈ 0.90×). Run 5, e0bd32e, later the same day (the page scripts' own context in place of WXT's, and the badge watcher no longer laying the page out in our loads only, so ours ÷ peer is no longer flattered by ~18 %): page cost 26.7 ms (peer 7.86 ms; 2.83× per round), badges in view 234 ms, popup 165 ms (missed), storing 1.76×, rules 47.3 ms, reading 1.94×, the list script 11,534 B; the machine was busier than in runs 1–4 (bulkPut floor 850–1,129 ms, the unchanged rules 47.3 ms). Storing and rules had no change this round; their figures follow the machine. Run 6, 48564c1, on 2026-12-06 on a quiet machine (load average 0.22 at start; the extension differs from run 5's only in the list script taking its refresh button down when the app leaves the list's address without a reload): page cost 19.7 ms (peer 8.74 ms; 2.12× per round), badges in view 192 ms, popup 121 ms (met), storing 1.68× (bulkPut floor 616–786 ms), rules 25.1 ms, reading 1.67×, the list script 11,532 B. Between runs 5 and 6 only the machine's load changed what the page, the popup and storing measured. Run 7, 2026-12-06 (the verification check reads only the start of the shown text, the capture wraps only `XMLHttpRequest.open`, and §5 gained its second page, on which the peer reads the list too): page cost 24.5 ms (peer 7.84 ms; 3.03× per round) on the first page, 24.9 ms against the peer's 18.3 ms (1.28× per round) on the second, badges in view 166 ms, popup 126 ms, storing 1.87×, rules 26.7 ms, reading 1.69×, the list script 11,678 B; the A/B under the page cost's goal finds this build the same as run 6's on the first page, so the rise from run 6 is the machine's. In the full runs the page loads with the 10,000 orders of §3 and §4 still stored. The table above is the last run.";

/**
 * The previous round of work on this issue, from the BENCHMARKS.md of commit 673e883 (the last
 * of five full `npm run bench` runs of that round, of 3444d55, 2026-12-03 10:22 UTC; all five are
 * in that file's paragraph under the goals): the column that shows what this round changed. Shown
 * as written there. That machine was about twice as slow as this round's (its bulkPut floor took
 * 1,639–1,785 ms): compare its absolute times with care, its ratios less so.
 */
const PREVIOUS_ROUND_CODE = '3444d55';
export const PREVIOUS_ROUND = {
  'page-peer': '41.6 ms (peer 14.8 ms)',
  page: '41.6 ms',
  badges: '567 ms',
  start: 'content-scripts/aliexpress-capture.js',
  wrap: '0.005 ms',
  'list-size': '11,886 B',
  popup: '242 ms',
  'store-floor': '1.74×',
  revisit: '0 rows',
  rules: "66.4 ms, per-order cost ≤ 1.00× of 1,000's",
  read: '1.65×',
  zip: '210,699 B',
  'bg-size': '81,754 B',
  'worker-heap': '18.12 MB',
  'page-heap': '0.55 MB',
};

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const n1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const n2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const n3 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

export function ms(x) {
  if (!Number.isFinite(x)) return '–';
  return x < 10 ? n2.format(x) : x < 100 ? n1.format(x) : n0.format(x);
}
const msU = (x) => `${ms(x)} ms`;
const us = (x) => `${x < 10 ? n2.format(x) : n1.format(x)} µs`;
const ratio = (x) => `${n2.format(x)}×`;
const bytes = (x) => `${n0.format(x)} B`;
const mb = (x) => `${n2.format(x / 1e6)} MB`;
const iqr = (s, f = ms) => `${f(s.q1)}–${f(s.q3)}`;
const range = (s, f = ms) => `${f(s.min)}–${f(s.max)}`;
const verdict = (ok) => (ok ? 'met' : '**MISSED**');

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const entry = (r, re) => r.sizes.entries.find((e) => re.test(e.name));
const peerEntry = (r, re) => r.peerSizes?.entries.find((e) => re.test(e.name)) ?? null;

/** The content scripts that run at document_start, from the built manifest. */
// The rules goal is read on the pass the background runs (lib/background/snapshot.ts:
// `assessAllWithWake`, each order prepared once); older results have only the two passes.
const rulesMs = (x) => (x.withWake ?? x.total).median;
const rulesGrowth = (r) =>
  Math.max(...r.node.rules.map((x) => (x.withWakePerOrderVs1000 ?? x.perOrderVs1000).median));

function atStart(r) {
  return (r.contentScripts ?? []).filter((c) => c.runAt === 'document_start').flatMap((c) => c.js);
}

/**
 * The goals and whether each was met, from the results: `peer` is the peer's figure in the same
 * run (or its published one), `before` the figure before this change.
 */
export function verdicts(r) {
  const rules10k = r.node.rules.find((x) => x.orders === 10_000);
  const growth = rulesGrowth(r);
  const list = entry(r, /aliexpress\.js \(isolated\)/);
  const bg = entry(r, /background/);
  const cw = r.node.captureWrap;
  const wrapWorst = cw ? Math.max(...Object.values(cw).map((s) => s.median)) : Number.NaN;
  const start = atStart(r);
  const out = [];
  const b = r.browser;
  const pc = b?.pageCost;
  if (pc) {
    out.push(
      {
        id: 'page-peer',
        goal: `Page cost ≤ the peer's (100-order list, loads alternated, all frames, until ${n1.format(pc.windowMs / 1000)} s after the cards)`,
        value: msU(pc.ours.total.median),
        peer: pc.peer ? msU(pc.peer.total.median) : 'not run',
        before: `${msU(BEFORE.pageCostMs)} (peer ${msU(BEFORE.peerPageCostMs)})`,
        ok: pc.peer !== null && pc.ours.total.median <= pc.peer.total.median,
      },
      {
        id: 'page',
        goal: `Page cost ≤ ${GOALS.pageCostMs} ms main-thread time per load`,
        value: msU(pc.ours.total.median),
        peer: pc.peer ? msU(pc.peer.total.median) : '',
        before: msU(BEFORE.pageCostMs),
        ok: pc.ours.total.median <= GOALS.pageCostMs,
      },
      {
        id: 'badges',
        goal: 'Badges of the cards in view shown at least as soon as before (ms after the cards are in)',
        value: msU(pc.ours.badgesInView.median),
        peer: 'no badges',
        before: msU(BEFORE.badgesInViewMs),
        ok: pc.ours.badgesInView.median <= BEFORE.badgesInViewMs,
      },
    );
  }
  out.push(
    {
      id: 'start',
      goal: 'Only the capture runs at `document_start`',
      value: start.join(', ') || 'none',
      peer: 'nothing at document_start',
      before: BEFORE.onlyCaptureAtStart,
      ok: start.length === 1 && /capture/.test(start[0] ?? ''),
    },
    {
      id: 'wrap',
      goal: `Capture's fetch/XHR wrappers add ≤ ${GOALS.captureWrapMs} ms per call (micro-bench, worst case)`,
      value: cw ? `${n3.format(wrapWorst)} ms` : 'not run',
      peer: '',
      before: '',
      ok: wrapWorst <= GOALS.captureWrapMs,
    },
    {
      id: 'list-size',
      goal: `Isolated order-list script ≤ ${bytes(GOALS.listScriptGzip)} gzip`,
      value: bytes(list?.gzip ?? Number.NaN),
      peer: peerEntry(r, /aliexpress\.js/) ? bytes(peerEntry(r, /aliexpress\.js/).gzip) : '',
      before: bytes(BEFORE.listScriptGzip),
      ok: (list?.gzip ?? Number.POSITIVE_INFINITY) <= GOALS.listScriptGzip,
    },
  );
  if (b?.popup) {
    out.push({
      id: 'popup',
      goal: `Popup: first card painted ≤ ${GOALS.popupMs} ms, 10,000 orders, cold worker`,
      value: msU(b.popup.painted.median),
      peer: '',
      before: `${msU(BEFORE.popupMs)} (warm worker)`,
      ok: b.popup.painted.median <= GOALS.popupMs,
    });
  }
  if (b?.storing) {
    const st = b.storing;
    out.push(
      {
        id: 'store-floor',
        goal: `Storing 10,000 orders ≤ ${GOALS.storeOverFloor}× the raw bulkPut floor (same run)`,
        value: ratio(st.storeOverFloor.median),
        peer: '',
        before: ratio(BEFORE.storeOverFloor),
        ok: st.storeOverFloor.median <= GOALS.storeOverFloor,
      },
      {
        id: 'revisit',
        goal: 'Storing: an unchanged re-visit of the 10,000 writes 0 rows',
        value: `${Math.max(...st.revisitRowsChanged)} rows (every run)`,
        peer: 'rewrites its whole blob',
        before: '0 rows',
        ok: st.revisitRowsChanged.every((c) => c === GOALS.revisitRows),
      },
    );
  }
  out.push(
    {
      id: 'rules',
      goal: `Rules: 10,000 orders ≤ ${GOALS.rules10kMs} ms, growth to 50,000 linear`,
      value: `${msU(rulesMs(rules10k))}, per-order cost ≤ ${ratio(growth)} of 1,000's`,
      peer: '',
      before: msU(BEFORE.rules10kMs),
      ok: rulesMs(rules10k) <= GOALS.rules10kMs && growth <= 1.25,
    },
    {
      id: 'read',
      goal: `Reading a 1,000-order list body ≤ ${GOALS.readOverParse}× \`JSON.parse\``,
      value: ratio(r.node.readList.readOverParse.median),
      peer: '≈ 2.3–2.5× (published)',
      before: ratio(BEFORE.readOverParse),
      ok: r.node.readList.readOverParse.median <= GOALS.readOverParse,
    },
    {
      id: 'zip',
      goal: `Zip ≤ the peer's (${bytes(GOALS.peerZipBytes)})`,
      value: r.sizes.zip ? bytes(r.sizes.zip.bytes) : 'no zip',
      peer: bytes(GOALS.peerZipBytes),
      before: bytes(BEFORE.zipBytes),
      ok: (r.sizes.zip?.bytes ?? Number.POSITIVE_INFINITY) <= GOALS.peerZipBytes,
    },
    {
      id: 'bg-size',
      goal: `Background ≤ ${bytes(GOALS.backgroundGzip)} gzip`,
      value: bytes(bg?.gzip ?? Number.NaN),
      peer: peerEntry(r, /background/) ? bytes(peerEntry(r, /background/).gzip) : '',
      before: bytes(BEFORE.backgroundGzip),
      ok: (bg?.gzip ?? Number.POSITIVE_INFINITY) <= GOALS.backgroundGzip,
    },
  );
  if (b?.popup?.workerHeap) {
    out.push({
      id: 'worker-heap',
      goal: `Memory: worker's JS heap, 10,000 orders stored, snapshot built (goal ≤ ${mb(GOALS.workerHeapBytes)})`,
      value: mb(b.popup.workerHeap.median),
      peer: '',
      before: '',
      ok: b.popup.workerHeap.median <= GOALS.workerHeapBytes,
    });
  }
  if (pc) {
    out.push({
      id: 'page-heap',
      goal: `Memory: the page's extra JS heap on the 100-order list (goal ≤ ${mb(GOALS.pageHeapBytes)})`,
      value: mb(pc.ours.extraHeap.median),
      peer: pc.peer ? mb(pc.peer.extraHeap.median) : '',
      before: mb(BEFORE.pageHeapBytes),
      ok: pc.ours.extraHeap.median <= GOALS.pageHeapBytes,
    });
  }
  return out;
}

/**
 * Causes of misses found by profiling (see "How the causes were found"), shown only while the
 * goal is missed. They name code of other modules; the benchmark does not change that code.
 */
const CAUSES = {
  'page-peer':
    "Tried in earlier rounds (78.9 → 41.6 ms, the last on a machine about twice as slow as this round's): no Intl object in the page (the worker words dates and countdowns), one `getPageStart` answer instead of four requests (the refresh panel's kept progress comes with it), the list's DOM fallback read in the worker, no Preact in the page, isolated scripts at `document_idle`, a captured body the worker already read with nothing written since not sent again and hashed only when the worker gives out the digest it remembers (`captureKnown`, lib/background/page-known.ts), a badge's popover step drawn when it first opens, badges only within one screen of the viewport (~6 per load), the list's first request sent with its first 8 cards, the match lists written out. This round (A/B: the build before and after each step alternated in one browser, 14–20 loads each, only the page's 100 orders stored): one style sheet adopted by every shadow root instead of a `<style>` copy of the same CSS in each, and a message without a placeholder returned without a regular expression (the isolated script 26.3 → 24.7 ms); a DOM scan no longer looks inside each of the 100 cards for a badge (18.3 → 16.7 ms); the MAIN-world refresh script reads window messages only once a refresh wakes it, so the page's captured body is no longer copied into its world on every load (its time 0.35 → 0.13 ms; all our scripts 22.4 → 20.3 ms); WXT's start no longer posts a window message that every listener of the page reads (`noScriptStartedPostMessage`). What remains (hotspots above): the capture (~5 ms: its `fetch` wrapper, under which the page's own `fetch` counts as ours, ~2 ms; the MutationObserver that finds JSONP scripts among everything the page adds, ~1.3 ms); drawing ~6 badges, element by element (renderer and hosts, ~4 ms); watching the 100 cards for the viewport (~1 ms); the two messages (`captureKnown`, `getPageStart`); the digest of the body on a re-visit (~1.4 ms, more on a busy machine); WXT's content-script start, now our own (lib/content/page-context.ts, in place of WXT's context through an alias: −0.46 KB gzip of the list script, −0.7 KB of the order script, one abort listener per page instead of one per timer; its time is within the noise: the build before and after, alternated both ways, 20 loads each, with the biased watcher below: new ÷ old 1.25× per round with the new build in the peer's slot and 0.85× with it in ours, ≈ 1.03× once that slot's bias is divided out). The peer reads 5 fields, looks for JSONP callbacks once a second (a callback that comes and goes in between is missed) and shows nothing in the page. **A correction to this round's A/B figures:** the bench's badge watcher (a page script in our loads only) read every card's position every 5 ms, and those layout reads laid the page out ahead of our scripts, so the same build measured ~18 % cheaper in our slot than in the peer's (an A/A run of one build against its copy, 20 loads: 0.82× per round; 0.96× once the watcher reads positions once, `e0bd32e`). The A/B figures above were taken with that watcher, which favoured whichever build sat in our slot (in the final-against-first run it was the final build: its 0.73× is mostly this bias), so they may overstate what each step saved; and every earlier table understated ours ÷ peer. Measured again without that bias, the round's final build against its first one (ea5d62c), alternated both ways, 20 loads each: 1.00× and 0.81× per round (≈ 0.90×; medians 26.4 against 25.1 ms, then 27.6 against 34.1 ms), so the round's page changes save about a tenth, at the edge of what this machine can show; the refresh script's own time fell in both (0.38 → 0.15 ms, 0.49 → 0.28 ms). Since run 6: the verification check (lib/aliexpress/blocked-page.ts) reads the start of the text the page shows instead of collapsing the body's whole `textContent`, inline scripts included (~3 ms of the page's time whenever the list's DOM was read before its cards, as on the second page of §5; it had also taken a script's strings for a slider, and missed a slider shown after a large inline script: two fixtures); and the capture wraps only `XMLHttpRequest.open`, so the page's `send` runs without our frame under it (this page asks for its list through `fetch`, so its figure does not show that). The build of run 6 (5ccdb08) against this one, alternated in one browser: on the second page of §5, 27.2 → 21.7 ms per load (0.86× per round, 14 loads each); on this page, 22.7 → 22.9 ms (16 loads each), unchanged, as it should be, since neither change runs here. Next step: each badge cloned from one built template instead of created element by element (~2 ms of the ~4 ms of drawing; it would duplicate PageBadge's structure outside the component, which is why it is not done yet).",
  page: 'See the line above: the same causes and next steps.',
  badges:
    "Met on this round's machine (202–239 ms after the cards). Measured last round (a timeline of 5 loads): the isolated script starts ~110 ms after navigation and the cards are in at ~150–300 ms; the page's own task that inserts and lays out the 100 cards runs on for ~50–300 ms, and no script of ours runs until it ends. The first request goes out as soon as the cards are in, with the first 8 cards' orders (lib/content/page-ui.tsx `prefetch`), so its answer comes in while the page lays out and the badges are drawn as they are placed. What remains is the page's own layout of its cards before any badge can be placed.",
  'list-size':
    "Met, now with 466 B to spare (11,534 B): the page scripts' own context (lib/content/page-context.ts) replaced WXT's (−0.46 KB). Earlier this round the shared style sheet, the refresh script's wake and WXT's `noScriptStartedPostMessage` (now gone with WXT's context) had added ~95 B and left 20 B. The list's DOM fallback is read in the worker (the page sends its cards' texts; lib/aliexpress/dom-list-extract.ts). `aliexpress-order.js` (detail, tracking and refund pages) is ~21.5 KB: its own DOM readers and their word tables; next step, the same text extraction per page kind (≈ −10 KB).",
  popup:
    "Missed in the last run (165 ms; its runs 144–193 ms), met in this round's first four (107–147 ms). Nothing in the popup's speed changed this round: the machine was busier in the last run (the unchanged rules took 47.3 ms at 10,000 orders there, against 26.7–30.5 ms in runs 1–4), and the last round's misses (231–283 ms) were that machine's, about twice as slow. Tried in earlier rounds: a cold worker answers from the first page kept at its last recompute (lib/store/summaries.ts), tied to a data version that every write renews inside its own IndexedDB transaction; the first answer holds 8 cards per group; a closed card's details body is drawn in the task after its first frame (both answers in → painted: 57 → 35 ms). Tried and dropped (A/B, 15 runs each, quiet): the first two questions asked by a tiny classic script in popup.html's head so the worker starts while the main bundle loads (146 vs 145 ms). Measured cause of what remains (quiet machine): the popup's first script ~44 ms after navigation, the stopped worker's start (~28 ms to load and run its script) and its answer at ~100 ms, then ~35 ms to draw and paint the first screen. Next step: a smaller worker to start (see the background's line).",
  'store-floor':
    "No storing code changed this round; the figure moves with the machine (this round's runs in the paragraph under the goals). Measured this round: (1) the same 10,000 rows `bulkPut` in 20 transactions of 500, one after the other, took 753–932 ms against 830–872 ms for one transaction in the same three runs, so IndexedDB's cost per transaction is not what remains, and grouping a burst's readings into one transaction (the last round's next step) would win nothing: not done; (2) a Chromium trace of one storing run (categories toplevel, ipc, mojom, IndexedDB), from the first IndexedDB put to the last (1.40 s, traced): the worker's thread is busy 83 % of it and IndexedDB's backend thread 86 %, the pages' renderer 2 % (every body has left the page by then). On the worker's thread, ~670 ms are IndexedDB's replies to the 10,040 puts (each a success event into Dexie), the same per-row work the floor does; the rest is our JavaScript on the same thread: decoding the 20 messages of ~760 KB (~315 ms), reading and merging. So storing is bound by the worker's one thread, and what can still go is JavaScript per order there. Tried in earlier rounds: the conformer builds schema-exact observations, so the worker does not check a conformed reading a second time (worker CPU for the 10,000 615 → 510 ms); one key-only read of the stored ids in the page's range instead of a lookup per order; no body of a storing run is hashed in the page (the worker gives out no digest for a body a write followed). Tried and not kept: messages as structured clones instead of JSON (the manifest's `message_serialization`, Chrome 148+; checked in effect: a `Date` arrived as a `Date`): storing alternated with the build without it, 3 runs each, twice, 1.73× and 1.80× against 2.01× and 1.80×, and the page 0.99× per round over 20 loads: no gain to show for a change in what every message of the extension may carry (`undefined`, `Date`, `Infinity`); alternated again on 2026-12-06, 12 runs each on a quieter machine: 1,000 against 1,036 ms median (−3.5 %), the same verdict. Where the real path's time goes (2026-12-06, a build timing each `saveCapture` in the worker, 3 runs of the 20 bodies; not kept): the first body reaches the worker ~95–150 ms after the page calls its first JSONP handler, because the page calls its 10 handlers in one task and the capture turns each 760 KB argument into text as it is handed over (`JSON.stringify`, before the page's own handler may change it), so the isolated script sees the first of them only once all ten are done; from then on the worker finishes a 500-order body every ~35–45 ms, against the floor's ~32 ms per 500 rows: reading ~7–8 ms (`JSON.parse` about half of it; in Node, §1, 500 orders take about half of the 1,000-order body's 7.31 ms, ~3.7 ms, with the reader warm), merging ~1 ms, the rest Dexie's `bulkPut` and the commit, the same work as the floor's. So the gap is that first delay plus the reading, not the store. Next step: less work per order on the worker's thread (the conformer's second copy of every observation, ~2 ms of a 1,000-order body in the Node profile, and the merge's), measured by the Chromium trace of (2).",
  rules:
    "Met on this round's machine (26.7 and 30.5 ms at 10,000 orders); no rules change this round, and the last round's misses (61–66 ms) were that machine's (a quiet run of the same rules took 57.5 ms there against 33.0 ms the round before). Earlier rounds: each order leaves about half the garbage and its assessment holds less (allocated per order 5,497 → 2,571 B at 50,000 orders), from lists built in a reused buffer and copied once at their exact size (lib/rules/scratch.ts), no wrapper objects, plain loops, and results sharing their read-only parts; results byte-identical. What remains of the growth is the garbage collector copying the results that must survive (~640 B per order). Next step: keep each order's preparation between recomputes and redo only the orders whose facts changed.",
  read: "Tried: each date text and ISO date checked once per body (bounded memos), statuses and tags looked up in sets, one pass over orders and lines; `JSON.parse` is now ~55 % of reading time. What remains is the reader's own field-by-field work: `formatPriceInfo` (~3 %) and building the observation objects.",
  'bg-size':
    "No change this round but 12 B (lib/i18n.ts returns a message without a placeholder as it is). Tried in earlier rounds: English ships packed like the other languages (`locales/en.json`, read by the worker as it starts) and the rules carry checklist item ids, not English texts (91.8 → 83.0 KB); the worker ships without webextension-polyfill and answers messages through `sendResponse` (→ 80.3 KB). Dexie's ES module build (−1.4 KB). Last round: +0.6 KB from the rules' allocation work (lib/rules/scratch.ts and plain loops where one-line array methods were), traded for a recompute of 10,000 orders that allocates half as much. Where the bytes are (sourcemap, each part gzipped on its own): Dexie 29.3 KB, the readers 18.4 KB (the worker reads captured JSON and the order list's card texts by design: docs/architecture.md), the rules 9.5 KB, lib/background 8.2 KB, lib/store 6.3 KB, date-fns with @date-fns/tz 3.5 KB, lib/schema 2.6 KB, Valibot 2.1 KB. 50 KB would need Dexie replaced by a thin IndexedDB wrapper (≈ −25 KB) and the readers out of the worker; the design keeps Dexie and reads in the worker.",
  'worker-heap': "The snapshot keeps every order's assessment in memory.",
  'page-heap': 'The isolated world holds the page strings, the summaries and the mounted badges.',
};

/** The zip's largest contents, from the built files (the zip deflates each file on its own). */
/** What the second page series (§5, the list asked for after load) says about the first. */
function lateCause(r) {
  const c = r.browser?.pageCost;
  const l = r.browser?.pageCostLate;
  if (!c?.peer || !l?.peer) return '';
  return `On this page the peer reads nothing: its hook, which its content script injects once the page is idle, comes after the page's request (${readsText(c.peer.reads)} per load, counted in the same loads). On the same page with its list asked for ${n1.format(l.afterLoadMs / 1000)} s after load, which the peer does read (${readsText(l.peer.reads)}), Buyer Shield took ${msU(l.ours.total.median)} against the peer's ${msU(l.peer.total.median)} (${ratio(l.peer.oursOverPeer.median)} per round, §5). `;
}

const readsText = ({ min, max }) =>
  min === max ? `${min} list bod${min === 1 ? 'y' : 'ies'}` : `${min}–${max} list bodies`;

function zipCause(r) {
  const files = r.sizes.files ?? [];
  const total = files.reduce((a, f) => a + f.gzip, 0);
  const locales = files.filter((f) => f.file.startsWith('_locales/'));
  const top = files
    .filter((f) => !f.file.startsWith('_locales/') && !f.file.startsWith('locales/'))
    .slice(0, 4)
    .map((f) => `\`${f.file}\` ${bytes(f.raw)} raw / ${bytes(f.gzip)} gzip`);
  const loc = locales.reduce((a, f) => a + f.gzip, 0);
  const packed = files.filter((f) => f.file.startsWith('locales/'));
  const packedGzip = packed.reduce((a, f) => a + f.gzip, 0);
  return `Its contents gzip to about ${bytes(total)} in all. Largest: ${top.join('; ')}${packed.length ? `; ${packed.length} packed language tables \`locales/*.json\` ${bytes(packed.reduce((a, f) => a + f.raw, 0))} raw / ${bytes(packedGzip)} gzip` : ''}${locales.length ? `; ${locales.length} \`_locales/*/messages.json\` (the manifest's name and description only) ${bytes(loc)} gzip` : ''}. Tried: only the manifest's two texts stay in \`_locales\`, every language ships packed (messages in English key order, no key names, a fingerprint of the key order; scripts/locales.ts), English among them since the last round (moving it out of the worker moved its bytes, it did not remove them); the worker without the polyfill (−2.7 KB). What remains: the worker (see its line), the seven languages (the alert and evidence texts are long: they alone are most of the gap to the peer, which ships one language), the content scripts and the three pages. The peer's figure is not reachable while seven languages ship; with \`aliexpress-order.js\` reading as the list does (≈ −10 KB) and Dexie replaced (≈ −25 KB) the package would be about 175 KB.`;
}

export function render(r) {
  const v = verdicts(r);
  const missed = v.filter((x) => !x.ok);
  const out = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Written by \`npm run bench\` (tests/bench/run.mjs) on ${r.date}. Every figure is a median over several runs; spreads are the interquartile range (IQR) and min–max; comparisons are ratios taken in the same run. The machine is shared and noisy: compare ratios more than absolute times.`,
  );
  out.push('');
  out.push('## Machine and commands');
  out.push('');
  out.push(
    table(
      ['', ''],
      [
        ['CPU', `${r.machine.cpu} (${r.machine.cores} cores)`],
        ['Memory', `${n1.format(r.machine.memGiB)} GiB`],
        ['Load average at start (1/5/15 min)', r.machine.loadavg.map((x) => n2.format(x)).join(' / ')],
        ['OS', r.machine.os],
        ['Node', r.node.node],
        ['Chromium', r.browser?.chromium ?? 'not run'],
        ['Code', `\`${r.git}\``],
        ['Date', r.date],
        ['Wall time of the whole bench', `${n0.format(r.wallSeconds)} s`],
      ],
    ),
  );
  out.push('');
  out.push(
    '```sh\nnpm ci            # the README set-up; Debian Chromium at /usr/bin/chromium (or CHROME_PATH)\nnpm run bench     # = node tests/bench/run.mjs: wxt zip (builds), bundles the readers and rules for Node, runs everything, rewrites this file\nnode tests/bench/run.mjs --quick   # fewer runs, writes .bench/BENCHMARKS.quick.md instead\n```',
  );
  out.push('');
  out.push('## Goals (issue 16)');
  out.push('');
  out.push(
    'Figures are from a shared 2-core machine loaded by other work while the bench ran: absolute times are inflated and noisy. The peer (luftaquila/parcel-deck v0.1.0, `../shared/peers/parcel-deck/chrome-mv3`) is measured in the same run, its page loads alternated with ours, so the ratio stays fair. "Before" is the figure before this issue was worked on (see `BEFORE` in tests/bench/report.mjs for where each comes from); "previous round" is the last full run of the round before this one (`PREVIOUS_ROUND`).',
  );
  out.push('');
  out.push(
    table(
      [
        'goal',
        'Buyer Shield (this run)',
        'peer (same run)',
        `previous round (${PREVIOUS_ROUND_CODE})`,
        'before',
        'verdict',
      ],
      v.map((x) => [
        x.goal,
        x.value,
        x.peer ?? '',
        PREVIOUS_ROUND[x.id] ?? '',
        x.before ?? '',
        verdict(x.ok),
      ]),
    ),
  );
  out.push('');
  out.push(
    missed.length
      ? `${missed.length} of ${v.length} goals missed; each has what was tried, the measured cause and the next step under "Missed goals" below.`
      : 'Every goal met.',
  );
  out.push('');
  out.push(ROUND_RUNS);
  out.push('');

  // 1. Reading
  const rl = r.node.readList;
  const rt = r.node.readTracking;
  out.push('## 1. Reading captured bodies (Node, `readCapturedBody`)');
  out.push('');
  out.push(
    table(
      ['body', 'size', 'median', 'IQR', 'min–max', 'runs', 'per item'],
      [
        [
          '1,000-order list (`order.list`, 1–3 lines per order)',
          bytes(rl.bytes),
          msU(rl.read.median),
          iqr(rl.read),
          range(rl.read),
          rl.read.runs,
          `${us((rl.read.median / rl.items) * 1000)} per order`,
        ],
        [
          '↳ `JSON.parse` alone of the same text (reference)',
          bytes(rl.bytes),
          msU(rl.jsonParse.median),
          iqr(rl.jsonParse),
          range(rl.jsonParse),
          rl.jsonParse.runs,
          '',
        ],
        [
          '↳ reading ÷ `JSON.parse`, per run',
          '',
          ratio(rl.readOverParse.median),
          iqr(rl.readOverParse, n2.format),
          range(rl.readOverParse, n2.format),
          rl.readOverParse.runs,
          '',
        ],
        [
          '200-event tracking (`querydetail`)',
          bytes(rt.bytes),
          msU(rt.read.median),
          iqr(rt.read),
          range(rt.read),
          `${rt.read.runs} (×10 calls)`,
          `${us((rt.read.median / rt.items) * 1000)} per event`,
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Goal (issue 16): ≤ ${GOALS.readOverParse}× \`JSON.parse\` (worked on by the readers, issue 17). Peer: luftaquila/parcel-deck reads 1,000 orders in 9.1–9.8 ms median on Node 20 with \`JSON.parse\` alone ≈ 4 ms (≈ 2.3–2.5× \`JSON.parse\`), reading 5 fields. Here reading is ${ratio(rl.readOverParse.median)} \`JSON.parse\` of the same body in the same run (every field: status, dates, totals, store, lines with prices, variants, images). ${rl.readOverParse.median > 2.5 ? 'Slower than the peer relative to `JSON.parse`: most of the difference is `isCurrencyCode()` (lib/aliexpress/money.ts), which constructs a new `Intl.NumberFormat` for every money value (about 60 % of the reading time in a CPU profile of this benchmark). Caching its answer per currency code, as `minorDigits` already does, should bring reading near 2–2.5× `JSON.parse`.' : 'That is at or better than the peer.'}`,
  );
  out.push('');

  // 2. Rules
  out.push('## 2. Rules (Node: `assessAllWithWake`, the one pass the background recompute runs)');
  out.push('');
  out.push(
    table(
      [
        'orders',
        '**assessAllWithWake**',
        'IQR',
        'min–max',
        'runs',
        'per order',
        'goal',
        'verdict',
        'assessAll alone',
        'nextWake alone',
      ],
      r.node.rules.map((x) => {
        const w = x.withWake ?? x.total;
        return [
          n0.format(x.orders),
          `**${msU(w.median)}**`,
          iqr(w),
          range(w),
          w.runs,
          us((w.median / x.orders) * 1000),
          x.orders === 10_000 ? `≤ ${GOALS.rules10kMs} ms` : '',
          x.orders === 10_000 ? verdict(w.median <= GOALS.rules10kMs) : '',
          msU(x.assessAll.median),
          msU(x.nextWake.median),
        ];
      }),
    ),
  );
  out.push('');
  out.push(
    'The background works out every order once per recompute with `assessAllWithWake` (assessments and the next wake time from the same preparation of each order). The last two columns are the two halves run as separate passes, each preparing every order again: their sum was the figure of earlier runs (113 ms at 10,000 on 2026-12-02 03:05).',
  );
  out.push('');
  out.push('### Growth from 1,000 to 50,000 orders (ratios taken within each round, then the median)');
  out.push('');
  out.push(
    table(
      ['orders', 'total time ÷ time for 1,000', 'cost per order ÷ cost per order at 1,000'],
      r.node.rules.map((x) => {
        const g = x.withWakePerOrderVs1000 ?? x.perOrderVs1000;
        return [
          n0.format(x.orders),
          ratio((g.median * x.orders) / 1000),
          `${ratio(g.median)} (IQR ${iqr(g, n2.format)})`,
        ];
      }),
    ),
  );
  out.push('');
  const big = r.node.rules.at(-1);
  const worst = rulesGrowth(r);
  out.push(
    `${worst <= 1.25 ? 'Growth is linear (per-order cost within 25 % of the cost at 1,000 orders).' : `Per-order cost grows up to ${ratio(worst)} from 1,000 orders: at 1,000 orders everything fits in the young generation, while 10,000 and 50,000 orders spend more of their time in garbage collection (a third of the time in a CPU profile at 10,000). Look at the spreads before reading more into it: the machine is shared.`} At 50,000 orders a full recompute takes ${msU(rulesMs(big))}. Order mix: a fifth each shipped with a tracked parcel, shipped with AliExpress's protection date, completed, in dispute, closed with a processed refund (moved here from the former timed unit test in tests/unit/rules/next-wake.test.ts).`,
  );
  out.push('');

  // 3. Storing
  if (r.browser) {
    const s = r.browser.storing;
    out.push('## 3. Storing in Chromium through the real path');
    out.push('');
    out.push(
      `10,000 orders arrive as ${s.pages} captured \`order.list\` pages of ${s.perPage} orders (${bytes(s.bodyChars.min)}–${bytes(s.bodyChars.max)} each): one body of 10,000 would be ~15 MB, over the readers' 5 MB limit, so they come as "View orders" paging would bring them. The timed part starts when the fixture page hands the first body to its JSONP handler and ends when the background's \`orders\` table holds all rows: MAIN-world capture → \`postMessage\` → isolated content script (the raw body as \`saveCapture\`) → background (request schema, reader, observation schema, merge, Dexie). The bodies were downloaded by the page beforehand, so no network or Playwright routing is timed.`,
    );
    out.push('');
    out.push(
      table(
        ['measure', 'median', 'IQR', 'min–max', 'runs', 'goal', 'verdict'],
        [
          [
            'real path, 10,000 orders into an empty store',
            `**${msU(s.store.median)}**`,
            iqr(s.store),
            range(s.store),
            s.store.runs,
            '',
            '',
          ],
          [
            'floor: raw Dexie `bulkPut` of the same 10,000 rows (scratch database, same layout, same run)',
            msU(s.floor.median),
            iqr(s.floor),
            range(s.floor),
            s.floor.runs,
            '',
            '',
          ],
          [
            'real path ÷ floor, per run',
            `**${ratio(s.storeOverFloor.median)}**`,
            iqr(s.storeOverFloor, n2.format),
            range(s.storeOverFloor, n2.format),
            s.storeOverFloor.runs,
            `≤ ${GOALS.storeOverFloor}×`,
            verdict(s.storeOverFloor.median <= GOALS.storeOverFloor),
          ],
          [
            're-visit: the same 10,000 again on a new page load (+1 new marker order)',
            msU(s.revisit.median),
            iqr(s.revisit),
            range(s.revisit),
            s.revisit.runs,
            '',
            '',
          ],
          [
            'rows of the 10,000 changed by the re-visit (per run)',
            s.revisitRowsChanged.join(', '),
            '',
            '',
            s.revisitRowsChanged.length,
            '0',
            verdict(s.revisitRowsChanged.every((c) => c === 0)),
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      'The re-visit is timed until a one-order marker page sent after the 20 unchanged pages is stored (its transaction queues behind theirs); "rows changed" compares every stored row (all fields, `updatedAt` included) before and after, so a rewrite would show.',
    );
    out.push('');

    // 4. Popup
    const p = r.browser.popup;
    out.push('## 4. Popup with 10,000 orders stored (Chromium)');
    out.push('');
    out.push(
      table(
        [
          'measure (ms after navigation start of popup.html)',
          'median',
          'IQR',
          'min–max',
          'runs',
          'goal',
          'verdict',
        ],
        [
          [
            'first order card in the DOM',
            msU(p.inDom.median),
            iqr(p.inDom),
            range(p.inDom),
            p.inDom.runs,
            '',
            '',
          ],
          [
            'first order card painted (next frame), cold worker',
            `**${msU(p.painted.median)}**`,
            iqr(p.painted),
            range(p.painted),
            p.painted.runs,
            `≤ ${GOALS.popupMs} ms`,
            verdict(p.painted.median <= GOALS.popupMs),
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      `The popup is opened as a tab (440×640) at \`popup.html\`; ${n0.format(p.orders)} orders stored, ${p.cardsRendered} cards in the DOM when the first one was painted (the popup draws a screenful, 8 cards per group, first and the rest of the page, up to 50 per group, 25 cards per frame after that). The worker is stopped before each run, so the popup's first message starts it: it answers from the first page kept at its last recompute (lib/store/summaries.ts), valid while the data version and the clock allow, and builds the full snapshot a second later.`,
    );
    out.push('');

    // 5. Page cost
    const c = r.browser.pageCost;
    out.push(`## 5. Page cost on a ${c.orders}-order list page, beside the peer (Chromium, CPU profiler)`);
    out.push('');
    const row = (name, st, goal = '', ok = null) => [
      name,
      `**${msU(st.median)}**`,
      iqr(st),
      range(st),
      st.runs,
      goal,
      ok === null ? '' : verdict(ok),
    ];
    out.push(
      table(
        ['extension, script', 'median per load', 'IQR', 'min–max', 'loads', 'goal', 'verdict'],
        [
          row(
            '**Buyer Shield, all frames**',
            c.ours.total,
            `≤ ${GOALS.pageCostMs} ms and ≤ peer`,
            c.ours.total.median <= GOALS.pageCostMs &&
              c.peer !== null &&
              c.ours.total.median <= c.peer.total.median,
          ),
          ...Object.entries(c.ours.byScript).map(([name, st]) => row(`↳ ${name}`, st)),
          ...(c.peer
            ? [
                row('**parcel-deck (peer), all frames**', c.peer.total),
                ...Object.entries(c.peer.byScript).map(([name, st]) => row(`↳ ${name}`, st)),
                [
                  'Buyer Shield ÷ peer, per round',
                  ratio(c.peer.oursOverPeer.median),
                  iqr(c.peer.oursOverPeer, n2.format),
                  range(c.peer.oursOverPeer, n2.format),
                  c.peer.oursOverPeer.runs,
                  '≤ 1×',
                  verdict(c.peer.oursOverPeer.median <= 1),
                ],
              ]
            : []),
          row('first badge filled in, ms after the cards are in', c.ours.badgesFirst),
          row(
            'every card in view with its badge filled in, ms after the cards',
            c.ours.badgesInView,
            `≤ ${msU(BEFORE.badgesInViewMs)} (before)`,
            c.ours.badgesInView.median <= BEFORE.badgesInViewMs,
          ),
        ],
      ),
    );
    out.push('');
    out.push(
      `The page is the order list as the real app behaves: its script fetches \`order.list\` (JSON, ${c.orders} orders) and then inserts the cards in the real DOM shape. Each round loads it once in a browser with Buyer Shield, once with the peer and once with no extension (for the heap figure), in alternating order. An extension's time is every CPU-profiler sample (50 µs interval) whose stack holds a frame of \`chrome-extension://<its id>/\` (every script of it, in every world: content scripts and, for the peer, its injected page script), from navigation until ${n1.format(c.windowMs / 1000)} s after the cards are in. Natives called by that code (\`JSON.parse\`, Intl, DOM, messaging) count. The first round is a warm-up. On a loaded machine a sample can stand for more than 50 µs of its own work (the thread was descheduled), which inflates both sides.`,
    );
    out.push('');
    out.push(
      'Hotspots of Buyer Shield (innermost frame of ours → the native it was in; mean ms per load; names are minified, so the start of the built code is shown to recognise the function):',
    );
    out.push('');
    out.push(
      table(
        ['frame', 'built code at that point', 'ms per load'],
        c.hotspots.map((h) => [
          `\`${h.frame}\``,
          h.code ? `\`${h.code.replaceAll('`', "'").replaceAll('|', '\\|')}\`` : '',
          ms(h.msPerLoad),
        ]),
      ),
    );
    out.push('');

    const l = r.browser.pageCostLate;
    if (l) {
      out.push(
        `### The same page with its list asked for ${n1.format(l.afterLoadMs / 1000)} s after load, so that the peer reads it too`,
      );
      out.push('');
      out.push(
        table(
          ['extension, script', 'median per load', 'IQR', 'min–max', 'loads'],
          [
            row('**Buyer Shield, all frames**', l.ours.total).slice(0, 5),
            ...Object.entries(l.ours.byScript).map(([name, st]) => row(`↳ ${name}`, st).slice(0, 5)),
            ...(l.peer
              ? [
                  row('**parcel-deck (peer), all frames**', l.peer.total).slice(0, 5),
                  ...Object.entries(l.peer.byScript).map(([name, st]) => row(`↳ ${name}`, st).slice(0, 5)),
                  [
                    'Buyer Shield ÷ peer, per round',
                    ratio(l.peer.oursOverPeer.median),
                    iqr(l.peer.oursOverPeer, n2.format),
                    range(l.peer.oursOverPeer, n2.format),
                    l.peer.oursOverPeer.runs,
                  ],
                ]
              : []),
            row('every card in view with its badge filled in, ms after the cards', l.ours.badgesInView).slice(
              0,
              5,
            ),
          ],
        ),
      );
      out.push('');
      out.push(
        `Goal 1 is judged on the page above, as issue 16 asks. There the page asks for its list while it is parsed, before the peer's page hook exists (its content script injects \`injected/aliexpress-hook.js\` at \`document_idle\`), so the peer reads nothing: its hook passed on ${c.peer ? readsText(c.peer.reads) : 'no count'} per load, counted in the same loads from its window messages (\`PARCEL_HUB_ALI_DATA\`). This second page is the same, except that its script asks for the list ${n1.format(l.afterLoadMs / 1000)} s after its \`load\` event, as a later request does (the buyer's \`View orders\` paging); there the peer's hook reads it (${l.peer ? readsText(l.peer.reads) : 'no count'} per load) and its content script parses it and sends the orders to its worker, which is the work Buyer Shield does on both pages. Which of the two a real visit resembles depends on when AliExpress's app asks for its list relative to the page going idle, which no source here records.`,
      );
      out.push('');
    }

    // 7. Memory
    out.push('## 7. Memory (Chromium, used JS heap after a forced GC)');
    out.push('');
    out.push(
      table(
        ['measure', 'median', 'min–max', 'runs', 'goal', 'verdict'],
        [
          ...(r.browser.popup?.workerHeap
            ? [
                [
                  "the worker's heap, 10,000 orders stored, dashboard snapshot built",
                  mb(r.browser.popup.workerHeap.median),
                  range(r.browser.popup.workerHeap, mb),
                  r.browser.popup.workerHeap.runs,
                  `≤ ${mb(GOALS.workerHeapBytes)}`,
                  verdict(r.browser.popup.workerHeap.median <= GOALS.workerHeapBytes),
                ],
              ]
            : []),
          [
            "the page's extra heap with Buyer Shield (page heap − the same page without extensions, same round)",
            mb(c.ours.extraHeap.median),
            range(c.ours.extraHeap, mb),
            c.ours.extraHeap.runs,
            `≤ ${mb(GOALS.pageHeapBytes)}`,
            verdict(c.ours.extraHeap.median <= GOALS.pageHeapBytes),
          ],
          ...(c.peer
            ? [
                [
                  "the page's extra heap with the peer",
                  mb(c.peer.extraHeap.median),
                  range(c.peer.extraHeap, mb),
                  c.peer.extraHeap.runs,
                  '',
                  '',
                ],
              ]
            : []),
          [
            'the page alone (no extension)',
            mb(c.none.heap.median),
            range(c.none.heap, mb),
            c.none.heap.runs,
            '',
            '',
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      "The worker's heap is read through a DevTools session attached to the service worker (`Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`); a page's heap is its renderer's V8 heap, which holds the page and every extension world in it.",
    );
    out.push('');
  } else {
    out.push('## 3–5. Browser figures');
    out.push('');
    out.push(`Not run: ${r.browserError ?? 'skipped'}.`);
    out.push('');
  }

  // 6. Sizes
  out.push('## 6. Bundle sizes (production build, `.output/chrome-mv3`, gzip level 9 per file)');
  out.push('');
  const sizeGoal = (name) =>
    /aliexpress\.js \(isolated\)/.test(name)
      ? GOALS.listScriptGzip
      : /^background/.test(name)
        ? GOALS.backgroundGzip
        : null;
  out.push(
    table(
      ['entrypoint', 'files', 'raw', 'gzip', 'goal (gzip)', 'verdict'],
      [
        ...r.sizes.entries.map((e) => {
          const g = sizeGoal(e.name);
          return [
            e.name,
            e.files.map((f) => `\`${f}\``).join(', '),
            bytes(e.raw),
            bytes(e.gzip),
            g ? `≤ ${bytes(g)}` : '',
            g ? verdict(e.gzip <= g) : '',
          ];
        }),
        [
          `the zip (\`wxt zip\`)`,
          r.sizes.zip ? `\`${r.sizes.zip.file}\`` : '–',
          r.sizes.zip ? bytes(r.sizes.zip.bytes) : '–',
          '',
          `≤ ${bytes(GOALS.peerZipBytes)} (the peer's)`,
          verdict((r.sizes.zip?.bytes ?? Number.POSITIVE_INFINITY) <= GOALS.peerZipBytes),
        ],
      ],
    ),
  );
  out.push('');

  // When the scripts run, and what the capture adds to the page's own calls
  out.push('## 8. Nothing blocks the page');
  out.push('');
  out.push(
    table(
      ['content script (built manifest)', 'world', 'runs at'],
      (r.contentScripts ?? []).map((c) => [c.js.map((f) => `\`${f}\``).join(', '), c.world, c.runAt]),
    ),
  );
  out.push('');
  const cw = r.node.captureWrap;
  if (cw) {
    out.push(
      "What the MAIN-world capture's wrappers add to each of the page's own calls (Node micro-bench, tests/bench/node-bench.mjs: 2,000 calls through a stub network with and without `installCapture`, side by side, 15 rounds; a watched call has its response cloned and posted):",
    );
    out.push('');
    const names = {
      fetchWatched: '`fetch` of an API we read',
      fetchOther: '`fetch` of any other URL',
      xhrWatched: 'XHR `open`+`send` of an API we read',
      xhrOther: 'XHR `open`+`send` of any other URL',
    };
    out.push(
      table(
        ['call', 'added per call (median)', 'IQR', 'goal', 'verdict'],
        Object.entries(cw).map(([k, st]) => [
          names[k] ?? k,
          us(st.median * 1000),
          `${us(st.q1 * 1000)}–${us(st.q3 * 1000)}`,
          `≤ ${GOALS.captureWrapMs} ms`,
          verdict(st.median <= GOALS.captureWrapMs),
        ]),
      ),
    );
    out.push('');
  }

  // Peers
  const sz = (re) => r.sizes.entries.find((e) => re.test(e.name));
  const bg = sz(/background/);
  const cap = sz(/MAIN world/);
  const iso = sz(/\(isolated\)/);
  const pop = sz(/^popup/);
  out.push('## Compared with the peers (shared/reference/peer-figures.md), where comparable');
  out.push('');
  out.push(
    table(
      ['figure', 'Buyer Shield (this run)', 'luftaquila/parcel-deck v0.1.0', 'note'],
      [
        [
          'reading 1,000 orders from the raw list body',
          `${msU(rl.read.median)} = ${ratio(rl.readOverParse.median)} \`JSON.parse\` (${msU(rl.jsonParse.median)} here)`,
          '9.1–9.8 ms median = ≈ 2.3–2.5× `JSON.parse` (≈ 4 ms there)',
          'different machines: compare the ratios; the peer reads 5 fields and leaves 51 % of orders without a status',
        ],
        [
          'script in AliExpress pages (gzip)',
          `${bytes((cap?.gzip ?? 0) + (iso?.gzip ?? 0))} (capture ${bytes(cap?.gzip ?? 0)} + isolated ${bytes(iso?.gzip ?? 0)})`,
          '15,515 B (49,104 B raw), only after load',
          'ours: only the 1.5 KB capture at `document_start` (it keeps what it sees until the isolated script starts at `document_idle`)',
        ],
        [
          'service worker (gzip)',
          bytes(bg?.gzip ?? 0),
          '16,667 B (no database library)',
          'ours includes Dexie and Valibot',
        ],
        [
          'popup JS (gzip)',
          bytes(pop?.gzip ?? 0),
          '13,128 B (no framework)',
          'ours: Preact, HTML and CSS included',
        ],
        ['zip', r.sizes.zip ? bytes(r.sizes.zip.bytes) : '–', '122,959 B', ''],
        [
          'storage',
          'Dexie, an unchanged re-visit writes 0 rows',
          'one `storage.local` blob rewritten whole on every update',
          '',
        ],
      ],
    ),
  );
  out.push('');

  // Misses
  out.push('## Missed goals: causes and suggested fixes');
  out.push('');
  if (!missed.length) out.push('None.');
  for (const m of missed) {
    out.push(
      `- **${m.goal}**: measured ${m.value}. ${m.id === 'page-peer' ? lateCause(r) : ''}${CAUSES[m.id] ?? ''}${m.id === 'zip' ? zipCause(r) : ''}`,
    );
  }
  out.push('');
  out.push('## How the causes were found');
  out.push('');
  out.push(
    '- Reading and rules: `node --cpu-prof` over the Node bundle (`.bench/node/node-entry.mjs`) running the same bodies and order mix, self time per function.',
  );
  out.push(
    '- Page cost: the hotspot table above comes from the same CPU profiles the figure is measured with; the minified names map to the source through the column in the built file (`.bench/ext/content-scripts/aliexpress.js`).',
  );
  out.push(
    "- Storing: a Chromium trace of one storing run (`Tracing.start` through a CDP session, categories toplevel, ipc, mojom and IndexedDB), each thread's busy time summed from the first IndexedDB put to the last; and, in the floor's scratch database, the same rows written in one transaction and in 20 transactions of 500, one after the other (temporary changes to browser-bench.mjs, not kept). Popup: temporary `performance.mark`s in the popup (HTML parsed, script running, strings and first answer back, cards in the DOM, painted) over the same runs, and the size of the first answer.",
  );
  out.push('');
  out.push('## Method');
  out.push('');
  out.push(
    '- Node figures: the TypeScript sources are bundled once with Vite (`tests/bench/vite.config.mjs`) and run in a child `node --expose-gc`; each sample follows a forced GC and warm-up calls; sizes inside a round are interleaved so ratios compare neighbouring runs.',
  );
  out.push(
    '- Browser figures: Debian Chromium, headless, with a private copy of the built extension (`.bench/ext`), pages served at the real AliExpress URLs through `tests/e2e/harness.mjs` `serveAliExpress`; every other request is refused. The background is left to finish its recompute between runs.',
  );
  out.push('- Raw samples of every figure: `.bench/results.json` (not committed).');
  out.push('');
  return out.join('\n');
}

/** The goals table alone, for stdout. */
export function summaryTable(r) {
  return table(
    ['goal', 'median', 'verdict'],
    verdicts(r).map((x) => [x.goal, x.value, x.ok ? 'met' : 'MISSED']),
  );
}
