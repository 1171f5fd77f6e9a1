/**
 * Limits on page-supplied input (docs/architecture.md, docs/reliability.md): the schema checks
 * them (lib/schema/observations.ts) and the readers bring their output within them (lib/aliexpress/conform.ts).
 * A plain module, so content scripts get the numbers without the schema code.
 */
export const LIMITS = {
  idLength: 40,
  shortText: 200,
  longText: 2000,
  url: 2048,
  linesPerOrder: 200,
  eventsPerPackage: 500,
  itemsPerMessage: 20_000,
  /** Parcels, disputes and refunds per order in a backup (a real order has a handful). */
  childrenPerOrder: 200,
  /** Order lines' quantities (a buyer orders a few; 1e9 is a forgery). */
  quantity: 100_000,
  /** Money in minor units: 10 billion in a two-decimal currency, far above any order. */
  amountMinor: 1_000_000_000_000,
  /**
   * New orders one page load may add: the order list shows 10 per "View orders" click
   * (shared/reference/aliexpress-data.md §2.1, `pageSize: 10`); a buyer who clicks through
   * 5,000 orders in one load is far beyond real, 10,000 forged ones are not.
   */
  newOrdersPerPage: 5_000,
  /** Orders in one backup file. */
  backupOrders: 100_000,
} as const;

/** A captured response larger than this is refused unread (a real order list is well below 1 MB). */
export const MAX_CAPTURE_CHARS = 5 * 1024 * 1024;

/** Far above any real buyer's data (10,000 orders export to about 15 MB), and safe to parse.
 * Shared by the options page (checked before reading a file) and the import itself. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;
