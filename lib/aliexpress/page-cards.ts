/**
 * Where the in-page UI puts its badges and banner: the order-list cards (the same `.order-item`
 * card the list reader reads, lib/aliexpress/read-dom-order-list.ts; structure stable 2022 →
 * 2026, shared/reference/aliexpress-data.md §2.1), the header line beside a card's status, and
 * the order a detail or tracking page is about (§1.1). Pure: elements and URLs in, ids out.
 */
import { orderIdOfCard } from './dom-list-extract';

/** One order-list card (§2.1 `div.order-item`). */
const CARD = '.order-item';
/**
 * The card header's right part (§2.1 `div.order-item-header-right`: order date, number and the
 * "Order details" link): the badge goes at its end, so the card's own links come first in the
 * Tab order (issue 15) and the badge still reads on the header line. Else the status line.
 */
const CARD_HEADER_RIGHT = '.order-item-header-right';
const CARD_STATUS = '.order-item-header-status';

export interface OrderListCards {
  /** The cards on the page now, in page order. */
  cards: (root: ParentNode) => Element[];
  /** The card's order, by the list reader's own rule. */
  orderId: (card: Element) => string | null;
  /** Where the badge goes (appended): the header's right part, the status line, else the card. */
  anchor: (card: Element) => Element;
}

export const ORDER_LIST_CARDS: OrderListCards = {
  cards: (root) => Array.from(root.querySelectorAll(CARD)),
  orderId: orderIdOfCard,
  anchor: (card) => card.querySelector(CARD_HEADER_RIGHT) ?? card.querySelector(CARD_STATUS) ?? card,
};

/**
 * The order an order-detail (`detail.html?orderId=`) or tracking (`tracking/…?tradeOrderId=`)
 * page is about, from its address (§1.1).
 */
export function orderIdOfPage(url: URL): string | null {
  const id = url.searchParams.get('orderId') ?? url.searchParams.get('tradeOrderId');
  return id && /^\d{6,32}$/.test(id) ? id : null;
}
