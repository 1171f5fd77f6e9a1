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
} as const;

/** A captured response larger than this is refused unread (a real order list is well below 1 MB). */
export const MAX_CAPTURE_CHARS = 5 * 1024 * 1024;

/** Far above any real buyer's data (10,000 orders export to about 15 MB), and safe to parse.
 * Shared by the options page (checked before reading a file) and the import itself. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;
