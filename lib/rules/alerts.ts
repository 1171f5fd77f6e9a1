/**
 * Alerts in two steps. `planAlerts` turns facts and deadlines into plans that do not depend on
 * `now`: each plan is a time window with severity steps. `alertsAt` reads the plans at `now`.
 * Because every change of an alert happens at a plan's step or end, those instants are exactly
 * the boundaries `nextWake` needs (lib/rules/next-wake.ts), and nothing between them can change.
 */
import type { OrderFacts } from '../schema/model';
import type { AlertPlan, PlanContext } from './alert-plan';
import {
  afterCompletionPlan,
  changeReasonPlans,
  chargebackPlan,
  openDisputePlans,
  refundPlans,
  returnAndAppealPlans,
} from './alerts-case';
import {
  deliveredPlans,
  disputeCanOpenPlan,
  maybeDeliveredPlans,
  protectionOverPlan,
  protectionPlans,
  silentTrackingPlans,
  unshippedPlan,
} from './alerts-parcel';
import type { DeadlineSet } from './deadlines';
import type { OrderState } from './order-state';
import type { Policy } from './policy';
import { Scratch } from './scratch';

/** The list every order's plans are built in, then copied at their exact number. */
const building = new Scratch<AlertPlan>();

export { type AlertPlan, type AlertStep, refundFollowUpEnd } from './alert-plan';

export function planAlerts(
  facts: OrderFacts,
  st: OrderState,
  set: DeadlineSet,
  policy: Policy,
  zone: string,
): readonly AlertPlan[] {
  const c: PlanContext = {
    facts,
    st,
    set,
    policy,
    zone,
    plans: building.begin(),
    watching: st.inTransit && st.watchedLines.length > 0,
  };
  protectionPlans(c);
  protectionOverPlan(c);
  maybeDeliveredPlans(c);
  unshippedPlan(c);
  deliveredPlans(c);
  silentTrackingPlans(c);
  disputeCanOpenPlan(c);
  openDisputePlans(c);
  changeReasonPlans(c);
  returnAndAppealPlans(c);
  refundPlans(c);
  chargebackPlan(c);
  afterCompletionPlan(c);
  return c.plans.toArray();
}
