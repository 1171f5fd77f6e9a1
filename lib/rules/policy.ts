/**
 * AliExpress's buyer-protection rules as versioned data. Every number carries the sources it
 * comes from (reference: ../shared/reference/peers-and-rules.md, Part B) and the date of those
 * sources, so that when AliExpress changes a rule exactly one line changes here and the UI can
 * show where each number comes from. docs/rules.md explains each choice and the disagreements.
 *
 * The page's own date always wins over these numbers; they only make labelled estimates.
 */
import { DAY_MS } from './dates';

export type PolicyUnit = 'days' | 'business_days' | 'bytes';

export interface PolicyRule {
  value: number;
  unit: PolicyUnit;
  /** Sites/URLs the number comes from, the best first (reference Part B). */
  source: string;
  /** When the sources were written (as precise as they are), or when we chose the number. */
  asOf: string;
  /**
   * The AliExpress help page a buyer may read about it, when there is one. The only source a
   * buyer is shown; research sources stay in `source` and docs/rules.md.
   */
  helpUrl?: string;
}

export const POLICY_RULE_NAMES = [
  'protectionDays',
  'estimateEarlierByDays',
  'deliveredShortensToDays',
  'changeReasonDays',
  'shipWithinDays',
  'disputeOpensAfterDays',
  'afterCompletionDays',
  'sellerReplyDays',
  'platformStepsInDays',
  'appealDays',
  'returnShipDays',
  'refundMinBusinessDays',
  'refundMaxBusinessDays',
  'refundFollowUpDays',
  'paypalDisputeDays',
  'chargebackDays',
  'extensionLeadDays',
  'extensionAskFromDays',
  'trackingSilentDays',
  'protectionSoonDays',
  'protectionUrgentDays',
  'returnUrgentDays',
  'chargebackSoonDays',
  'chargebackUrgentDays',
  'photoMaxBytes',
  'videoMaxBytes',
] as const;
export type PolicyRuleName = (typeof POLICY_RULE_NAMES)[number];

export interface Policy {
  /** Bumped whenever a value changes; shown in the UI and stored with reminders. */
  version: string;
  rules: Record<PolicyRuleName, PolicyRule>;
}

const OUR_CHOICE = 'Buyer Shield choice (docs/rules.md)';
/** AliExpress's own buyer-protection help page (the one page it still serves on disputes). */
const HELP_DISPUTE = 'https://www.aliexpress.com/buyerprotection/how_do_i_open_a_dispute.html';

/** The version of DEFAULT_POLICY; backups and reminders record it. */
export const POLICY_VERSION = '2026-12-02.1';

