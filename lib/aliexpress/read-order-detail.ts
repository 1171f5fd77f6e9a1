import type { OrderObservation, PackageObservation, ReadResult } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { findCouponIfLate, findProtection } from './deadline-texts';
import { parseDisplayDate } from './i18n-dates';
import { absoluteUrl, at, idOf, type JsonRecord, plainText, records, str } from './json';
import { lineOf, priceOf, tagsOf } from './order-parts';
import { packageOf } from './read-tracking';
import { fail, ok } from './result';
import { statusFromCode, statusFromText } from './status-words';
import { firstFields } from './ultron';

/**
 * `mtop.aliexpress.trade.buyer.order.detail` → one OrderObservation (+ packages when the
 * `detail_logistic_package_block` is present). Component tags and fields: maxwellmezadre/
 * aliexpress-mcp docs/INTERNAL-API.md and test/fixtures/order-detail.json; the logistics block
 * only appears with `channel:"tracking"` ([unattributed] Android importer, reference §3.4).
 * `addressVO` (name, phone, address) is deliberately never read.
 */
export function readOrderDetail(body: unknown, ctx: ReadContext, raw: string | null): ReadResult {
  const info = firstFields(body, 'detail_simple_order_info_component');
  const statusBlock = firstFields(body, 'detail_order_status_block');
  const id =
    idOf(info?.tradeOrderId, raw, 'tradeOrderId') ?? idOf(statusBlock?.orderId, raw, 'orderId') ?? null;
  if (id === null) {
    return fail('no order id in detail_simple_order_info_component or detail_order_status_block');
  }
  const lang = ctx.lang;
  const o: OrderObservation = { id };

  const statusText = str(statusBlock?.title);
  const status = statusFromCode(at(body, 'data', 'global', 'orderStatus')) ?? statusFromText(statusText);
  if (status !== 'unknown') o.status = status;
  if (statusText) o.statusText = statusText;
  const reminder = plainText(statusBlock?.reminder);
  if (reminder) o.reminderText = reminder;

  const dates: Array<[keyof OrderObservation, unknown]> = [
    ['placedOn', info?.orderCreatTime],
    ['paidOn', info?.payTime],
    ['shippedOn', info?.orderShipTime],
    ['completedOn', info?.orderEndTime],
  ];
  for (const [key, value] of dates) {
    const d = typeof value === 'string' ? parseDisplayDate(value, lang) : null;
    if (d && (key === 'placedOn' || key === 'paidOn' || key === 'shippedOn' || key === 'completedOn'))
      o[key] = d;
  }
  const payment = str(info?.paymentMethod);
  if (payment) o.paymentMethod = payment;

  const products = firstFields(body, 'detail_product_block');
  const seller = products?.sellerVO;
  const sellerName = str(at(seller, 'sellerName'));
  if (sellerName) o.store = { name: sellerName, url: absoluteUrl(at(seller, 'storeUrl')) };

  const price = firstFields(body, 'detail_order_price_block');
  const totalPrice = price?.totalPrice;
  const total = priceOf(
    at(totalPrice, 'formatPriceInfo'),
    at(totalPrice, 'value'),
    at(totalPrice, 'currencyCode'),
    lang,
  );
  if (total) o.total = total;

  const productList = records(products?.productVOList);
  const currency = at(totalPrice, 'currencyCode');
  const lines = productList.map((p) => lineOf(p, currency, lang)).filter((l) => l !== null);
  if (lines.length > 0) o.lines = lines;

  const services = records(firstFields(body, 'detail_order_services')?.data);
  const tags = tagsOf(
    productList.map((p) => p.itemTags),
    services.map((s) => str(s.title)),
  );
  if (tags.length > 0) o.tags = tags;

  const promised = productList
    .map((p) => str(at(p, 'etaAndTrack', 'expectDeliveryDateTitle')))
    .map((t) => (t ? parseDisplayDate(t, lang) : null))
    .find((d) => d !== null);
  if (promised) o.promisedDeliveryOn = promised;

  readDeadlines(o, services, firstFields(body, 'detail_service_progress_bar'), lang);

  const packages = readPackages(body, id);
  return ok({ orders: [o], packages });
}

function readDeadlines(
  o: OrderObservation,
  services: JsonRecord[],
  progress: JsonRecord | null,
  lang: string | undefined,
): void {
  const texts = services.map((s) => str(s.content));
  const progressTexts = [str(progress?.text), ...records(progress?.nodes).map((n) => nodeText(n))];
  const protection = findProtection(texts, lang) ?? findProtection(progressTexts, lang);
  if (protection) o.protection = { endsOn: protection.on, text: protection.text };
  const coupon = findCouponIfLate(texts, lang) ?? findCouponIfLate(progressTexts, lang);
  if (coupon) o.couponIfLateOn = coupon.on;
}

/** Progress-bar nodes are {text: "Refund", time: "Sep 4, 2026"}: read them as one sentence. */
function nodeText(n: JsonRecord): string | null {
  const text = str(n.text);
  const time = str(n.time);
  return text && time ? `${text} ${time}` : null;
}

function readPackages(body: unknown, orderId: string): PackageObservation[] {
  const block = firstFields(body, 'detail_logistic_package_block');
  return records(block?.packageInfoList)
    .map((p) => packageOf(p, orderId))
    .filter((p): p is PackageObservation => p !== null);
}
