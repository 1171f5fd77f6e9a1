/**
 * The closed vocabularies and value formats of the data contract: enum lists, id and code
 * patterns, and what counts as a real date, instant, amount or currency. Plain constants and
 * functions, no schema library: the Valibot schemas (lib/schema/observations.ts, backup.ts) and
 * the readers' hand-written conforming step (lib/aliexpress/conform.ts) both use these, so a page
 * reading and a backup file obey the same limits, and content scripts stay free of schema code.
 */
import { LIMITS } from '../protocol/limits';

export const ORDER_STATUSES = [
  'unpaid',
  'awaiting_shipment',
  'awaiting_delivery',
  'completed',
  'closed',
  'cancelled',
  'in_dispute',
  'unknown',
] as const;

/** The kinds of AliExpress page Buyer Shield recognises (lib/aliexpress/page-kind.ts). */
export const PAGE_KINDS = [
  'order_list',
  'order_detail',
  'tracking',
  'refund_list',
  'refund_detail',
  'dispute_detail',
] as const;

/** The AliExpress APIs whose responses are read (lower-cased; compared case-insensitively). */
export const CAPTURED_APIS = [
  'mtop.aliexpress.trade.buyer.order.list',
  'mtop.aliexpress.trade.buyer.order.detail',
  'mtop.ae.ld.querydetail',
  'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
] as const;

/** Marks on an order line or order that matter for the buyer's rights. */
export const ORDER_TAGS = ['delivery_guarantee', 'free_return', 'fast_delivery'] as const;

export const DISPUTE_KINDS = ['refund', 'return', 'unknown'] as const;
export const DISPUTE_STATUSES = ['open', 'closed', 'unknown'] as const;
export const REFUND_STATUSES = ['pending', 'processed', 'unknown'] as const;

export const DEADLINE_KINDS = [
  'protection_end',
  'dispute_opens',
  'dispute_after_completion_end',
  'seller_reply_due',
  'appeal_end',
  'return_ship_by',
  'refund_expected_by',
  'ask_bank_with_arn',
  'chargeback_end',
] as const;

/** AliExpress order ids are digit strings (shared/reference/aliexpress-data.md §3.3). */
export const ORDER_ID = /^\d{6,32}$/;
/** Line, product, dispute and refund ids. */
export const ID = /^[\w.:|-]+$/;
export const ARN = /^\d{23}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The years an AliExpress order, parcel or case can have (AliExpress opened in 2010). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2200;

export function isId(s: unknown): s is string {
  return typeof s === 'string' && s.length >= 1 && s.length <= LIMITS.idLength && ID.test(s);
}

/** A calendar date that exists (no 30 February), `YYYY-MM-DD`, in FIRST_YEAR..LAST_YEAR. */
export function isRealDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** An ISO 8601 instant with a zone, that parses, in FIRST_YEAR..LAST_YEAR. */
export function isRealInstant(s: unknown): s is string {
  if (typeof s !== 'string' || !INSTANT.test(s)) return false;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const y = new Date(t).getUTCFullYear();
  return y >= FIRST_YEAR && y <= LAST_YEAR;
}

let currencies: ReadonlySet<string> | null = null;

/** An ISO 4217 code the platform knows (`Intl.supportedValuesOf`, built once on first use). */
export function isCurrency(s: unknown): s is string {
  if (typeof s !== 'string' || !/^[A-Z]{3}$/.test(s)) return false;
  currencies ??= new Set(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
  );
  // A platform without the list (none we support) falls back to the shape alone.
  return currencies.size === 0 || currencies.has(s);
}

/** Money as readers produce it: whole minor units, never negative, at most LIMITS.amountMinor. */
export function isAmountMinor(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= LIMITS.amountMinor;
}

export function isQuantity(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0 && (n as number) <= LIMITS.quantity;
}
