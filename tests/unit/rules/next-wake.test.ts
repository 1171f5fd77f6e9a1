import { describe, expect, it } from 'vitest';
import { nextWake, orderBoundaries } from '../../../lib/rules';
import { facts, refund } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z');
const DAY = 86_400_000;

describe('nextWake', () => {
  const shipped = facts({ shippedOn: '2026-07-03' });
  // Protection estimate: placed 2026-06-28 + 60 = 2026-08-27 (start in UTC+8: 2026-08-26T16:00Z).

  it('is the next boundary: an estimated protection becomes "soon" 14 + 3 days before the end', () => {
    expect(nextWake([shipped], { now: NOW, zone: 'UTC' })?.toISOString()).toBe('2026-08-09T16:00:00.000Z');
  });

  it('includes reminder lead times before deadlines the buyer must act on (an estimate: 3 days earlier)', () => {
    expect(nextWake([shipped], { now: NOW, zone: 'UTC', leadTimesMs: [20 * DAY] })?.toISOString()).toBe(
      '2026-08-03T16:00:00.000Z',
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
    // …and around the card-chargeback fallback (paid 2026-06-28 + 90 days), since money is at stake.
    expect(bounds).toContain('2026-09-25T16:00:00.000Z');
  });
});

describe('reminder lead times', () => {
  it('an estimated protection end is reminded 3 days earlier than a date AliExpress shows', () => {
    const shipped = facts({ shippedOn: '2026-07-03' });
    const page = facts({ shippedOn: '2026-07-03', protection: { endsOn: '2026-08-27', text: '' } });
    const ctx = { now: NOW, zone: 'UTC', leadTimesMs: [DAY] };
    const pageEnd = Date.parse('2026-08-26T16:00:00.000Z');
    // Same end (placed 2026-06-28 + 60 = 2026-08-27), one estimated, one from the page.
    expect(orderBoundaries(page, ctx).map((d) => d.getTime())).toContain(pageEnd - DAY);
    expect(orderBoundaries(shipped, ctx).map((d) => d.getTime())).toContain(pageEnd - 4 * DAY);
    expect(orderBoundaries(shipped, ctx).map((d) => d.getTime())).not.toContain(pageEnd - DAY);
  });
});
