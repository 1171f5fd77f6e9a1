/**
 * Fuzzing the five captured-API readers through their one entry point, readCapturedBody:
 * mutated real bodies, byte-damaged bodies, and garbage. Whatever comes in, no exception
 * escapes and every reading is one the background accepts; garbage yields nothing to store,
 * only a failure, which the background records as a diagnostic.
 */
import fc from 'fast-check';
import type { ReadContext } from '@/lib/aliexpress/context';
import { readCapturedBody } from '@/lib/aliexpress/read-captured';
import { checkResult, GUARD_PROBLEM, isEmptyRead, printTallies, RUNS, SEED, tally } from './check';
import { damagedText, hostileValue, mutatedBody } from './mutate';
import { jsonSeeds } from './seeds';

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

/** The context a page could influence: its language and the request URL it made. */
const context: fc.Arbitrary<ReadContext> = fc.record({
  seenAt: fc.constant('2026-10-05T10:00:00.000Z'),
  lang: fc.option(fc.constantFrom('en', 'pt-BR', 'de', 'ja', 'ar', 'xx', '__proto__', ''), {
    nil: undefined,
  }),
  requestUrl: fc.option(
    fc.oneof(
      fc.constantFrom(
        'https://acs.aliexpress.com/h5/mtop.ae.ld.querydetail/1.0/?data=%7B%22tradeOrderId%22%3A%228123456789012345%22%7D',
        'https://acs.aliexpress.com/h5/mtop.ae.ld.querydetail/1.0/?data=%7B%22tradeOrderId%22%3A%22%3Cb%3E%22%7D',
        'https://acs.aliexpress.com/h5/x/1.0/?data=%7B%22tradeOrderId%22%3A1e400%7D',
        'https://acs.aliexpress.com/h5/x/1.0/?data=not-json',
        'not a url',
      ),
      fc.webUrl({ withQueryParameters: true }),
    ),
    { nil: undefined },
  ),
});

const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  hostileValue.map((x) => JSON.stringify(x)),
  fc.json({ maxDepth: 3 }).map((j) => `mtopjsonp1(${j})`),
  fc.constantFrom(
    '<!doctype html><title>Login</title>',
    'alert(1)',
    'null({"ret":["FAIL_SYS_USER_VALIDATE"]})',
  ),
);

afterAll(printTallies);

for (const { api, json, texts } of jsonSeeds()) {
  describe(`readCapturedBody(${api})`, () => {
    it('has seeds to mutate', () => {
      expect(json.length).toBeGreaterThan(0);
    });

    it('mutated real bodies: no exception, every reading passes the schema', () => {
      const t = tally(`${api} mutated`);
      fc.assert(
        fc.property(mutatedBody(json), context, (body, ctx) => {
          checkResult(readCapturedBody(api, body, ctx), t);
        }),
        params,
      );
      // The seeds are real bodies: most single mutations must still be read.
      expect(t.read).toBeGreaterThan(t.cases / 4);
    }, 600_000);

    it('truncated and noisy bodies: no exception, every reading passes the schema', () => {
      const t = tally(`${api} damaged`);
      fc.assert(
        fc.property(damagedText(texts), context, (body, ctx) => {
          checkResult(readCapturedBody(api, body, ctx), t);
        }),
        params,
      );
    }, 600_000);

    it('garbage yields nothing to store: a failure (one diagnostic) or an empty reading', () => {
      const t = tally(`${api} garbage`);
      fc.assert(
        fc.property(garbage, context, (body, ctx) => {
          const result = readCapturedBody(api, body, ctx);
          checkResult(result, t);
          if (!result.ok) expect(result.failure.problem).not.toContain(GUARD_PROBLEM);
          else expect(isEmptyRead(result)).toBe(true);
        }),
        params,
      );
    });
  });
}
