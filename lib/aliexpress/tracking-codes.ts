/**
 * Tracking codes that mean "delivered". Explicit on purpose — a guess here would tell a buyer a
 * parcel arrived when it did not, and close their protection early.
 *
 * - `AE_GTMS_SIGNED` — observed as the last event of a delivered package ("Delivered" / "Package
 *   delivered.", fulfillStage 1700): maxwellmezadre/aliexpress-mcp
 *   test/fixtures/logistics-querydetail.json; also listed by luftaquila/parcel-deck and ElMagoCT
 *   (reference §3.5 table).
 * - `AE_GTMS_SIGNED_SUCCESS` — not observed; AliExpress pairs many primary codes with a
 *   `_SUCCESS` second code (`AE_LH_DEPART`/`AE_LH_DEPART_SUCCESS` in the same fixture), so the
 *   second-code form of the same event is accepted.
 * - `SIGNIN` — the classic Cainiao delivered status ([unattributed] Villatheme status map,
 *   reference §3.5); `SIGNIN_EXC` (exception) is NOT delivered.
 */
export const DELIVERED_CODES: ReadonlySet<string> = new Set([
  'AE_GTMS_SIGNED',
  'AE_GTMS_SIGNED_SUCCESS',
  'SIGNIN',
]);

export function isDeliveredCode(code: string | null | undefined): boolean {
  return typeof code === 'string' && DELIVERED_CODES.has(code.trim().toUpperCase());
}
