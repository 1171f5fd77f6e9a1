/**
 * Run-time shapes of everything that crosses a trust boundary: messages from content scripts
 * (which relay what an AliExpress page, or a page pretending to be one, produced) and backup
 * files. Valibot's `object` drops keys it does not know, so a field we never store (a receiver's
 * address, say) cannot ride in on an observation.
 */
import * as v from 'valibot';
import { LIMITS } from '../protocol/limits';
import { CAPTURED_APIS, DEADLINE_KINDS, ORDER_STATUSES, ORDER_TAGS, PAGE_KINDS } from './model';

export { LIMITS };

const text = (max: number = LIMITS.shortText) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number = LIMITS.shortText) => v.nullable(text(max));

/** AliExpress order and line ids are digit strings (shared/reference/aliexpress-data.md §3.3). */
export const OrderIdSchema = v.pipe(v.string(), v.regex(/^\d{6,32}$/, 'an order id is 6 to 32 digits'));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.idLength), v.regex(/^[\w.:|-]+$/));

export const IsoDateSchema = v.pipe(v.string(), v.isoDate('a date must be YYYY-MM-DD'));
export const InstantSchema = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'an instant must be ISO 8601',
  ),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'an instant must be a real time'),
);

export const MoneySchema = v.object({
  amountMinor: v.pipe(v.number(), v.safeInteger('money must be an integer number of minor units')),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'a currency is a 3-letter ISO 4217 code')),
});

const OrderLineSchema = v.object({
  id: Id,
  title: text(LIMITS.longText),
  variant: nullableText(LIMITS.longText),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  unitPrice: v.nullable(MoneySchema),
  imageUrl: nullableText(LIMITS.url),
  productId: v.nullable(Id),
});

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
  tags: v.optional(v.array(v.picklist(ORDER_TAGS))),
  protection: v.optional(v.object({ endsOn: IsoDateSchema, text: text(LIMITS.longText) })),
  promisedDeliveryOn: v.optional(IsoDateSchema),
  couponIfLateOn: v.optional(IsoDateSchema),
  paymentMethod: v.optional(text()),
  reminderText: v.optional(text(LIMITS.longText)),
});

const TrackingEventSchema = v.object({
  at: v.nullable(InstantSchema),
  code: v.nullable(text(80)),
  stage: v.nullable(text(20)),
  text: text(LIMITS.longText),
});

export const PackageObservationSchema = v.object({
  orderId: OrderIdSchema,
  trackingNumber: v.pipe(text(64), v.minLength(1)),
  originNumber: nullableText(64),
  carrier: nullableText(),
  eta: v.nullable(v.object({ from: v.nullable(IsoDateSchema), to: v.nullable(IsoDateSchema) })),
  delivered: v.boolean(),
  deliveredAt: v.nullable(InstantSchema),
  events: v.pipe(v.array(TrackingEventSchema), v.maxLength(LIMITS.eventsPerPackage)),
});

const ProposalSchema = v.nullable(v.object({ amount: v.nullable(MoneySchema), solution: nullableText() }));

export const DisputeObservationSchema = v.object({
  id: Id,
  orderId: OrderIdSchema,
  lineId: v.nullable(Id),
  kind: v.picklist(['refund', 'return', 'unknown']),
  status: v.picklist(['open', 'closed', 'unknown']),
  statusText: text(),
  openedAt: v.nullable(InstantSchema),
  updatedAt: v.nullable(InstantSchema),
  closedAt: v.nullable(InstantSchema),
  reason: nullableText(),
  solution: nullableText(),
  amount: v.nullable(MoneySchema),
  sellerProposal: ProposalSchema,
  platformProposal: ProposalSchema,
  returnAgreedOn: v.nullable(IsoDateSchema),
  returnShippedOn: v.nullable(IsoDateSchema),
});

export const RefundObservationSchema = v.object({
  id: Id,
  orderId: OrderIdSchema,
  lineId: v.nullable(Id),
  disputeId: v.nullable(Id),
  amount: v.nullable(MoneySchema),
  status: v.picklist(['pending', 'processed', 'unknown']),
  statusText: nullableText(),
  processedOn: v.nullable(IsoDateSchema),
  processedAt: v.optional(v.nullable(InstantSchema)),
  arn: v.nullable(v.pipe(v.string(), v.regex(/^\d{23}$/, 'an ARN is 23 digits'))),
  method: nullableText(),
});

const many = <S extends v.GenericSchema>(schema: S) =>
  v.pipe(v.array(schema), v.maxLength(LIMITS.itemsPerMessage));

export const ObservationsSchema = v.object({
  orders: many(OrderObservationSchema),
  packages: many(PackageObservationSchema),
  disputes: many(DisputeObservationSchema),
  refunds: many(RefundObservationSchema),
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
