/**
 * The one Dexie schema. Only the background opens it: a content script's IndexedDB would be the
 * AliExpress page's, not ours (shared/reference/toolchain.md, "Real browser").
 *
 * Versions are append-only: a schema change adds `this.version(n + 1)` with an `.upgrade()` when
 * data changes, and an entry in tests/unit/faults/migration.test.ts, which opens a database of
 * every earlier version full of data. Only fields used in `where()`/`orderBy()` are indexed.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Table } from 'dexie';
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

/**
 * A derived row kept to answer the popup of a cold worker (lib/store/summaries.ts): the data
 * version (a token rewritten by every write to the facts, see `guardSummaries`) and the popup's
 * first page worked out from it. Never exported in a backup: it is worked out from the rest.
 */
export interface SummaryRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'buyer-shield';

/** The tables whose rows the assessment is worked out from (lib/store/queries.ts `loadAllFacts`) plus settings. */
const FACT_TABLES: ReadonlySet<string> = new Set(['orders', 'packages', 'disputes', 'refunds', 'settings']);
export const SUMMARY_TABLE = 'summaries';
export const DATA_VERSION_KEY = 'dataVersion';
export const DASHBOARD_KEY = 'dashboard';

function newDataVersion(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Every write to a fact table, in the very IndexedDB transaction of that write, gives the data a
 * new version and empties the stored popup summary. In the same transaction, so no path (a save,
 * an import, "Delete all data", a worker stopped right after a commit) can leave a summary that
 * describes data that is no longer there; the summary's writer checks the version it was worked
 * out from (lib/store/summaries.ts), so a summary of data read before a write is never kept.
 */
function guardSummaries(down: DBCore, onFactWrite: () => void): Partial<DBCore> {
  const renewed = new WeakSet<object>();
  return {
    ...down,
    transaction(stores, mode, options) {
      const widen =
        mode === 'readwrite' && !stores.includes(SUMMARY_TABLE) && stores.some((s) => FACT_TABLES.has(s));
      return down.transaction(widen ? [...stores, SUMMARY_TABLE] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!FACT_TABLES.has(name)) return table;
      return {
        ...table,
        mutate: async (req: DBCoreMutateRequest) => {
          onFactWrite();
          // Once per transaction: a page's reading writes orders, parcels and cases in one.
          if (renewed.has(req.trans)) return table.mutate(req);
          renewed.add(req.trans);
          await down.table(SUMMARY_TABLE).mutate({
            type: 'put',
            trans: req.trans,
            values: [
              { key: DATA_VERSION_KEY, value: newDataVersion() },
              { key: DASHBOARD_KEY, value: null },
            ],
          });
          return table.mutate(req);
        },
      };
    },
  };
}

export class BuyerShieldDb extends Dexie {
  orders!: EntityTable<OrderRecord, 'id'>;
  packages!: EntityTable<PackageRecord, 'key'>;
  disputes!: EntityTable<DisputeRecord, 'id'>;
  refunds!: EntityTable<RefundRecord, 'id'>;
  checklist!: Table<ChecklistState, [string, string]>;
  reminders!: EntityTable<ReminderSent, 'id'>;
  diagnostics!: EntityTable<Diagnostic, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  summaries!: EntityTable<SummaryRow, 'key'>;

  /**
   * Writes begun on the fact tables through this connection, counted in memory as each is issued
   * (before it commits; one that aborts still counts). Equal at two moments: nothing was written
   * in between, known without a read that would queue behind a running write transaction
   * (lib/background/page-known.ts asks it for every captured body).
   */
  factWrites = 0;

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
    // The popup's first page, kept for a cold worker (issue 16). Derived data: no upgrade.
    this.version(2).stores({ summaries: 'key' });
    this.use({
      stack: 'dbcore',
      name: 'guardSummaries',
      create: (down) =>
        guardSummaries(down, () => {
          this.factWrites += 1;
        }),
    });
  }

  /**
   * Every table of the buyer's data, for backup, wipe and one-transaction imports. Not
   * `summaries`: it is worked out from these, and every write to them empties it.
   */
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
