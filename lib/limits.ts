/**
 * Limits on page-supplied input (docs/architecture.md, docs/reliability.md): the schema checks
 * them (lib/schemas.ts) and the readers bring their output within them (lib/aliexpress/conform.ts).
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
