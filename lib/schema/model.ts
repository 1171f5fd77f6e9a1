/**
 * The domain vocabulary every part of Buyer Shield shares: what readers observe on AliExpress
 * pages, what the store keeps, and what the rules read. Pure types, no runtime code, so that
 * readers, rules, store and UI can depend on it without pulling each other in (the observation
 * types are derived from the schemas with type-only imports, which leave no run-time code).
 *
 * Conventions (docs/backup-format.md): calendar dates are `YYYY-MM-DD` strings, instants are
 * ISO 8601 UTC strings, money is integer minor units plus an ISO 4217 code.
 */
import type * as v from 'valibot';
import type {
  DisputeObservationSchema,
  MoneySchema,
  ObservationsSchema,
  OrderLineSchema,
  OrderObservationSchema,
  PackageObservationSchema,
  ProposalSchema,
  RefundObservationSchema,
  TrackingEventSchema,
} from './observations';
import type {
  CAPTURED_APIS,
  DEADLINE_KINDS,
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  ORDER_STATUSES,
  ORDER_TAGS,
  PAGE_KINDS,
  REFUND_STATUSES,
} from './vocabulary';

/** A calendar date as the page shows it, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant in ISO 8601 UTC, e.g. `2026-07-15T03:00:00.000Z`. */
export type Instant = string;

export {
  CAPTURED_APIS,
  DEADLINE_KINDS,
  ORDER_STATUSES,
  ORDER_TAGS,
  PAGE_KINDS,
} from './vocabulary';

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PageKind = (typeof PAGE_KINDS)[number];
export type CapturedApi = (typeof CAPTURED_APIS)[number];
export type OrderTag = (typeof ORDER_TAGS)[number];
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Where a fact came from: which API or page, read from JSON or from the DOM. */
export type SourceKind = 'json' | 'dom';

// The observation shape is written once, as the schemas of lib/schema/observations.ts; the
// field comments are there.
/** Money in integer minor units (cents) and an ISO 4217 currency code. */
export type Money = v.InferOutput<typeof MoneySchema>;
export type OrderLine = v.InferOutput<typeof OrderLineSchema>;
export type OrderObservation = v.InferOutput<typeof OrderObservationSchema>;
export type TrackingEvent = v.InferOutput<typeof TrackingEventSchema>;
export type PackageObservation = v.InferOutput<typeof PackageObservationSchema>;
export type Proposal = v.InferOutput<typeof ProposalSchema>;
export type DisputeObservation = v.InferOutput<typeof DisputeObservationSchema>;
export type RefundObservation = v.InferOutput<typeof RefundObservationSchema>;
/** Everything one body or one page yields. */
export type Observations = v.InferOutput<typeof ObservationsSchema>;

/** What a reader says when it could not read its input. Never contains personal data. */
export interface ReadFailure {
  /** What was missing or wrong, for people: "no pc_om_list_order component". */
  problem: string;
}

export type ReadResult = { ok: true; observations: Observations } | { ok: false; failure: ReadFailure };

/** Where and when one stored field was last changed. */
export interface FieldSource {
  /** `backup` when the value came from an imported backup file. */
  source: PageKind | CapturedApi | 'backup';
  kind: SourceKind;
  at: Instant;
}

export interface Snooze {
  alertId: string;
  severity: Severity;
  until: IsoDate;
}

/** Stored records: the observation's fields plus, per field, where and when it was seen. */
export interface OrderRecord extends OrderObservation {
  site: 'aliexpress';
  /**
   * The day the buyer says the parcel reached them ("I received it", markOrderReceived): the
   * buyer's fact, never a page's (no observation has it, so no page reading can set it). Ends
   * the "parcel has not arrived" warnings; it is not an AliExpress completion (lib/rules/order-state.ts).
   */
  receivedOn?: IsoDate | null;
  /**
   * Warnings the buyer snoozed ("Snooze until…", snoozeAlert): the alert id, the severity it had,
   * and the day it comes back (lib/rules/snooze.ts). The buyer's, never a page's.
   */
  snoozed?: Snooze[];
  firstSeenAt: Instant;
  updatedAt: Instant;
  sources: Partial<Record<keyof OrderObservation, FieldSource>>;
  /**
   * The protection end each page last showed, by page (API or DOM page kind). Pages disagree
   * (the real captures: the order page "before Sep 4, 2026", its tracking page "before Sep 3,
   * 2026"), and `protection` is the earliest of them (lib/store/merge.ts): never later than any
   * page says. Kept per page so a newer reading of one page (an extension, or the real page
   * undoing a forged date) replaces only that page's date.
   */
  protectionByPage?: Record<string, { endsOn: IsoDate; text: string; source: FieldSource }>;
}

export interface PackageRecord extends PackageObservation {
  /** `${orderId}|${trackingNumber}` */
  key: string;
  updatedAt: Instant;
}

export interface DisputeRecord extends DisputeObservation {
  updatedAtLocal: Instant;
}

export interface RefundRecord extends RefundObservation {
  updatedAtLocal: Instant;
  /**
   * The day the money reached the buyer's account, when the buyer says so (markRefundArrived):
   * the buyer's fact, never a page's, so no page reading can set it. Stops the ARN follow-up.
   */
  arrivedOn?: IsoDate | null;
}

/** Everything the rules need to know about one order. */
export interface OrderFacts {
  order: OrderRecord;
  packages: PackageRecord[];
  disputes: DisputeRecord[];
  refunds: RefundRecord[];
}

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Severity = 'urgent' | 'soon' | 'info';
