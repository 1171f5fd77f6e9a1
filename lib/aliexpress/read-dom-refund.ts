import type { DisputeObservation, Proposal, ReadResult, RefundObservation } from '@/lib/schema/model';
import { arnFromText } from './arn';
import type { ReadContext } from './context';
import { afterLabel, blockLines, firstOf, orderIdFromLinks, textOf } from './dom';
import { LABELS } from './dom-labels';
import { parseDisplayDate } from './i18n-dates';
import { parsePrice } from './money';
import { fail, ok } from './result';
import { disputeStatusOf, refundStatusOf } from './reverse-parts';

/**
 * Refund and dispute pages read from their DOM: the refund-amount detail
 * (`m.aliexpress.com/p/refund-amount/detail.html?tradeOrderLineId=`) and the case detail
 * (`trade.aliexpress.com/issue/fastissue/Detail.htm?reverseOrderLineId=`, `/p/reverse-pages/`)
 * — URLs from maxwellmezadre test/fixtures/refund-list.json `buttonDTOList`. No public source
 * shows their markup, so rows are found by their localised label (dom-labels.ts) in the page's
 * text lines, not by class names. The ARN is BEST EFFORT (see arn.ts): a label such as "ARN" /
 * "Acquirer Reference Number" followed by 23 digits.
 */
export function readDomRefund(doc: Document, url: URL, ctx: ReadContext): ReadResult {
  const lines = blockLines(doc);
  if (lines.length === 0) return fail('the refund page has no text (not rendered yet)');
  const lineId = url.searchParams.get('tradeOrderLineId');
  const disputeId = url.searchParams.get('reverseOrderLineId');
  const orderId = orderIdFromLinks(doc) ?? orderIdFromLines(lines);
  if (orderId === null) return fail('no order id on the refund page (no orderId link or "Order ID" row)');
  const hint = { lang: ctx.lang, currency: ctx.currency };
  const rowValue = (label: RegExp) => {
    const i = lines.findIndex((l) => label.test(l));
    if (i < 0) return null;
    const own = afterLabel(lines[i] ?? '');
    // A label alone on its line: its value is the next line.
    return own !== '' && own !== lines[i] ? own : (lines[i + 1] ?? null);
  };
  const amountText = rowValue(LABELS.refundAmount);
  const amount = amountText ? parsePrice(amountText, hint) : null;
  const caseStatus = textOf(
    firstOf(doc, [
      '[class*="dispute-status"]',
      '[class*="issue-status"]',
      '[class*="reverse-status"]',
      '[class*="status-title"]',
    ]),
  );
  // A case page without its own refund status: the case's status stands for it.
  const statusText =
    rowValue(LABELS.refundStatus) ??
    (textOf(firstOf(doc, ['[class*="refund-status"]', '[class*="status-title"]'])) || caseStatus || null);
  const status = refundStatusOf(statusText);
  const dateText = rowValue(LABELS.refundDate);
  const arn = arnFromText(lines.join(' \n '));
  const refunds: RefundObservation[] = [];
  if (amount || arn || status !== 'unknown') {
    refunds.push({
      id: disputeId ?? `line:${lineId ?? orderId}`,
      orderId,
      lineId,
      disputeId,
      amount,
      status,
      statusText,
      processedOn: dateText ? parseDisplayDate(dateText, ctx.lang) : null,
      arn,
      method: rowValue(LABELS.refundMethod),
    });
  }
  const disputes: DisputeObservation[] = [];
  if (disputeId !== null) {
    disputes.push({
      id: disputeId,
      orderId,
      lineId,
      kind: 'unknown',
      status: disputeStatusOf(null, caseStatus || null),
      statusText: caseStatus,
      openedAt: null,
      updatedAt: null,
      closedAt: null,
      reason: null,
      solution: null,
      amount,
      sellerProposal: proposalOf(rowValue(LABELS.sellerProposal), hint),
      platformProposal: proposalOf(rowValue(LABELS.platformProposal), hint),
      returnAgreedOn: null,
      returnShippedOn: null,
    });
  }
  if (refunds.length === 0 && disputes.length === 0) {
    return fail('no refund amount, status or ARN on the refund page (not rendered yet, or redesigned)');
  }
  return ok({ refunds, disputes });
}

function orderIdFromLines(lines: string[]): string | null {
  for (const l of lines) {
    if (!LABELS.orderNumber.test(l)) continue;
    const m = /(?<!\d)(\d{12,22})(?!\d)/.exec(l);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** "Refund US $12.34" / "Full refund: €5,73" → {amount, solution text}. */
function proposalOf(text: string | null, hint: { lang?: string; currency?: string }): Proposal | null {
  if (!text) return null;
  const priceMatch = /(-?\s*(?:[^\d\s]{1,4}\s?)?\d[\d.,\s]*\d(?:\s?[^\d\s,.;]{1,4})?)/.exec(text);
  const amount = priceMatch?.[1] ? parsePrice(priceMatch[1].trim(), hint) : null;
  return { amount, solution: text };
}
