/**
 * The one Dexie schema. Only the background opens it: a content script's IndexedDB would be the
 * AliExpress page's, not ours (shared/reference/toolchain.md, "Real browser").
 *
 * Versions are append-only: a schema change adds `this.version(n + 1)` with an `.upgrade()` when
 * data changes, and an entry in tests/unit/faults/migration.test.ts, which opens a database of
 * every earlier version full of data. Only fields used in `where()`/`orderBy()` are indexed.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DisputeRecord, Instant, OrderRecord, PackageRecord, RefundRecord } from '../schema/model';

/** The buyer's tick on one evidence-checklist item. */
export interface ChecklistState {
  orderId: string;
  itemId: string;
  done: boolean;
  at: Instant;
}

/** A reminder that has been shown, so it is never shown twice. */
export interface ReminderSent {
  /** `${orderId}|${deadlineKind}|${subjectId}|${deadlineAt}|${leadMinutes}` */
  id: string;
  orderId: string;
  at: Instant;
}

/** A page or body we could not read. Holds no personal data: page kind or API, problem, time. */
export interface Diagnostic {
  id?: number;
  source: string;
  problem: string;
  url: string;
  at: Instant;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'buyer-shield';

export class BuyerShieldDb extends Dexie {
  orders!: EntityTable<OrderRecord, 'id'>;
  packages!: EntityTable<PackageRecord, 'key'>;
  disputes!: EntityTable<DisputeRecord, 'id'>;
  refunds!: EntityTable<RefundRecord, 'id'>;
  checklist!: Table<ChecklistState, [string, string]>;
  reminders!: EntityTable<ReminderSent, 'id'>;
  diagnostics!: EntityTable<Diagnostic, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      orders: 'id',
      // Looked up per order (popup, rules, wipe of one order).
      packages: 'key, orderId',
      disputes: 'id, orderId',
      refunds: 'id, orderId',
      checklist: '[orderId+itemId], orderId',
      // Pruned by order when an order is settled.
      reminders: 'id, orderId',
      // Listed newest first and pruned by age.
      diagnostics: '++id, at',
      settings: 'key',
    });
  }

  /** Every table, for backup, wipe and one-transaction imports. */
  get allTables() {
    return [
      this.orders,
      this.packages,
      this.disputes,
      this.refunds,
      this.checklist,
      this.reminders,
      this.diagnostics,
      this.settings,
    ];
  }
}

let instance: BuyerShieldDb | null = null;

/** The background's database. Tests replace it with `useDb(new BuyerShieldDb(name))`. */
export function getDb(): BuyerShieldDb {
  instance ??= new BuyerShieldDb();
  return instance;
}

export function useDb(db: BuyerShieldDb): void {
  instance = db;
}
