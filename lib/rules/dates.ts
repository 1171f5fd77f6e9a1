/**
 * Calendar and zone math for the rules, without reading the clock. @date-fns/tz does the
 * conversion to and from the buyer's zone, date-fns the business days.
 *
 * A calendar date (`YYYY-MM-DD`) is held as a day number (its UTC midnight / 1 day), a cheap
 * key for comparisons and caches; every step on it happens in UTC, so adding days or business
 * days never touches the buyer's zone. A date becomes an instant only at
 * the end, and conservatively (DESIGN.md "Data rules"): a date that *closes* a window becomes
 * the start of that date in the buyer's zone or in UTC+8 (AliExpress's zone), whichever is
 * earlier; a date that *opens* a window becomes the later of the two, so we never say "you
 * still can" after the buyer can't, nor "you can" before the buyer can.
 *
 * Results are memoised (bounded): orders share few distinct dates, so assessing thousands of
 * orders costs a few hundred date-fns / Intl calls at most.
 *
 * Steps that only ever happen in UTC (parsing `YYYY-MM-DD`, printing a day, adding calendar
 * days, the fixed UTC+8 of AliExpress) are integer arithmetic on day numbers: UTC has no DST,
 * so they are exact, and they spare the zone machinery its Intl calls (15,830 → 3,558 in the
 * first assessment of 10,000 orders after the worker starts, when every cache is cold). The
 * tests check them against date-fns day by day (tests/unit/rules/dates.test.ts).
 */
import { TZDate, tz } from '@date-fns/tz';
import { addDays, addBusinessDays as addWeekdays, formatISO, isValid, parseISO } from 'date-fns';
import type { IsoDate } from '../schema/model';

export const DAY_MS = 86_400_000;
/** AliExpress's zone, China Standard Time: a fixed UTC+8 (the IANA sign is inverted). */
const ALIEXPRESS_ZONE = 'Etc/GMT-8';
const inUtc = { in: tz('UTC') };
const CACHE_LIMIT = 50_000;

/**
 * Stores a computed value (bounded). The hot functions below read their cache first and only
 * call this on a miss, so a hit allocates nothing (no closure per call).
 */
function keep<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const toDay = (d: Date): number => Math.round(d.getTime() / DAY_MS);
const utcDate = (day: number): Date => new TZDate(day * DAY_MS, 'UTC');
/** Years where `Date.UTC` and `toISOString` need no special case (two-digit years, ±years). */
const plainYear = (y: number): boolean => y >= 1000 && y <= 9999;
/** The day number of a UTC calendar date (month 1–12), in the plain years. */
const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

const parsed = new Map<string, number | null>();
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a day number, or null when it is not a real date. */
export function dayNumber(date: IsoDate): number | null {
  const hit = parsed.get(date);
  if (hit !== undefined) return hit;
  if (date.length !== 10) return null;
  const m = YMD.exec(date);
  const y = Number(m?.[1]);
  if (m !== null && plainYear(y)) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const day = utcDay(y, mo, d);
    // A real date only: Date.UTC rolls 31 April over to 1 May, parseISO refuses it.
    const real = mo >= 1 && mo <= 12 && d >= 1 && new Date(day * DAY_MS).getUTCDate() === d;
    return keep(parsed, date, real ? day : null);
  }
  const d = parseISO(date, inUtc);
  return keep(parsed, date, isValid(d) ? toDay(d) : null);
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDateOf(day: number): IsoDate {
  const d = new Date(day * DAY_MS);
  if (plainYear(d.getUTCFullYear())) return d.toISOString().slice(0, 10);
  return formatISO(utcDate(day), { representation: 'date' });
}

const plusDays = new Map<number, number>();
const plusBusinessDays = new Map<number, number>();

/**
 * One small-integer key per (day, n) for 0 ≤ n < 1024 (policy numbers are far below), so the
 * cache stays fast; other n are computed without it.
 */
const pairKey = (day: number, n: number): number | null =>
  n >= 0 && n < 1024 && Number.isInteger(n) ? day * 1024 + n : null;

function shifted(cache: Map<number, number>, day: number, n: number, business: boolean): number {
  // Calendar days in UTC: the day number plus n (no DST in UTC).
  if (!business && Number.isInteger(n)) return day + n;
  const key = pairKey(day, n);
  const hit = key === null ? undefined : cache.get(key);
  if (hit !== undefined) return hit;
  const v = toDay(business ? addWeekdays(utcDate(day), n) : addDays(utcDate(day), n));
  return key === null ? v : keep(cache, key, v);
}

