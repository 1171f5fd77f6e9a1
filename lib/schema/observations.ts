/**
 * The observation shape, once: run-time schemas of everything a page reading can say, from which
 * the domain types are derived (lib/schema/model.ts `v.InferOutput`) and the backup schema is
 * built (lib/schema/backup.ts). They check everything that crosses a trust boundary: messages
 * from content scripts (which relay what an AliExpress page, or a page pretending to be one,
 * produced) and the readers' own output. Valibot's `object` drops keys it does not know, so a
 * field we never store (a receiver's address, say) cannot ride in on an observation.
 *
 * The value formats and limits are those of lib/schema/vocabulary.ts and lib/protocol/limits.ts,
 * shared with the readers' conforming step (lib/aliexpress/conform.ts).
 */
import * as v from 'valibot';
import { LIMITS } from '../protocol/limits';
import {
  ARN,
  CAPTURED_APIS,
  DEADLINE_KINDS,
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
  PAGE_KINDS,
  REFUND_STATUSES,
} from './vocabulary';

export { LIMITS };

export const text = (max: number = LIMITS.shortText) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number = LIMITS.shortText) => v.nullable(text(max));

export const OrderIdSchema = v.pipe(v.string(), v.regex(ORDER_ID, 'an order id is 6 to 32 digits'));
export const IdSchema = v.pipe(
  v.string(),
  v.check(
    (s: string) => isId(s),
    `an id is 1 to ${LIMITS.idLength} characters of letters, digits and . : | - _`,
  ),
);

export const IsoDateSchema = v.pipe(
  v.string(),
  v.check(
    (s: string) => isRealDate(s),
    'a date must be a real calendar day YYYY-MM-DD between 2000 and 2200',
  ),
);
export const InstantSchema = v.pipe(
  v.string(),
  v.check((s: string) => isRealInstant(s), 'an instant must be an ISO 8601 time between 2000 and 2200'),
);

export const MoneySchema = v.object({
  amountMinor: v.pipe(
    v.number(),
    v.check(
      (n: number) => isAmountMinor(n),
      'money must be a whole, non-negative number of minor units within the limit',
    ),
  ),
  currency: v.pipe(
    v.string(),
    v.check((s: string) => isCurrency(s), 'a currency is an ISO 4217 code'),
  ),
});

export const OrderLineSchema = v.object({
  /** `orderLineId` / `tradeOrderLineId`. */
  id: IdSchema,
  title: text(LIMITS.longText),
  /** The purchased variant as the page shows it, e.g. "Color: Black; Length: 2m". */
  variant: nullableText(LIMITS.longText),
  /** 0 when the page did not show it (never stored over a known quantity). */
  quantity: v.pipe(
    v.number(),
    v.check((n: number) => isQuantity(n), `a quantity is a whole number 0 to ${LIMITS.quantity}`),
  ),
  unitPrice: v.nullable(MoneySchema),
  imageUrl: nullableText(LIMITS.url),
  productId: v.nullable(IdSchema),
});

/** What one page says about an order. Every field but `id` may be missing (unknown). */
export const OrderObservationSchema = v.object({
  id: OrderIdSchema,
  status: v.optional(v.picklist(ORDER_STATUSES)),
  statusText: v.optional(text()),
  placedOn: v.optional(IsoDateSchema),
  paidOn: v.optional(IsoDateSchema),
  shippedOn: v.optional(IsoDateSchema),
  completedOn: v.optional(IsoDateSchema),
  store: v.optional(v.object({ name: text(), url: nullableText(LIMITS.url) })),
  total: v.optional(MoneySchema),
  lines: v.optional(v.pipe(v.array(OrderLineSchema), v.maxLength(LIMITS.linesPerOrder))),
  tags: v.optional(v.pipe(v.array(v.picklist(ORDER_TAGS)), v.maxLength(20))),
  /** The protection end the page itself shows ("Refund if no delivery before Sep 4, 2026"). */
  protection: v.optional(v.object({ endsOn: IsoDateSchema, text: text(LIMITS.longText) })),
  /** The promised delivery date ("Estimated delivery date: Aug 3, 2026"). */
  promisedDeliveryOn: v.optional(IsoDateSchema),
  /** The date after which a late-delivery coupon can be collected. */
  couponIfLateOn: v.optional(IsoDateSchema),
  paymentMethod: v.optional(text()),
  /** Free text the page shows about windows, e.g. the completed order's reminder. */
  reminderText: v.optional(text(LIMITS.longText)),
});

