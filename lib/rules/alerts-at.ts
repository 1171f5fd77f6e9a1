/**
 * Reads alert plans (lib/rules/alerts.ts) at `now`: which are active, at which severity, with
 * their texts (lib/rules/texts.ts, filled once per policy and kind), one per id, urgent first.
 */
import type { Severity } from '../schema/model';
import type { AlertPlan } from './alerts';
import { toInstant } from './dates';
import type { Policy, PolicyRuleName } from './policy';
import { ALERT_TEXTS, type AlertText, fill } from './texts';
import type { Alert, AlertKind } from './types';

const textCache = new WeakMap<Policy, Map<string, AlertText>>();

function textFor(kind: AlertKind, rule: PolicyRuleName, policy: Policy): AlertText {
  let perPolicy = textCache.get(policy);
  if (perPolicy === undefined) {
    perPolicy = new Map();
    textCache.set(policy, perPolicy);
  }
  const key = `${kind}|${rule}`;
  let t = perPolicy.get(key);
  if (t === undefined) {
    const r = policy.rules[rule];
    const values = { days: r.value, source: r.source };
    const base = ALERT_TEXTS[kind];
    t = { title: fill(base.title, values), action: fill(base.action, values), why: fill(base.why, values) };
    perPolicy.set(key, t);
  }
  return t;
}

const RANK: Record<Severity, number> = { urgent: 0, soon: 1, info: 2 };

/** The alerts active at `now`, one per id (the most severe), urgent first, then soonest. */
export function alertsAt(orderId: string, plans: AlertPlan[], nowMs: number, policy: Policy): Alert[] {
  const byId = new Map<string, Alert>();
  for (const p of plans) {
    if (nowMs >= p.until) continue;
    let severity: Severity | null = null;
    for (const s of p.steps) if (s.at <= nowMs) severity = s.severity;
    if (severity === null) continue;
    const id = `${orderId}:${p.kind}:${p.subject}`;
    const prev = byId.get(id);
    if (prev !== undefined && RANK[prev.severity] <= RANK[severity]) continue;
    const t = textFor(p.kind, p.rule, policy);
    byId.set(id, {
      id,
      kind: p.kind,
      severity,
      orderId,
      deadlineKind: p.deadlineKind,
      deadlineAt: p.deadlineAt === null ? null : toInstant(p.deadlineAt),
      title: t.title,
      action: t.action,
      why: t.why,
      source: policy.rules[p.rule].source,
      values: { days: policy.rules[p.rule].value, source: policy.rules[p.rule].source },
    });
  }
  const out = [...byId.values()];
  out.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] || cmp(a.deadlineAt ?? '~', b.deadlineAt ?? '~') || cmp(a.id, b.id),
  );
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
