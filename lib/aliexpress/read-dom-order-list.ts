import type { OrderLine, OrderObservation, ReadResult } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { afterLabel } from './dom';
import { extractOrderList, type ListCardTexts, type ListLineTexts } from './dom-list-extract';
import { parseDisplayDate } from './i18n-dates';
import { parsePrice } from './money';
import { tagsOf } from './order-parts';
import { fail, ok } from './result';
import { statusFromText } from './status-words';

export { orderIdOfCard } from './dom-list-extract';

/**
 * The order list DOM (`/p/order/index.html`), for when its JSON was not seen (the first page may
 * be server-rendered). The page takes each card's texts (lib/aliexpress/dom-list-extract.ts, the
 * only part that runs in AliExpress pages); this reads them. The DOM has no order-line ids: a
 * line is keyed by its product id (or `<orderId>#<n>`); JSON lines win in the store.
 */
export function readDomOrderList(doc: Document, url: URL, ctx: ReadContext): ReadResult {
  const texts = extractOrderList(doc, url);
  return texts.ok ? readOrderListTexts(texts.cards, ctx) : fail(texts.problem);
}

/** The observations of the cards' texts (in the worker, for the page's `saveDomList`). */
export function readOrderListTexts(cards: readonly ListCardTexts[], ctx: ReadContext): ReadResult {
  if (cards.length === 0) return fail('no order list card with an order id');
  return ok({ orders: cards.map((c) => cardOf(c, ctx)) });
}

function cardOf(card: ListCardTexts, ctx: ReadContext): OrderObservation {
  const { id } = card;
  const o: OrderObservation = { id };
  if (card.status) {
    o.statusText = card.status;
    const status = statusFromText(card.status);
    if (status !== 'unknown') o.status = status;
  }
  for (const t of card.dates) {
    const d = t ? parseDisplayDate(t, ctx.lang) : null;
    if (d) {
      o.placedOn = d;
      break;
    }
  }
  if (card.store) o.store = { name: card.store, url: card.storeUrl };
  const total = card.total
    ? parsePrice(afterLabel(card.total), { lang: ctx.lang, currency: ctx.currency })
    : null;
  if (total) o.total = total;
  const lines = card.lines.map((l, i) => lineOf(l, id, i, ctx));
  if (lines.length > 0) o.lines = lines;
  const tags = tagsOf([], card.tags);
  if (tags.length > 0) o.tags = tags;
  return o;
}

function lineOf(line: ListLineTexts, orderId: string, index: number, ctx: ReadContext): OrderLine {
  const qty = /(\d+)/.exec(line.quantity)?.[1];
  return {
    id: line.productId ?? `${orderId}:${index}`,
    title: line.title,
    variant: line.variant || null,
    quantity: qty ? Number(qty) : 0,
    unitPrice: line.price ? parsePrice(line.price, { lang: ctx.lang, currency: ctx.currency }) : null,
    imageUrl: line.image,
    productId: line.productId,
  };
}
