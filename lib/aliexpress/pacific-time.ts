import type { Instant } from '@/lib/schema/model';

/**
 * AliExpress's clock, as it is. The reverse (refund/dispute/return) APIs give each step twice:
 * an epoch in milliseconds and a zone-less `yyyy-MM-dd HH:mm:ss` text. Which field is which
 * varies by API — the buyer list has `gmtCreate` "1648080887108" + `gmtCreateFormat`
 * "2022-03-23 21:19:58" (../shared/aliexpress-fixtures/refund-list.json); the seller list has
 * `gmtCreate` "2026-01-16 15:12:01" + `gmtCreateTimestamp` 1768605121609
 * (../shared/aliexpress-captures/seller-reverse-list-zh-cny.json) — so both are looked for by
 * their form, not by their name.
 *
 * - The texts are **US Pacific time with daylight saving**: in all 15 pairs of the seller capture
 *   the text is the epoch at −8 h in winter and −7 h in summer (its README). Read here with
 *   `Intl.DateTimeFormat` in America/Los_Angeles.
 * - The epochs are exact, and win when they are plausible: within the years a case can have,
 *   and, when a text is beside them, agreeing with it at the second up to a whole zone offset
 *   (a multiple of 15 min within ±14 h). The Brazilian fixtures' epochs were scrambled by their
 *   anonymiser and disagree with their own texts by hours to days at no zone offset
 *   (../shared/aliexpress-fixtures/README.md "Known quirks"); there the text is used.
 */

const LA = 'America/Los_Angeles';
const MIN_MS = 946_684_800_000; // 2000-01-01
const MAX_MS = 7_258_118_400_000; // 2200-01-01
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_OFFSET_MS = 14 * 3600_000;
/** Text has whole seconds, the epoch milliseconds: they agree to within a second. */
const AGREE_MS = 1_500;

const STAMP = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/;

let laParts: Intl.DateTimeFormat | null = null;

/** The Pacific wall clock at `ms`, as if it were UTC (ms). */
function laWallMs(ms: number): number {
  laParts ??= new Intl.DateTimeFormat('en-US', {
    timeZone: LA,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p: Record<string, number> = {};
  for (const part of laParts.formatToParts(ms)) p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The wall-clock text read as if it were UTC (ms), or null when it is not a real date. */
function wallMs(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = STAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  if (mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  if (h > 23 || mi > 59 || (s ?? 0) > 59) return null;
  const ms = Date.UTC(y ?? 0, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : (s ?? 0));
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return ms;
}

/** A `yyyy-MM-dd HH:mm:ss` text read as America/Los_Angeles (with daylight saving) → instant. */
export function pacificTimeToInstant(text: unknown): Instant | null {
  const wall = wallMs(text);
  if (wall === null || wall < MIN_MS || wall > MAX_MS) return null;
  // Offset at the guess, then again at the corrected instant (settles the DST change days).
  let utc = wall - (laWallMs(wall) - wall);
  utc = wall - (laWallMs(utc) - utc);
  return new Date(utc).toISOString();
}

/** Epoch milliseconds (number or digit text) → ISO instant, or null when not a plausible timestamp. */
export function epochToInstant(x: unknown): Instant | null {
  const n = typeof x === 'string' && /^\d{12,13}$/.test(x.trim()) ? Number(x.trim()) : x;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < MIN_MS || n > MAX_MS) return null;
  return new Date(n).toISOString();
}

/** Whether an epoch and a zone-less text name the same instant in some zone. */
function agrees(epochMs: number, wall: number): boolean {
  const diff = wall - epochMs;
  if (Math.abs(diff) > MAX_OFFSET_MS + AGREE_MS) return false;
  const off = Math.round(diff / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  return Math.abs(diff - off) <= AGREE_MS;
}

/**
 * One step's instant from the values AliExpress gives for it (in any order: epochs and texts).
 * The first plausible epoch that agrees with the first text wins; otherwise the text, read as
 * Pacific time; an epoch alone is used when plausible.
 */
export function aliexpressInstant(...values: unknown[]): Instant | null {
  let text: unknown = null;
  let epoch: Instant | null = null;
  for (const v of values) {
    if (text === null && wallMs(v) !== null) text = v;
    else if (epoch === null) epoch = epochToInstant(v);
  }
  if (text === null) return epoch;
  const wall = wallMs(text);
  if (epoch !== null && wall !== null && agrees(Date.parse(epoch), wall)) return epoch;
  return pacificTimeToInstant(text);
}

/**
 * The instant of a step named `base` in `rec` (`gmtCreate` → `gmtCreate`, `gmtCreateFormat`,
 * `gmtCreateTimestamp`, whichever of them are an epoch or a text).
 */
export function stepInstant(rec: Record<string, unknown>, base: string): Instant | null {
  return aliexpressInstant(rec[base], rec[`${base}Format`], rec[`${base}Timestamp`]);
}
