import type { OrderLine, OrderObservation, ReadResult } from '@/lib/schema/model';
import type { ReadContext } from './context';
import {
  afterLabel,
  all,
  backgroundUrl,
  first,
  hrefOf,
  orderIdFromLinks,
  priceTextOf,
  srcOf,
  textOf,
} from './dom';
import { parseDisplayDate } from './i18n-dates';
import { parsePrice } from './money';
import { tagsOf } from './order-parts';
import { fail, ok } from './result';
import { statusFromText } from './status-words';

/**
 * The order list DOM (`/p/order/index.html`), for when its JSON was not seen (the first page may
 * be server-rendered). Card structure stable 2022 → 2026 (reference §2.1: Kagee/webshop-order-
 * scraper, chriskomus/aliexpress-order-downloader, peter-tanner/AliExpress-Invoice-Downloader,
 * RonenMars/ali-sum, mcp-getgather aliexpress-orders.html). The DOM has no order-line ids: a line
 * is keyed by its product id (or `<orderId>#<n>`); JSON lines win in the store.
 */
export function readDomOrderList(doc: Document, url: URL, ctx: ReadContext): ReadResult {
  const cards = all(doc, '.order-item');
  if (cards.length === 0)
    return fail('no .order-item card on the order list page (not rendered yet, or redesigned)');
  const orders = cards.map((c) => cardOf(c, url, ctx)).filter((o): o is OrderObservation => o !== null);
  if (orders.length === 0) return fail(`${cards.length} .order-item cards but none showed an order id`);
  return ok({ orders });
}

function infoRowsOf(card: Element): Element[] {
  return all(card, '.order-item-header-right-info > div, .order-item-header-right-info span');
}

/** The order id of one `.order-item` card (also used to place the in-page badges). */
export function orderIdOfCard(card: Element): string | null {
  return orderIdFromLinks(card) ?? idFromInfo(infoRowsOf(card).map(textOf));
}

function cardOf(card: Element, url: URL, ctx: ReadContext): OrderObservation | null {
  const infoRows = infoRowsOf(card);
  const id = orderIdOfCard(card);
  if (id === null) return null;
  const o: OrderObservation = { id };
  const statusText = textOf(first(card, '.order-item-header-status-text'));
  if (statusText) {
    o.statusText = statusText;
    const status = statusFromText(statusText);
    if (status !== 'unknown') o.status = status;
  }
  const dateEl = first(card, '.order-item-header-date');
  for (const t of [textOf(dateEl), ...infoRows.map(textOf)]) {
    const d = t ? parseDisplayDate(t, ctx.lang) : null;
    if (d) {
      o.placedOn = d;
      break;
    }
  }
  const storeLink = first(card, '.order-item-store-name a, a.order-item-store-name, .order-item-store a');
  const storeName = textOf(storeLink ?? first(card, '.order-item-store-name'));
  if (storeName) o.store = { name: storeName, url: hrefOf(storeLink, url) };
  const totalText = priceTextOf(first(card, '.order-item-content-opt-price-total'));
  const total = totalText
    ? parsePrice(afterLabel(totalText), { lang: ctx.lang, currency: ctx.currency })
    : null;
  if (total) o.total = total;
  const lines = all(card, '.order-item-content-body').map((b, i) => lineOf(b, id, i, url, ctx));
  if (lines.length > 0) o.lines = lines;
  const tags = tagsOf([], all(card, '.order-item-tag, .order-item-content-info-tag span').map(textOf));
  if (tags.length > 0) o.tags = tags;
  return o;
}

/** "Order ID: 3041111111111111 Copy" (any language): the long digit run. */
function idFromInfo(texts: string[]): string | null {
  for (const t of texts) {
    const m = /(?<!\d)(\d{12,22})(?!\d)/.exec(t);
    if (m?.[1]) return m[1];
  }
  return null;
}

function lineOf(body: Element, orderId: string, index: number, url: URL, ctx: ReadContext): OrderLine {
  const nameEl = first(body, '.order-item-content-info-name');
  const titled = first(body, '.order-item-content-info-name [title]');
  const itemHref = hrefOf(first(body, 'a[href*="/item/"]'), url);
  const productId = itemHref ? (/\/item\/(\d+)\.html/.exec(itemHref)?.[1] ?? null) : null;
  const qtyEl = first(body, '.order-item-content-info-number-quantity');
  const qty = /(\d+)/.exec(textOf(qtyEl))?.[1];
  const numberEl = first(body, '.order-item-content-info-number');
  const priceText = numberEl ? priceTextOf(numberEl).replace(textOf(qtyEl), '').trim() : '';
  return {
    id: productId ?? `${orderId}:${index}`,
    title: titled?.getAttribute('title')?.trim() || textOf(nameEl),
    variant: textOf(first(body, '.order-item-content-info-sku')) || null,
    quantity: qty ? Number(qty) : 0,
    unitPrice: priceText ? parsePrice(priceText, { lang: ctx.lang, currency: ctx.currency }) : null,
    imageUrl: backgroundUrl(first(body, '.order-item-content-img'), url) ?? srcOf(first(body, 'img'), url),
    productId,
  };
}
