import type { OrderObservation, PackageObservation, ReadResult, TrackingEvent } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { findCouponIfLate, findProtection } from './deadline-texts';
import { at, isRecord, type JsonRecord, plainText, records, str } from './json';
import { epochToInstant } from './pacific-time';
import { fail, ok } from './result';
import { isDeliveredCode } from './tracking-codes';

/**
 * `mtop.ae.ld.querydetail` → packages and the protection text. Shape: maxwellmezadre/
 * aliexpress-mcp test/fixtures/logistics-querydetail.json and src/ae/types.ts; luftaquila/
 * parcel-deck docs/ALIEXPRESS_MTOP.md. `logisticsReceiverInfo` (name, address, phone) and
 * `detailedLocation` (may hold city or recipient names) are deliberately never read.
 *
 * The body does not repeat the order id: it comes from the request's `data=` parameter
 * (`tradeOrderId`), else from `etaInfo.tipsLink` (…pop-text.html?tradeOrderId=…, same fixture).
 */
export function readTracking(body: unknown, ctx: ReadContext): ReadResult {
  const module = at(body, 'data', 'module');
  const lines = records(at(module, 'trackingDetailLineList'));
  if (lines.length === 0 && !isRecord(at(module, 'fastDeliveryInfoDTO'))) {
    return fail('no data.module.trackingDetailLineList: the tracking format changed or this is another API');
  }
  const orderId = orderIdFromRequest(ctx.requestUrl) ?? orderIdFromTips(lines);
  if (orderId === null)
    return fail('the tracking body names no order id (no tradeOrderId in the request or tipsLink)');
  const packages = lines.map((l) => packageOf(l, orderId)).filter((p): p is PackageObservation => p !== null);

  const orders: OrderObservation[] = [];
  const fd = at(module, 'fastDeliveryInfoDTO');
  const texts = records([fd]).flatMap((f) =>
    Array.isArray(f.fdContentList) ? f.fdContentList.map((t) => plainText(t)) : [plainText(f.fdContent)],
  );
  const protection = findProtection(texts, ctx.lang);
  const coupon = findCouponIfLate(texts, ctx.lang);
  if (protection || coupon) {
    const o: OrderObservation = { id: orderId };
    if (protection) o.protection = { endsOn: protection.on, text: protection.text };
    if (coupon) o.couponIfLateOn = coupon.on;
    orders.push(o);
  }
  if (packages.length === 0 && orders.length === 0)
    return fail('no package with a tracking number and no protection text');
  return ok({ orders, packages });
}

/** `…/h5/mtop.ae.ld.querydetail/1.0/?…&data={"tradeOrderId":"…"}` → the id. */
export function orderIdFromRequest(requestUrl: string | undefined): string | null {
  if (!requestUrl) return null;
  try {
    const u = new URL(requestUrl);
    const direct = u.searchParams.get('tradeOrderId') ?? u.searchParams.get('orderId');
    if (direct && /^\d+$/.test(direct)) return direct;
    const data = u.searchParams.get('data');
    const m = data ? /"(?:tradeOrderId|orderId)"\s*:\s*"?(\d+)"?/.exec(data) : null;
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}

function orderIdFromTips(lines: JsonRecord[]): string | null {
  for (const l of lines) {
    const link = str(at(l, 'etaInfo', 'tipsLink'));
    const m = link ? /[?&]tradeOrderId=(\d+)/.exec(link) : null;
    if (m?.[1]) return m[1];
  }
  return null;
}

function eventOf(e: JsonRecord): TrackingEvent {
  const name = plainText(e.trackingName);
  const desc = plainText(e.trackingDetailDesc);
  return {
    // NB: in the real fixture these epochs were scrambled by the anonymiser; live ones are not.
    at: epochToInstant(e.time),
    code: str(e.trackingPrimaryCode) ?? str(e.trackingSecondCode),
    stage: str(e.fulfillStage),
    text: name && desc ? `${name}: ${desc}` : (name ?? desc ?? ''),
  };
}

function dateOf(epoch: unknown): string | null {
  // ETA epochs are shown as calendar dates; the UTC date is used (an estimate, not a deadline).
  return epochToInstant(epoch)?.slice(0, 10) ?? null;
}

/**
 * One `trackingDetailLineList[]` entry (or a detail `packageInfoList[]` entry, which names its
 * number `trackingNumber`) → PackageObservation, or null without any number.
 */
export function packageOf(line: JsonRecord, orderId: string): PackageObservation | null {
  const mailNo = line.blockMailNo === true ? null : (str(line.mailNo) ?? str(line.trackingNumber));
  const originMailNo = str(line.originMailNo);
  const trackingNumber = mailNo ?? originMailNo;
  if (trackingNumber === null) return null;
  const rawEvents = records(line.detailList);
  const events = rawEvents.map(eventOf);
  const signed = rawEvents.find(
    (e) => isDeliveredCode(str(e.trackingPrimaryCode)) || isDeliveredCode(str(e.trackingSecondCode)),
  );
  const begin = dateOf(at(line, 'etaInfo', 'beginEtaTime'));
  const end = dateOf(at(line, 'etaInfo', 'endEtaTime'));
  return {
    orderId,
    trackingNumber,
    originNumber: originMailNo !== null && originMailNo !== trackingNumber ? originMailNo : null,
    carrier:
      str(at(line, 'logisticsCpInfo', 'cpName')) ?? str(line.logisticsCarrierName) ?? str(line.carrierName),
    eta: begin || end ? { from: begin, to: end } : null,
    delivered: signed !== undefined,
    deliveredAt: signed ? epochToInstant(signed.time) : null,
    events,
  };
}
