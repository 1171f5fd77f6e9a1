/**
 * Reads alert plans (lib/rules/alerts.ts) at `now`: which are active, at which severity, one
 * per id, urgent first. No wording: the UI translates `alert_<kind>_*` with the values.
 */
import type { Severity } from '../schema/model';
import type { AlertPlan } from './alerts';
import { toInstant } from './dates';
import type { Policy } from './policy';
import { Scratch } from './scratch';
import type { Alert } from './types';

const RANK: Record<Severity, number> = { urgent: 0, soon: 1, info: 2 };

/** The list every order's alerts are built in (keyed by rank), then copied at their exact number. */
const building = new Scratch<Alert>();

/**
 * `Alert.values` by number of days: a few distinct numbers (the policy's and the pages'), so
 * every alert citing the same number shares one frozen object instead of holding its own.
 */
const valuesByDays = new Map<number, Alert['values']>();

function valuesOf(days: number): Alert['values'] {
  let v = valuesByDays.get(days);
  if (v === undefined) {
    v = Object.freeze({ days });
    // Bounded like the date caches: only pages' own numbers add to it.
    if (valuesByDays.size >= 1024) valuesByDays.clear();
    valuesByDays.set(days, v);
  }
  return v;
}

/**
 * An alert's id: stable across assessments (`Alert.id`). Joined rather than concatenated: `+`
 * and template literals make a chain of cons strings (three objects, ~96 B, kept by the
 * assessment), a join one flat string (~56 B).
 */
export function alertIdOf(orderId: string, p: AlertPlan): string {
  return [orderId, p.kind, p.subject].join(':');
}

/** The alerts active at `now`, one per id (the most severe), urgent first, then soonest. */
export function alertsAt(
  orderId: string,
  plans: readonly AlertPlan[],
  nowMs: number,
  policy: Policy,
): readonly Alert[] {
  // An order has a handful of plans: a list searched by id is cheaper than a Map per order,
  // and the sort below fixes the order whatever the insertion order was.
  const out = building.begin();
  for (const p of plans) {
    if (nowMs >= p.until) continue;
    let severity: Severity | null = null;
    for (const s of p.steps) if (s.at <= nowMs) severity = s.severity;
    if (severity === null) continue;
    // Built only for the plans active now (a handful of an order's plans at most).
    const id = alertIdOf(orderId, p);
    let at = -1;
    for (let i = 0; i < out.length; i += 1) if (out.item(i).id === id) at = i;
    if (at >= 0 && out.key(at) <= RANK[severity]) continue;
    const rule = policy.rules[p.rule];
    const alert: Alert = {
      id,
      kind: p.kind,
      severity,
      orderId,
      deadlineKind: p.deadlineKind,
      deadlineAt: p.deadlineAt === null ? null : toInstant(p.deadlineAt),
      values: valuesOf(p.days ?? rule.value),
      helpUrl: rule.helpUrl ?? null,
    };
    if (at < 0) out.push(alert, RANK[severity]);
    else out.set(at, alert, RANK[severity]);
  }
  // Urgent first (the key), then the soonest deadline, then by id.
  out.sort(sameRank);
  return out.toArray();
}

function sameRank(a: Alert, b: Alert): number {
  return cmp(a.deadlineAt ?? '~', b.deadlineAt ?? '~') || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
