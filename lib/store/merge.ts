/**
 * Field-level, idempotent merging of observations into stored records (DESIGN.md "Merge and
 * store"). Pure: no Dexie, no clock. Each function returns the new record, or `null` when the
 * observation changes nothing, so an unchanged page visited again writes nothing.
 *
 * - The real page is the authority for what it shows: a JSON reading of the page that owns a
 *   fact sets it, absence included (`OWNED_BY`; docs/architecture.md "Merge and store").
 * - Otherwise an unknown value (missing, null, empty text, status `unknown`) never erases a
 *   known one.
 * - The newer observation of a field wins, except that a DOM reading does not override a JSON
 *   reading of the same visit: JSON is exact (ids, cents, codes), the DOM is localised display
 *   text. A DOM reading wins over JSON only when it is clearly newer (a later visit).
 * - "Newer" never trusts a stored time later than `now` (the moment of this merge): a field
 *   written while the clock was ahead, or imported from a backup dated in the future, counts as
 *   written now, so the next real reading replaces it.
 */
import type {
  DisputeObservation,
  DisputeRecord,
  FieldSource,
  OrderLine,
  OrderObservation,
  OrderRecord,
  PackageObservation,
  PackageRecord,
  RefundObservation,
  RefundRecord,
  TrackingEvent,
} from '../schema/model';

/** How much newer a DOM reading must be to override a JSON one: longer than one page visit. */
export const DOM_OVERRIDES_JSON_AFTER_MS = 10 * 60 * 1000;

/**
 * The order facts each page states in full, so that its JSON reading saying nothing about one
 * means the page does not show it: the detail page shows a completion date exactly when the
 * order is completed (`orderEndTime`) and the status block's reminder exactly when there is one
 * (lib/aliexpress/read-order-detail.ts). Parcels: a tracking reading states each parcel it lists
 * in full, and lists every parcel of its order (`mergePackage` `owner`, lib/store/apply.ts). A
 * refund list read whole states every case (`Observations.listsAllCases`, lib/store/apply.ts).
 */
export const OWNED_BY: Partial<Record<FieldSource['source'], readonly (keyof OrderObservation)[]>> = {
  'mtop.aliexpress.trade.buyer.order.detail': ['completedOn', 'reminderText'],
};

/** The JSON tracking reading owns the parcels it lists (their delivery state and events). */
export const PARCELS_OWNED_BY: ReadonlySet<FieldSource['source']> = new Set(['mtop.ae.ld.querydetail']);

/** The earlier of two ISO instants (a stored time is never taken as later than now). */
export function notAfter(at: string, now: string): string {
  return Date.parse(at) > Date.parse(now) ? now : at;
}

const RANK = { json: 2, dom: 1 } as const;

