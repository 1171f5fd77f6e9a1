/**
 * The last step of every reader: bring what a page said within the limits the background
 * accepts (lib/schema/observations.ts `ObservationsSchema`), so that one odd field never costs the
 * buyer the whole page. Fuzzing found the readers passing through 3,000-character store names,
 * ids with spaces or emoji, 35-digit order ids, quantities of 1e20 and 600 lines per order
 * (tests/unit/fuzz, docs/reliability.md). The rule here:
 *
 * - free text (titles, status texts, store names) is cut to its limit, never refused;
 * - an identifier, code, date, amount or enum value that is malformed is never altered into
 *   another one (that would be saying something false): an optional one is dropped, and a
 *   record that cannot exist without it (an order without its id, a line without its id or
 *   quantity, a parcel without its tracking number) is left out;
 * - lists are cut to their caps.
 *
 * Hand-written rather than Valibot so content scripts stay free of schema code, but with the
 * schema's own formats and limits (lib/schema/vocabulary.ts, lib/protocol/limits.ts). The output
 * is schema-exact: every object is built new with only the schema's keys (a key a reader passed
 * through, a receiver's address say, is never copied), and every value kept passes the schema.
 * So `v.parse(ObservationsSchema, conformObservations(x))` deep-equals `conformObservations(x)`
 * for any `x` (property test: tests/unit/fuzz/conform-exact.test.ts), and the background does not
 * check a conformed reading a second time (`isConformed`; the worker's profile of the storing
 * bench showed that second check at ~90 ms per 10,000 orders, BENCHMARKS.md §3).
 */
import type {
  DisputeObservation,
  Money,
  Observations,
  OrderLine,
  OrderObservation,
  OrderStatus,
  OrderTag,
  PackageObservation,
  Proposal,
  RefundObservation,
  TrackingEvent,
} from '@/lib/schema/model';
import { LIMITS } from '../protocol/limits';
import {
  ARN,
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  isAmountMinor,
  isCurrency,
  isId,
  isQuantity,
  isRealDate,
  isRealInstant,
  ORDER_ID,
  ORDER_STATUSES,
  ORDER_TAGS,
  REFUND_STATUSES,
} from '../schema/vocabulary';

const L = LIMITS;
// Sets, not `includes` on the lists: asked for every order of a 1,000-order page.
const STATUSES: ReadonlySet<unknown> = new Set(ORDER_STATUSES);
const TAGS: ReadonlySet<unknown> = new Set(ORDER_TAGS);
const oneOf = <T extends string>(list: readonly T[], value: unknown): T =>
  list.includes(value as T) ? (value as T) : ('unknown' as T);

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

const text = (s: unknown, max: number): string | null =>
  typeof s === 'string' && s !== '' ? clip(s, max) : null;
const id = (s: unknown): string | null => (isId(s) ? s : null);
const orderId = (s: unknown): string | null => (typeof s === 'string' && ORDER_ID.test(s) ? s : null);
/** A machine code (tracking stage, event code): kept whole or not at all. */
const code = (s: unknown, max: number): string | null =>
  typeof s === 'string' && s.length <= max ? s : null;

const realDates = new Map<string, boolean>();

/** A calendar date that exists, in the years an AliExpress order can have. */
export function isoDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  // A page of 1,000 orders holds a few hundred distinct dates: each is checked once (bounded).
  let real = realDates.get(s);
  if (real === undefined) {
    real = isRealDate(s);
    if (realDates.size >= 4096) realDates.clear();
    realDates.set(s, real);
  }
  return real ? s : null;
}

const instant = (s: unknown): string | null => (isRealInstant(s) ? s : null);

/**
 * Readers are typed, but the conformer takes whatever they built: any field may be missing, of
 * another type or not an object at all, and nothing here may throw on it.
 */
type Loose<T> = { readonly [K in keyof T]?: unknown };
const record = <T>(x: unknown): Loose<T> | null =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Loose<T>) : null;

