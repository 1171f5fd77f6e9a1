// Renders the results of one `npm run bench` (see run.mjs) as BENCHMARKS.md and as the table
// printed on stdout. Goals come from issue 8; a missed goal is shown as MISSED with its cause.

/** Goals of issue 8. KB here means 1,000 bytes (the stricter reading). */
export const GOALS = {
  rules10kMs: 100,
  storeMs: 2000,
  storeOverFloor: 2,
  revisitRows: 0,
  popupMs: 200,
  pageCostMs: 16,
  captureGzip: 3000,
  contentGzip: 25_000,
  zipBytes: 150_000,
};

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const n1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const n2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function ms(x) {
  if (!Number.isFinite(x)) return '–';
  return x < 10 ? n2.format(x) : x < 100 ? n1.format(x) : n0.format(x);
}
const msU = (x) => `${ms(x)} ms`;
const us = (x) => `${x < 10 ? n2.format(x) : n1.format(x)} µs`;
const ratio = (x) => `${n2.format(x)}×`;
const bytes = (x) => `${n0.format(x)} B`;
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

/** The goals and whether each was met, from the results. */
export function verdicts(r) {
  const rules10k = r.node.rules.find((x) => x.orders === 10_000);
  const size = (re) => r.sizes.entries.find((e) => re.test(e.name));
  const capture = size(/MAIN world/);
  const content = size(/\(isolated\)/);
  const out = [
    {
      id: 'rules',
      goal: `Rules: 10,000 orders (assessAll + nextWake) ≤ ${GOALS.rules10kMs} ms`,
      value: msU(rules10k.total.median),
      ok: rules10k.total.median <= GOALS.rules10kMs,
    },
  ];
  if (r.browser) {
    const s = r.browser.storing;
    out.push(
      {
        id: 'store-time',
        goal: `Storing: 10,000 orders through the real path ≤ ${GOALS.storeMs} ms`,
        value: msU(s.store.median),
        ok: s.store.median <= GOALS.storeMs,
      },
      {
        id: 'store-floor',
        goal: `Storing: ≤ ${GOALS.storeOverFloor}× the raw Dexie bulkPut floor (same run)`,
        value: ratio(s.storeOverFloor.median),
        ok: s.storeOverFloor.median <= GOALS.storeOverFloor,
      },
      {
        id: 'revisit',
        goal: 'Storing: an unchanged re-visit of the 10,000 writes 0 rows',
        value: `${Math.max(...s.revisitRowsChanged)} rows (every run)`,
        ok: s.revisitRowsChanged.every((c) => c === GOALS.revisitRows),
      },
      {
        id: 'popup',
        goal: `Popup: first order card painted ≤ ${GOALS.popupMs} ms with 10,000 orders`,
        value: msU(r.browser.popup.painted.median),
        ok: r.browser.popup.painted.median <= GOALS.popupMs,
      },
      {
        id: 'page',
        goal: `Page cost: our content scripts ≤ ${GOALS.pageCostMs} ms main-thread time per load (100 orders)`,
        value: msU(r.browser.pageCost.total.median),
        ok: r.browser.pageCost.total.median <= GOALS.pageCostMs,
      },
    );
  }
  out.push(
    {
      id: 'capture-size',
      goal: `Size: MAIN-world capture script ≤ ${bytes(GOALS.captureGzip)} gzip`,
      value: bytes(capture?.gzip ?? Number.NaN),
      ok: (capture?.gzip ?? Number.POSITIVE_INFINITY) <= GOALS.captureGzip,
    },
    {
      id: 'content-size',
      goal: `Size: isolated content script ≤ ${bytes(GOALS.contentGzip)} gzip`,
      value: bytes(content?.gzip ?? Number.NaN),
      ok: (content?.gzip ?? Number.POSITIVE_INFINITY) <= GOALS.contentGzip,
    },
    {
      id: 'zip',
      goal: `Size: the zip ≤ ${bytes(GOALS.zipBytes)}`,
      value: r.sizes.zip ? bytes(r.sizes.zip.bytes) : 'no zip',
      ok: (r.sizes.zip?.bytes ?? Number.POSITIVE_INFINITY) <= GOALS.zipBytes,
    },
  );
  return out;
}

