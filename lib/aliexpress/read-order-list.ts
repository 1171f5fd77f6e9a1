import type { OrderObservation, ReadResult } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { parseDisplayDate } from './i18n-dates';
import { absoluteUrl, at, type JsonRecord, records, str } from './json';
import { lineOf, priceOf, tagsOf } from './order-parts';
import { fail, ok } from './result';
import { statusFromCode, statusFromText } from './status-words';
import { componentsByTag } from './ultron';

/**
 * `mtop.aliexpress.trade.buyer.order.list` → one OrderObservation per `pc_om_list_order`
 * component, in display order. Fields: maxwellmezadre/aliexpress-mcp docs/INTERNAL-API.md and
 * test/fixtures/order-list-init.json; numeric status in `utParams.args.orderStatus`
 * (luftaquila/parcel-deck docs/ALIEXPRESS_MTOP.md). Tracking numbers are not in this payload.
 */
export function readOrderList(body: unknown, ctx: ReadContext): ReadResult {
  const components = componentsByTag(body, 'pc_om_list_order');
  const orders = components
    .map((c) => orderOf(c.fields, c.id, ctx))
    .filter((o): o is OrderObservation => o !== null);
  if (orders.length > 0) return ok({ orders });
  if (components.length > 0)
    return fail(`${components.length} pc_om_list_order components but none had an orderId`);
  // An empty tab still has its list body; without it this is not the list we know.
  if (componentsByTag(body, 'pc_om_list_body').length > 0) return ok({});
  return fail(
    'no pc_om_list_order or pc_om_list_body component: the order list format changed or this is another API',
  );
}

function orderOf(f: JsonRecord, componentId: string | null, ctx: ReadContext): OrderObservation | null {
  const id = str(f.orderId) ?? (componentId && /^\d{8,}$/.test(componentId) ? componentId : null);
  if (id === null || !/^\d+$/.test(id)) return null;
  const o: OrderObservation = { id };
  const statusText = str(f.statusText);
  const status = statusFromCode(at(f, 'utParams', 'args', 'orderStatus')) ?? statusFromText(statusText);
  if (status !== 'unknown') o.status = status;
  if (statusText !== null) o.statusText = statusText;
  const placed = typeof f.orderDateText === 'string' ? parseDisplayDate(f.orderDateText, ctx.lang) : null;
  if (placed) o.placedOn = placed;
  const storeName = str(f.storeName);
  if (storeName) o.store = { name: storeName, url: absoluteUrl(f.storePageUrl) };
  const total = priceOf(f.formatPriceInfo, f.totalPriceText, f.currencyCode, ctx.lang);
  if (total) o.total = total;
  const rawLines = records(f.orderLines);
  const lines = rawLines.map((l) => lineOf(l, f.currencyCode, ctx.lang)).filter((l) => l !== null);
  if (lines.length > 0) o.lines = lines;
  const tags = tagsOf(rawLines.map((l) => l.itemTags));
  if (tags.length > 0) o.tags = tags;
  return o;
}