function isUnknown(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '' || value === 'unknown';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Structural equality for the plain JSON values records hold. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

function wins(current: FieldSource | undefined, next: FieldSource, now: string): boolean {
  if (!current) return true;
  const dt = Date.parse(next.at) - Date.parse(notAfter(current.at, now));
  if (RANK[next.kind] > RANK[current.kind]) return dt >= -DOM_OVERRIDES_JSON_AFTER_MS;
  if (RANK[next.kind] < RANK[current.kind]) return dt > DOM_OVERRIDES_JSON_AFTER_MS;
  return dt >= 0;
}

function mergeLines(current: OrderLine[] | undefined, next: OrderLine[]): OrderLine[] {
  if (!current) return next;
  const byId = new Map(current.map((l) => [l.id, l]));
  for (const line of next) {
    const old = byId.get(line.id);
    if (!old) {
      byId.set(line.id, line);
      continue;
    }
    byId.set(line.id, {
      id: line.id,
      title: isUnknown(line.title) ? old.title : line.title,
      variant: line.variant ?? old.variant,
      quantity: line.quantity > 0 ? line.quantity : old.quantity,
      unitPrice: line.unitPrice ?? old.unitPrice,
      imageUrl: line.imageUrl ?? old.imageUrl,
      productId: line.productId ?? old.productId,
    });
  }
  return [...byId.values()];
}

type OrderField = Exclude<keyof OrderObservation, 'id'>;

/**
 * `now` is the moment of the merge: a page reading's `source.at`, or the import time of a
 * backup whose `source.at` is the (earlier) time the backup says.
 */
/**
 * One page's protection date: it replaces that page's own earlier reading when newer, and the
 * order's `protection` is then the earliest date of any page (never later than a page says;
 * `OrderRecord.protectionByPage`). An order stored before pages were kept apart counts its one
 * date as its page's; a date from a backup counts until the first real page's.
 */
function mergeProtection(
  next: OrderRecord,
  value: NonNullable<OrderObservation['protection']>,
  source: FieldSource,
  now: string,
): boolean {
  const pages = { ...(next.protectionByPage ?? {}) };
  const known = next.sources.protection;
  if (next.protection && known && Object.keys(pages).length === 0) {
    pages[known.source] = { ...next.protection, source: known };
  }
  // A backup's date stands in only until a real page speaks: it is no page a buyer visits
  // again, so an early (or forged) date from a file would otherwise stay for good.
  if (source.source !== 'backup') {
    for (const [page, entry] of Object.entries(pages))
      if (entry.source.source === 'backup') delete pages[page];
  }
  const mine = pages[source.source];
  if (mine && sameValue({ endsOn: mine.endsOn, text: mine.text }, value)) return false;
  if (mine && !wins(mine.source, source, now)) return false;
  pages[source.source] = { endsOn: value.endsOn, text: value.text, source };
  const earliest = Object.values(pages).reduce((a, b) => (b.endsOn < a.endsOn ? b : a));
  next.protectionByPage = pages;
  next.protection = { endsOn: earliest.endsOn, text: earliest.text };
  next.sources.protection = earliest.source;
  return true;
}

export function mergeOrder(
  existing: OrderRecord | undefined,
  obs: OrderObservation,
  source: FieldSource,
  now: string = source.at,
): OrderRecord | null {
  const next: OrderRecord = existing
    ? { ...existing, sources: { ...existing.sources } }
    : { id: obs.id, site: 'aliexpress', firstSeenAt: source.at, updatedAt: source.at, sources: {} };
  let changed = !existing;
  for (const key of Object.keys(obs) as (keyof OrderObservation)[]) {
    if (key === 'id') continue;
    const field = key as OrderField;
    let value: unknown = obs[field];
    if (isUnknown(value)) continue;
    const current = next.sources[field];
    if (field === 'lines') {
      // Lines are keyed differently by JSON (order-line ids) and the DOM (product ids), so they
      // accumulate only within one kind: JSON lines replace DOM ones, DOM never adds to JSON.
      if (current && current.kind !== source.kind) {
        if (RANK[source.kind] < RANK[current.kind]) continue;
      } else {
        value = mergeLines(next.lines, obs.lines ?? []);
      }
    }
    if (field === 'tags') value = [...new Set([...(next.tags ?? []), ...(obs.tags ?? [])])].sort();
    if (field === 'protection') {
      if (mergeProtection(next, obs.protection as NonNullable<OrderObservation['protection']>, source, now))
        changed = true;
      continue;
    }
    if (sameValue(next[field], value)) continue;
    // Lines and tags accumulate, so any newer or richer reading may extend them.
    const accumulates = (field === 'lines' && current?.kind === source.kind) || field === 'tags';
    if (!accumulates && !wins(current, source, now)) continue;
    (next as unknown as Record<string, unknown>)[field] = value;
    next.sources[field] = source;
    changed = true;
  }
  // What the owning page no longer shows is withdrawn (a forged completion date, say).
  for (const field of OWNED_BY[source.source] ?? []) {
    if (field === 'id' || !isUnknown(obs[field]) || next[field] === undefined) continue;
    if (!wins(next.sources[field], source, now)) continue;
    delete next[field];
    delete next.sources[field];
    changed = true;
  }
  if (!changed) return null;
  const before = existing ? notAfter(existing.updatedAt, now) : source.at;
  next.updatedAt = before > source.at ? before : source.at;
  if (existing) next.firstSeenAt = notAfter(existing.firstSeenAt, now);
  return next;
}

export function packageKey(orderId: string, trackingNumber: string): string {
  return `${orderId}|${trackingNumber}`;
}

function eventKey(e: TrackingEvent): string {
  return `${e.code ?? ''}|${e.at ?? ''}|${e.text}`;
}

/** Newest first; events without a time keep their relative order after the timed ones. */
function sortEvents(events: TrackingEvent[]): TrackingEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      if (a.e.at && b.e.at && a.e.at !== b.e.at) return a.e.at < b.e.at ? 1 : -1;
      if (a.e.at && !b.e.at) return -1;
      if (!a.e.at && b.e.at) return 1;
      return a.i - b.i;
    })
    .map(({ e }) => e);
}

