/**
 * Fuzzing the DOM readers through readPage: our saved pages with elements removed, multiplied,
 * moved, retexted and re-attributed; and random pages built from the class names and labels
 * those pages use. No exception escapes, every reading passes the schema, and text that looks
 * like markup stays text (no reading holds a live element or runs anything).
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { readPage } from '@/lib/aliexpress/read-page';
import { checkResult, DOM_RUNS, printTallies, SEED, tally } from './check';
import { hostileValue } from './mutate';
import { type DomSeed, domSeeds } from './seeds';

const params = { numRuns: DOM_RUNS, seed: SEED, endOnFailure: true };
const ctx = { seenAt: '2026-10-05T10:00:00.000Z', lang: 'en' };

/** Set by any script the readers might cause to run; nothing may. */
const ran = { count: 0 };

/**
 * One window per case, closed after it: happy-dom keeps every document a window parsed, and
 * thousands of them exhaust the worker's memory. Scripts are off, as in a saved page.
 */
async function withDocument<T>(html: string, url: string, use: (doc: Document) => T): Promise<T> {
  const win = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  (win as unknown as Record<string, unknown>).__fuzzRan = () => {
    ran.count += 1;
  };
  try {
    win.document.write(html);
    return use(win.document as unknown as Document);
  } finally {
    await win.happyDOM.close();
  }
}

const TEXTS = fc.oneof(
  hostileValue.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))),
  fc.constantFrom(
    'Order ID: 8123456789012345',
    'Order ID: 99999999999999999999999999999999999',
    'Order date: Feb 30, 2026',
    'Order date: Oct 3, 2026',
    'Total: US $12.34',
    'US $1e400',
    'x2',
    'x99999999999',
    'Refund if no delivery before Dec 31, 275760',
    'ARN 74000000000000000000000',
    'Delivered',
    '<img src=x onerror="window.__fuzzRan()">',
    '<script>window.__fuzzRan()</script>',
  ),
);

const OPS = ['remove', 'multiply', 'text', 'attr', 'move', 'inject'] as const;
const domMutation = fc.record({
  at: fc.nat(),
  to: fc.nat(),
  op: fc.constantFrom(...OPS),
  text: TEXTS,
  attr: fc.constantFrom('href', 'title', 'class', 'data-order-id', 'src', 'id'),
  times: fc.oneof(fc.integer({ min: 2, max: 4 }), fc.constant(201)),
});
type DomMutation = typeof domMutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: Document, ms: DomMutation[]): void {
  for (const m of ms) {
    const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
    const el = all[m.at % Math.max(all.length, 1)];
    if (!el) continue;
    switch (m.op) {
      case 'remove':
        el.remove();
        break;
      case 'multiply': {
        // Past the 200-lines cap, but bounded so one case stays small.
        const size = el.querySelectorAll('*').length + 1;
        if (all.length + size * m.times > 3000) break;
        for (let i = 1; i < m.times; i += 1) el.after(el.cloneNode(true));
        break;
      }
      case 'text':
        el.textContent = m.text;
        break;
      case 'attr':
        el.setAttribute(
          m.attr,
          m.attr === 'href' ? `https://www.aliexpress.com/p/order/detail.html?orderId=${m.text}` : m.text,
        );
        break;
      case 'move': {
        const target = all[m.to % all.length];
        if (target && !el.contains(target)) target.append(el);
        break;
      }
      case 'inject':
        // Markup as a page could serve it: parsed, never executed here.
        el.insertAdjacentHTML('beforeend', m.text);
        break;
    }
  }
}

function urlVariant(seed: DomSeed): fc.Arbitrary<URL> {
  return fc.oneof(
    fc.constant(new URL(seed.url)),
    TEXTS.map((t) => {
      const u = new URL(seed.url);
      u.searchParams.set(u.searchParams.has('tradeOrderId') ? 'tradeOrderId' : 'orderId', t);
      return u;
    }),
  );
}

/** Class names and label words the saved pages use, to build random pages readers recognise. */
function vocabulary(pages: DomSeed[]): string[] {
  const words = new Set<string>();
  for (const p of pages)
    for (const m of p.html.matchAll(/class="([^"]+)"/g))
      for (const c of (m[1] ?? '').split(/\s+/)) if (c) words.add(c);
  return [...words].sort();
}

function randomPage(classes: string[]): fc.Arbitrary<string> {
  const leaf = fc.tuple(fc.constantFrom(...classes), TEXTS).map(([c, t]) => `<span class="${c}">${t}</span>`);
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(
          fc.constantFrom(...classes),
          fc.constantFrom('div', 'a', 'li', 'section'),
          fc.array(tie('node'), { maxLength: 5 }),
        )
        .map(
          ([c, tag, kids]) =>
            `<${tag} class="${c}" href="?orderId=8123456789012345">${kids.join('')}</${tag}>`,
        ),
    ),
  })).node as fc.Arbitrary<string>;
  return fc
    .array(tree, { maxLength: 6 })
    .map((nodes) => `<!doctype html><html><body>${nodes.join('')}</body></html>`);
}

afterAll(printTallies);

for (const { folder, kind, pages } of domSeeds()) {
  describe(`readPage(${kind}) on ${folder}`, () => {
    it('has pages to mutate', () => {
      expect(pages.length).toBeGreaterThan(0);
    });

    it('mutated saved pages: no exception, every reading passes the schema, nothing runs', async () => {
      const t = tally(`${kind} (${folder}) mutated`);
      const page = fc.nat().chain((i) => {
        const seed = pages[i % pages.length] as DomSeed;
        return fc.tuple(
          fc.constant(seed),
          urlVariant(seed),
          fc.array(domMutation, { minLength: 1, maxLength: 5 }),
        );
      });
      await fc.assert(
        fc.asyncProperty(page, async ([seed, url, ms]) => {
          const result = await withDocument(seed.html, seed.url, (doc) => {
            mutate(doc, ms);
            return readPage(kind, doc, url, ctx);
          });
          checkResult(result, t);
          if (result.ok) expect(JSON.stringify(result.observations)).not.toMatch(/\[object (HTML|Text|Node)/);
        }),
        params,
      );
      expect(ran.count).toBe(0);
      expect(t.read).toBeGreaterThan(0);
    }, 600_000);

    it('random pages in the same vocabulary: no exception, every reading passes the schema', async () => {
      const t = tally(`${kind} (${folder}) random`);
      const seedUrl = pages[0]?.url ?? 'https://www.aliexpress.com/';
      await fc.assert(
        fc.asyncProperty(randomPage(vocabulary(pages)), async (html) => {
          checkResult(
            await withDocument(html, seedUrl, (doc) => readPage(kind, doc, new URL(seedUrl), ctx)),
            t,
          );
        }),
        params,
      );
      expect(ran.count).toBe(0);
    }, 600_000);
  });
}
