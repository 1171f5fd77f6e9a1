import type { OrderObservation, ReadResult } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { findCouponIfLate, findProtection } from './deadline-texts';
import {
  afterLabel,
  all,
  blockLines,
  first,
  firstOf,
  hrefOf,
  orderIdFromLinks,
  priceTextOf,
  textOf,
} from './dom';
import { LABELS } from './dom-labels';
import { parseDisplayDate } from './i18n-dates';
import { parsePrice } from './money';
import { tagsOf } from './order-parts';
import { fail, ok } from './result';
import { statusFromText } from './status-words';

/**
 * The order detail DOM (`/p/order/detail.html?orderId=`), a fallback for the detail JSON.
 * Selectors: status `.order-status-content, .order-status` (2025/26, [unattributed] Coucou) or
 * `.order-block-title` (2022, chriskomus order-detail-download.js); info rows `div.info-row`
 * (chriskomus; Kagee); price rows `div.order-price-item` (Kagee); store `.store-name` /
 * `.order-detail-item-store` (reference §2.2). Rows are matched by their localised label.
 * The contact/address block (`.order-detail-info-item`) is deliberately never read.
 */
export function readDomOrderDetail(doc: Document, url: URL, ctx: ReadContext): ReadResult {
  const id = url.searchParams.get('orderId') ?? orderIdFromLinks(doc);
  if (id === null || !/^\d{8,22}$/.test(id)) return fail('no orderId in the detail page URL');
  const statusEl = firstOf(doc, [
    '.order-status-title',
    '.order-block-title',
    '.order-status-content',
    '.order-status',
  ]);
  const statusText = textOf(statusEl);
  if (!statusText && !first(doc, '.info-row, .order-price-item, .order-detail-item')) {
    return fail('no status, info rows or items on the order detail page (not rendered yet, or redesigned)');
  }
  const lang = ctx.lang;
  const o: OrderObservation = { id };
  if (statusText) {
    o.statusText = statusText;
    const status = statusFromText(statusText);
    if (status !== 'unknown') o.status = status;
  }
  const reminder = textOf(first(doc, '.order-reminder, .order-status-reminder, [class*="status-reminder"]'));
  if (reminder) o.reminderText = reminder;

  const rows = all(doc, '.info-row, .order-detail-order-info .info-item').map(textOf);
  for (const row of rows) {
    if (LABELS.payment.test(row)) {
      const method = afterLabel(row);
      if (method) o.paymentMethod = method;
      continue;
    }
    const date = parseDisplayDate(afterLabel(row), lang);
    if (!date) continue;
    // "Shipment completed on" before "Order completed on": both say "completed".
    if (LABELS.shipped.test(row)) o.shippedOn ??= date;
    else if (LABELS.completed.test(row)) o.completedOn ??= date;
    else if (LABELS.paid.test(row)) o.paidOn ??= date;
    else if (LABELS.placed.test(row)) o.placedOn ??= date;
  }

  const storeEl = firstOf(doc, [
    '.order-detail-item-store a',
    '.store-name a',
    '.order-detail-item-store',
    '.store-name',
  ]);
  const storeName = textOf(storeEl);
  if (storeName) o.store = { name: storeName, url: hrefOf(storeEl?.closest('a') ?? storeEl, url) };

  for (const row of all(doc, '.order-price-item')) {
    const label = textOf(first(row, '.left-col'));
    if (!LABELS.total.test(label)) continue;
    const total = parsePrice(priceTextOf(first(row, '.right-col')), { lang, currency: ctx.currency });
    if (total) o.total = total;
  }

  const lines = blockLines(doc);
  const estimated = lines.find((l) => LABELS.estimated.test(l));
  const promised = estimated ? parseDisplayDate(afterLabel(estimated), lang) : null;
  if (promised) o.promisedDeliveryOn = promised;
  const protection = findProtection(lines, lang);
  if (protection) o.protection = { endsOn: protection.on, text: protection.text };
  const coupon = findCouponIfLate(lines, lang);
  if (coupon) o.couponIfLateOn = coupon.on;
  const tags = tagsOf(
    [],
    all(
      doc,
      '.order-detail-item [class*="tag"], [class*="service-title"], [class*="order-services"] [class*="title"]',
    ).map(textOf),
  );
  if (tags.length > 0) o.tags = tags;
  return ok({ orders: [o] });
}
