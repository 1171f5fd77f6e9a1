import type { Money } from '@/lib/schema/model';

/**
 * Money parsing without floating point: digit strings become integers, the number of minor
 * digits comes from `Intl.NumberFormat(…).resolvedOptions().maximumFractionDigits` (KRW/JPY 0,
 * most others 2). Display formats seen on AliExpress: "US $6.19", "$25.66", "R$132,74",
 * "-R$5,66", "€5.73", "42,52kr", "129,46zł", "C$30.66", "CDN$10.77", "AU$12.99", "CN￥ 235.87"
 * (reference §6.5: maxwellmezadre/aliexpress-mcp fixtures; StudyDai/local_brower
 * aliexpress_reduce_list.js; ElMagoCT/aliexpress-parcel-intelligence CURRENCY_SYMBOLS).
 */

interface MoneyHint {
  /** Page language; settles "kr" (sv → SEK, nb/no → NOK, da → DKK). */
  lang?: string;
  /** ISO code the page says it charges in; settles "$", "kr", "¥" and confirms others. */
  currency?: string;
}

const digitsCache = new Map<string, number>();

/** Minor-unit exponent of an ISO currency, from Intl (2 if Intl does not know the code). */
export function minorDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let d = 2;
  try {
    d =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    d = 2;
  }
  digitsCache.set(currency, d);
  return d;
}

const knownCodes = new Map<string, boolean>();

function isCurrencyCode(x: string): boolean {
  if (!/^[A-Z]{3}$/.test(x)) return false;
  // Asked for every amount read; building an Intl.NumberFormat each time was most of the
  // reading time (BENCHMARKS.md), so each code is checked once.
  let known = knownCodes.get(x);
  if (known === undefined) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: x });
      known = true;
    } catch {
      known = false;
    }
    knownCodes.set(x, known);
  }
  return known;
}

/** Integer part digits + fraction digits → minor units, or null if the fraction is too long. */
function toMinor(intDigits: string, fracDigits: string, currency: string, negative: boolean): Money | null {
  const d = minorDigits(currency);
  if (fracDigits.length > d) {
    // "₩12,300.00"-style zero fractions are harmless; anything else would lose money.
    if (/[^0]/.test(fracDigits.slice(d))) return null;
    fracDigits = fracDigits.slice(0, d);
  }
  const whole = Number.parseInt(intDigits === '' ? '0' : intDigits, 10);
  const frac = d === 0 ? 0 : Number.parseInt(fracDigits.padEnd(d, '0'), 10);
  const amount = whole * 10 ** d + frac;
  if (!Number.isSafeInteger(amount)) return null;
  return { amountMinor: negative && amount !== 0 ? -amount : amount, currency };
}

const PLAIN_PRICE_INFO = /^([^|]*)\|(\d*)\|(\d*)$/;
const NEGATIVE = /^\s*[-−]/;

/**
 * `formatPriceInfo` "R$132,74|132|74" = display|integer|fraction (maxwellmezadre/aliexpress-mcp
 * test/fixtures/order-list-init.json). The integer part may carry grouping ("1.234").
 */
export function moneyFromFormatPriceInfo(info: unknown, currency: unknown): Money | null {
  if (typeof info !== 'string' || typeof currency !== 'string' || !isCurrencyCode(currency)) return null;
  const plain = PLAIN_PRICE_INFO.exec(info);
  if (plain) {
    // "US $12.34|12|34": digits only, nothing to strip (every list line has one).
    const [, display = '', intDigits = '', fracDigits = ''] = plain;
    if (intDigits === '' && fracDigits === '') return null;
    return toMinor(intDigits, fracDigits, currency, NEGATIVE.test(display));
  }
  const parts = info.split('|');
  if (parts.length < 2) return null;
  const [display = '', intPart = '', fracPart = ''] = parts;
  const intDigits = intPart.replace(/[^\d]/g, '');
  const fracDigits = fracPart.replace(/[^\d]/g, '');
  if (intDigits === '' && fracDigits === '') return null;
  return toMinor(intDigits, fracDigits, currency, NEGATIVE.test(display) || NEGATIVE.test(intPart));
}

/**
 * `{cent, currency}` money objects of the reverse APIs (`itemUnitPrice.cent` — maxwellmezadre
 * test/fixtures/refund-list.json). `cent` is taken as the amount in minor units.
 */
export function moneyFromCent(cent: unknown, currency: unknown): Money | null {
  const c = typeof cent === 'string' && /^-?\d+$/.test(cent) ? Number(cent) : cent;
  if (typeof c !== 'number' || !Number.isSafeInteger(c)) return null;
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) return null;
  return { amountMinor: c, currency };
}

/**
 * Currency markers as AliExpress prints them, longest first. Ambiguous markers ("$", "kr", "¥")
 * map to `null` and are settled by the hint. This is site vocabulary, not locale data.
 */
