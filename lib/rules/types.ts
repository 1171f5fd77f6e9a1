/**
 * The rules' public shapes (re-exported by lib/rules/index.ts). Kept apart from the code so
 * that every rule module can share them without import cycles.
 */
import type { DeadlineKind, Instant, IsoDate, Severity } from '../schema/model';
import type { Policy } from './policy';

/** The stages an order line goes through (lib/rules/lifecycle.ts works out which one it is in). */
export const LINE_STAGES = [
  'unpaid',
  'awaiting_shipment',
  'shipment_late',
  'in_transit',
  'maybe_delivered',
  'delivered_unconfirmed',
  'protection_over',
  'completed',
  'dispute_waiting_seller',
  'dispute_seller_proposed',
  'dispute_platform',
  'return_to_ship',
  'return_shipped',
  'dispute_refunded_part',
  'dispute_rejected',
  'refund_pending',
  'refund_processed',
  'refund_overdue',
  'refund_arrived',
  'settled',
] as const;
export type LineStage = (typeof LINE_STAGES)[number];

export interface LineLifecycle {
  /** The order line id, or null when the order's lines are not known. */
  lineId: string | null;
  title: string | null;
  stage: LineStage;
  /** The one next step: the most urgent alert about this line, or null (the stage says what to wait for). */
  step: Alert | null;
}

/** One window boundary of one order. Independent of `now`: past deadlines stay listed. */
export interface Deadline {
  kind: DeadlineKind;
  at: Instant;
  /** `page` when the page itself shows this date; `estimate` when a policy number made it. */
  source: 'page' | 'estimate';
  orderId: string;
  /** Which rule made it (docs/rules.md), e.g. `protection_page`, `protection_estimate`. */
  ruleId: string;
  /** True when the buyer must act before it (false: the seller's or the bank's turn). */
  needsAction: boolean;
  /** The dispute or refund it belongs to, or null for order-level deadlines. */
  subjectId: string | null;
  /** The date AliExpress itself showed for it ("before Dec 3"), shown beside ours; else null. */
  shownOn: IsoDate | null;
}

export const ALERT_KINDS = [
  'protection_ending',
  'protection_over',
  'ask_extension',
  'check_parcel',
  'may_cancel_unshipped',
  'change_reason_delivered',
  'delivered_not_confirmed',
  'tracking_silent',
  'dispute_can_open',
  'seller_reply_due',
  'platform_stepping_in',
  'seller_proposal_worse',
  'return_ship_by',
  'ask_bank_with_arn',
  'chargeback_closing',
  'after_completion_window',
  'appeal_window',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  /** Stable across assessments: `${orderId}:${kind}:${subject}`. */
  id: string;
  kind: AlertKind;
  severity: Severity;
  orderId: string;
  deadlineKind: DeadlineKind | null;
  deadlineAt: Instant | null;
  /**
   * The numbers filled into the texts (`{days}`). The wording itself is the UI's: locale keys
   * `alert_<kind>_title|action|why`, translated where it is shown.
   */
  values: { readonly days: number };
  /** AliExpress's own help page about this rule, or null: the only source a buyer is shown. */
  helpUrl: string | null;
}

export const DISPUTE_REASONS = [
  'not_received',
  'shown_delivered_not_received',
  'damaged',
  'not_as_described',
  'not_working',
  'missing_parts',
  'fake',
  'wrong_item',
  'different_shipping_method',
  'held_at_customs',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export interface ChecklistItem {
  /**
   * Stable, e.g. `unboxing_video`; UI keeps ticks by this id and words the item from
   * `check_<id>_label` and `check_<id>_hint` (lib/rules/checklists.ts).
   */
  id: string;
}

export interface Assessment {
  orderId: string;
  group: 'act_now' | 'watch' | 'settled';
  settled: boolean;
  /**
   * Sorted by `at`. The lists, the checklist and alert values of results may be shared between
   * assessments (lib/rules/scratch.ts): read-only.
   */
  deadlines: readonly Deadline[];
  /** Sorted by severity (urgent first), then deadline. */
  alerts: readonly Alert[];
  /** The first deadline after `now`, or null. */
  nextDeadline: Deadline | null;
  /** Each item the buyer is owed: its stage and its one primary next step. */
  lines: readonly LineLifecycle[];
  /** The order's headline: its most urgent line's step (else the most urgent alert), or null. */
  headline: Alert | null;
  checklist: { readonly reason: DisputeReason; readonly items: readonly ChecklistItem[] };
  /** Warnings the buyer snoozed that are hidden now, and when each comes back (lib/rules/snooze.ts). */
  snoozed: readonly ActiveSnooze[];
}

export interface ActiveSnooze {
  alertId: string;
  kind: AlertKind;
  severity: Severity;
  /** When the warning comes back by itself (or earlier, if it escalates). */
  endsAt: Instant;
}

export interface RuleContext {
  now: Date;
  /** The buyer's IANA zone, e.g. `Europe/Berlin`. */
  zone: string;
  /** Defaults to DEFAULT_POLICY. */
  policy?: Policy;
}
