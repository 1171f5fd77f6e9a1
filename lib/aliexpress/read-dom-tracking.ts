import type { OrderObservation, PackageObservation, ReadResult, TrackingEvent } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { findCouponIfLate, findProtection } from './deadline-texts';
import { all, blockLines, first, textOf } from './dom';
import { parseMonthDayNear } from './i18n-dates';
import { fail, ok } from './result';

/**
 * The tracking page DOM (`/p/tracking/index.html?tradeOrderId=`), 2025–2026 generation with
 * hashed CSS-module classes, so only the stable part is matched: `logistic-info-v2--mailNoValue`,
 * `--carrierValue`/`--carrierTitle`, `--nodeTitle`, `--nodeDesc`, `--nodeTime`, ETA
 * `arrival-time-v2--title` "Delivery: Apr. 24 - May. 14" (RonenMars/ali-sum
 * apps/extension/content/scraper.ts; [unattributed] Coucou; reference §2.3). The DOM carries no
 * tracking codes, so "delivered" is read from the latest node's title words (less trusted than
 * the JSON codes; the store prefers JSON). Receiver blocks are never read.
 */
const DELIVERED_TITLE =
  /^(delivered|entregue|entregado|livr[ée]|zugestellt|consegnato|dostarczon[oa]|bezorgd|geleverd|доставлен|вручен|배송 ?완료|配達完了|配達済み|teslim edildi|נמסר|تم التسليم)/i;

export function readDomTracking(doc: Document, url: URL, ctx: ReadContext): ReadResult {
  const orderId = url.searchParams.get('tradeOrderId');
  if (orderId === null || !/^\d{8,22}$/.test(orderId))
    return fail('no tradeOrderId in the tracking page URL');
  const numbers = all(doc, '[class*="logistic-info-v2--mailNoValue"]');
  const lines = blockLines(doc);
  const packages: PackageObservation[] = [];
  numbers.forEach((numEl, i) => {
    const trackingNumber = textOf(numEl).replace(/\s+/g, '');
    if (!/^[A-Z0-9-]{6,40}$/i.test(trackingNumber)) return;
    // Each package block holds its own number, carrier and latest node; fall back to the page.
    const block = numEl.closest('[class*="logistic-info-v2--"][class*="wrap"], [class*="package"]') ?? doc;
    const pick = (part: string) =>
      textOf(all(block, `[class*="logistic-info-v2--${part}"]`)[block === doc ? i : 0]);
    const title = pick('nodeTitle');
    const desc = pick('nodeDesc');
    const event: TrackingEvent = {
      at: null,
      code: null,
      stage: null,
      text: title && desc ? `${title}: ${desc}` : title || desc,
    };
    packages.push({
      orderId,
      trackingNumber,
      originNumber: null,
      carrier: pick('carrierValue') || pick('carrierTitle') || null,
      eta: etaOf(textOf(first(doc, '[class*="arrival-time-v2--title"]')), ctx),
      delivered: DELIVERED_TITLE.test(title),
      deliveredAt: null,
      events: event.text ? [event] : [],
    });
  });
  const orders: OrderObservation[] = [];
  const protection = findProtection(lines, ctx.lang);
  const coupon = findCouponIfLate(lines, ctx.lang);
  if (protection || coupon) {
    const o: OrderObservation = { id: orderId };
    if (protection) o.protection = { endsOn: protection.on, text: protection.text };
    if (coupon) o.couponIfLateOn = coupon.on;
    orders.push(o);
  }
  if (packages.length === 0 && orders.length === 0) {
    return fail(
      'no logistic-info-v2--mailNoValue and no protection text on the tracking page (not rendered yet, or redesigned)',
    );
  }
  return ok({ orders, packages });
}

/** "Delivery: Apr. 24 - May. 14" → {from, to}, years placed nearest the moment of reading. */
function etaOf(text: string, ctx: ReadContext): PackageObservation['eta'] {
  if (!text) return null;
  const body = text.replace(/^[^:：]*[:：]/, '');
  const [a = '', b] = body.split(/\s[-–~]\s|\s?[-–~]\s?(?=\D)/);
  const from = parseMonthDayNear(a, ctx.seenAt, ctx.lang);
  // "Sep 21 - 26": the second half may be a bare day in the first half's month.
  const to = b
    ? (parseMonthDayNear(b, ctx.seenAt, ctx.lang) ??
      (from && /^\s*\d{1,2}\s*$/.test(b) ? `${from.slice(0, 8)}${b.trim().padStart(2, '0')}` : null))
    : from;
  return from || to ? { from, to } : null;
}
