/**
 * The `buyer-shield-backup` version 1 file (docs/backup-format.md): its run-time schema, used to
 * validate a whole file before anything is written. Computed fields (`deadlines`, `alerts`, the
 * checklist labels) are accepted but ignored on import and computed again.
 */
import * as v from 'valibot';
import { LIMITS } from '../protocol/limits';
import {
  DeadlineKindSchema,
  DisputeObservationSchema,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  MoneySchema,
  OrderIdSchema,
  OrderLineSchema,
  OrderObservationSchema,
  PackageObservationSchema,
  RefundObservationSchema,
  TrackingEventSchema,
  text,
} from './observations';
import { SettingsPatchSchema } from './settings';

export const BACKUP_FORMAT = 'buyer-shield-backup';
export const BACKUP_VERSION = 1;
export { MAX_BACKUP_BYTES } from '../protocol/limits';

// The backup's records are the observation schemas themselves (same formats, same limits), with
// two differences a file needs: a nullable field may be left out (read as null), and an optional
// order field may be written as null (read as unknown).

type Entries = v.ObjectEntries;
/** A nullable entry may also be missing, and then reads as null. */
type Lenient<E extends Entries> = {
  [K in keyof E]: E[K] extends v.NullableSchema<infer W, undefined>
    ? v.OptionalSchema<v.NullableSchema<W, undefined>, null>
    : E[K];
};
/** An optional entry may also be null. */
type NullOk<E extends Entries> = {
  [K in keyof E]: E[K] extends v.OptionalSchema<infer W, undefined>
    ? v.OptionalSchema<v.NullableSchema<W, undefined>, undefined>
    : E[K];
};

function lenient<E extends Entries>(entries: E): Lenient<E> {
  return Object.fromEntries(
    Object.entries(entries).map(([k, s]) => [k, s.type === 'nullable' ? v.optional(s, null) : s]),
  ) as Lenient<E>;
}

function nullOk<E extends Entries>(entries: E): NullOk<E> {
  return Object.fromEntries(
    Object.entries(entries).map(([k, s]) => [
      k,
      s.type === 'optional'
        ? v.optional(v.nullable((s as v.OptionalSchema<v.GenericSchema, undefined>).wrapped))
        : s,
    ]),
  ) as NullOk<E>;
}

const capped = <S extends v.GenericSchema>(item: S, max: number) => v.pipe(v.array(item), v.maxLength(max));
const PER_ORDER = LIMITS.childrenPerOrder;

const { orderId: _p, events: _e, ...packageEntries } = PackageObservationSchema.entries;
const BackupPackage = v.object({
  ...lenient(packageEntries),
  events: capped(v.object(lenient(TrackingEventSchema.entries)), LIMITS.eventsPerPackage),
});

const { orderId: _d, ...disputeEntries } = DisputeObservationSchema.entries;
const BackupDispute = v.object(lenient(disputeEntries));

// A refund's money is written flat (`amountMinor`, `currency`), and its id may be missing in
// files of early versions (it is then derived from the order id and the position).
const { orderId: _r, id: _i, amount: _a, ...refundEntries } = RefundObservationSchema.entries;
const BackupRefund = v.object({
  ...lenient(refundEntries),
  id: v.optional(IdSchema),
  amountMinor: v.optional(v.nullable(MoneySchema.entries.amountMinor), null),
  currency: v.optional(v.nullable(MoneySchema.entries.currency), null),
  /** The buyer's own fact (lib/schema/model.ts `RefundRecord`). */
  arrivedOn: v.optional(v.nullable(IsoDateSchema), null),
});

const Computed = v.picklist(['page', 'estimate']);

export const BackupOrderSchema = v.object({
  ...nullOk(OrderObservationSchema.entries),
  site: v.literal('aliexpress'),
  lines: v.optional(capped(v.object(lenient(OrderLineSchema.entries)), LIMITS.linesPerOrder), []),
  /** `page`: the date the page showed, a fact; `estimate`: computed, ignored on import. */
  protection: v.nullish(
    v.object({ endsOn: IsoDateSchema, source: Computed, text: v.nullish(text(LIMITS.longText)) }),
  ),
  packages: v.optional(capped(BackupPackage, PER_ORDER), []),
  disputes: v.optional(capped(BackupDispute, PER_ORDER), []),
  refunds: v.optional(capped(BackupRefund, PER_ORDER), []),
  /** The buyer's own fact (lib/schema/model.ts `OrderRecord.receivedOn`). */
  receivedOn: v.optional(v.nullable(IsoDateSchema), null),
  /** The buyer's snoozed warnings (lib/schema/model.ts `OrderRecord.snoozed`). */
  snoozed: v.optional(
    capped(
      v.object({
        alertId: v.pipe(v.string(), v.maxLength(120)),
        severity: v.picklist(['urgent', 'soon', 'info']),
        until: IsoDateSchema,
      }),
      PER_ORDER,
    ),
    [],
  ),
  // Computed on export and computed again after import: checked for shape, then ignored.
  deadlines: v.optional(
    capped(v.object({ kind: DeadlineKindSchema, at: InstantSchema, source: Computed }), PER_ORDER),
    [],
  ),
  alerts: v.optional(
    capped(
      v.object({
        kind: text(),
        severity: v.picklist(['urgent', 'soon', 'info']),
        deadlineKind: v.nullable(DeadlineKindSchema),
      }),
      PER_ORDER,
    ),
    [],
  ),
  checklist: v.optional(
    capped(
      v.object({ id: v.pipe(v.string(), v.regex(/^[\w.-]{1,60}$/)), label: text(), done: v.boolean() }),
      PER_ORDER,
    ),
    [],
  ),
  firstSeenAt: v.nullish(InstantSchema),
  updatedAt: v.nullish(InstantSchema),
});

export type BackupOrder = v.InferOutput<typeof BackupOrderSchema>;

/** The top level alone; orders are checked one by one so a message can name the bad one. */
export const BackupTopSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `format must be "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `version must be ${BACKUP_VERSION}`),
  exportedAt: InstantSchema,
  orders: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.backupOrders)),
  settings: v.optional(SettingsPatchSchema),
  remindersSent: v.optional(
    capped(
      v.object({ id: v.pipe(v.string(), v.maxLength(300)), orderId: OrderIdSchema, at: InstantSchema }),
      LIMITS.backupOrders * 10,
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
