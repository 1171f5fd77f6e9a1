/**
 * Buyer Shield's rules: pure functions of (stored facts, policy, now, the buyer's zone) →
 * deadlines, alerts, evidence checklists, ARN handling and the next moment anything changes.
 * Nothing here reads the clock or the browser. docs/rules.md explains every rule and source.
 */

export { ACTION_OF, type StepAction, stepAction } from './actions';
export { type AlertPlan, planAlerts } from './alerts';
export {
  type ArnCheck,
  type ArnProblem,
  type DecodedArn,
  decodeArn,
  findOrderByArn,
  luhnValid,
  normalizeArn,
  resolveJulian,
  validateArn,
} from './arn';
export { assessAll, assessOrder } from './assess';
export {
  CHECKLIST_ITEM_IDS,
  checklistFor,
  checklistValues,
  reasonFromText,
  suggestReason,
} from './checklists';
export { closingInstant, openingInstant, startOfDayInZone } from './dates';
export {
  checkEvidenceFile,
  checkEvidenceFiles,
  type EvidenceFile,
  type EvidenceFileCheck,
  type EvidenceKind,
} from './evidence-files';
export {
  assessAllWithWake,
  nextWake,
  orderBoundaries,
  reminderLeadMs,
  type WakeContext,
} from './next-wake';
export { DEFAULT_POLICY, POLICY_VERSION, type Policy, type PolicyRule, type PolicyRuleName } from './policy';
export { shownDeadline } from './shown-deadline';
export {
  type ActiveSnooze,
  ALERT_KINDS,
  type Alert,
  type AlertKind,
  type Assessment,
  type ChecklistItem,
  type Deadline,
  DISPUTE_REASONS,
  type DisputeReason,
  LINE_STAGES,
  type LineLifecycle,
  type LineStage,
  type RuleContext,
} from './types';
