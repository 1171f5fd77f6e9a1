import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  closingInstant,
  dayInZone,
  dayNumber,
  isoDateOf,
  openingInstant,
  startOfDayInZone,
} from '../../../lib/rules/dates';

const iso = (ms: number) => new Date(ms).toISOString();
const day = (d: string) => {
  const n = dayNumber(d);
  if (n === null) throw new Error(`bad date ${d}`);
  return n;
};

describe('startOfDayInZone', () => {
  it.each([
    ['UTC', '2026-03-08', '2026-03-08T00:00:00.000Z'],
    // Los Angeles: PST (−8) until 2026-03-08 02:00, PDT (−7) until 2026-11-01 02:00.
    ['America/Los_Angeles', '2026-03-07', '2026-03-07T08:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', '2026-03-08T08:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-09', '2026-03-09T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-01', '2026-11-01T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-02', '2026-11-02T08:00:00.000Z'],
    ['Pacific/Kiritimati', '2026-07-15', '2026-07-14T10:00:00.000Z'],
    ['Etc/GMT+12', '2026-07-15', '2026-07-15T12:00:00.000Z'],
    // Chile springs forward at midnight: 2026-09-06 starts at 01:00 local (UTC−3).
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00.000Z'],
    ['America/Santiago', '2026-09-07', '2026-09-07T03:00:00.000Z'],
  ])('%s %s starts at %s', (zone, date, expected) => {
    expect(iso(startOfDayInZone(day(date), zone))).toBe(expected);
  });
});

describe('closing and opening instants (earlier/later of buyer zone and UTC+8)', () => {
  it.each([
    ['UTC', '2026-09-04', '2026-09-03T16:00:00.000Z', '2026-09-04T00:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', '2026-03-07T16:00:00.000Z', '2026-03-08T08:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-01', '2026-10-31T16:00:00.000Z', '2026-11-01T07:00:00.000Z'],
    ['Pacific/Kiritimati', '2026-09-04', '2026-09-03T10:00:00.000Z', '2026-09-03T16:00:00.000Z'],
    ['Etc/GMT+12', '2026-09-04', '2026-09-03T16:00:00.000Z', '2026-09-04T12:00:00.000Z'],
  ])('%s %s closes %s, opens %s', (zone, date, closing, opening) => {
    expect(iso(closingInstant(day(date), zone))).toBe(closing);
    expect(iso(openingInstant(day(date), zone))).toBe(opening);
  });
});

describe('zone offsets and days', () => {
  it('finds the day on either side of a DST change', () => {
    // Los Angeles springs forward at 2026-03-08 10:00Z (02:00 PST → 03:00 PDT).
    expect(isoDateOf(dayInZone(Date.parse('2026-03-09T06:59:59Z'), 'America/Los_Angeles'))).toBe(
      '2026-03-08',
    );
    expect(isoDateOf(dayInZone(Date.parse('2026-03-09T07:00:00Z'), 'America/Los_Angeles'))).toBe(
      '2026-03-09',
    );
  });
  it('finds the calendar day of an instant in a zone', () => {
    expect(isoDateOf(dayInZone(Date.parse('2026-07-15T12:00:00Z'), 'Pacific/Kiritimati'))).toBe('2026-07-16');
    expect(isoDateOf(dayInZone(Date.parse('2026-07-15T11:00:00Z'), 'Etc/GMT+12'))).toBe('2026-07-14');
  });
  it('rejects impossible dates', () => {
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('2026-7-1')).toBeNull();
    expect(dayNumber('2028-02-29')).not.toBeNull();
  });
});

describe('addBusinessDays skips Saturday and Sunday', () => {
  it.each([
    ['2026-07-15', 1, '2026-07-16'], // Wed → Thu
    ['2026-07-17', 1, '2026-07-20'], // Fri → Mon
    ['2026-07-18', 1, '2026-07-20'], // Sat → Mon
    ['2026-07-15', 5, '2026-07-22'],
    ['2026-06-10', 20, '2026-07-08'],
    ['2026-12-24', 3, '2026-12-29'], // holidays are not known: only weekends skip
  ])('%s + %i business days = %s', (from, n, expected) => {
    expect(isoDateOf(addBusinessDays(day(from), n))).toBe(expected);
  });
});
