/**
 * What the popup shows about refunds, worked out in the background with the rules so the popup
 * only presents: expected arrival range and the ARN's validity and decoded processing date.
 * What to tell the bank is worded by the popup, in the buyer's language.
 */

import { DEFAULT_POLICY, decodeArn } from '../rules';
import { addBusinessDays, isoDateOf } from '../rules/dates';
import { refundProcessedDay } from '../rules/order-state';
import type { IsoDate, OrderFacts, RefundRecord } from '../schema/model';

export interface RefundView {
  refund: RefundRecord;
  /** The buyer's day the refund was processed (its instant's day in the buyer's zone). */
  processedOn: IsoDate | null;
  /** Card refunds: 3–20 business days after processing (docs/rules.md). */
  expected: { from: IsoDate; to: IsoDate } | null;
  arn:
    | { valid: true; processingDate: IsoDate | null; acquirerBin: string }
    | { valid: false; problem: string }
    | null;
}

export function refundViews(facts: OrderFacts, now: Date, zone: string): RefundView[] {
  const p = DEFAULT_POLICY.rules;
  return facts.refunds.map((refund) => {
    const day = refundProcessedDay(refund, zone);
    const processedOn = day === null ? null : isoDateOf(day);
    const expected =
      day === null
        ? null
        : {
            from: isoDateOf(addBusinessDays(day, p.refundMinBusinessDays.value)),
            to: isoDateOf(addBusinessDays(day, p.refundMaxBusinessDays.value)),
          };
    let arn: RefundView['arn'] = null;
    if (refund.arn) {
      const decoded = decodeArn(refund.arn, { processedOn, now });
      arn = decoded.ok
        ? {
            valid: true,
            processingDate: decoded.arn.processingDate,
            acquirerBin: decoded.arn.acquirerBin,
          }
        : { valid: false, problem: decoded.problem };
    }
    return { refund, processedOn, expected, arn };
  });
}
