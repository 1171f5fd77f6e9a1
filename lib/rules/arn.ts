/**
 * Acquirer Reference Numbers: the card network's id of a refund credit, which lets the
 * buyer's bank trace it (reference Part B.1 "ARN": guide-aliexpress.com/en/what-is-the-arn-on-aliexpress/;
 * legalclarity.org/acquirer-reference-number-arn-what-it-is-and-how-to-use-it/;
 * pxp.io/pxp-glossary/acquirer-reference-number; help.revolut.com … what-is-an-arn-number/).
 *
 * Layout of the usual 23-digit ARN (explainer sites differ on details; docs/rules.md):
 *   digit 1       format / transaction code
 *   digits 2–7    acquirer BIN (the merchant's bank)
 *   digits 8–11   processing date, Julian `YDDD`: last digit of the year + day of the year
 *   digits 12–22  the acquirer's film / sequence number
 *   digit 23      check digit (Luhn / mod 10 over the first 22)
 * The year digit is resolved to the latest such date not after the refund's processed date,
 * or, without one, not after today anywhere on Earth (UTC+14), so a fresh ARN is never sent
 * a decade back.
 */
import type { IsoDate, OrderFacts } from '../schema/model';
import { dayInZone, dayNumber, dayOfYear, isoDateOf, yearOf } from './dates';

export const ARN_LENGTH = 23;

export type ArnProblem = 'empty' | 'not_digits' | 'wrong_length' | 'check_digit';

export type ArnCheck = { ok: true; digits: string } | { ok: false; problem: ArnProblem };

export interface DecodedArn {
  /** The 23 digits, spaces and dashes removed. */
  digits: string;
  formatCode: string;
  acquirerBin: string;
  /** `YDDD` as printed. */
  julian: string;
  /** The resolved processing date, or null when `DDD` is not a day of any candidate year. */
  processingDate: IsoDate | null;
  sequence: string;
  checkDigit: string;
}

/** Removes spaces and dashes (how banks and pages print ARNs). */
export function normalizeArn(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

/** Luhn: doubling every second digit from the right, the sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function validateArn(input: string): ArnCheck {
  const digits = normalizeArn(input);
  if (digits === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'not_digits' };
  if (digits.length !== ARN_LENGTH) return { ok: false, problem: 'wrong_length' };
  if (!luhnValid(digits)) return { ok: false, problem: 'check_digit' };
  return { ok: true, digits };
}

/**
 * The latest date with year ending in `yearDigit` and day-of-year `doy`, not after
 * `notAfter` (a day number), or null when `doy` is 0 or above 366.
 */
export function resolveJulian(yearDigit: number, doy: number, notAfter: number): IsoDate | null {
  if (doy < 1 || doy > 366) return null;
  const refYear = yearOf(notAfter);
  let year = refYear - ((((refYear - yearDigit) % 10) + 10) % 10);
  // At most two decades back: the candidate year may not reach `doy` (366) or be in the future.
  for (let tries = 0; tries < 3; tries++, year -= 10) {
    const day = dayOfYear(year, doy);
    const inYear = yearOf(day) === year;
    if (inYear && day <= notAfter) return isoDateOf(day);
  }
  return null;
}

export interface DecodeOptions {
  /** The refund's processed date, when known. */
  processedOn?: IsoDate | null;
  now: Date;
}

export function decodeArn(
  input: string,
  opts: DecodeOptions,
): { ok: true; arn: DecodedArn } | { ok: false; problem: ArnProblem } {
  const check = validateArn(input);
  if (!check.ok) return check;
  const d = check.digits;
  const processed =
    opts.processedOn === undefined || opts.processedOn === null ? null : dayNumber(opts.processedOn);
  // Latest calendar day anywhere (UTC+14) when no processed date is known.
  const notAfter = processed ?? dayInZone(opts.now.getTime(), 'Pacific/Kiritimati');
  const julian = d.slice(7, 11);
  return {
    ok: true,
    arn: {
      digits: d,
      formatCode: d.slice(0, 1),
      acquirerBin: d.slice(1, 7),
      julian,
      processingDate: resolveJulian(Number(julian.slice(0, 1)), Number(julian.slice(1)), notAfter),
      sequence: d.slice(11, 22),
      checkDigit: d.slice(22),
    },
  };
}

/** The order and refund carrying this ARN (compared without spaces and dashes), or null. */
export function findOrderByArn(
  arn: string,
  facts: OrderFacts[],
): { orderId: string; refundId: string } | null {
  const wanted = normalizeArn(arn);
  if (wanted === '') return null;
  for (const f of facts) {
    for (const r of f.refunds) {
      if (r.arn !== null && normalizeArn(r.arn) === wanted) return { orderId: f.order.id, refundId: r.id };
    }
  }
  return null;
}