export const DEFAULT_POLICY: Policy = {
  version: POLICY_VERSION,
  rules: {
    // Estimate only: the per-order "Refund if no delivery before <date>" always wins.
    // 60 days is the typical/standard length (30–120 seen by era and destination).
    // Counted from the earliest date known (placed, else paid, else shipped): one guide counts
    // from the order date, and 60 is AliExpress's maximum, so no estimate outlasts the window.
    protectionDays: {
      value: 60,
      unit: 'days',
      source:
        'www.aliexpress.com/buyerprotection/how_do_i_open_a_dispute.html ("60 days maximum"); cnjdpart.com/ru/pages/faqs; ElMagoCT/aliexpress-parcel-intelligence src/engine/dispute.ts',
      asOf: '2016–2026',
      helpUrl: HELP_DISPUTE,
    },
    // An estimated end may be early or late by days: its reminders start this much earlier
    // than those of a date AliExpress shows.
    estimateEarlierByDays: { value: 3, unit: 'days', source: OUR_CHOICE, asOf: '2026-12-02' },
    // B.2: once tracking says delivered the remaining time may be cut to 5 days (old official)
    // or 7 (RU guide); we take the shorter, conservative one.
    deliveredShortensToDays: {
      value: 5,
      unit: 'days',
      source:
        'www.aliexpress.com/buyerprotection/how_do_i_open_a_dispute.html (5 days, old official); gamevid.ru guide (7 days)',
      asOf: '≈2016–2024',
      helpUrl: HELP_DISPUTE,
    },
    // AliExpress's dispute page: when tracking turns "delivered" during a "not received"
    // dispute, the buyer has 5 days to change the reason or the money goes to the seller.
    changeReasonDays: {
      value: 5,
      unit: 'days',
      source: 'AliExpress dispute page text (issue 13 audit)',
      asOf: '2026',
    },
    // A seller's handling time is 3–7 days on most listings; after 7 days unshipped, the buyer
    // may cancel the order for a full refund.
    shipWithinDays: { value: 7, unit: 'days', source: OUR_CHOICE, asOf: '2026-12-02' },
    // "11th day after shipment", i.e. once 10 full days have passed.
    disputeOpensAfterDays: {
      value: 10,
      unit: 'days',
      source:
        'christinasbeautyjourney.blogspot.com/2021/12/what-can-i-do-if-my-order-is-late-and-i.html; ssopdot.com/blog/19333.html; ssopdot.com/blog/35242.html',
      asOf: '2021–≈2024',
    },
    afterCompletionDays: {
      value: 15,
      unit: 'days',
      source:
        'sale.aliexpress.com/__pc/esiTMXJb3L.htm?locale=es_ES ("Refund in 15 days"); activities.aliexpress.com/adcms/www-aliexpress-com/buyerprotection/seller_guaranteed.php',
      asOf: 'undated official; 2021–2022 copies',
      helpUrl: 'https://sale.aliexpress.com/__pc/esiTMXJb3L.htm',
    },
    // The clock restarts after every change to the request (ssopdot.com/blog/35242.html).
    sellerReplyDays: {
      value: 5,
      unit: 'days',
      source: 'ssopdot.com/blog/35242.html; ssopdot.com/blog/19333.html; skin.tigerwing.net help copy',
      asOf: '≈2024',
    },
    platformStepsInDays: {
      value: 7,
      unit: 'days',
      source: 'ssopdot.com/blog/19333.html; ssopdot.com/blog/35242.html; viws.ru (2017)',
      asOf: '2017–≈2024',
    },
    // Single seller-side source; the dispute page's own text should win when read.
    appealDays: {
      value: 7,
      unit: 'days',
      source: 'en.hb2b.com/ask/190738.html',
      asOf: '≈2023–2024',
    },
    returnShipDays: {
      value: 10,
      unit: 'days',
      source: 'cnjdpart.com/ru/pages/faqs; ssopdot.com/blog/19333.html',
      asOf: '≈2024',
    },
    refundMinBusinessDays: {
      value: 3,
      unit: 'business_days',
      source:
        'cnjdpart.com/ru/pages/faqs; guide-aliexpress.com/en/how-to-check-the-refund-on-my-credit-card/',
      asOf: '≈2024',
    },
    // Counted from the refund's processed date; after it, ask the bank with the ARN.
    refundMaxBusinessDays: {
      value: 20,
      unit: 'business_days',
      source:
        'cnjdpart.com/ru/pages/faqs; guide-aliexpress.com/en/what-is-the-arn-on-aliexpress/; guide-aliexpress.com/en/how-to-check-the-refund-on-my-credit-card/',
      asOf: '≈2024',
    },
    // How long after processing we keep following an unconfirmed card refund: the card
    // networks' 120-day horizon, after which a bank trace rarely helps.
    refundFollowUpDays: { value: 120, unit: 'days', source: OUR_CHOICE, asOf: '2026-11-21' },
    paypalDisputeDays: {
      value: 180,
      unit: 'days',
      source: 'christinasbeautyjourney.blogspot.com/2021/12/ (copy of AliExpress help)',
      asOf: '2021-12',
    },
    // Conservative: counted from payment. Visa 13.1 may count from the expected delivery date
    // instead (up to 540 days); Mastercard sources disagree; some issuers use 90 days, so 90
    // is the figure no buyer loses by (buyer guides, issue 13).
    chargebackDays: {
      value: 90,
      unit: 'days',
      source:
        'quavo-inc.atlassian.net/wiki/pages/viewpage.action?pageId=341080959 (Visa 13.1); justt.ai/chargeback-reason-codes/mastercard/4853-goods-or-services-not-provided/',
      asOf: '2024',
    },
    // Ask the seller to extend at least 5 days before the end (sources say 5–7; <48 h: dispute).
    extensionLeadDays: {
      value: 5,
      unit: 'days',
      source:
        'elmin.ru/en/roof/zashchita-zakonchilas-a-tovar-ne-poluchen-zakanchivaetsya-zashchita.html; sovetclub.ru/en/kak-prodlit-zashhitu-na-aliekspress',
      asOf: '≈2020–2024',
    },
    // Start suggesting the extension a week before its own last day (5 + 7), since the seller
    // may take days to answer.
    extensionAskFromDays: { value: 12, unit: 'days', source: OUR_CHOICE, asOf: '2026-11-21' },
    // 10 days without a tracking event: the same span after which a dispute may be opened, and
    // well beyond the normal gaps between Cainiao scans in transit.
    trackingSilentDays: { value: 10, unit: 'days', source: OUR_CHOICE, asOf: '2026-11-21' },
    // Urgency bands, following ElMagoCT's ≤3/≤7/≤14 and the 5-day extension lead.
    protectionSoonDays: {
      value: 14,
      unit: 'days',
      source: `${OUR_CHOICE}; ElMagoCT/aliexpress-parcel-intelligence (≤14 day band)`,
      asOf: '2026-11-21',
    },
    protectionUrgentDays: {
      value: 5,
      unit: 'days',
      source: `${OUR_CHOICE}; same as extensionLeadDays`,
      asOf: '2026-11-21',
    },
    returnUrgentDays: { value: 3, unit: 'days', source: OUR_CHOICE, asOf: '2026-11-21' },
    chargebackSoonDays: { value: 14, unit: 'days', source: OUR_CHOICE, asOf: '2026-11-21' },
    chargebackUrgentDays: { value: 5, unit: 'days', source: OUR_CHOICE, asOf: '2026-11-21' },
    // Upload limits of AliExpress's dispute form; decimal MB so we never pass a file the form
    // might reject.
    photoMaxBytes: {
      value: 2_000_000,
      unit: 'bytes',
      source: 'AliExpress dispute form (photos 2 MB each)',
      asOf: '2026',
    },
    videoMaxBytes: {
      value: 500_000_000,
      unit: 'bytes',
      source: 'AliExpress dispute form (video 500 MB)',
      asOf: '2026',
    },
  },
};

/** A rule's value. */
export function ruleValue(policy: Policy, name: PolicyRuleName): number {
  return policy.rules[name].value;
}

/** A rule's value in days as milliseconds (for instant arithmetic). */
export function ruleMs(policy: Policy, name: PolicyRuleName): number {
  return policy.rules[name].value * DAY_MS;
}
