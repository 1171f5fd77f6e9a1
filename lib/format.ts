/**
 * Display helpers shared by the popup, options and in-page banners. Money and dates go through
 * `Intl`, in the buyer's language and time zone.
 */
import type { Money } from './schema/model';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, f);
  }
  return f;
}

/** Minor-unit exponent of a currency (2 for USD, 0 for KRW and JPY), from Intl. */
export function minorDigits(currency: string): number {
  return moneyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(money: Money, locale: string): string {
  try {
    const digits = minorDigits(money.currency);
    // Division by a power of ten only for display; stored amounts stay integers.
    return moneyFormat(locale, money.currency).format(money.amountMinor / 10 ** digits);
  } catch {
    return `${money.amountMinor} ${money.currency}`;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(at: string | Date, locale: string, zone: string, withTime = true): string {
  const key = `${locale}|${zone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    // With a time, the buyer's zone is named ("Dec 2, 2026, 11:00 AM GMT+1"): a deadline's
    // hour means nothing without it (issue 13). dateStyle cannot be combined with a zone name.
    f = new Intl.DateTimeFormat(
      locale,
      withTime
        ? {
            timeZone: zone,
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
          }
        : { timeZone: zone, dateStyle: 'medium' },
    );
    dateFormats.set(key, f);
  }
  return f.format(typeof at === 'string' ? new Date(at) : at);
}

/**
 * The day alone, short ("Dec 5", "5 déc.", "05.12"), in the buyer's zone: a badge's headline has
 * room for no more. Cut from `formatInstant`'s own formatter (the parts before the year), so the
 * worker builds no second one: building one costs a first page summary 25–50 ms.
 */
export function formatDay(at: string, locale: string, zone: string): string {
  formatInstant(at, locale, zone);
  const parts = dateFormats.get(`${locale}|${zone}|true`)?.formatToParts(new Date(at)) ?? [];
  const year = parts.findIndex((p) => p.type === 'year');
  const day = parts.slice(0, year < 0 ? parts.length : year);
  if (day.at(-1)?.type === 'literal') day.pop();
  return day.map((p) => p.value).join('');
}

/** A calendar date (`YYYY-MM-DD`) shown as the page would, without moving it across zones. */
export function formatIsoDate(date: string, locale: string): string {
  return formatInstant(`${date}T12:00:00Z`, locale, 'UTC', false);
}

// One formatter per locale: building one costs more than formatting (a list page shows 100).
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "in 3 days", "in 5 hours", "2 days ago" — rounded toward the more urgent reading. */
export function formatCountdown(at: string, now: Date, locale: string): string {
  const ms = Date.parse(at) - now.getTime();
  let rtf = relativeFormats.get(locale);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, rtf);
  }
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  const hour = 3_600_000;
  if (abs < hour) return rtf.format(sign * Math.max(1, Math.floor(abs / 60_000)), 'minute');
  if (abs < 48 * hour) return rtf.format(sign * Math.floor(abs / hour), 'hour');
  return rtf.format(sign * Math.floor(abs / (24 * hour)), 'day');
}
