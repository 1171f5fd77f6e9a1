import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessOrder, nextWake, orderBoundaries } from '../../../lib/rules';
import { factsArb, nowArb, zoneArb } from './arbitraries';

const RUNS = { numRuns: 400 };

describe('properties over random facts, now and zone', () => {
  it('no deadline is later than the date the page shows (≤ its start in UTC+8)', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const endsOn = f.order.protection?.endsOn;
        if (endsOn === undefined) return;
        const limit = Date.parse(`${endsOn}T00:00:00Z`) - 8 * 3_600_000;
        for (const d of assessOrder(f, { now, zone }).deadlines) {
          if (d.kind === 'protection_end') expect(Date.parse(d.at)).toBeLessThanOrEqual(limit);
        }
      }),
      RUNS,
    );
  });

  it('nextWake is in the future, and nothing changes before it', () => {
    fc.assert(
      fc.property(
        factsArb,
        nowArb,
        zoneArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (f, now, zone, frac) => {
          const ctx = { now, zone };
          const wake = nextWake([f], ctx);
          const here = assessOrder(f, ctx);
          if (wake === null) {
            // Nothing ever changes again: a year later reads the same.
            expect(assessOrder(f, { now: new Date(now.getTime() + 365 * 86_400_000), zone })).toEqual(here);
            return;
          }
          expect(wake.getTime()).toBeGreaterThan(now.getTime());
          expect(assessOrder(f, { now: new Date(wake.getTime() - 1), zone })).toEqual(here);
          const between = now.getTime() + Math.floor((wake.getTime() - 1 - now.getTime()) * frac);
          expect(assessOrder(f, { now: new Date(between), zone })).toEqual(here);
        },
      ),
      RUNS,
    );
  });

  it('every change of the assessment happens at a listed boundary', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const bounds = orderBoundaries(f, { now, zone }).map((d) => d.getTime());
        // Walk from now across the next few boundaries: the assessment may differ only across one.
        let t = now.getTime();
        let prev = assessOrder(f, { now: new Date(t), zone });
        for (const b of bounds.filter((x) => x > t).slice(0, 6)) {
          expect(assessOrder(f, { now: new Date(b - 1), zone })).toEqual(prev);
          t = b;
          prev = assessOrder(f, { now: new Date(t), zone });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('settled orders raise nothing, alert ids are unique, groups follow severities', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const a = assessOrder(f, { now, zone });
        if (a.settled) expect(a.alerts).toEqual([]);
        const ids = a.alerts.map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
        const acting = a.alerts.some((x) => x.severity !== 'info');
        expect(a.group).toBe(acting ? 'act_now' : a.settled ? 'settled' : 'watch');
      }),
      RUNS,
    );
  });
});
