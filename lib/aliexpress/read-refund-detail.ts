import type { DisputeObservation, Proposal, ReadResult, RefundObservation } from '@/lib/schema/model';
import { arnFromJson, arnFromRaw } from './arn';
import type { ReadContext } from './context';
import { parseDisplayDate } from './i18n-dates';
import { at, isRecord, type JsonRecord, records, str } from './json';
import { aliexpressInstant, stepInstant } from './pacific-time';
import { fail, ok } from './result';
import { disputeStatusOf, kindOf, refundStatusOf, reverseMoney } from './reverse-parts';

/**
 * `mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer` → the case and its refund(s).
 * Field names from ElMagoCT/aliexpress-parcel-intelligence src/adapters/aliexpress.ts (observed
 * 2026-09-21, no public fixture): `reverseDetailStatusText`, `applyReason.reasonName`,
 * `gmtCreateTimestamp`, `reachSolution {refundMoney, solutionTypeText}`,
 * `reverseFinishInfo.refundInfo {refundDetails {cashMoney, totalMoney}, refundChannelDetails[]
 * {money, refundStatus, aeRefundFinishTime}, refundNewestStatus, refundNewestTime}`.
 *
 * NOT from any source (best effort, kept tolerant): the proposal objects (any key matching
 * /seller.*(solution|proposal)/ or /(platform|arbitrat).*(solution|proposal)/) and the ARN (see arn.ts).
 */
export function readRefundDetail(body: unknown, ctx: ReadContext, raw: string | null = null): ReadResult {
  const m = at(body, 'data', 'module');
  if (!isRecord(m)) return fail('no data.module in the refund detail');
  const id = str(m.reverseOrderLineId) ?? fromRequest(ctx.requestUrl, 'reverseOrderLineId');
  const orderId = str(m.tradeOrderId) ?? fromRequest(ctx.requestUrl, 'tradeOrderId');
  if (id === null || orderId === null)
    return fail('the refund detail names no reverseOrderLineId or tradeOrderId');
  const lineId = str(m.tradeOrderLineId) ?? fromRequest(ctx.requestUrl, 'tradeOrderLineId');
  const lang = ctx.lang;

  const statusText = str(m.reverseDetailStatusText) ?? str(m.reverseStatusText);
  const status = disputeStatusOf(m.reverseStatus, statusText);
  const reach = at(m, 'reachSolution');
  const openedAt = stepInstant(m, 'gmtCreate');
  const updatedAt = stepInstant(m, 'gmtModified');
  const dispute: DisputeObservation = {
    id,
    orderId,
    lineId,
    kind: kindOf(m.reverseType),
    status,
    statusText: statusText ?? '',
    openedAt,
    updatedAt,
    closedAt: status === 'closed' ? updatedAt : null,
    reason: str(at(m, 'applyReason', 'reasonName')),
    solution: str(at(reach, 'solutionTypeText')),
    amount: reverseMoney(at(reach, 'refundMoney'), lang),
    sellerProposal: proposalOf(m, /^seller.*(solution|proposal)/i, lang),
    platformProposal: proposalOf(m, /^(platform|arbitrat|ae).*(solution|proposal)/i, lang),
    returnAgreedOn: null,
    returnShippedOn: null,
  };
  const refunds = refundsOf(m, id, orderId, lineId, lang);
  // An ARN sent as a bare number is only in the text; with one refund it can only be its.
  const only = refunds.length === 1 ? refunds[0] : undefined;
  if (only && only.arn === null) only.arn = arnFromRaw(raw);
  return ok({ disputes: [dispute], refunds });
}

function proposalOf(m: JsonRecord, key: RegExp, lang: string | undefined): Proposal | null {
  for (const [k, v] of Object.entries(m)) {
    if (!key.test(k) || !isRecord(v)) continue;
    const amount = reverseMoney(v.refundMoney ?? v.money ?? v.amount, lang);
    const solution = str(v.solutionTypeText) ?? str(v.solutionText) ?? str(v.desc);
    if (amount || solution) return { amount, solution };
  }
  return null;
}

function refundsOf(
  m: JsonRecord,
  id: string,
  orderId: string,
  lineId: string | null,
  lang: string | undefined,
): RefundObservation[] {
  const info = at(m, 'reverseFinishInfo', 'refundInfo');
  if (!isRecord(info)) return [];
  const newestStatus = str(info.refundNewestStatus);
  const channels = records(info.refundChannelDetails);
  const base = { orderId, lineId, disputeId: id };
  if (channels.length === 0) {
    const amount =
      reverseMoney(at(info, 'refundDetails', 'cashMoney'), lang) ??
      reverseMoney(at(info, 'refundDetails', 'totalMoney'), lang);
    if (!amount && !newestStatus) return [];
    const status = refundStatusOf(newestStatus);
    return [
      {
        id,
        ...base,
        amount,
        status,
        statusText: newestStatus,
        ...processedOf(status === 'processed' ? info.refundNewestTime : null, lang),
        arn: arnFromJson(info),
        method: null,
      },
    ];
  }
  return channels.map((c, i) => {
    // `refundStatus`, `aeRefundFinishTime`: ElMagoCT. GUESS: `refundStatusDesc`/`statusText` and
    // `refundFinishTime`/`finishTime`/`gmtFinish`, the names AliExpress uses for a status text and
    // a finish time elsewhere (`…StatusText`, `gmt…`), in case the row is named so.
    const statusText =
      str(c.refundStatusText) ??
      str(c.refundStatusDesc) ??
      str(c.statusText) ??
      str(c.refundStatus) ??
      newestStatus;
    const status = refundStatusOf(statusText);
    const finished = c.aeRefundFinishTime ?? c.refundFinishTime ?? c.finishTime ?? c.gmtFinish;
    return {
      id: channels.length > 1 ? `${id}:${i}` : id,
      ...base,
      amount: reverseMoney(c.money ?? c.refundMoney, lang),
      status,
      statusText,
      ...processedOf(status === 'processed' ? (finished ?? info.refundNewestTime) : null, lang),
      arn: arnFromJson(c),
      method: str(c.refundChannelName) ?? str(c.channelName) ?? str(c.payMethodName) ?? str(c.refundChannel),
    };
  });
}

/**
 * A finish time: epoch ms or a Pacific-time stamp → the instant (its day is the buyer's, found by
 * the rules); only a display date ("Aug 2, 2026") → that bare calendar date.
 */
function processedOf(
  x: unknown,
  lang: string | undefined,
): Pick<RefundObservation, 'processedOn' | 'processedAt'> {
  const at = aliexpressInstant(x);
  if (at) return { processedOn: null, processedAt: at };
  return { processedOn: typeof x === 'string' ? parseDisplayDate(x, lang) : null, processedAt: null };
}

function fromRequest(requestUrl: string | undefined, key: string): string | null {
  if (!requestUrl) return null;
  try {
    const data = new URL(requestUrl).searchParams.get('data');
    const m = data ? new RegExp(`"${key}"\\s*:\\s*"?(\\d+)"?`).exec(data) : null;
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}
