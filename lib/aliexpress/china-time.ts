import type { Instant } from '@/lib/schema/model';

/**
 * The reverse (refund/dispute) API's `gmtCreateFormat` / `gmtModifiedFormat` strings
 * ("2022-03-23 21:19:58", maxwellmezadre/aliexpress-mcp test/fixtures/refund-list.json) carry
 * no zone. We read them as China time (UTC+8): the `gmt…` names are Alibaba's server-side
 * (Hangzhou) column names, the reverse API does not take the buyer's `timeZone` parameter
 * (only `_lang`, `shipTo` — maxwellmezadre src/aliexpress/refunds.ts), and for deadlines that
 * start from these instants UTC+8 is also the earlier (conservative) reading for every buyer
 * west of China. The epoch fields beside them are NOT used: in the real fixture they were
 * scrambled by the anonymiser and are not chronological (../shared/aliexpress-fixtures/README.md).
 */
export function chinaTimeToInstant(text: unknown): Instant | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s ?? '0'));
  if (!Number.isFinite(ms)) return null;
  const back = new Date(ms + 8 * 3600_000);
  if (back.getUTCDate() !== Number(d) || back.getUTCMonth() !== Number(mo) - 1) return null;
  return new Date(ms).toISOString();
}

/** The calendar date of a China-time stamp, as printed ("2022-03-27 02:19:10" → "2022-03-27"). */
export function chinaTimeDate(text: unknown): string | null {
  return chinaTimeToInstant(text) === null || typeof text !== 'string' ? null : text.trim().slice(0, 10);
}

/** Epoch milliseconds → ISO instant, or null when not a plausible timestamp. */
export function epochToInstant(x: unknown): Instant | null {
  const n = typeof x === 'string' && /^\d{10,13}$/.test(x) ? Number(x) : x;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 946_684_800_000 || n > 7_258_118_400_000)
    return null;
  return new Date(n).toISOString();
}
