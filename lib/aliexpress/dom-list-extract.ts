/**
 * The order list's DOM, taken as text in the page (`/p/order/index.html`, for when its JSON was
 * not seen: the first page may be server-rendered). The page only picks the texts out of each
 * `.order-item` card; the worker reads them (status words, dates, money:
 * lib/aliexpress/read-dom-order-list.ts `readOrderListTexts`), so the word tables, parsers and
 * their Intl objects stay out of AliExpress pages (issue 16: the service worker has no
 * DOMParser, so this compact extraction is what crosses). Card structure stable 2022 → 2026
 * (shared/reference/aliexpress-data.md §2.1: Kagee/webshop-order-scraper,
 * chriskomus/aliexpress-order-downloader, peter-tanner/AliExpress-Invoice-Downloader,
 * RonenMars/ali-sum, mcp-getgather aliexpress-orders.html).
 */
import { detectBlockedPage } from './blocked-page';
import { all, backgroundUrl, first, hrefOf, orderIdFromLinks, priceTextOf, srcOf, textOf } from './dom';

/** Any one text taken from the page is cut here (the worker's limits are far below). */
export const MAX_TEXT = 2000;
/** Cards, lines per card and texts per list taken at most (a real list shows 10 per "View orders"). */
export const MAX_CARDS = 1000;
export const MAX_LINES = 200;
export const MAX_TEXTS = 20;

/** One line of a card, as the page shows it. */
export interface ListLineTexts {
  /** From the item link (`/item/<digits>.html`), or null. */
  productId: string | null;
  title: string;
  variant: string;
  /** The quantity text ("x2"). */
  quantity: string;
  /** The unit price text, the quantity taken out. */
  price: string;
  image: string | null;
}

/** One `.order-item` card, as the page shows it. */
export interface ListCardTexts {
  id: string;
  status: string;
  /** The date line, then the header's info rows (one of them holds the order date). */
  dates: string[];
  store: string;
  storeUrl: string | null;
  /** The total's text, with its label ("Total: US $12.34"). */
  total: string;
  lines: ListLineTexts[];
  tags: string[];
}

export type ListTexts = { ok: true; cards: ListCardTexts[] } | { ok: false; problem: string };

const cut = (s: string) => s.slice(0, MAX_TEXT);
/** A link too long to be real is left out rather than cut (a cut address leads elsewhere). */
const link = (u: string | null) => (u !== null && u.length <= MAX_TEXT ? u : null);

function infoRowsOf(card: Element): Element[] {
  return all(card, '.order-item-header-right-info > div, .order-item-header-right-info span');
}

/** "Order ID: 3041111111111111 Copy" (any language): the long digit run. */
function idFromInfo(texts: string[]): string | null {
  for (const t of texts) {
    const m = /(?<!\d)(\d{12,22})(?!\d)/.exec(t);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** The order id of one `.order-item` card (also used to place the in-page badges). */
export function orderIdOfCard(card: Element): string | null {
  return orderIdFromLinks(card) ?? idFromInfo(infoRowsOf(card).map(textOf));
}

/** The texts of every card on the list page; a failure says what was missing. */
export function extractOrderList(doc: Document, url: URL): ListTexts {
  const cards = all(doc, '.order-item');
  if (cards.length === 0)
    return {
      ok: false,
      problem: 'no .order-item card on the order list page (not rendered yet, or redesigned)',
    };
  const texts = cards
    .slice(0, MAX_CARDS)
    .map((c) => cardTexts(c, url))
    .filter((c): c is ListCardTexts => c !== null);
  if (texts.length === 0)
    return { ok: false, problem: `${cards.length} .order-item cards but none showed an order id` };
  return { ok: true, cards: texts };
}

function cardTexts(card: Element, url: URL): ListCardTexts | null {
  const id = orderIdOfCard(card);
  if (id === null) return null;
  const storeLink = first(card, '.order-item-store-name a, a.order-item-store-name, .order-item-store a');
  return {
    id,
    status: cut(textOf(first(card, '.order-item-header-status-text'))),
    dates: [textOf(first(card, '.order-item-header-date')), ...infoRowsOf(card).map(textOf)]
      .slice(0, MAX_TEXTS)
      .map(cut),
    store: cut(textOf(storeLink ?? first(card, '.order-item-store-name'))),
    storeUrl: link(hrefOf(storeLink, url)),
    total: cut(priceTextOf(first(card, '.order-item-content-opt-price-total'))),
    lines: all(card, '.order-item-content-body')
      .slice(0, MAX_LINES)
      .map((b) => lineTexts(b, url)),
    tags: all(card, '.order-item-tag, .order-item-content-info-tag span')
      .slice(0, MAX_TEXTS)
      .map((el) => cut(textOf(el))),
  };
}

function lineTexts(body: Element, url: URL): ListLineTexts {
  const titled = first(body, '.order-item-content-info-name [title]');
  const itemHref = hrefOf(first(body, 'a[href*="/item/"]'), url);
  const qtyEl = first(body, '.order-item-content-info-number-quantity');
  const numberEl = first(body, '.order-item-content-info-number');
  return {
    // At most 30 digits, as saveDomList accepts.
    productId: itemHref ? (/\/item\/(\d{1,30})\.html/.exec(itemHref)?.[1] ?? null) : null,
    title: cut(titled?.getAttribute('title')?.trim() || textOf(first(body, '.order-item-content-info-name'))),
    variant: cut(textOf(first(body, '.order-item-content-info-sku'))),
    quantity: cut(textOf(qtyEl)),
    price: cut(numberEl ? priceTextOf(numberEl).replace(textOf(qtyEl), '').trim() : ''),
    image: link(backgroundUrl(first(body, '.order-item-content-img'), url) ?? srcOf(first(body, 'img'), url)),
  };
}

/**
 * The list script's page reader (lib/content/page-session.ts): a login or verification page is a
 * failure that says so, like `makePageReader`'s; never throws.
 */
export function readListPage(
  _kind: string,
  doc: Document,
  url: URL,
): { ok: true; listTexts: ListCardTexts[] } | { ok: false; failure: { problem: string } } {
  const blocked = detectBlockedPage(doc, url);
  if (blocked === 'login') return failure('AliExpress shows a login page instead of the expected page');
  if (blocked === 'captcha')
    return failure('AliExpress shows a verification (slider/captcha) page instead of the expected page');
  try {
    const texts = extractOrderList(doc, url);
    return texts.ok ? { ok: true, listTexts: texts.cards } : failure(texts.problem);
  } catch (e) {
    return failure(`order_list stopped on an unexpected shape (${e instanceof Error ? e.name : typeof e})`);
  }
}

function failure(problem: string): { ok: false; failure: { problem: string } } {
  return { ok: false, failure: { problem } };
}
