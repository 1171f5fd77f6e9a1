import type { DisputeKind, DisputeStatus, Money, RefundStatus } from '@/lib/schema/model';
import { at, isRecord, num, str } from './json';
import { moneyFromCent, moneyFromFormatPriceInfo, parsePrice } from './money';

/**
 * Vocabulary of the reverse (return/refund/dispute) APIs: `reverseType` "RETURN" | "REFUND",
 * `reverseStatus` (1 = all, 2/3 = in-progress tabs, 4 = completed) — maxwellmezadre/
 * aliexpress-mcp src/aliexpress/refunds.ts and test/fixtures/refund-list.json; ElMagoCT
 * src/adapters/aliexpress.ts (reference §3.2, §3.6).
 */
export function kindOf(reverseType: unknown): DisputeKind {
  const t = str(reverseType)?.toUpperCase() ?? '';
  if (t.includes('RETURN')) return 'return';
  if (t.includes('REFUND')) return 'refund';
  return 'unknown';
}

const CLOSED_WORDS =
  /complet|closed|finish|cancel|conclu|finaliz|cerrad|termin|clôtur|annul|abgeschlossen|geschlossen|chius|zamkni|zakończ|gesloten|voltooid|закрыт|завершен|종료|완료|終了|完了|kapat|tamamland|נסגר|הושלם|مغلق|مكتمل/i;
const OPEN_WORDS =
  /progress|pending|await|waiting|open|andamento|aguard|curso|esper|attente|en cours|läuft|wartet|attesa|toku|oczek|behandeling|wacht|рассмотр|ожида|открыт|진행|대기|処理中|待ち|bekle|devam|ממתין|בתהליך|قيد|انتظار/i;

export function disputeStatusOf(reverseStatus: unknown, statusText: string | null): DisputeStatus {
  const code = num(reverseStatus);
  if (code === 4) return 'closed';
  if (code === 2 || code === 3) return 'open';
  if (statusText) {
    if (CLOSED_WORDS.test(statusText)) return 'closed';
    if (OPEN_WORDS.test(statusText)) return 'open';
  }
  return 'unknown';
}

const REFUND_DONE =
  /success|succeed|complet|refunded|finish|processed|reembolsad|conclu|rembours[ée]|erstattet|rimborsat|zwrócon|terugbetaald|возвращ|환불 완료|返金済|iade edildi|הוחזר|تم الاسترداد/i;
// GUESS (ko): "요청 완료" ("request completed") and "환불 요청" ("refund requested") are the
// Korean cards' states before the money moves (issue 17, from the Korean UI's wording; no capture).
const REFUND_PENDING =
  /pending|process|progress|wait|andamento|aguard|curso|en cours|bearbeitung|attesa|toku|behandeling|обработ|진행|요청 완료|환불 요청|処理中|bekle|בתהליך|قيد/i;

export function refundStatusOf(text: string | null): RefundStatus {
  if (!text) return 'unknown';
  if (REFUND_DONE.test(text)) return 'processed';
  if (REFUND_PENDING.test(text)) return 'pending';
  return 'unknown';
}

/**
 * A money object of the reverse APIs in any of the shapes seen: `{cent, currency}`
 * (`itemUnitPrice`), `{formatPrice: {priceInfo}}`, `{amount|value, currency}` or a display
 * string (ElMagoCT moneyOf accepts `cent` and `unit`).
 */
export function reverseMoney(x: unknown, lang?: string): Money | null {
  if (typeof x === 'string') return parsePrice(x, { lang });
  if (!isRecord(x)) return null;
  const currency = str(x.currency) ?? str(x.currencyCode);
  const fromCent = moneyFromCent(x.cent, currency);
  if (fromCent) return fromCent;
  const priceInfo = at(x, 'formatPrice', 'priceInfo') ?? x.formatPriceInfo;
  const fromInfo = moneyFromFormatPriceInfo(priceInfo, currency);
  if (fromInfo) return fromInfo;
  const display = str(x.formatMoney) ?? str(x.formatedAmount) ?? str(x.displayAmount);
  if (display) {
    const parsed = parsePrice(display, { lang, currency: currency ?? undefined });
    if (parsed && (currency === null || parsed.currency === currency)) return parsed;
  }
  return null;
}

export function times(money: Money | null, count: unknown): Money | null {
  const n = num(count);
  if (money === null) return null;
  if (n === null || !Number.isSafeInteger(n) || n < 1) return money;
  return { amountMinor: money.amountMinor * n, currency: money.currency };
}
