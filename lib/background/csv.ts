/**
 * CSV export: one row per order line, made to open cleanly in a spreadsheet (UTF-8 with a byte
 * order mark, CRLF line ends, every field quoted, and cells that a spreadsheet would run as a
 * formula neutralised).
 */
import { formatInstant, minorDigits } from '../format';
import type { Translate } from '../i18n';
import type { Assessment } from '../rules';
import type { Money, OrderFacts } from '../schema/model';

/**
 * The columns, in the buyer's language as the popup words them (issue 15: words, not codes).
 * The three machine columns at the end keep the stable codes for spreadsheets and scripts.
 */
const COLUMNS = [
  'order_id',
  'order_date',
  'status',
  'group',
  'store',
  'line_id',
  'item',
  'variant',
  'quantity',
  'unit_price',
  'currency',
  'total',
  'tracking',
  'delivered',
  'protection_ends',
  'protection_source',
  'next_step',
  'next_deadline',
  'next_deadline_at',
  'arns',
] as const;
const CODE_COLUMNS = ['status_code', 'next_deadline_code', 'next_deadline_utc'];

export interface CsvWords {
  t: Translate;
  locale: string;
  zone: string;
}

/** Money as a plain decimal string from integer minor units, without float arithmetic. */
export function decimal(m: Money | null | undefined): string {
  if (!m) return '';
  const digits = minorDigits(m.currency);
  const sign = m.amountMinor < 0 ? '-' : '';
  const s = String(Math.abs(m.amountMinor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${s}` : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Quotes a cell; a leading =, +, -, @, tab or CR would make a spreadsheet run it as a formula. */
export function cell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function ordersToCsv(
  rows: { facts: OrderFacts; assessment: Assessment }[],
  { t, locale, zone }: CsvWords,
): {
  csv: string;
  lines: number;
} {
  const header = [...COLUMNS.map((c) => t(`csv_col_${c}`)), ...CODE_COLUMNS];
  const out = [header.map(cell).join(',')];
  for (const { facts, assessment } of rows) {
    const o = facts.order;
    const protection = assessment.deadlines.find((d) => d.kind === 'protection_end');
    const next = assessment.nextDeadline;
    const headline = assessment.headline;
    const common = {
      tracking: facts.packages.map((p) => p.trackingNumber).join(' '),
      delivered: facts.packages.some((p) => p.delivered) ? t('csv_yes') : t('csv_no'),
      arns: facts.refunds.flatMap((r) => (r.arn ? [r.arn] : [])).join(' '),
    };
    const lines = o.lines?.length ? o.lines : [null];
    for (const line of lines) {
      out.push(
        [
          o.id,
          o.placedOn ?? '',
          o.statusText ?? t('status_unknown'),
          t(`group_${assessment.group}`),
          o.store?.name ?? '',
          line?.id ?? '',
          line?.title ?? '',
          line?.variant ?? '',
          line?.quantity || '',
          decimal(line?.unitPrice),
          line?.unitPrice?.currency ?? o.total?.currency ?? '',
          decimal(o.total),
          common.tracking,
          common.delivered,
          o.protection?.endsOn ?? protection?.at.slice(0, 10) ?? '',
          o.protection ? t('source_page') : protection ? t(`source_${protection.source}`) : '',
          headline ? t(`alert_${headline.kind}_title`, headline.values) : '',
          next ? t(`deadline_${next.kind}`) : '',
          next ? formatInstant(next.at, locale, zone) : '',
          common.arns,
          o.status ?? 'unknown',
          next?.kind ?? '',
          next?.at ?? '',
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return { csv: `\uFEFF${out.join('\r\n')}\r\n`, lines: out.length - 1 };
}
