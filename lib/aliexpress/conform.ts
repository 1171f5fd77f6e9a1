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
 * schema's own formats and limits (lib/schema/vocabulary.ts, lib/protocol/limits.ts): a value
 * kept here passes the schema by construction, and the fuzz tests check that it does.
 */
import type {
  DisputeObservation,
  Money,
  Observations,
  OrderLine,
  OrderObservation,
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
const STATUSES: ReadonlySet<string> = new Set(ORDER_STATUSES);
const TAGS: ReadonlySet<string> = new Set(ORDER_TAGS);
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

function money(m: Money | null | undefined): Money | null {
  if (!m || typeof m !== 'object') return null;
  return isAmountMinor(m.amountMinor) && isCurrency(m.currency)
    ? { amountMinor: m.amountMinor, currency: m.currency }
    : null;
}

/** Sets `key` when the value is kept, removes it otherwise (optional fields). */
function keep<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | null): void {
  if (value === null || value === undefined) delete target[key];
  else target[key] = value;
}

function line(l: OrderLine): OrderLine | null {
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

const DATE_FIELDS = [
  'placedOn',
  'paidOn',
  'shippedOn',
  'completedOn',
  'promisedDeliveryOn',
  'couponIfLateOn',
] as const;

/**
 * The items `fix` keeps, in order, at most `max` of them. A plain loop: `flatMap` and `slice`
 * over every list of a 1,000-order page showed in the reading profile.
 */
function kept<T>(items: readonly T[], fix: (x: T) => T | null, max: number): T[] {
  const out: T[] = [];
  for (const x of items) {
    const y = fix(x);
    if (y !== null) out.push(y);
  }
  if (out.length > max) out.length = max;
  return out;
}

function order(o: OrderObservation): OrderObservation | null {
  const oid = orderId(o.id);
  if (oid === null) return null;
  const next: OrderObservation = { ...o, id: oid };
  if (o.status !== undefined) keep(next, 'status', STATUSES.has(o.status) ? o.status : null);
  if (o.statusText !== undefined) keep(next, 'statusText', text(o.statusText, L.shortText));
  for (const k of DATE_FIELDS) if (o[k] !== undefined) keep(next, k, isoDate(o[k]));
  if (o.store !== undefined) {
    const name = text(o.store?.name, L.shortText);
    keep(next, 'store', name === null ? null : { name, url: code(o.store?.url, L.url) });
  }
  if (o.total !== undefined) keep(next, 'total', money(o.total));
  if (o.lines !== undefined) next.lines = Array.isArray(o.lines) ? kept(o.lines, line, L.linesPerOrder) : [];
  if (o.tags !== undefined)
    next.tags = Array.isArray(o.tags) ? [...new Set(o.tags.filter((t) => TAGS.has(t)))] : [];
  if (o.protection !== undefined) {
    const endsOn = isoDate(o.protection?.endsOn);
    keep(
      next,
      'protection',
      endsOn === null ? null : { endsOn, text: text(o.protection?.text, L.longText) ?? '' },
    );
  }
  if (o.paymentMethod !== undefined) keep(next, 'paymentMethod', text(o.paymentMethod, L.shortText));
  if (o.reminderText !== undefined) keep(next, 'reminderText', text(o.reminderText, L.longText));
  return next;
}

function event(e: TrackingEvent): TrackingEvent | null {
  const t = text(e.text, L.longText);
  if (t === null) return null;
  return { at: instant(e.at), code: code(e.code, 80), stage: code(e.stage, 20), text: t };
}

function parcel(p: PackageObservation): PackageObservation | null {
  const oid = orderId(p.orderId);
  const tn = code(p.trackingNumber, 64);
  if (oid === null || tn === null || tn === '') return null;
  const events = Array.isArray(p.events) ? kept(p.events, event, L.eventsPerPackage) : [];
  return {
    ...p,
    orderId: oid,
    trackingNumber: tn,
    originNumber: code(p.originNumber, 64),
    carrier: text(p.carrier, L.shortText),
    eta: p.eta ? { from: isoDate(p.eta.from), to: isoDate(p.eta.to) } : null,
    delivered: p.delivered === true,
    deliveredAt: instant(p.deliveredAt),
    events,
  };
}

function proposal(p: Proposal | null): Proposal | null {
  if (!p) return null;
  return { amount: money(p.amount), solution: text(p.solution, L.shortText) };
}

function dispute(d: DisputeObservation): DisputeObservation | null {
  const did = id(d.id);
  const oid = orderId(d.orderId);
  if (did === null || oid === null) return null;
  return {
    ...d,
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

function refund(r: RefundObservation): RefundObservation | null {
  const rid = id(r.id);
  const oid = orderId(r.orderId);
  if (rid === null || oid === null) return null;
  const next: RefundObservation = {
    ...r,
    id: rid,
    orderId: oid,
    lineId: id(r.lineId),
    disputeId: id(r.disputeId),
    amount: money(r.amount),
    status: oneOf(REFUND_STATUSES, r.status),
    statusText: text(r.statusText, L.shortText),
    processedOn: isoDate(r.processedOn),
    arn: typeof r.arn === 'string' && ARN.test(r.arn) ? r.arn : null,
    method: text(r.method, L.shortText),
  };
  if (r.processedAt !== undefined) next.processedAt = instant(r.processedAt);
  return next;
}

function all<T>(items: T[] | undefined, fix: (x: T) => T | null): T[] {
  return Array.isArray(items) ? kept(items, fix, L.itemsPerMessage) : [];
}

export function conformObservations(o: Observations): Observations {
  return {
    orders: all(o.orders, order),
    packages: all(o.packages, parcel),
    disputes: all(o.disputes, dispute),
    refunds: all(o.refunds, refund),
    ...(o.listsAllCases === true ? { listsAllCases: true } : {}),
  };
}
