/**
 * What the popup shows about refunds, worked out in the background with the rules so the popup
 * only presents: expected arrival range and the ARN's validity and decoded processing date.
 * What to tell the bank is worded by the popup, in the buyer's language.
 */

import { DEFAULT_POLICY, decodeArn } from '../rules';
import { addBusinessDays, dayNumber, isoDateOf } from '../rules/dates';
import type { IsoDate, OrderFacts, RefundRecord } from '../schema/model';

export interface RefundView {
  refund: RefundRecord;
  /** Card refunds: 3–20 business days after processing (docs/rules.md). */
  expected: { from: IsoDate; to: IsoDate } | null;
  arn:
    | { valid: true; processingDate: IsoDate | null; acquirerBin: string }
    | { valid: false; problem: string }
    | null;
}

export function refundViews(facts: OrderFacts, now: Date): RefundView[] {
  const p = DEFAULT_POLICY.rules;
  return facts.refunds.map((refund) => {
    const day = refund.processedOn ? dayNumber(refund.processedOn) : null;
    const expected =
      day === null
        ? null
        : {
            from: isoDateOf(addBusinessDays(day, p.refundMinBusinessDays.value)),
            to: isoDateOf(addBusinessDays(day, p.refundMaxBusinessDays.value)),
          };
    let arn: RefundView['arn'] = null;
    if (refund.arn) {
      const decoded = decodeArn(refund.arn, { processedOn: refund.processedOn, now });
      arn = decoded.ok
        ? {
            valid: true,
            processingDate: decoded.arn.processingDate,
            acquirerBin: decoded.arn.acquirerBin,
          }
        : { valid: false, problem: decoded.problem };
    }
    return { refund, expected, arn };
  });
}
