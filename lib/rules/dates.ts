/**
 * Calendar and zone math for the rules, without reading the clock.
 *
 * Calendar dates (`YYYY-MM-DD`) are handled as day numbers (days since 1970-01-01), so adding
 * days or business days never touches a zone. A date becomes an instant only at the end, and
 * conservatively (DESIGN.md "Data rules"): a date that *closes* a window becomes the start of
 * that date in the buyer's zone or in UTC+8 (AliExpress's zone), whichever is earlier; a date
 * that *opens* a window becomes the later of the two, so we never say "you still can" after
 * the buyer can't, nor "you can" before the buyer can.
 *
 * Zone offsets come from one cached `Intl.DateTimeFormat` per zone (no `@date-fns/tz`), and
 * each (zone, date) → instant result is memoised: orders share few distinct dates, so
 * assessing thousands of orders costs a few hundred Intl calls at most.
 */
import type { IsoDate } from '../schema/model';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** AliExpress (China Standard Time) has no DST: a fixed UTC+8. */
const UTC8_OFFSET_MS = 8 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at `utcMs`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    const n = Number(p.value);
    if (p.type === 'year') y = n;
    else if (p.type === 'month') mo = n;
    else if (p.type === 'day') d = n;
    else if (p.type === 'hour') h = n;
    else if (p.type === 'minute') mi = n;
    else if (p.type === 'second') s = n;
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const whole = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return wall - whole;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Parses `YYYY-MM-DD` into a day number, or null when it is not a real date. Hand-rolled
 * (no regex, no Date) because it runs several times per order on every assessment.
 */
export function dayNumber(date: IsoDate): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 7);
  const d = digitsAt(date, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Adds `n` business days (Mon–Fri; public holidays are not known and not skipped): day 1 is
 * the first weekday after `day`.
 */
export function addBusinessDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    const w = weekday(d);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return d;
}

const startCache = new Map<string, Map<number, number>>();

/** The first instant (UTC ms) of a calendar day in `zone`, DST gaps and overlaps included. */
export function startOfDayInZone(day: number, zone: string): number {
  let perZone = startCache.get(zone);
  if (perZone === undefined) {
    perZone = new Map();
    startCache.set(zone, perZone);
  }
  const hit = perZone.get(day);
  if (hit !== undefined) return hit;
  const wall = day * DAY_MS;
  // At most one transition lies within a day of local midnight; the offsets on either side
  // give every possible reading of "00:00 that day".
  const before = zoneOffsetMs(zone, wall - DAY_MS);
  const after = zoneOffsetMs(zone, wall + DAY_MS);
  let best = Number.POSITIVE_INFINITY;
  for (const o of before === after ? [before] : [before, after]) {
    const t = wall - o;
    if (zoneOffsetMs(zone, t) === o && t < best) best = t;
  }
  // Midnight fell into a spring-forward gap: the day starts at the transition itself.
  if (best === Number.POSITIVE_INFINITY) best = wall - Math.min(before, after);
  perZone.set(day, best);
  return best;
}

/** Start of the day in UTC+8. */
export function startOfDayUtc8(day: number): number {
  return day * DAY_MS - UTC8_OFFSET_MS;
}

/** A date that closes a window: the earlier of its start in the buyer's zone and in UTC+8. */
export function closingInstant(day: number, zone: string): number {
  return Math.min(startOfDayInZone(day, zone), startOfDayUtc8(day));
}

/** A date that opens a window: the later of its start in the buyer's zone and in UTC+8. */
export function openingInstant(day: number, zone: string): number {
  return Math.max(startOfDayInZone(day, zone), startOfDayUtc8(day));
}

/** The calendar day an instant falls on in `zone`. */
export function dayInZone(utcMs: number, zone: string): number {
  return Math.floor((utcMs + zoneOffsetMs(zone, utcMs)) / DAY_MS);
}

/** Parses an ISO instant to ms, or null. */
export function instantMs(at: string | null | undefined): number | null {
  if (at === null || at === undefined) return null;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? null : ms;
}

const isoCache = new Map<number, string>();

/**
 * Ms to an ISO instant string. Memoised (bounded): deadlines of many orders fall on the same
 * few instants, and `toISOString` was the hottest call when assessing 10,000 orders.
 */
export function toInstant(ms: number): string {
  let s = isoCache.get(ms);
  if (s === undefined) {
    if (isoCache.size >= 50_000) isoCache.clear();
    s = new Date(ms).toISOString();
    isoCache.set(ms, s);
  }
  return s;
}
