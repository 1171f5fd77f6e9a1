/**
 * Every step carries its action: the one AliExpress page where the buyer does what the step
 * says (issue 15). The wording of each step (locale keys `alert_<kind>_action`) names that page;
 * this table is the same decision as data, so the popup, the in-page badge and banner and the
 * notifications all open the same page. Where the buyer acts at their bank or PayPal
 * (the chargeback), there is no AliExpress page: `bank`, said in words where it is shown.
 */
import {
  type ActionLink,
  disputeLink,
  messagesLink,
  openDisputeLink,
  orderLink,
  trackingLink,
} from '../aliexpress/links';
import type { Alert, AlertKind, LineLifecycle } from './types';

/** Where each step is done. `case`: the dispute the alert is about. */
type Where = 'order' | 'tracking' | 'open_dispute' | 'case' | 'messages' | 'bank';

export const ACTION_OF: Record<AlertKind, Where> = {
  // "open a dispute ("Item not received") before protection ends": the order page's own
  // "Returns/refunds" entry (lib/aliexpress/links.ts openDisputeLink).
  protection_ending: 'open_dispute',
  protection_over: 'open_dispute',
  dispute_can_open: 'open_dispute',
  after_completion_window: 'open_dispute',
  // "On the order page, request a protection extension now."
  ask_extension: 'order',
  // "cancel the order on its page".
  may_cancel_unshipped: 'order',
  // Check the parcel at home, then confirm or dispute: both are buttons of the order page.
  delivered_not_confirmed: 'order',
  // "Copy the refund's ARN from the order page", then the bank.
  ask_bank_with_arn: 'order',
  // Where the parcel should be: the pickup point or locker named in tracking.
  check_parcel: 'tracking',
  // "ask the seller in the AliExpress chat where the parcel is".
  tracking_silent: 'messages',
  // Every step of an open or closed case is done on the case's page.
  seller_reply_due: 'case',
  platform_stepping_in: 'case',
  seller_proposal_worse: 'case',
  change_reason_delivered: 'case',
  return_ship_by: 'case',
  appeal_window: 'case',
  // The card issuer's or PayPal's dispute: nothing to do on AliExpress.
  chargeback_closing: 'bank',
};

export type StepAction = ActionLink | { page: 'bank'; href: null };

/** The dispute, refund or parcel an alert is about: its id is `${orderId}:${kind}:${subject}`. */
function subjectOf(a: Alert): string {
  return a.id.slice(`${a.orderId}:${a.kind}:`.length);
}

/**
 * The page where the buyer acts on `alert`. `lines` are the order's lifecycles: a dispute is
 * opened for the one line whose step this is (several lines share the step: AliExpress's page
 * asks which). `disputes` give a case's line. Null only when the order id is not one.
 */
export function stepAction(
  alert: Alert,
  lines: readonly LineLifecycle[],
  disputes: readonly { id: string; lineId: string | null }[],
): StepAction | null {
  const where = ACTION_OF[alert.kind];
  const orderId = alert.orderId;
  switch (where) {
    case 'bank':
      return { page: 'bank', href: null };
    case 'order':
      return orderLink(orderId);
    case 'tracking':
      return trackingLink(orderId);
    case 'messages':
      return orderLink(orderId) && messagesLink();
    case 'open_dispute': {
      const mine = lines.filter((l) => l.step?.id === alert.id);
      return openDisputeLink(orderId, mine.length === 1 ? (mine[0]?.lineId ?? null) : null);
    }
    case 'case': {
      const id = subjectOf(alert);
      const dispute = disputes.find((d) => d.id === id);
      return orderLink(orderId) && disputeLink(id, dispute?.lineId ?? null);
    }
  }
}