const MARKERS: ReadonlyArray<readonly [string, string | null]> = [
  ['US $', 'USD'],
  ['US$', 'USD'],
  ['CDN$', 'CAD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['CLP$', 'CLP'],
  ['CLP', 'CLP'],
  ['COP$', 'COP'],
  ['CN￥', 'CNY'],
  ['CN¥', 'CNY'],
  ['RMB', 'CNY'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['₽', 'RUB'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['lei', 'RON'],
  ['₴', 'UAH'],
  ['₺', 'TRY'],
  ['TL', 'TRY'],
  ['₪', 'ILS'],
  ['₩', 'KRW'],
  ['원', 'KRW'],
  ['円', 'JPY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['CHF', 'CHF'],
  ['ر.س', 'SAR'],
  ['د.إ', 'AED'],
  ['kr.', null],
  ['kr', null],
  ['￥', null],
  ['¥', null],
  ['$', null],
];

const KR_BY_LANG: Record<string, string> = { sv: 'SEK', nb: 'NOK', no: 'NOK', nn: 'NOK', da: 'DKK' };

function settleAmbiguous(marker: string, hint: MoneyHint): string | null {
  const hinted = hint.currency?.toUpperCase();
  if (marker.startsWith('kr')) {
    if (hinted && ['SEK', 'NOK', 'DKK', 'ISK'].includes(hinted)) return hinted;
    const lang = hint.lang?.toLowerCase().split(/[-_]/)[0] ?? '';
    // Without a hint "kr" could be any of three currencies: refuse rather than guess.
    return KR_BY_LANG[lang] ?? null;
  }
  if (marker === '¥' || marker === '￥') {
    if (hinted === 'CNY' || hinted === 'JPY') return hinted;
    return hint.lang?.toLowerCase().startsWith('zh') ? 'CNY' : 'JPY';
  }
  // "$" alone: AliExpress writes "US $" for USD in most markets but "$" on aliexpress.us
  // ("$25.66", reference §6.5); a dollar-family hint wins.
  if (hinted && /^(USD|CAD|AUD|NZD|MXN|CLP|COP|ARS|SGD|HKD|TWD)$/.test(hinted)) return hinted;
  return 'USD';
}

function findMarker(text: string): { code: string | null; marker: string } | null {
  for (const [marker, code] of MARKERS) {
    if (text.includes(marker)) return { code, marker };
  }
  const iso = /\b([A-Z]{3})\b/.exec(text);
  if (iso?.[1] && isCurrencyCode(iso[1])) return { code: iso[1], marker: iso[1] };
  return null;
}

/**
 * Splits "1.234,56" / "1,234.56" / "12,300" / "132,74" into integer and fraction digits. The
 * last separator is decimal only when 1..d digits follow it (d = currency minor digits);
 * otherwise every separator is grouping ("12,300" KRW, "1,234" USD).
 */
function splitNumber(numText: string, d: number): { int: string; frac: string } | null {
  const cleaned = numText.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(cleaned) || /[.,]$/.test(cleaned)) return null;
  const lastSep = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  if (lastSep < 0) return { int: cleaned, frac: '' };
  const after = cleaned.slice(lastSep + 1);
  const before = cleaned.slice(0, lastSep);
  const sepChar = cleaned[lastSep];
  const sepCount = cleaned.split(sepChar ?? '').length - 1;
  const isDecimal = d > 0 && after.length >= 1 && after.length <= d && !(sepCount > 1);
  if (isDecimal) {
    // The other separator, if any, must be grouping in groups of three.
    const groups = before.split(/[.,]/);
    if (groups.slice(1).some((g) => g.length !== 3)) return null;
    return { int: groups.join(''), frac: after };
  }
  const groups = cleaned.split(/[.,]/);
  if (groups.slice(1).some((g) => g.length !== 3)) return null;
  return { int: groups.join(''), frac: '' };
}

/** Normalises Arabic-Indic and Persian digits to ASCII. */
export function asciiDigits(s: string): string {
  // Four replaces per amount and date add up over a long list; most texts have none of these.
  if (!/[\u0660-\u06f9]/.test(s)) return s;
  return s
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ',')
    .replace(/\u066c/g, '.');
}

/** Parses a displayed price into integer minor units, or `null` when unsure. */
export function parsePrice(text: string, hint: MoneyHint = {}): Money | null {
  if (typeof text !== 'string') return null;
  const t = asciiDigits(text)
    .replace(/[\u00a0\u202f\u200e\u200f]/g, ' ')
    .trim();
  if (t === '' || t.length > 64) return null;
  const found = findMarker(t);
  if (!found) return null;
  const code = found.code ?? settleAmbiguous(found.marker, hint);
  if (code === null) return null;
  const rest = t.replace(found.marker, ' ');
  const numMatch = /(\d[\d.,\s\u00a0']*\d|\d)/.exec(rest);
  if (!numMatch?.[1]) return null;
  // Anything else that is a digit means two numbers ("US $1.00 - 2.00"): refuse.
  const outside = rest.slice(0, numMatch.index) + rest.slice(numMatch.index + numMatch[1].length);
  if (/\d/.test(outside)) return null;
  const negative = /[-−]\s*$/.test(rest.slice(0, numMatch.index)) || /^\s*[-−]/.test(t);
  const split = splitNumber(numMatch[1].trim(), minorDigits(code));
  if (!split) return null;
  return toMinor(split.int, split.frac, code, negative);
}