/**
 * Causes of misses found by profiling (see "How the causes were found"), shown only while the
 * goal is missed. They name code of other modules; the benchmark does not change that code.
 */
const CAUSES = {
  rules:
    'Assessing is one pass (`assessAllWithWake`, lib/rules/next-wake.ts) over orders whose `prepare()` builds the order state, deadlines and alert plans; about a third of the time is garbage collection of those short-lived objects. Suggested fix: reuse the prepared orders between recomputes when their facts did not change.',
  'store-time':
    "Each of the 20 captured pages goes MAIN world → content script → background as raw text, where it is parsed and read (about 20–30 µs per order, figure 1), conformed and checked by Valibot (lib/background/handlers.ts `saveCapture`), merged (`bulkGet` + `mergeOrder` + `bulkPut`, lib/store/apply.ts) in one transaction per page; the recompute after the burst (debounced 250 ms) then assesses all stored orders on the same thread. Since the first measurement (2,908 ms) the recompute is debounced and single-pass and the readers no longer build Intl objects per value. Suggested fix: validate readers' own output with a cheaper check than the full Valibot schema (it is already conformed), and merge pages of one burst in one transaction.",
  'store-floor':
    'See the storing-time note: the real path parses, reads, validates and merges each page and reads the existing rows (`bulkGet`) before its `bulkPut`; the floor only writes. The remaining gap is mostly the reader and the schema check.',
  popup:
    "The popup asks for a page of each group (`getDashboard`, lib/background/dashboard.ts) and the worker keeps a snapshot of every order's assessment (lib/background/snapshot.ts). The benchmark opens the popup on a worker that has just stored 10,000 orders, so the first call builds the snapshot: reading 10,000 orders with their parcels from IndexedDB and assessing them takes most of the time (it was 1,450 ms when all orders were sent to the popup). Suggested fix: persist a small per-order summary (group, next deadline) at recompute, so a cold popup reads one page from an index instead of every order.",
  page: 'Most of the remaining time is the first extension calls of a fresh content-script context (`runtime.sendMessage` for the page texts and `storage.local` for dismissed badges, see the hotspots; the content script now asks only for the page labels, and the DOM is no longer read when the JSON was seen), then Preact mounting 100 badges in shadow roots and the MutationObserver callbacks of a page inserting 100 cards. Suggested fix: mount badges only for cards in or near the viewport (IntersectionObserver), and start the text request lazily on the first card.',
  'content-size':
    'The isolated content scripts carry the DOM readers of their pages, the date and money parsers with their word tables (status words in 14 languages), the conformer, the in-page UI (Preact) and, on the order list, the refresh feature. Suggested fix: move the order-list refresh controller into its MAIN-world script.',
};

