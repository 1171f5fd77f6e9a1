/**
 * CSV export: one row per order line, made to open cleanly in a spreadsheet (UTF-8 with a byte
 * order mark, CRLF line ends, every field quoted, and cells that a spreadsheet would run as a
 * formula neutralised).
 */
import { minorDigits } from '../format';
import type { Assessment } from '../rules';
import type { Money, OrderFacts } from '../schema/model';

const HEADER = [
  'Order ID',
  'Order date',
  'Status',
  'Status as shown',
  'Store',
  'Line ID',
  'Item',
  'Variant',
  'Quantity',
  'Unit price',
  'Currency',
  'Order total',
  'Tracking numbers',
  'Delivered',
  'Protection ends',
  'Protection end source',
  'Next deadline',
  'Next deadline at (UTC)',
  'Refund ARNs',
];

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

export function ordersToCsv(rows: { facts: OrderFacts; assessment: Assessment }[]): {
  csv: string;
  lines: number;
} {
  const out = [HEADER.map(cell).join(',')];
  for (const { facts, assessment } of rows) {
    const o = facts.order;
    const protection = assessment.deadlines.find((d) => d.kind === 'protection_end');
    const next = assessment.nextDeadline;
    const common = {
      tracking: facts.packages.map((p) => p.trackingNumber).join(' '),
      delivered: facts.packages.some((p) => p.delivered) ? 'yes' : 'no',
      arns: facts.refunds.flatMap((r) => (r.arn ? [r.arn] : [])).join(' '),
    };
    const lines = o.lines?.length ? o.lines : [null];
    for (const line of lines) {
      out.push(
        [
          o.id,
          o.placedOn ?? '',
          o.status ?? 'unknown',
          o.statusText ?? '',
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
          o.protection ? 'page' : (protection?.source ?? ''),
          next?.kind ?? '',
          next?.at ?? '',
          common.arns,
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return { csv: `\uFEFF${out.join('\r\n')}\r\n`, lines: out.length - 1 };
}
