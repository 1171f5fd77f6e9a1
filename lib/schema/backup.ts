/**
 * The `buyer-shield-backup` version 1 file (docs/backup-format.md): its run-time schema, used to
 * validate a whole file before anything is written. Computed fields (`deadlines`, `alerts`, the
 * checklist labels) are accepted but ignored on import and computed again.
 */
import * as v from 'valibot';
import { ORDER_STATUSES, ORDER_TAGS } from './model';
import {
  DeadlineKindSchema,
  InstantSchema,
  IsoDateSchema,
  LIMITS,
  MoneySchema,
  OrderIdSchema,
} from './observations';
import { SettingsPatchSchema } from './settings';

export const BACKUP_FORMAT = 'buyer-shield-backup';
export const BACKUP_VERSION = 1;
export { MAX_BACKUP_BYTES } from '../protocol/limits';

const text = (max: number = LIMITS.shortText) => v.pipe(v.string(), v.maxLength(max));
const opt = <S extends v.GenericSchema>(s: S) => v.optional(v.nullable(s));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.idLength), v.regex(/^[\w.:|-]+$/));

const BackupLine = v.object({
  id: Id,
  title: text(LIMITS.longText),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(0)),
  unitPrice: v.nullable(MoneySchema),
  variant: opt(text(LIMITS.longText)),
  imageUrl: opt(text(LIMITS.url)),
  productId: opt(Id),
});

const BackupEvent = v.object({
  at: v.nullable(InstantSchema),
  code: v.nullable(text(80)),
  text: text(LIMITS.longText),
  stage: opt(text(20)),
});

const BackupPackage = v.object({
  trackingNumber: v.pipe(text(64), v.minLength(1)),
  carrier: v.nullable(text()),
  delivered: v.boolean(),
  events: v.pipe(v.array(BackupEvent), v.maxLength(LIMITS.eventsPerPackage)),
  originNumber: opt(text(64)),
  deliveredAt: opt(InstantSchema),
  eta: opt(v.object({ from: v.nullable(IsoDateSchema), to: v.nullable(IsoDateSchema) })),
});

const Proposal = opt(v.object({ amount: v.nullable(MoneySchema), solution: v.nullable(text()) }));

const BackupDispute = v.object({
  id: Id,
  lineId: v.nullable(Id),
  kind: v.picklist(['refund', 'return', 'unknown']),
  status: v.picklist(['open', 'closed', 'unknown']),
  statusText: text(),
  openedAt: v.nullable(InstantSchema),
  updatedAt: opt(InstantSchema),
  closedAt: opt(InstantSchema),
  reason: opt(text()),
  solution: opt(text()),
  amount: opt(MoneySchema),
  sellerProposal: Proposal,
  platformProposal: Proposal,
  returnAgreedOn: opt(IsoDateSchema),
  returnShippedOn: opt(IsoDateSchema),
});

const BackupRefund = v.object({
  id: v.optional(Id),
  amountMinor: v.nullable(v.pipe(v.number(), v.safeInteger())),
  currency: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
  status: v.picklist(['pending', 'processed', 'unknown']),
  processedOn: v.nullable(IsoDateSchema),
  arn: v.nullable(v.pipe(v.string(), v.regex(/^\d{23}$/, 'an ARN is 23 digits'))),
  lineId: opt(Id),
  disputeId: opt(Id),
  statusText: opt(text()),
  method: opt(text()),
  arrivedOn: opt(IsoDateSchema),
  processedAt: opt(InstantSchema),
});

export const BackupOrderSchema = v.object({
  id: OrderIdSchema,
  site: v.literal('aliexpress'),
  status: v.picklist(ORDER_STATUSES),
  statusText: text(),
  placedOn: v.nullable(IsoDateSchema),
  shippedOn: v.nullable(IsoDateSchema),
  completedOn: v.nullable(IsoDateSchema),
  store: v.nullable(v.object({ name: text(), url: v.nullable(text(LIMITS.url)) })),
  total: v.nullable(MoneySchema),
  lines: v.pipe(v.array(BackupLine), v.maxLength(LIMITS.linesPerOrder)),
  protection: v.nullable(
    v.object({
      endsOn: IsoDateSchema,
      source: v.picklist(['page', 'estimate']),
      text: v.nullable(text(LIMITS.longText)),
    }),
  ),
  packages: v.array(BackupPackage),
  disputes: v.array(BackupDispute),
  refunds: v.array(BackupRefund),
  deadlines: v.array(
    v.object({ kind: DeadlineKindSchema, at: InstantSchema, source: v.picklist(['page', 'estimate']) }),
  ),
  alerts: v.array(
    v.object({
      kind: text(),
      severity: v.picklist(['urgent', 'soon', 'info']),
      deadlineKind: v.nullable(DeadlineKindSchema),
    }),
  ),
  checklist: v.array(
    v.object({ id: v.pipe(v.string(), v.regex(/^[\w.-]{1,60}$/)), label: text(), done: v.boolean() }),
  ),
  // Documented additions (docs/backup-format.md).
  paidOn: opt(IsoDateSchema),
  promisedDeliveryOn: opt(IsoDateSchema),
  couponIfLateOn: opt(IsoDateSchema),
  paymentMethod: opt(text()),
  tags: v.optional(v.array(v.picklist(ORDER_TAGS))),
  reminderText: opt(text(LIMITS.longText)),
  firstSeenAt: opt(InstantSchema),
  updatedAt: opt(InstantSchema),
});

export type BackupOrder = v.InferOutput<typeof BackupOrderSchema>;

/** The top level alone; orders are checked one by one so a message can name the bad one. */
export const BackupTopSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `format must be "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `version must be ${BACKUP_VERSION}`),
  exportedAt: InstantSchema,
  orders: v.pipe(v.array(v.unknown()), v.maxLength(100_000)),
  settings: v.optional(SettingsPatchSchema),
  remindersSent: v.optional(
    v.array(
      v.object({ id: v.pipe(v.string(), v.maxLength(300)), orderId: OrderIdSchema, at: InstantSchema }),
    ),
  ),
});

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  app: { name: 'Buyer Shield'; policyVersion: string };
  orders: BackupOrder[];
  settings: v.InferOutput<typeof SettingsPatchSchema>;
  remindersSent: { id: string; orderId: string; at: string }[];
}
