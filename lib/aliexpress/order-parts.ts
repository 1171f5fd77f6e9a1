import type { Money, OrderLine, OrderTag } from '@/lib/schema/model';
import { ORDER_TAGS } from '@/lib/schema/model';
import { absoluteUrl, type JsonRecord, num, plainText, records, str } from './json';
import { moneyFromFormatPriceInfo, parsePrice } from './money';

/**
 * Pieces shared by the order list and detail readers (`pc_om_list_order.fields.orderLines[]` and
 * `detail_product_block.fields.productVOList[]` have the same line shape — maxwellmezadre
 * test/fixtures/order-list-init.json, order-detail.json).
 */

/** Exact money from `formatPriceInfo`, else from the display text. */
export function priceOf(
  formatPriceInfo: unknown,
  display: unknown,
  currency: unknown,
  lang?: string,
): Money | null {
  const exact = moneyFromFormatPriceInfo(formatPriceInfo, currency);
  if (exact) return exact;
  const text = str(display);
  if (text === null) return null;
  const cur = str(currency) ?? undefined;
  const parsed = parsePrice(text, { lang, currency: cur });
  // A display text in another currency than the one the body names is not trusted.
  return parsed && (cur === undefined || parsed.currency === cur) ? parsed : null;
}

/** "Color: HDMI-compatible 2.1; Length: 2m" from `skuAttrs[] {name, text}`. */
function variantOf(line: JsonRecord): string | null {
  const parts = records(line.skuAttrs)
    .map((a) => {
      const name = str(a.name);
      const value = str(a.text);
      return name && value ? `${name}: ${value}` : (value ?? name);
    })
    .filter((p): p is string => p !== null);
  if (parts.length > 0) return parts.join('; ');
  return str(line.skuDesc) ?? str(line.skuAttr);
}

export function lineOf(line: JsonRecord, fallbackCurrency: unknown, lang?: string): OrderLine | null {
  const id = str(line.orderLineId) ?? str(line.tradeOrderLineId);
  if (id === null) return null;
  const quantity = num(line.quantity);
  return {
    id,
    title: plainText(line.itemTitle) ?? '',
    variant: variantOf(line),
    // 0 = not shown or unreadable: the merge then keeps a quantity it knew (lib/store/merge.ts).
    quantity: quantity !== null && quantity > 0 ? quantity : 0,
    unitPrice: priceOf(line.formatPriceInfo, line.itemPriceText, line.currencyCode ?? fallbackCurrency, lang),
    imageUrl: absoluteUrl(line.itemImgUrl),
    productId: str(line.productId),
  };
}

/**
 * `itemTags[].type` LOCAL_FREE_RETURN / DELIVERY_GUARANTEE (list), and rich-text-only tags
 * ("Fast delivery", detail) — maxwellmezadre fixtures. Unknown tags are ignored.
 */
function tagFromLabel(type: string | null, label: string | null): OrderTag | null {
  const t = (type ?? '').toUpperCase();
  if (t.includes('FREE_RETURN')) return 'free_return';
  if (t.includes('DELIVERY_GUARANTEE')) return 'delivery_guarantee';
  if (t.includes('FAST_DELIVERY')) return 'fast_delivery';
  const l = (label ?? '').toLowerCase();
  if (
    /free returns?|devolu[cç][aãi]on(es)? gratis|devolu[cç][õo]es gr[aá]tis|retours? gratuits?|kostenlose r[üu]ckgabe|resi gratuit|darmowe zwroty|gratis retour|бесплатн\S* возврат|무료 반품|無料返品|ücretsiz iade|החזרה חינם|إرجاع مجاني/.test(
      l,
    )
  ) {
    return 'free_return';
  }
  if (
    /delivery guarantee|garant[ií]a de entrega|garantia de entrega|garantie de livraison|liefergarantie|garanzia di consegna|gwarancja dostawy|leveringsgarantie|гарантия доставки|배송 보장|配達保証|teslimat garantisi|הבטחת משלוח|ضمان التوصيل/.test(
      l,
    )
  ) {
    return 'delivery_guarantee';
  }
  if (
    /fast delivery|entrega r[aá]pida|livraison rapide|schnelle lieferung|consegna rapida|szybka dostawa|snelle levering|быстрая доставка|빠른 배송|高速配達|hızlı teslimat|משלוח מהיר|توصيل سريع/.test(
      l,
    )
  ) {
    return 'fast_delivery';
  }
  return null;
}

export function tagsOf(
  tagLists: ReadonlyArray<unknown>,
  labels: ReadonlyArray<string | null> = [],
): OrderTag[] {
  const found = new Set<OrderTag>();
  for (const list of tagLists) {
    for (const tag of records(list)) {
      const t = tagFromLabel(str(tag.type), plainText(tag.richText) ?? plainText(tag.text));
      if (t) found.add(t);
    }
  }
  for (const label of labels) {
    const t = tagFromLabel(null, label);
    if (t) found.add(t);
  }
  return ORDER_TAGS.filter((t) => found.has(t));
}