/** `day` plus `n` calendar days. */
export function addCalendarDays(day: number, n: number): number {
  return shifted(plusDays, day, n, false);
}

/**
 * Adds `n` business days (Mon–Fri; public holidays are not known and not skipped): day 1 is
 * the first weekday after `day`.
 */
export function addBusinessDays(day: number, n: number): number {
  return shifted(plusBusinessDays, day, n, true);
}

/** The day number of 1 January of `year` plus `n` days (day-of-year arithmetic for ARNs). */
export function dayOfYear(year: number, n: number): number {
  if (plainYear(year) && Number.isInteger(n)) return utcDay(year, 1, 1) + n - 1;
  return toDay(addDays(new TZDate(year, 0, 1, 'UTC'), n - 1));
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const starts = new Map<string, Map<number, number>>();

/**
 * The first instant (UTC ms) of a calendar day in `zone`. When midnight falls into a
 * spring-forward gap, TZDate moves it to the transition, where the day really starts.
 */
export function startOfDayInZone(day: number, zone: string): number {
  let perZone = starts.get(zone);
  if (perZone === undefined) perZone = keep(starts, zone, new Map<number, number>());
  const hit = perZone.get(day);
  if (hit !== undefined) return hit;
  // Zones without DST or offset change: midnight there is a fixed distance from UTC midnight.
  const fixed = FIXED_ZONES.get(zone);
  if (fixed !== undefined) return keep(perZone, day, day * DAY_MS - fixed);
  const d = new Date(day * DAY_MS);
  return keep(perZone, day, new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), zone).getTime());
}

/** Offsets (ms east of UTC) of the fixed zones the rules use: UTC and AliExpress's UTC+8. */
const FIXED_ZONES: ReadonlyMap<string, number> = new Map([
  ['UTC', 0],
  ['Etc/UTC', 0],
  [ALIEXPRESS_ZONE, 8 * 3_600_000],
]);

interface ZoneInstants {
  closing: Map<number, number>;
  opening: Map<number, number>;
}

const edges = new Map<string, ZoneInstants>();
/** The zone asked last (one zone per recompute): its maps without a lookup by name. */
let lastZone: string | null = null;
let lastEdges: ZoneInstants = { closing: new Map(), opening: new Map() };

function edgesOf(zone: string): ZoneInstants {
  if (zone === lastZone) return lastEdges;
  let e = edges.get(zone);
  if (e === undefined) e = keep(edges, zone, { closing: new Map(), opening: new Map() });
  lastZone = zone;
  lastEdges = e;
  return e;
}

/** A date that closes a window: the earlier of its start in the buyer's zone and in UTC+8. */
export function closingInstant(day: number, zone: string): number {
  const cache = edgesOf(zone).closing;
  const hit = cache.get(day);
  if (hit !== undefined) return hit;
  return keep(cache, day, Math.min(startOfDayInZone(day, zone), startOfDayInZone(day, ALIEXPRESS_ZONE)));
}

/** A date that opens a window: the later of its start in the buyer's zone and in UTC+8. */
export function openingInstant(day: number, zone: string): number {
  const cache = edgesOf(zone).opening;
  const hit = cache.get(day);
  if (hit !== undefined) return hit;
  return keep(cache, day, Math.max(startOfDayInZone(day, zone), startOfDayInZone(day, ALIEXPRESS_ZONE)));
}

/** The calendar day an instant falls on in `zone`. */
export function dayInZone(utcMs: number, zone: string): number {
  const fixed = FIXED_ZONES.get(zone);
  if (fixed !== undefined) return Math.floor((utcMs + fixed) / DAY_MS);
  const local = new TZDate(utcMs, zone);
  const y = local.getFullYear();
  if (plainYear(y)) return utcDay(y, local.getMonth() + 1, local.getDate());
  return toDay(new TZDate(y, local.getMonth(), local.getDate(), 'UTC'));
}

const instants = new Map<string, number | null>();

/** Parses an ISO instant to ms, or null (memoised: the same instants recur on every assessment). */
export function instantMs(at: string | null | undefined): number | null {
  if (at === null || at === undefined) return null;
  const hit = instants.get(at);
  if (hit !== undefined) return hit;
  const ms = Date.parse(at);
  return keep(instants, at, Number.isNaN(ms) ? null : ms);
}

const isoCache = new Map<number, string>();

/**
 * Ms to an ISO instant string. Memoised (bounded): deadlines of many orders fall on the same
 * few instants, and `toISOString` was the hottest call when assessing 10,000 orders.
 */
export function toInstant(ms: number): string {
  return isoCache.get(ms) ?? keep(isoCache, ms, new Date(ms).toISOString());
}
