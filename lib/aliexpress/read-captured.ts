import type { CapturedApi, ReadResult } from '@/lib/schema/model';
import { parseBody } from './body';
import type { ReadContext } from './context';
import { mtopErrorCode, mtopProblem } from './mtop';
import { readOrderDetail } from './read-order-detail';
import { readOrderList } from './read-order-list';
import { readRefundDetail } from './read-refund-detail';
import { readRefundList } from './read-refund-list';
import { readTracking } from './read-tracking';
import { conformed, fail, guarded } from './result';

type JsonReader = (body: unknown, ctx: ReadContext, raw: string | null) => ReadResult;

/** One reader per captured API (lib/model.ts CAPTURED_APIS). */
const READERS: Record<CapturedApi, JsonReader> = {
  'mtop.aliexpress.trade.buyer.order.list': readOrderList,
  'mtop.aliexpress.trade.buyer.order.detail': readOrderDetail,
  'mtop.ae.ld.querydetail': readTracking,
  'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer': readRefundList,
  'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer': readRefundDetail,
};

/**
 * The one entry point for captured API bodies: JSON or JSONP text in, observations out. Never
 * throws; anything unreadable (too large, truncated, HTML, an MTOP error, a changed shape) is a
 * failure with a problem text that holds no body content.
 */
export const readCapturedBody = guarded(
  'readCapturedBody',
  (api: CapturedApi, bodyText: string, ctx: ReadContext): ReadResult => {
    const key = String(api).toLowerCase();
    const reader = Object.hasOwn(READERS, key) ? READERS[key as CapturedApi] : undefined;
    if (!reader) return fail(`no reader for API ${String(api).slice(0, 80)}`);
    const parsed = parseBody(bodyText);
    if (!parsed.ok) return fail(parsed.problem);
    const code = mtopErrorCode(parsed.json);
    if (code !== null) return fail(mtopProblem(code));
    return conformed(guarded(api, reader)(parsed.json, ctx, bodyText));
  },
);