/**
 * `owner`: the reading states this parcel in full (a JSON tracking reading), so its delivery
 * state and events replace the stored ones. Otherwise events accumulate and a delivery does not
 * un-happen when a partial reading lacks the signed event.
 */
export function mergePackage(
  existing: PackageRecord | undefined,
  obs: PackageObservation,
  seenAt: string,
  { now = seenAt, owner = false }: { now?: string; owner?: boolean } = {},
): PackageRecord | null {
  const key = packageKey(obs.orderId, obs.trackingNumber);
  if (!existing) return { ...obs, key, events: sortEvents(obs.events), updatedAt: seenAt };
  const known = new Set(existing.events.map(eventKey));
  const added = obs.events.filter((e) => !known.has(eventKey(e)));
  const newer = seenAt >= notAfter(existing.updatedAt, now);
  const replace = owner && newer;
  const pick = <T>(mine: T | null, theirs: T | null): T | null =>
    theirs === null ? mine : mine === null || newer ? theirs : mine;
  const next: PackageRecord = {
    ...existing,
    originNumber: pick(existing.originNumber, obs.originNumber),
    carrier: pick(existing.carrier, obs.carrier),
    eta: pick(existing.eta, obs.eta),
    delivered: replace ? obs.delivered : existing.delivered || obs.delivered,
    deliveredAt: replace ? obs.deliveredAt : (existing.deliveredAt ?? obs.deliveredAt),
    events: replace
      ? sortEvents(obs.events)
      : added.length
        ? sortEvents([...existing.events, ...added])
        : existing.events,
  };
  const { updatedAt: _a, ...a } = existing;
  const { updatedAt: _b, ...b } = next;
  if (sameValue(a, b)) return null;
  next.updatedAt = newer ? seenAt : notAfter(existing.updatedAt, now);
  return next;
}

/** Shared by disputes and refunds: newer known values win, unknown ones never erase. */
function mergeFlat<O extends object, R extends O & { updatedAtLocal: string }>(
  existing: R | undefined,
  obs: O,
  seenAt: string,
  now: string,
): R | null {
  if (!existing) return { ...obs, updatedAtLocal: seenAt } as R;
  const newer = seenAt >= notAfter(existing.updatedAtLocal, now);
  const next = { ...existing } as Record<string, unknown>;
  let changed = false;
  for (const [k, v] of Object.entries(obs)) {
    if (isUnknown(v)) continue;
    const old = next[k];
    if (sameValue(old, v)) continue;
    if (!newer && !isUnknown(old)) continue;
    next[k] = v;
    changed = true;
  }
  if (!changed) return null;
  next.updatedAtLocal = newer ? seenAt : notAfter(existing.updatedAtLocal, now);
  return next as R;
}

export function mergeDispute(
  existing: DisputeRecord | undefined,
  obs: DisputeObservation,
  seenAt: string,
  { now = seenAt }: { now?: string } = {},
): DisputeRecord | null {
  return mergeFlat<DisputeObservation, DisputeRecord>(existing, obs, seenAt, now);
}

export function mergeRefund(
  existing: RefundRecord | undefined,
  obs: RefundObservation,
  seenAt: string,
  { now = seenAt }: { now?: string } = {},
): RefundRecord | null {
  return mergeFlat<RefundObservation, RefundRecord>(existing, obs, seenAt, now);
}
