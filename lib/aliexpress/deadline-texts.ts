import type { IsoDate } from '@/lib/schema/model';
import { parseDisplayDate } from './i18n-dates';

/**
 * Dated promises the pages show as text. The protection end exists only as text ("Refund if no
 * delivery before Sep 4, 2026") in the detail `detail_order_services` and the tracking
 * `fastDeliveryInfoDTO.fdContentList` — no machine-readable field is known (reference §0, §3.4,
 * §3.5; maxwellmezadre/aliexpress-mcp test/fixtures/order-detail.json and
 * logistics-querydetail.json). Texts are split on " · " as the detail joins them.
 */

/** "Refund" in the site languages — a dated segment that mentions it is the protection end. */
const REFUND_WORDS =
  /refund|reembols|rembours|erstatt|rückerstatt|rimbors|zwrot|terugbetal|возврат|환불|返金|iade|החזר|استرد|استرجاع/i;
/**
 * Refund sentences that report money already sent ("Refund completed on Jul 3, 2026", "Refund
 * processed", "Refunded on …") are refund facts, never the protection end.
 */
const REFUND_DONE_WORDS =
  /completed|complete\b|processed|refunded|issued|successful|succeeded|concluíd|completad|procesad|effectué|abgeschlossen|erstattet|bearbeitet|завершен|выполнен|zakończon|zrealizowan|wykonan/i;

/** "Coupon" in the site languages — a dated segment that mentions it is the late-delivery coupon. */
const COUPON_WORDS = /coupon|cupom|cupón|gutschein|buono|kupon|купон|쿠폰|クーポン|קופון|قسيمة|كوبون/i;

export interface DatedText {
  on: IsoDate;
  text: string;
}

export function segments(texts: ReadonlyArray<string | null | undefined>): string[] {
  return texts
    .flatMap((t) => (typeof t === 'string' ? t.split(/\s+·\s+|\n/) : []))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function firstDated(
  texts: ReadonlyArray<string | null | undefined>,
  words: RegExp,
  lang?: string,
): DatedText | null {
  for (const seg of segments(texts)) {
    if (!words.test(seg)) continue;
    const on = parseDisplayDate(seg, lang);
    if (on !== null) return { on, text: seg };
  }
  return null;
}

/**
 * "Refund if no delivery before Sep 4, 2026" → {on: '2026-09-04', text}. Coupon lines and
 * refunds already done are excluded: only protection sentences are protection dates.
 */
export function findProtection(
  texts: ReadonlyArray<string | null | undefined>,
  lang?: string,
): DatedText | null {
  const onlyRefund = segments(texts).filter((s) => !COUPON_WORDS.test(s) && !REFUND_DONE_WORDS.test(s));
  return firstDated(onlyRefund, REFUND_WORDS, lang);
}

/** "Apply for R$5,00 coupon code if delayed by Aug 3, 2026" → {on: '2026-08-03', text}. */
export function findCouponIfLate(
  texts: ReadonlyArray<string | null | undefined>,
  lang?: string,
): DatedText | null {
  return firstDated(texts, COUPON_WORDS, lang);
}
