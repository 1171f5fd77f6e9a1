import { describe, expect, it } from 'vitest';
import { assessAll, nextWake, orderBoundaries, reminderTimes } from '../../../lib/rules';
import { dispute, event, facts, pkg, refund } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z');
const DAY = 86_400_000;

describe('nextWake', () => {
  const shipped = facts({ shippedOn: '2026-07-03' });
  // Protection estimate ends 2026-09-01 (start in UTC+8: 2026-08-31T16:00Z).

  it('is the next boundary: protection becomes "soon" 14 days before the end', () => {
    expect(nextWake([shipped], { now: NOW, zone: 'UTC' })?.toISOString()).toBe('2026-08-17T16:00:00.000Z');
  });

  it('includes reminder lead times before deadlines the buyer must act on', () => {
    expect(nextWake([shipped], { now: NOW, zone: 'UTC', leadTimesMs: [20 * DAY] })?.toISOString()).toBe(
      '2026-08-11T16:00:00.000Z',
    );
  });

  it('takes the earliest over many orders and never returns the past', () => {
    const soon = facts({ id: 'B', shippedOn: '2026-06-01', protection: { endsOn: '2026-07-19', text: '' } });
    expect(nextWake([shipped, soon], { now: NOW, zone: 'UTC' })?.toISOString()).toBe(
      '2026-07-18T16:00:00.000Z',
    );
    expect(
      nextWake([shipped, soon], { now: new Date('2026-07-18T16:00:00Z'), zone: 'UTC' })?.getTime(),
    ).toBeGreaterThan(Date.parse('2026-07-18T16:00:00Z'));
  });

  it('is null when nothing will change', () => {
    expect(nextWake([], { now: NOW, zone: 'UTC' })).toBeNull();
    expect(nextWake([facts({ status: 'cancelled' })], { now: NOW, zone: 'UTC' })).toBeNull();
    const old = facts({ status: 'completed', completedOn: '2026-01-10' });
    expect(nextWake([old], { now: NOW, zone: 'UTC' })).toBeNull();
  });

  it('wakes when a refund becomes overdue and when it stops being followed', () => {
    const f = facts({ status: 'closed' }, { refunds: [refund({ processedOn: '2026-07-01' })] });
    const bounds = orderBoundaries(f, { now: NOW, zone: 'UTC' }).map((d) => d.toISOString());
    // 20 business days after 2026-07-01 is 2026-07-29: ask the bank from 2026-07-30, follow for 120 days.
    expect(bounds).toEqual(expect.arrayContaining(['2026-07-30T00:00:00.000Z', '2026-11-27T00:00:00.000Z']));
    // …and around the card-chargeback fallback (paid 2026-06-28 + 120 days), since money is at stake.
    expect(bounds).toContain('2026-10-25T16:00:00.000Z');
  });
});

describe('reminderTimes', () => {
  it('subtracts each lead time, ascending, without repeats', () => {
    const times = reminderTimes({ at: '2026-09-01T00:00:00.000Z' }, [DAY, 3 * DAY, DAY]);
    expect(times.map((d) => d.toISOString())).toEqual([
      '2026-08-29T00:00:00.000Z',
      '2026-08-31T00:00:00.000Z',
    ]);
  });
});

describe('performance', () => {
  it('assesses 10,000 orders in ≤ 100 ms', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => {
      const d = (n: number) =>
        new Date(Date.parse('2026-01-01T00:00:00Z') + ((i * 7 + n) % 400) * DAY).toISOString().slice(0, 10);
      const at = (n: number) => `${d(n)}T0${i % 10}:00:00.000Z`;
      const id = String(8_000_000_000_000_000 + i);
      switch (i % 5) {
        case 0:
          return facts(
            { id, shippedOn: d(0) },
            { packages: [pkg({ orderId: id, events: [event(at(3)), event(at(1))] })] },
          );
        case 1:
          return facts({ id, shippedOn: d(0), protection: { endsOn: d(60), text: '' } });
        case 2:
          return facts({ id, status: 'completed', shippedOn: d(0), completedOn: d(20) });
        case 3:
          return facts(
            { id, status: 'in_dispute', shippedOn: d(0) },
            { disputes: [dispute({ orderId: id, openedAt: at(15) })] },
          );
        default:
          return facts({ id, status: 'closed' }, { refunds: [refund({ orderId: id, processedOn: d(30) })] });
      }
    });
    const ctx = { now: NOW, zone: 'America/Los_Angeles' };
    assessAll(all, ctx); // warm-up (JIT, zone caches)
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      assessAll(all, ctx);
      best = Math.min(best, performance.now() - t0);
    }
    console.info(`assessAll(10,000): ${best.toFixed(1)} ms`);
    expect(best).toBeLessThanOrEqual(100);
    const t1 = performance.now();
    nextWake(all, ctx);
    expect(performance.now() - t1).toBeLessThanOrEqual(150);
  });
});