export const TrackingEventSchema = v.object({
  at: v.nullable(InstantSchema),
  /** Stable code, e.g. `AE_GTMS_SIGNED` (trackingPrimaryCode, then trackingSecondCode). */
  code: nullableText(80),
  /** `fulfillStage`, e.g. "1700" last mile. */
  stage: nullableText(20),
  /** The stage label and description the page shows. */
  text: text(LIMITS.longText),
});

export const PackageObservationSchema = v.object({
  orderId: OrderIdSchema,
  trackingNumber: v.pipe(text(64), v.minLength(1)),
  /** AliExpress/Cainiao number when the last-mile number differs (`originMailNo`). */
  originNumber: nullableText(64),
  carrier: nullableText(),
  eta: v.nullable(v.object({ from: v.nullable(IsoDateSchema), to: v.nullable(IsoDateSchema) })),
  delivered: v.boolean(),
  deliveredAt: v.nullable(InstantSchema),
  /** Newest first, as AliExpress lists them. */
  events: v.pipe(v.array(TrackingEventSchema), v.maxLength(LIMITS.eventsPerPackage)),
});

/** A solution offered in a dispute. */
export const ProposalSchema = v.object({ amount: v.nullable(MoneySchema), solution: nullableText() });

export const DisputeObservationSchema = v.object({
  /** `reverseOrderLineId`. */
  id: IdSchema,
  orderId: OrderIdSchema,
  lineId: v.nullable(IdSchema),
  kind: v.picklist(DISPUTE_KINDS),
  status: v.picklist(DISPUTE_STATUSES),
  statusText: text(),
  openedAt: v.nullable(InstantSchema),
  /** The last change to the request (restarts the seller's clock). */
  updatedAt: v.nullable(InstantSchema),
  closedAt: v.nullable(InstantSchema),
  reason: nullableText(),
  solution: nullableText(),
  amount: v.nullable(MoneySchema),
  sellerProposal: v.nullable(ProposalSchema),
  platformProposal: v.nullable(ProposalSchema),
  /** When the buyer agreed to send the item back (return cases). */
  returnAgreedOn: v.nullable(IsoDateSchema),
  returnShippedOn: v.nullable(IsoDateSchema),
});

export const RefundObservationSchema = v.object({
  /** Stable id: `reverseOrderLineId` plus the channel index when there are several. */
  id: IdSchema,
  orderId: OrderIdSchema,
  lineId: v.nullable(IdSchema),
  disputeId: v.nullable(IdSchema),
  amount: v.nullable(MoneySchema),
  status: v.picklist(REFUND_STATUSES),
  statusText: nullableText(),
  /**
   * The day AliExpress processed the refund, when the page shows only a bare date. When it gives
   * the instant, `processedAt` holds it, wins, and the rules take its day in the buyer's zone.
   */
  processedOn: v.nullable(IsoDateSchema),
  /** When AliExpress processed the refund (the reverse APIs' finish times). Optional: added later. */
  processedAt: v.optional(v.nullable(InstantSchema)),
  /** Acquirer Reference Number, when the refund page shows one. */
  arn: v.nullable(v.pipe(v.string(), v.regex(ARN, 'an ARN is 23 digits'))),
  /** "Credit/Debit card", "PayPal", "AliExpress balance", … */
  method: nullableText(),
});

const many = <S extends v.GenericSchema>(schema: S) =>
  v.pipe(v.array(schema), v.maxLength(LIMITS.itemsPerMessage));

/** Everything one body or one page yields. */
export const ObservationsSchema = v.object({
  orders: many(OrderObservationSchema),
  packages: many(PackageObservationSchema),
  disputes: many(DisputeObservationSchema),
  refunds: many(RefundObservationSchema),
  /**
   * The reading is the refund list read whole (lib/aliexpress/read-refund-list.ts): a dispute
   * it does not list, and its refunds, no longer exist (lib/store/apply.ts).
   */
  listsAllCases: v.optional(v.literal(true)),
});

export const SourceSchema = v.picklist([...PAGE_KINDS, ...CAPTURED_APIS]);
export const DeadlineKindSchema = v.picklist(DEADLINE_KINDS);
export const UrlSchema = v.pipe(v.string(), v.maxLength(LIMITS.url));

/** Turns Valibot issues into one sentence that names where the problem is. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = v.getDotPath(issue);
    return `${prefix}${path ?? '(top level)'}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}
