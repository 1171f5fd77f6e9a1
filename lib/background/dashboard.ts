/**
 * The popup's view of the orders, a page at a time: counts per group, and the first orders of
 * each group by their next deadline. A buyer with 10,000 orders gets a popup that opens as fast
 * as one with ten (BENCHMARKS.md), and search runs here over every order.
 */

import type { AtStake, Dashboard, DashboardGroupId, OrderView } from '../protocol/messages';
import type { Assessment } from '../rules';
import type { Money, OrderFacts } from '../schema/model';
import type { Diagnostic } from '../store/db';
import type { Snapshot } from './snapshot';
import { refundViews } from './views';

export const GROUP_IDS: readonly DashboardGroupId[] = ['act_now', 'watch', 'settled'];
export const DEFAULT_PAGE = 50;

export interface DashboardQuery {
  query?: string;
  limits?: Partial<Record<DashboardGroupId, number>>;
  /** An order to include even beyond the first page (opened from a banner or notification). */
  focus?: string;
}

/** Order id, tracking numbers, ARNs, store and item titles, as the search box promises. */
export function matches(facts: OrderFacts, q: string): boolean {
  const { order, packages, refunds } = facts;
  if (order.id.includes(q)) return true;
  if (order.store?.name.toLowerCase().includes(q)) return true;
  if (order.lines?.some((l) => l.title.toLowerCase().includes(q))) return true;
  if (
    packages.some(
      (p) => p.trackingNumber.toLowerCase().includes(q) || p.originNumber?.toLowerCase().includes(q),
    )
  ) {
    return true;
  }
  return refunds.some((r) => r.arn?.includes(q.replace(/[\s-]/g, '')));
}

function deadlineKey(a: Assessment): string {
  return a.nextDeadline?.at ?? '9999';
}

/**
 * The money the buyer may lose if they do nothing: the totals of the orders in "Act now", one
 * sum per currency (amounts in different currencies are never added), and the first date ahead
 * that the buyer must act before.
 */
export function atStakeOf(
  assessments: readonly Assessment[],
  facts: readonly OrderFacts[],
  now: Date,
): AtStake {
  const sums = new Map<string, number>();
  let orders = 0;
  let firstBy: string | null = null;
  const nowIso = now.toISOString();
  assessments.forEach((a, i) => {
    if (a.group !== 'act_now') return;
    orders++;
    const total = facts[i]?.order.total;
    if (total) sums.set(total.currency, (sums.get(total.currency) ?? 0) + total.amountMinor);
    // Deadlines are sorted by `at`: the first one ahead that is the buyer's to act before.
    const d = a.deadlines.find((x) => x.needsAction && x.at > nowIso);
    if (d && (firstBy === null || d.at < firstBy)) firstBy = d.at;
  });
  const totals: Money[] = [...sums].map(([currency, amountMinor]) => ({ currency, amountMinor }));
  // Amounts in different currencies are not comparable either: a stable order by code.
  totals.sort((x, y) => (x.currency < y.currency ? -1 : 1));
  return { orders, totals, firstBy };
}

export function buildDashboard(
  snap: Snapshot,
  done: Map<string, string[]>,
  diagnostics: Diagnostic[],
  now: Date,
  q: DashboardQuery,
): Dashboard {
  const needle = q.query?.trim().toLowerCase() ?? '';
  const members: Record<DashboardGroupId, number[]> = { act_now: [], watch: [], settled: [] };
  snap.assessments.forEach((a, i) => {
    const facts = snap.facts[i];
    if (facts && (!needle || matches(facts, needle))) members[a.group].push(i);
  });
  const view = (i: number): OrderView | null => {
    const facts = snap.facts[i];
    const assessment = snap.assessments[i];
    if (!facts || !assessment) return null;
    return {
      facts,
      assessment,
      done: done.get(facts.order.id) ?? [],
      refunds: refundViews(facts, now, snap.zone),
    };
  };
  const groups = {} as Dashboard['groups'];
  for (const g of GROUP_IDS) {
    const list = members[g];
    list.sort((x, y) => {
      const ax = snap.assessments[x];
      const ay = snap.assessments[y];
      if (!ax || !ay) return 0;
      const kx = deadlineKey(ax);
      const ky = deadlineKey(ay);
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
    const limit = Math.max(1, q.limits?.[g] ?? DEFAULT_PAGE);
    const shown = list.slice(0, limit);
    const focusAt = q.focus ? list.findIndex((i) => snap.facts[i]?.order.id === q.focus) : -1;
    if (focusAt >= limit) shown.push(list[focusAt] as number);
    groups[g] = { total: list.length, orders: shown.flatMap((i) => view(i) ?? []) };
  }
  return {
    groups,
    totalOrders: snap.facts.length,
    diagnostics,
    now: now.toISOString(),
    atStake: atStakeOf(snap.assessments, snap.facts, now),
  };
}
