/**
 * All wording the rules produce, in English, keyed so another issue can translate it: alert
 * texts by alert kind, checklist items by item id, the bank script. `{name}` placeholders are
 * filled by `fill`; `{days}` is the policy number, `{source}` its source (lib/rules/policy.ts).
 * No dates are formatted here: the UI shows `deadlineAt` in the buyer's zone with a countdown.
 */
import type { AlertKind } from './types';

export interface AlertText {
  title: string;
  action: string;
  why: string;
}

export const ALERT_TEXTS: Record<AlertKind, AlertText> = {
  protection_ending: {
    title: 'Purchase protection is ending and the parcel has not arrived',
    action:
      'If the parcel is not in your hands, open a dispute ("Item not received") before protection ends. After that date AliExpress pays the seller.',
    why: 'When protection ends without an open dispute, the order completes and the money goes to the seller. Source: {source}.',
  },
  ask_extension: {
    title: 'Ask the seller to extend purchase protection',
    action:
      'On the order page, request a protection extension now. Only the seller can grant it, and they may take days to answer; if the end is under 48 hours away, open a dispute instead.',
    why: 'Ask at least {days} days before protection ends. Source: {source}.',
  },
  delivered_not_confirmed: {
    title: 'Tracking says delivered: check the parcel now',
    action:
      "Check that you really have the parcel and that it is right, filming the opening from the sealed label. If anything is wrong, open a dispute now; don't confirm receipt first.",
    why: 'Once tracking shows delivered, the remaining protection can be cut to about {days} days. Source: {source}.',
  },
  tracking_silent: {
    title: 'Tracking has not moved for {days} days',
    action:
      'Take a screenshot of the tracking page, ask the seller in the AliExpress chat where the parcel is, and consider a dispute if it is late.',
    why: 'No tracking event for {days} days usually means the parcel is stuck or lost. Source: {source}.',
  },
  dispute_can_open: {
    title: 'You can open a dispute for this order',
    action:
      'If the parcel is late or tracking looks wrong, you may open a dispute now ("Item not received"), with tracking and chat screenshots.',
    why: 'A dispute can be opened once {days} full days have passed since shipment. Source: {source}.',
  },
  seller_reply_due: {
    title: "Waiting for the seller's answer",
    action:
      "Watch the dispute page. Don't accept a proposal that gives you less than you asked for without checking AliExpress's own proposal.",
    why: 'The seller has {days} days to answer, counted again after each change to the request; silence means the refund goes ahead as you asked. Source: {source}.',
  },
  platform_stepping_in: {
    title: 'AliExpress should be stepping in to the dispute',
    action:
      'Check the dispute page for questions from AliExpress, add any missing evidence, and answer before its deadline.',
    why: 'AliExpress joins a dispute about {days} days after it was opened if there is no agreement. Source: {source}.',
  },
  seller_proposal_worse: {
    title: "Don't accept the seller's proposal",
    action:
      "The seller offers less than AliExpress's own proposal (or than you asked for). Reject it or wait for AliExpress; accepting ends the dispute for good.",
    why: 'Accepting any proposal ends the dispute and it cannot be reopened. Source: {source}.',
  },
  return_ship_by: {
    title: 'Ship the return in time',
    action: 'Send the item back and enter the return tracking number on the dispute page before the date.',
    why: 'A return must be shipped within {days} days of agreeing to it, or the money goes to the seller. Source: {source}.',
  },
  ask_bank_with_arn: {
    title: 'Refund not arrived? Ask your bank with the ARN',
    action:
      "Copy the refund's ARN from the order page (or ask AliExpress support for it) and ask your bank to trace the credit.",
    why: 'Card refunds arrive 3–{days} business days after AliExpress processes them; after that the ARN lets the bank find the money. Source: {source}.',
  },
  chargeback_closing: {
    title: 'Your card or PayPal dispute window is closing',
    action:
      'If AliExpress has not solved this, contact your bank (or PayPal) before this date. Visa may count from the expected delivery date instead, so ask your bank for the exact date.',
    why: 'Shown conservatively as {days} days from payment. Source: {source}.',
  },
  after_completion_window: {
    title: 'Something wrong with this order? You can still open a dispute',
    action:
      'Check the item. If it is damaged, not as described or not working, open a dispute before the date.',
    why: 'A dispute can be opened up to {days} days after the order is completed or receipt is confirmed. Source: {source}.',
  },
  appeal_window: {
    title: 'You can appeal the dispute result',
    action:
      'If you disagree with how the dispute ended, appeal from the dispute page before the date (one appeal only).',
    why: 'An appeal must be filed within {days} days after the dispute ends. Source: {source}.',
  },
};

/** Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** What to tell the bank about a late card refund (lib/rules/arn.ts fills it). */
export const BANK_SCRIPT =
  'Hello, I am expecting a refund from AliExpress{amount} that the merchant processed{processed}. ' +
  'Its Acquirer Reference Number (ARN) is {arn}. It has not reached my account. ' +
  'Could you trace this credit with the ARN and tell me when and to which account it was posted?';

export const BANK_SCRIPT_PARTS = {
  amount: ' of {amount}',
  processed: ' on {date}',
} as const;

/** Evidence checklist items by stable id (reference Part B.3; lib/rules/checklists.ts). */
export const CHECKLIST_TEXTS: Record<string, { label: string; hint: string | null }> = {
  unboxing_video: {
    label: 'One continuous unboxing video, starting from the sealed shipping label',
    hint: 'Do not cut or edit it; show the label with the tracking number first, then open and show the item.',
  },
  order_snapshot: {
    label: 'The order snapshot (the listing as it was when you bought it)',
    hint: 'Order detail → snapshot: screenshot the title, photos, size chart and description.',
  },
  chat_screenshots: {
    label: 'Screenshots of your chat with the seller in AliExpress',
    hint: 'Keep all talk inside AliExpress chat; never accept payments or deals outside it.',
  },
  tracking_screenshots: {
    label: 'Screenshots of the tracking page with the last event and its date',
    hint: null,
  },
  no_tracking_proof: {
    label: 'Proof that the tracking number does not track (carrier site or tracker saying "not found")',
    hint: null,
  },
  extension_request: {
    label: 'The protection extension you asked for, if the seller ignored or refused it',
    hint: null,
  },
  carrier_statement: {
    label: 'A statement from the local post or courier that the parcel was not delivered to you',
    hint: 'Ask the carrier for its proof of delivery (signature, photo, place) and show it is not yours. Check mailbox, neighbours and lockers first.',
  },
  item_photos: {
    label: 'Clear photos of the item showing the problem',
    hint: 'Daylight, in focus, one problem per photo.',
  },
  packaging_photos: { label: 'Photos of the outer packaging and the shipping label', hint: null },
  carrier_claim: {
    label: 'A damage report to the local post or courier',
    hint: 'Ask them to record the damage; keep the reference number.',
  },
  list_differences: { label: 'A list of each difference from the listing', hint: null },
  ruler_size_chart: {
    label: 'The item flat, with a ruler or tape measure, next to the listing’s size chart',
    hint: 'Photograph each measured dimension and the size label.',
  },
  colour_photos: {
    label: 'Daylight photos beside the listing photo to show the colour or material difference',
    hint: null,
  },
  all_pieces: { label: 'All pieces shown, if you bought more than two', hint: null },
  not_working_video: {
    label: 'A video showing that it does not work',
    hint: 'Show it charged or plugged in, the model label, and what happens when you use it.',
  },
  count_items: {
    label: 'A photo of everything received laid out and counted against the order quantity',
    hint: 'Include the parcel weight on the label if the parcel was light or empty.',
  },
  authenticity_photos: {
    label: 'Photos of logos, labels and serial numbers compared with the genuine product',
    hint: 'Screenshot where the listing claimed the brand.',
  },
  wrong_item_photos: { label: 'Photos of what you received next to the order snapshot', hint: null },
  shipping_method_proof: {
    label: 'The order page showing the shipping method you paid for and tracking showing another one',
    hint: null,
  },
  customs_documents: {
    label: 'Official customs documents stating why the parcel is held',
    hint: 'Ask the customs office or the local post for the written reason.',
  },
  file_limits: {
    label: 'Files within AliExpress’s limits: photos up to {photoMb} MB each, video up to {videoMb} MB',
    hint: 'Use the file checker before uploading; compress or trim long videos.',
  },
};