function money(x: unknown): Money | null {
  const m = record<Money>(x);
  if (m === null) return null;
  const { amountMinor, currency } = m;
  return isAmountMinor(amountMinor) && isCurrency(currency) ? { amountMinor, currency } : null;
}

function line(x: unknown): OrderLine | null {
  const l = record<OrderLine>(x);
  if (l === null) return null;
  const lineId = id(l.id);
  const q = l.quantity;
  if (lineId === null || !isQuantity(q)) return null;
  return {
    id: lineId,
    title: text(l.title, L.longText) ?? '',
    variant: text(l.variant, L.longText),
    quantity: q,
    unitPrice: money(l.unitPrice),
    imageUrl: code(l.imageUrl, L.url),
    productId: id(l.productId),
  };
}

/**
 * The items `fix` keeps, in order, at most `max` of them; not a list → none. A plain loop:
 * `flatMap` and `slice` over every list of a 1,000-order page showed in the reading profile.
 */
function kept<T>(items: unknown, fix: (x: unknown) => T | null, max: number): T[] {
  const out: T[] = [];
  if (!Array.isArray(items)) return out;
  for (const x of items) {
    const y = fix(x);
    if (y !== null && out.push(y) >= max) break;
  }
  return out;
}

function tags(x: unknown): OrderTag[] {
  const out: OrderTag[] = [];
  if (!Array.isArray(x)) return out;
  for (const t of x) if (TAGS.has(t) && !out.includes(t)) out.push(t);
  return out;
}

/**
 * An order in the schema's key order, with only the fields the reader said and the schema
 * accepts: a field given but malformed is left out (unknown), never altered into another.
 */
function order(x: unknown): OrderObservation | null {
  const o = record<OrderObservation>(x);
  if (o === null) return null;
  const oid = orderId(o.id);
  if (oid === null) return null;
  const next: OrderObservation = { id: oid };
  if (STATUSES.has(o.status)) next.status = o.status as OrderStatus;
  const statusText = text(o.statusText, L.shortText);
  if (statusText !== null) next.statusText = statusText;
  const placedOn = isoDate(o.placedOn);
  if (placedOn !== null) next.placedOn = placedOn;
  const paidOn = isoDate(o.paidOn);
  if (paidOn !== null) next.paidOn = paidOn;
  const shippedOn = isoDate(o.shippedOn);
  if (shippedOn !== null) next.shippedOn = shippedOn;
  const completedOn = isoDate(o.completedOn);
  if (completedOn !== null) next.completedOn = completedOn;
  const store = record<NonNullable<OrderObservation['store']>>(o.store);
  const storeName = store === null ? null : text(store.name, L.shortText);
  if (store !== null && storeName !== null) next.store = { name: storeName, url: code(store.url, L.url) };
  const total = money(o.total);
  if (total !== null) next.total = total;
  // A list the reader gave stays a list (possibly empty): "no lines" is what it said.
  if (o.lines !== undefined) next.lines = kept(o.lines, line, L.linesPerOrder);
  if (o.tags !== undefined) next.tags = tags(o.tags);
  const protection = record<NonNullable<OrderObservation['protection']>>(o.protection);
  const endsOn = protection === null ? null : isoDate(protection.endsOn);
  if (protection !== null && endsOn !== null)
    next.protection = { endsOn, text: text(protection.text, L.longText) ?? '' };
  const promisedDeliveryOn = isoDate(o.promisedDeliveryOn);
  if (promisedDeliveryOn !== null) next.promisedDeliveryOn = promisedDeliveryOn;
  const couponIfLateOn = isoDate(o.couponIfLateOn);
  if (couponIfLateOn !== null) next.couponIfLateOn = couponIfLateOn;
  const paymentMethod = text(o.paymentMethod, L.shortText);
  if (paymentMethod !== null) next.paymentMethod = paymentMethod;
  const reminderText = text(o.reminderText, L.longText);
  if (reminderText !== null) next.reminderText = reminderText;
  return next;
}

function event(x: unknown): TrackingEvent | null {
  const e = record<TrackingEvent>(x);
  const t = e === null ? null : text(e.text, L.longText);
  if (e === null || t === null) return null;
  return { at: instant(e.at), code: code(e.code, 80), stage: code(e.stage, 20), text: t };
}

