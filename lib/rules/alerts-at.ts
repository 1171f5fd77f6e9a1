/**
 * Reads alert plans (lib/rules/alerts.ts) at `now`: which are active, at which severity, one
 * per id, urgent first. No wording: the UI translates `alert_<kind>_*` with the values.
 */
import type { Severity } from '../schema/model';
import type { AlertPlan } from './alerts';
import { toInstant } from './dates';
import type { Policy } from './policy';
import type { Alert } from './types';

const RANK: Record<Severity, number> = { urgent: 0, soon: 1, info: 2 };

/** An alert's id: stable across assessments (`Alert.id`). */
export function alertIdOf(orderId: string, p: AlertPlan): string {
  return `${orderId}:${p.kind}:${p.subject}`;
}

/** The alerts active at `now`, one per id (the most severe), urgent first, then soonest. */
export function alertsAt(orderId: string, plans: AlertPlan[], nowMs: number, policy: Policy): Alert[] {
  // An order has a handful of plans: a list searched by id is cheaper than a Map per order,
  // and the sort below fixes the order whatever the insertion order was.
  const out: Alert[] = [];
  for (const p of plans) {
    if (nowMs >= p.until) continue;
    let severity: Severity | null = null;
    for (const s of p.steps) if (s.at <= nowMs) severity = s.severity;
    if (severity === null) continue;
    // Built only for the plans active now (a handful of an order's plans at most).
    const id = alertIdOf(orderId, p);
    let at = -1;
    for (let i = 0; i < out.length; i += 1) if (out[i]?.id === id) at = i;
    const prev = at < 0 ? undefined : out[at];
    if (prev !== undefined && RANK[prev.severity] <= RANK[severity]) continue;
    const rule = policy.rules[p.rule];
    const alert: Alert = {
      id,
      kind: p.kind,
      severity,
      orderId,
      deadlineKind: p.deadlineKind,
      deadlineAt: p.deadlineAt === null ? null : toInstant(p.deadlineAt),
      values: { days: p.days ?? rule.value },
      helpUrl: rule.helpUrl ?? null,
    };
    if (at < 0) out.push(alert);
    else out[at] = alert;
  }
  if (out.length > 1)
    out.sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        cmp(a.deadlineAt ?? '~', b.deadlineAt ?? '~') ||
        cmp(a.id, b.id),
    );
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
