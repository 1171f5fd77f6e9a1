import type { DisputeObservation, ReadResult, RefundObservation } from '@/lib/schema/model';
import type { ReadContext } from './context';
import { at, type JsonRecord, records, str } from './json';
import { stepInstant } from './pacific-time';
import { fail, ok } from './result';
import { disputeStatusOf, kindOf, reverseMoney, times } from './reverse-parts';

/**
 * `mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer` → one dispute and one refund
 * per `data.module.items[].reverseOrderLines[]` (maxwellmezadre/aliexpress-mcp
 * test/fixtures/refund-list.json). `module.pages` can be 0 with results: lines are counted,
 * not pages (reference §3.2).
 *
 * Times: the epoch (`gmtCreate`, `gmtModified`) when it agrees with its `…Format` text, else the
 * text read as US Pacific time (pacific-time.ts; the real fixture's epochs are scrambled).
 *
 * Amount: `itemUnitPrice.cent` × `itemCount` — the value of the items in the case. It is not
 * necessarily the money returned (coupons, shipping); the detail API
 * (`reverseOrderLineRenderForBuyer`) gives the refunded amount and wins when seen.
 */
export function readRefundList(body: unknown, ctx: ReadContext): ReadResult {
  const module = at(body, 'data', 'module');
  const items = at(module, 'items');
  if (!Array.isArray(items))
    return fail('no data.module.items: the refund list format changed or this is another API');
  const disputes: DisputeObservation[] = [];
  const refunds: RefundObservation[] = [];
  let lines = 0;
  for (const item of records(items)) {
    for (const line of records(item.reverseOrderLines)) {
      lines++;
      const read = lineOf(line, ctx);
      if (!read) continue;
      disputes.push(read.dispute);
      refunds.push(read.refund);
    }
  }
  if (lines > 0 && disputes.length === 0)
    return fail(`${lines} reverseOrderLines but none had reverseOrderLineId and tradeOrderId`);
  const whole = listsAllCases(module, lines, ctx.requestUrl);
  return ok({ disputes, refunds, ...(whole ? { listsAllCases: true } : {}) });
}

/**
 * Whether this answer is the buyer's whole history of cases, so a case it does not show no
 * longer exists (lib/store/merge.ts `OWNED_BY`): the first page of the unfiltered list
 * (`reverseStatus` 1 = all history, no order or store filter, reference §3.2) holding every
 * line its `total` counts.
 */
function listsAllCases(module: unknown, lines: number, requestUrl: string | undefined): boolean {
  const total = at(module, 'total');
  const pageNum = at(module, 'pageNum');
  if (typeof total !== 'number' || total !== lines || (pageNum !== undefined && pageNum !== 1)) return false;
  try {
    const raw = requestUrl ? new URL(requestUrl).searchParams.get('data') : null;
    const data: unknown = raw ? JSON.parse(raw) : null;
    if (typeof data !== 'object' || data === null) return false;
    const d = data as Record<string, unknown>;
    return Number(d.reverseStatus) === 1 && Number(d.pageNo ?? 1) === 1 && !d.tradeOrderId && !d.shopName;
  } catch {
    return false;
  }
}

const NO_MONEY =
  /cancel|withdr|reject|declin|annul|storn|отмен|отклон|취소|거절|キャンセル|却下|iptal|reddedil|בוטל|נדח|ملغ|رفض/i;

function lineOf(
  line: JsonRecord,
  ctx: ReadContext,
): { dispute: DisputeObservation; refund: RefundObservation } | null {
  const id = str(line.reverseOrderLineId);
  const orderId = str(line.tradeOrderId);
  if (id === null || orderId === null) return null;
  const lineId = str(line.tradeOrderLineId);
  const statusText = str(line.reverseStatusText);
  const status = disputeStatusOf(line.reverseStatus, statusText);
  const amount = times(
    reverseMoney(at(line, 'aeItemDTO', 'itemUnitPrice'), ctx.lang),
    at(line, 'aeItemDTO', 'itemCount'),
  );
  const updatedAt = stepInstant(line, 'gmtModified');
  const dispute: DisputeObservation = {
    id,
    orderId,
    lineId,
    kind: kindOf(line.reverseType),
    status,
    statusText: statusText ?? '',
    openedAt: stepInstant(line, 'gmtCreate'),
    updatedAt,
    closedAt: status === 'closed' ? updatedAt : null,
    reason: str(line.reverseReasonText) ?? str(at(line, 'applyReason', 'reasonName')),
    solution: str(line.solutionTypeText),
    amount,
    sellerProposal: null,
    platformProposal: null,
    returnAgreedOn: null,
    returnShippedOn: null,
  };
  // A completed case (reverseStatus 4) is treated as a processed refund, an open one as pending —
  // unless its text says it was cancelled or rejected, which ends a case without money.
  const ended = status === 'closed' && !(statusText && NO_MONEY.test(statusText));
  const refund: RefundObservation = {
    id,
    orderId,
    lineId,
    disputeId: id,
    amount,
    status: ended ? 'processed' : status === 'open' ? 'pending' : 'unknown',
    statusText,
    processedOn: null,
    // The case's last change is when it completed; its day is the buyer's (the rules' zone).
    processedAt: ended ? updatedAt : null,
    arn: null,
    method: null,
  };
  return { dispute, refund };
}
