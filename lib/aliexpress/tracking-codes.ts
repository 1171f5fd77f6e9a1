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

/**
 * Codes that read like a delivery but are not certain enough to close protection early:
 * `CW_SIGN_IN_SUCCESS` and the other `SIGN` stems are ElMagoCT's own guesses, not observations
 * (reference §3.5); `WAIT4SIGNIN` means waiting at a pickup point. They raise a soft "check the
 * parcel", never the 5-day cut.
 */
const MAYBE_DELIVERED_CODE = /SIGN|DELIVERED|WAIT4PICKUP|PICKUP_POINT|LOCKER/;

/**
 * "Delivered" in the languages the readers know, and the pickup-point / locker wordings
 * ("Delivered to parcel locker", "Available for pickup"). A last event that says so without a
 * certain code may still be wrong (a neighbour, a failed attempt), so it is only a hint.
 */
const DELIVERED_WORDS =
  /delivered|locker|pick ?up point|ready for pick ?up|entregue|entregado|entrega realizada|livr[ée]|point relais|zugestellt|abholbereit|packstation|доставлен|вручен|постамат|dostarczon|do odbioru|paczkomat/i;

/** The event reads like a delivery: a certain code, a delivery-like code, or delivery words. */
export function looksDelivered(e: { code: string | null; text: string }): boolean {
  const code = e.code?.trim().toUpperCase() ?? '';
  if (DELIVERED_CODES.has(code)) return true;
  // `SIGNIN_EXC` and the like: an exception at delivery, not a delivery.
  if (code !== '' && MAYBE_DELIVERED_CODE.test(code) && !/EXC|FAIL/.test(code)) return true;
  return (
    DELIVERED_WORDS.test(e.text) &&
    !/not delivered|undelivered|failed|attempt|wird zugestellt|não entregue|no entregado|non livré|не доставлен|nie dostarczon/i.test(
      e.text,
    )
  );
}