function parcel(x: unknown): PackageObservation | null {
  const p = record<PackageObservation>(x);
  if (p === null) return null;
  const oid = orderId(p.orderId);
  const tn = code(p.trackingNumber, 64);
  if (oid === null || tn === null || tn === '') return null;
  const eta = record<NonNullable<PackageObservation['eta']>>(p.eta);
  return {
    orderId: oid,
    trackingNumber: tn,
    originNumber: code(p.originNumber, 64),
    carrier: text(p.carrier, L.shortText),
    eta: eta === null ? null : { from: isoDate(eta.from), to: isoDate(eta.to) },
    delivered: p.delivered === true,
    deliveredAt: instant(p.deliveredAt),
    events: kept(p.events, event, L.eventsPerPackage),
  };
}

function proposal(x: unknown): Proposal | null {
  const p = record<Proposal>(x);
  return p === null ? null : { amount: money(p.amount), solution: text(p.solution, L.shortText) };
}

function dispute(x: unknown): DisputeObservation | null {
  const d = record<DisputeObservation>(x);
  if (d === null) return null;
  const did = id(d.id);
  const oid = orderId(d.orderId);
  if (did === null || oid === null) return null;
  return {
    id: did,
    orderId: oid,
    lineId: id(d.lineId),
    kind: oneOf(DISPUTE_KINDS, d.kind),
    status: oneOf(DISPUTE_STATUSES, d.status),
    statusText: text(d.statusText, L.shortText) ?? '',
    openedAt: instant(d.openedAt),
    updatedAt: instant(d.updatedAt),
    closedAt: instant(d.closedAt),
    reason: text(d.reason, L.shortText),
    solution: text(d.solution, L.shortText),
    amount: money(d.amount),
    sellerProposal: proposal(d.sellerProposal),
    platformProposal: proposal(d.platformProposal),
    returnAgreedOn: isoDate(d.returnAgreedOn),
    returnShippedOn: isoDate(d.returnShippedOn),
  };
}

function refund(x: unknown): RefundObservation | null {
  const r = record<RefundObservation>(x);
  if (r === null) return null;
  const rid = id(r.id);
  const oid = orderId(r.orderId);
  if (rid === null || oid === null) return null;
  const common = {
    id: rid,
    orderId: oid,
    lineId: id(r.lineId),
    disputeId: id(r.disputeId),
    amount: money(r.amount),
    status: oneOf(REFUND_STATUSES, r.status),
    statusText: text(r.statusText, L.shortText),
    processedOn: isoDate(r.processedOn),
  };
  const rest = {
    arn: typeof r.arn === 'string' && ARN.test(r.arn) ? r.arn : null,
    method: text(r.method, L.shortText),
  };
  // `processedAt` is optional (added later): present only when the reader gave it.
  return r.processedAt === undefined
    ? { ...common, ...rest }
    : { ...common, processedAt: instant(r.processedAt), ...rest };
}

/** The conformer's own outputs: only these skip the background's second check. */
const CONFORMED = new WeakSet<Observations>();

export function conformObservations(x: Observations): Observations {
  const o = record<Observations>(x);
  const out: Observations = {
    orders: kept(o?.orders, order, L.itemsPerMessage),
    packages: kept(o?.packages, parcel, L.itemsPerMessage),
    disputes: kept(o?.disputes, dispute, L.itemsPerMessage),
    refunds: kept(o?.refunds, refund, L.itemsPerMessage),
  };
  if (o?.listsAllCases === true) out.listsAllCases = true;
  CONFORMED.add(out);
  return out;
}

/**
 * Whether `o` is, unchanged in identity, what `conformObservations` returned, so already within
 * the schema: the background skips its second check for these (lib/background/page-readings.ts).
 * Anything else (a message, a backup, an object built elsewhere) is never in the set.
 */
export function isConformed(o: Observations): boolean {
  return CONFORMED.has(o);
}