/** The zip's largest contents, from the built files (the zip deflates each file on its own). */
function zipCause(r) {
  const files = r.sizes.files ?? [];
  const total = files.reduce((a, f) => a + f.gzip, 0);
  const locales = files.filter((f) => f.file.startsWith('_locales/'));
  const top = files
    .filter((f) => !f.file.startsWith('_locales/'))
    .slice(0, 4)
    .map((f) => `\`${f.file}\` ${bytes(f.raw)} raw / ${bytes(f.gzip)} gzip`);
  const loc = locales.reduce((a, f) => a + f.gzip, 0);
  return `Its contents gzip to about ${bytes(total)} in all. Largest: ${top.join('; ')}${locales.length ? `; ${locales.length} locale files \`_locales/*/messages.json\` ${bytes(locales.reduce((a, f) => a + f.raw, 0))} raw / ${bytes(loc)} gzip` : ''}. Three parts weigh most: the service worker (Dexie alone is about 97 KB raw of it), the seven full translations (the alert and evidence texts are long), and the two isolated content scripts, which since they were split per page kind (to keep each inside its own 25 KB budget) both carry Preact and the shared parsers. Suggested fixes: minify the locale JSON at build, and drop the polyfill from the worker and pages (WXT ≥ 0.20 no longer needs it; the design named it, so it stays for now).`;
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
  out.push('## Goals');
  out.push('');
  out.push(
    table(
      ['goal', 'median', 'verdict'],
      v.map((x) => [x.goal, x.value, verdict(x.ok)]),
    ),
  );
  out.push('');
  out.push(
    missed.length
      ? `${missed.length} of ${v.length} goals missed; each has its cause and a suggested fix under "Missed goals" below.`
      : 'Every goal met.',
  );
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
    `No goal is set for reading. Peer: luftaquila/parcel-deck reads 1,000 orders in 9.1–9.8 ms median on Node 20 with \`JSON.parse\` alone ≈ 4 ms (≈ 2.3–2.5× \`JSON.parse\`), reading 5 fields. Here reading is ${ratio(rl.readOverParse.median)} \`JSON.parse\` of the same body in the same run (every field: status, dates, totals, store, lines with prices, variants, images). ${rl.readOverParse.median > 2.5 ? 'Slower than the peer relative to `JSON.parse`: most of the difference is `isCurrencyCode()` (lib/aliexpress/money.ts), which constructs a new `Intl.NumberFormat` for every money value (about 60 % of the reading time in a CPU profile of this benchmark). Caching its answer per currency code, as `minorDigits` already does, should bring reading near 2–2.5× `JSON.parse`.' : 'That is at or better than the peer.'}`,
  );
  out.push('');

  // 2. Rules
  out.push('## 2. Rules (Node: `assessAll` then `nextWake`, as the background recompute runs them)');
  out.push('');
  out.push(
    table(
      [
        'orders',
        'assessAll',
        'nextWake',
        'total',
        'total IQR',
        'total min–max',
        'runs',
        'per order',
        'goal',
        'verdict',
      ],
      r.node.rules.map((x) => [
        n0.format(x.orders),
        msU(x.assessAll.median),
        msU(x.nextWake.median),
        `**${msU(x.total.median)}**`,
        iqr(x.total),
        range(x.total),
        x.total.runs,
        us((x.total.median / x.orders) * 1000),
        x.orders === 10_000 ? `≤ ${GOALS.rules10kMs} ms` : '',
        x.orders === 10_000 ? verdict(x.total.median <= GOALS.rules10kMs) : '',
      ]),
    ),
  );
  out.push('');
  out.push('### Growth from 1,000 to 50,000 orders (ratios taken within each round, then the median)');
  out.push('');
  out.push(
    table(
      ['orders', 'total time ÷ time for 1,000', 'cost per order ÷ cost per order at 1,000'],
      r.node.rules.map((x) => [
        n0.format(x.orders),
        ratio((x.perOrderVs1000.median * x.orders) / 1000),
        `${ratio(x.perOrderVs1000.median)} (IQR ${iqr(x.perOrderVs1000, n2.format)})`,
      ]),
    ),
  );
  out.push('');
  const big = r.node.rules.at(-1);
  const worst = Math.max(...r.node.rules.map((x) => x.perOrderVs1000.median));
  out.push(
    `${worst <= 1.25 ? 'Growth is linear (per-order cost within 25 % of the cost at 1,000 orders).' : `Per-order cost grows up to ${ratio(worst)} from 1,000 orders: at 1,000 orders everything fits in the young generation, while 10,000 and 50,000 orders spend more of their time in garbage collection (a third of the time in a CPU profile at 10,000). Look at the spreads before reading more into it: the machine is shared.`} At 50,000 orders a full recompute takes ${msU(big.total.median)}. Order mix: a fifth each shipped with a tracked parcel, shipped with AliExpress's protection date, completed, in dispute, closed with a processed refund (moved here from the former timed unit test in tests/unit/rules/next-wake.test.ts).`,
  );
  out.push('');

  // 3. Storing
  if (r.browser) {
    const s = r.browser.storing;
    out.push('## 3. Storing in Chromium through the real path');
    out.push('');
    out.push(
      `10,000 orders arrive as ${s.pages} captured \`order.list\` pages of ${s.perPage} orders (${bytes(s.bodyChars.min)}–${bytes(s.bodyChars.max)} each): one body of 10,000 would be ~15 MB, over the readers' 5 MB limit, so they come as "View orders" paging would bring them. The timed part starts when the fixture page hands the first body to its JSONP handler and ends when the background's \`orders\` table holds all rows: MAIN-world capture → \`postMessage\` → isolated content script (read, \`saveObservations\`) → background (schema, merge, Dexie). The bodies were downloaded by the page beforehand, so no network or Playwright routing is timed.`,
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
            `≤ ${n0.format(GOALS.storeMs)} ms`,
            verdict(s.store.median <= GOALS.storeMs),
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
            'first order card painted (next frame)',
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
      `The popup is opened as a tab (440×640) at \`popup.html\`; ${n0.format(p.orders)} orders stored, ${p.cardsRendered} cards rendered at first (the popup pages its groups).`,
    );
    out.push('');

    // 5. Page cost
    const c = r.browser.pageCost;
    out.push(`## 5. Page cost on a ${c.orders}-order list page (Chromium, CPU profiler)`);
    out.push('');
    out.push(
      table(
        ['script', 'median per load', 'IQR', 'min–max', 'loads', 'goal', 'verdict'],
        [
          [
            '**all our content scripts**',
            `**${msU(c.total.median)}**`,
            iqr(c.total),
            range(c.total),
            c.total.runs,
            `≤ ${GOALS.pageCostMs} ms`,
            verdict(c.total.median <= GOALS.pageCostMs),
          ],
          ...Object.entries(c.byScript).map(([name, s]) => [
            `content-scripts/${name}`,
            msU(s.median),
            iqr(s),
            range(s),
            s.runs,
            '',
            '',
          ]),
        ],
      ),
    );
    out.push('');
    out.push(
      "The page is the order list as the real app behaves: its script fetches `order.list` (JSON, 100 orders) and then inserts 100 cards in the real DOM shape. Our time is every CPU-profiler sample (50 µs interval) whose stack holds a frame of `chrome-extension://<id>/content-scripts/…`, from navigation until 1.5 s after the cards are in (the DOM is read 400 ms after the last change): start-up, the capture's `fetch` wrapper and JSONP watcher, reading the JSON and the DOM, and sending. Natives called by our code (`JSON.parse`, Intl, DOM, messaging) count as ours. The first load is a warm-up and not counted. Mounting in-page badges, when the content script does it, runs in the isolated script and is counted in the same figure.",
    );
    out.push('');
    out.push(
      'Hotspots (innermost frame of ours → the native it was in; mean ms per load; names are minified, so the start of the built code is shown to recognise the function):',
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
    /MAIN world/.test(name) ? GOALS.captureGzip : /\(isolated\)/.test(name) ? GOALS.contentGzip : null;
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
          `≤ ${bytes(GOALS.zipBytes)}`,
          verdict((r.sizes.zip?.bytes ?? Number.POSITIVE_INFINITY) <= GOALS.zipBytes),
        ],
      ],
    ),
  );
  out.push('');

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
          'ours runs from `document_start` to catch the first API responses',
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
      `- **${m.goal}**: measured ${m.value}. ${CAUSES[m.id] ?? ''}${m.id === 'zip' ? zipCause(r) : ''}`,
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
    '- Storing and popup: by reading the code on the measured path (handlers, apply, recompute, OrderGroups); the ratio to the floor says how much is not Dexie.',
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
