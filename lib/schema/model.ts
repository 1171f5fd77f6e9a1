/**
 * The domain vocabulary every part of Buyer Shield shares: what readers observe on AliExpress
 * pages, what the store keeps, and what the rules read. Pure types, no runtime code, so that
 * readers, rules, store and UI can depend on it without pulling each other in.
 *
 * Conventions (docs/backup-format.md): calendar dates are `YYYY-MM-DD` strings, instants are
 * ISO 8601 UTC strings, money is integer minor units plus an ISO 4217 code.
 */

/** A calendar date as the page shows it, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant in ISO 8601 UTC, e.g. `2026-07-15T03:00:00.000Z`. */
export type Instant = string;

/** Money in integer minor units (cents) and an ISO 4217 currency code. */
export interface Money {
  amountMinor: number;
  currency: string;
}

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
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The kinds of AliExpress page Buyer Shield recognises (lib/aliexpress/page-kind.ts). */
export const PAGE_KINDS = [
  'order_list',
  'order_detail',
  'tracking',
  'refund_list',
  'refund_detail',
  'dispute_detail',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The AliExpress APIs whose responses are read (lower-cased; compared case-insensitively). */
export const CAPTURED_APIS = [
  'mtop.aliexpress.trade.buyer.order.list',
  'mtop.aliexpress.trade.buyer.order.detail',
  'mtop.ae.ld.querydetail',
  'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
] as const;
export type CapturedApi = (typeof CAPTURED_APIS)[number];

/** Where a fact came from: which API or page, read from JSON or from the DOM. */
export type SourceKind = 'json' | 'dom';

/** Marks on an order line or order that matter for the buyer's rights. */
export const ORDER_TAGS = ['delivery_guarantee', 'free_return', 'fast_delivery'] as const;
export type OrderTag = (typeof ORDER_TAGS)[number];

export interface OrderLine {
  /** `orderLineId` / `tradeOrderLineId`. */
  id: string;
  title: string;
  /** The purchased variant as the page shows it, e.g. "Color: Black; Length: 2m". */
  variant: string | null;
  /** 0 when the page did not show it (never stored over a known quantity). */
  quantity: number;
  unitPrice: Money | null;
  imageUrl: string | null;
  productId: string | null;
}

/** What one page says about an order. Every field but `id` may be missing (unknown). */
export interface OrderObservation {
  id: string;
  status?: OrderStatus;
  statusText?: string;
  placedOn?: IsoDate;
  paidOn?: IsoDate;
  shippedOn?: IsoDate;
  completedOn?: IsoDate;
  store?: { name: string; url: string | null };
  total?: Money;
  lines?: OrderLine[];
  tags?: OrderTag[];
  /** The protection end the page itself shows ("Refund if no delivery before Sep 4, 2026"). */
  protection?: { endsOn: IsoDate; text: string };
  /** The promised delivery date ("Estimated delivery date: Aug 3, 2026"). */
  promisedDeliveryOn?: IsoDate;
  /** The date after which a late-delivery coupon can be collected. */
  couponIfLateOn?: IsoDate;
  paymentMethod?: string;
  /** Free text the page shows about windows, e.g. the completed order's reminder. */
  reminderText?: string;
}

export interface TrackingEvent {
  at: Instant | null;
  /** Stable code, e.g. `AE_GTMS_SIGNED` (trackingPrimaryCode, then trackingSecondCode). */
  code: string | null;
  /** `fulfillStage`, e.g. "1700" last mile. */
  stage: string | null;
  /** The stage label and description the page shows. */
  text: string;
}

export interface PackageObservation {
  orderId: string;
  trackingNumber: string;
  /** AliExpress/Cainiao number when the last-mile number differs (`originMailNo`). */
  originNumber: string | null;
  carrier: string | null;
  eta: { from: IsoDate | null; to: IsoDate | null } | null;
  delivered: boolean;
  deliveredAt: Instant | null;
  /** Newest first, as AliExpress lists them. */
  events: TrackingEvent[];
}

export type DisputeKind = 'refund' | 'return' | 'unknown';
export type DisputeStatus = 'open' | 'closed' | 'unknown';

/** A solution offered in a dispute. */
export interface Proposal {
  amount: Money | null;
  solution: string | null;
}

export interface DisputeObservation {
  /** `reverseOrderLineId`. */
  id: string;
  orderId: string;
  lineId: string | null;
  kind: DisputeKind;
  status: DisputeStatus;
  statusText: string;
  openedAt: Instant | null;
  /** The last change to the request (restarts the seller's clock). */
  updatedAt: Instant | null;
  closedAt: Instant | null;
  reason: string | null;
  solution: string | null;
  amount: Money | null;
  sellerProposal: Proposal | null;
  platformProposal: Proposal | null;
  /** When the buyer agreed to send the item back (return cases). */
  returnAgreedOn: IsoDate | null;
  returnShippedOn: IsoDate | null;
}

export type RefundStatus = 'pending' | 'processed' | 'unknown';

export interface RefundObservation {
  /** Stable id: `reverseOrderLineId` plus the channel index when there are several. */
  id: string;
  orderId: string;
  lineId: string | null;
  disputeId: string | null;
  amount: Money | null;
  status: RefundStatus;
  statusText: string | null;
  /**
   * The day AliExpress processed the refund, when the page shows only a bare date. When it gives
   * the instant, `processedAt` holds it, wins, and the rules take its day in the buyer's zone.
   */
  processedOn: IsoDate | null;
  /** When AliExpress processed the refund (the reverse APIs' finish times). Optional: added later. */
  processedAt?: Instant | null;
  /** Acquirer Reference Number, when the refund page shows one. */
  arn: string | null;
  /** "Credit/Debit card", "PayPal", "AliExpress balance", … */
  method: string | null;
  /**
   * The day the money reached the buyer's account, when known (the buyer says so, or the page
   * shows it). Optional, added for the rules: an arrived refund stops the ARN follow-up.
   */
  arrivedOn?: IsoDate | null;
}

/** Everything one body or one page yields. */
export interface Observations {
  orders: OrderObservation[];
  packages: PackageObservation[];
  disputes: DisputeObservation[];
  refunds: RefundObservation[];
}

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

/** Stored records: the observation's fields plus, per field, where and when it was seen. */
export interface OrderRecord extends OrderObservation {
  site: 'aliexpress';
  firstSeenAt: Instant;
  updatedAt: Instant;
  sources: Partial<Record<keyof OrderObservation, FieldSource>>;
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
}

/** Everything the rules need to know about one order. */
export interface OrderFacts {
  order: OrderRecord;
  packages: PackageRecord[];
  disputes: DisputeRecord[];
  refunds: RefundRecord[];
}

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
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Severity = 'urgent' | 'soon' | 'info';
