import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessAll, assessAllWithWake, nextWake } from '../../../lib/rules';
import { factsArb, nowArb, zoneArb } from './arbitraries';

describe('assessAllWithWake', () => {
  it('gives exactly what assessAll and nextWake give separately', () => {
    fc.assert(
      fc.property(
        fc.array(factsArb, { maxLength: 6 }),
        nowArb,
        zoneArb,
        fc.boolean(),
        (facts, now, zone, leads) => {
          const ctx = { now, zone, leadTimesMs: leads ? [3 * 86_400_000, 6 * 3_600_000] : [] };
          const one = assessAllWithWake(facts, ctx);
          expect(one.assessments).toEqual(assessAll(facts, ctx));
          expect(one.next?.getTime() ?? null).toBe(nextWake(facts, ctx)?.getTime() ?? null);
        },
      ),
      { numRuns: 200 },
    );
  });
});
