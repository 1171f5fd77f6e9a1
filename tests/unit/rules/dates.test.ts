import { TZDate, tz } from '@date-fns/tz';
import { addDays, formatISO, isValid, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  closingInstant,
  dayInZone,
  dayNumber,
  dayOfYear,
  isoDateOf,
  openingInstant,
  startOfDayInZone,
  yearOf,
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

describe('UTC day arithmetic equals date-fns, day by day (it is integer math on day numbers)', () => {
  // dates.ts turns `YYYY-MM-DD` into day numbers and adds calendar days without the zone
  // machinery (whose Intl calls made a cold first assessment slow); here every day of two
  // centuries is checked against date-fns in UTC, as dates.ts computed it before.
  const inUtc = { in: tz('UTC') };
  const refDay = (s: string): number | null => {
    const d = parseISO(s, inUtc);
    return isValid(d) ? Math.round(d.getTime() / 86_400_000) : null;
  };
  const first = refDay('1950-01-01') ?? 0;
  const last = refDay('2150-12-31') ?? 0;
  // Every day around the century leap-year rules (1900/2000/2100) and of the years orders have;
  // every 13th day (so every weekday and day of month) of the rest of the two centuries.
  const days: number[] = [];
  for (let n = first; n <= last; n += 13) days.push(n);
  for (const [from, to] of [
    ['1999-01-01', '2001-12-31'],
    ['2023-01-01', '2030-12-31'],
    ['2099-01-01', '2101-12-31'],
  ] as const)
    for (let n = refDay(from) ?? 0; n <= (refDay(to) ?? 0); n += 1) days.push(n);

  it('parses, prints and adds days as date-fns does', () => {
    for (const n of days) {
      const text = formatISO(new TZDate(n * 86_400_000, 'UTC'), { representation: 'date' });
      if (isoDateOf(n) !== text) throw new Error(`isoDateOf(${n}) = ${isoDateOf(n)}, date-fns ${text}`);
      if (dayNumber(text) !== n) throw new Error(`dayNumber(${text}) = ${dayNumber(text)}, expected ${n}`);
      if (yearOf(n) !== Number(text.slice(0, 4))) throw new Error(`yearOf(${n})`);
      for (const k of [1, 11, 60, -3]) {
        const ref = Math.round(addDays(new TZDate(n * 86_400_000, 'UTC'), k).getTime() / 86_400_000);
        if (addCalendarDays(n, k) !== ref) throw new Error(`addCalendarDays(${text}, ${k})`);
      }
    }
  });

  it('refuses the dates date-fns refuses', () => {
    for (const y of ['1999', '2000', '2024', '2026', '2100']) {
      for (let m = 0; m <= 13; m += 1) {
        for (let d = 0; d <= 32; d += 1) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(dayNumber(s), s).toBe(refDay(s));
        }
      }
    }
    for (const s of ['0999-01-01', '2026-W01-1', '2026-07-1T', '+02026-07', 'abcd-ef-gh'])
      expect(dayNumber(s), s).toBe(refDay(s));
  });

  it('finds the day number of a day of the year as date-fns does', () => {
    for (const year of [1999, 2000, 2024, 2026]) {
      for (const n of [1, 59, 60, 365, 366]) {
        const ref = Math.round(addDays(new TZDate(year, 0, 1, 'UTC'), n - 1).getTime() / 86_400_000);
        expect(dayOfYear(year, n)).toBe(ref);
      }
    }
  });

  it('starts days in UTC and UTC+8 at the fixed offset, and finds their calendar days', () => {
    for (let n = first; n <= last; n += 97) {
      for (const zone of ['UTC', 'Etc/GMT-8']) {
        const d = new Date(n * 86_400_000);
        const ref = new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), zone).getTime();
        expect(startOfDayInZone(n, zone)).toBe(ref);
        for (const ms of [ref, ref + 3_600_000, ref + 86_399_999, ref - 1]) {
          const local = new TZDate(ms, zone);
          const refDayOf = Math.round(
            new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 'UTC').getTime() / 86_400_000,
          );
          expect(dayInZone(ms, zone)).toBe(refDayOf);
        }
      }
    }
  });
});
