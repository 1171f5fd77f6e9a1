/**
 * Evidence checklists per dispute reason, from reference Part B.3
 * (help.aliexpress.com/how_to_provide_evidence_to_support_your_claim.html; chinaparcel.net/en/posts/86
 * and /171; eatsip365.com/how-aliexpress-buyer-protection-works; howmuch.vip buyer guide;
 * sovetclub.ru dispute reasons), and the reason to suggest for an order.
 * Item ids are stable: the UI keeps the buyer's ticks by id. The rules carry no wording: each
 * item is worded where it is shown, from `check_<id>_label` and `check_<id>_hint` in the
 * buyer's table (public/_locales), filled with `checklistValues` (issue 16: the worker bundles
 * no texts).
 */
import type { OrderFacts } from '../schema/model';
import { CHECKLIST_ITEM_IDS } from './checklist-ids';
import { type OrderState, orderState } from './order-state';
import { DEFAULT_POLICY, type Policy } from './policy';
import type { Assessment, ChecklistItem, DisputeReason } from './types';

export { CHECKLIST_ITEM_IDS };

const cache = new WeakMap<Policy, Map<DisputeReason, Assessment['checklist']>>();

/**
 * An assessment's checklist for a reason: one frozen object per policy and reason, shared by
 * every assessment with that reason (a recompute of 10,000 orders makes ten, not 10,000).
 */
export function checklistOf(reason: DisputeReason, policy: Policy = DEFAULT_POLICY): Assessment['checklist'] {
  let perPolicy = cache.get(policy);
  if (perPolicy === undefined) {
    perPolicy = new Map();
    cache.set(policy, perPolicy);
  }
  const hit = perPolicy.get(reason);
  if (hit !== undefined) return hit;
  const items = Object.freeze(CHECKLIST_ITEM_IDS[reason].map((id) => Object.freeze({ id })));
  const checklist = Object.freeze({ reason, items });
  perPolicy.set(reason, checklist);
  return checklist;
}

/** The checklist items for a reason (shared and frozen: read-only). */
export function checklistFor(
  reason: DisputeReason,
  policy: Policy = DEFAULT_POLICY,
): readonly ChecklistItem[] {
  return checklistOf(reason, policy).items;
}

/** What the checklist texts are filled with: AliExpress's upload limits in MB (policy.ts). */
export function checklistValues(policy: Policy = DEFAULT_POLICY): { photoMb: number; videoMb: number } {
  return {
    photoMb: policy.rules.photoMaxBytes.value / 1_000_000,
    videoMb: policy.rules.videoMaxBytes.value / 1_000_000,
  };
}

/** Free text of a dispute reason (AliExpress's own list, any case) → our reason. */
const REASON_PATTERNS: [RegExp, DisputeReason][] = [
  [/customs/i, 'held_at_customs'],
  [
    /not\s+receiv|never\s+(arriv|receiv)|did\s*n[o']t\s+arrive|no\s+tracking|returned\s+to\s+sender|still\s+in\s+transit|another\s+address|not\s+delivered/i,
    'not_received',
  ],
  [/fake|counterfeit|not\s+original|replica|imitation/i, 'fake'],
  [/damag|broken|crack|smash/i, 'damaged'],
  [/not\s+work|does\s*n[o']t\s+work|defect|malfunction|faulty/i, 'not_working'],
  [/missing|quantity|empty|incomplete|short/i, 'missing_parts'],
  [/wrong\s+(item|product)|different\s+(item|product)/i, 'wrong_item'],
  [/shipping\s+method|carrier|logistic/i, 'different_shipping_method'],
  [/size|colou?r|material|described|description|quality/i, 'not_as_described'],
];

export function reasonFromText(text: string | null): DisputeReason | null {
  if (text === null) return null;
  for (const [re, reason] of REASON_PATTERNS) if (re.test(text)) return reason;
  return null;
}

/**
 * The dispute reason to prepare evidence for. A dispute's own reason wins; "not received"
 * while tracking says delivered becomes `shown_delivered_not_received`. Without a dispute: a
 * customs event on an undelivered parcel → customs; undelivered → not received; else not as
 * described (the most common complaint after delivery). Depends on the facts only; `now` is
 * accepted for symmetry with the other rules.
 */
export function suggestReason(facts: OrderFacts, _now?: Date): DisputeReason {
  return reasonForState(facts, orderState(facts));
}

/** `suggestReason` with the order state already computed (lib/rules/assess.ts). */
export function reasonForState(facts: OrderFacts, st: OrderState): DisputeReason {
  // Most orders have no dispute or one: nothing to sort (no copy per order).
  const disputes =
    facts.disputes.length < 2
      ? facts.disputes
      : [...facts.disputes].sort((a, b) => {
          const open = Number(b.status === 'open') - Number(a.status === 'open');
          return open !== 0 ? open : (b.openedAt ?? '').localeCompare(a.openedAt ?? '');
        });
  for (const d of disputes) {
    const r = reasonFromText(d.reason);
    if (r === 'not_received' && st.deliveredByTracking) return 'shown_delivered_not_received';
    if (r !== null) return r;
  }
  if (st.deliveredByTracking || st.receivedByBuyer) return 'not_as_described';
  for (const p of st.movingPackages) {
    const last = p.events[0];
    if (
      last !== undefined &&
      /customs|clearance/i.test(`${last.code ?? ''} ${last.text}`) &&
      /held|detain|hold|retain|seiz/i.test(last.text)
    ) {
      return 'held_at_customs';
    }
  }
  return st.inTransit || st.status === 'awaiting_shipment' ? 'not_received' : 'not_as_described';
}
