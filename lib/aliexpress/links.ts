/**
 * The AliExpress pages where a buyer acts on a step: every warning carries a link to one of
 * them. Addresses from shared/reference/aliexpress-data.md §1.1 (order detail, tracking, the
 * "Returns/refunds" start page, the dispute case, messages), all on www.aliexpress.com over
 * https. Ids are digits only (checked here again: a link is built from stored data, which a
 * page once supplied).
 */

const WWW = 'https://www.aliexpress.com';
const DIGITS = /^\d{6,32}$/;

export type ActionPage = 'order' | 'tracking' | 'open_dispute' | 'dispute' | 'refunds' | 'messages';

export interface ActionLink {
  page: ActionPage;
  href: string;
}

const link = (page: ActionPage, href: string): ActionLink => ({ page, href });

/** The order's own page (`/p/order/detail.html?orderId=`), where AliExpress shows every button. */
export function orderLink(orderId: string): ActionLink | null {
  return DIGITS.test(orderId) ? link('order', `${WWW}/p/order/detail.html?orderId=${orderId}`) : null;
}

/** The order's tracking page (`/p/tracking/index.html?tradeOrderId=`). */
export function trackingLink(orderId: string): ActionLink | null {
  return DIGITS.test(orderId)
    ? link('tracking', `${WWW}/p/tracking/index.html?tradeOrderId=${orderId}`)
    : null;
}

/**
 * Where a dispute is opened. The order page's "Returns/refunds" button (type `OPEN_DISPUTE`)
 * opens `/p/reverse-pages/start.html` after "Have you received your package?"
 * (../shared/aliexpress-fixtures/order-detail.json, `buttonVOS`); the real capture shows the
 * address without parameters, so which item it is for is chosen on AliExpress's page. A guess:
 * passing `tradeOrderId`/`tradeOrderLineId`, as seen in reverse-pages addresses a refund helper
 * reads (aliexpress-data.md §1.1), preselects the item; unknown parameters do no harm.
 */
export function openDisputeLink(orderId: string, lineId: string | null): ActionLink | null {
  if (!DIGITS.test(orderId)) return null;
  const line = lineId && DIGITS.test(lineId) ? `&tradeOrderLineId=${lineId}` : '';
  return link('open_dispute', `${WWW}/p/reverse-pages/start.html?tradeOrderId=${orderId}${line}`);
}

/**
 * A dispute or return case (`trade.aliexpress.com/issue/fastissue/Detail.htm`, the list's
 * "View details" button, aliexpress-data.md §1.1); without its ids, the returns and refunds list.
 */
export function disputeLink(reverseLineId: string | null, lineId: string | null): ActionLink {
  if (reverseLineId && DIGITS.test(reverseLineId)) {
    const line = lineId && DIGITS.test(lineId) ? `tradeOrderLineId=${lineId}&` : '';
    return link(
      'dispute',
      `https://trade.aliexpress.com/issue/fastissue/Detail.htm?${line}reverseOrderLineId=${reverseLineId}&from=1`,
    );
  }
  return refundsLink();
}

/** Returns and refunds, every case (`m.aliexpress.com/p/refund-dispute/list.html`). */
export function refundsLink(): ActionLink {
  return link('refunds', 'https://m.aliexpress.com/p/refund-dispute/list.html');
}

/** The buyer's messages, where the chat with each seller is (`/p/message/index.html`). */
export function messagesLink(): ActionLink {
  return link('messages', `${WWW}/p/message/index.html`);
}
