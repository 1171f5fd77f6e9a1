/**
 * The popup's view of the orders, a page at a time: counts per group, and the first orders of
 * each group by their next deadline. A buyer with 10,000 orders gets a popup that opens as fast
 * as one with ten (BENCHMARKS.md), and search runs here over every order.
 */

import type { AtStake, Dashboard, DashboardGroupId, OrderView } from '../protocol/messages';
import { type Assessment, shownDeadline } from '../rules';
import type { Money, OrderFacts } from '../schema/model';
import type { Diagnostic } from '../store/db';
import { type Snapshot, sameLeads } from './snapshot';
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
 * that the buyer must act before, or that the first is now: an Act-now card showing a date of
 * the buyer's that has passed (its headline step's own deadline, `shownDeadline`) must not be
 * summed up as "first by" a later date.
 */
export function atStakeOf(
  assessments: readonly Assessment[],
  facts: readonly OrderFacts[],
  now: Date,
): AtStake {
  const sums = new Map<string, number>();
  let orders = 0;
  let firstBy: string | null = null;
  let dueNow = false;
  const nowIso = now.toISOString();
  assessments.forEach((a, i) => {
    if (a.group !== 'act_now') return;
    orders++;
    const total = facts[i]?.order.total;
    if (total) sums.set(total.currency, (sums.get(total.currency) ?? 0) + total.amountMinor);
    // Deadlines are sorted by `at`: the first one ahead that is the buyer's to act before.
    const d = a.deadlines.find((x) => x.needsAction && x.at > nowIso);
    if (d && (firstBy === null || d.at < firstBy)) firstBy = d.at;
    const shown = shownDeadline(a);
    if (shown?.needsAction && shown.at <= nowIso) dueNow = true;
  });
  const totals: Money[] = [...sums].map(([currency, amountMinor]) => ({ currency, amountMinor }));
  // Amounts in different currencies are not comparable either: a stable order by code.
  totals.sort((x, y) => (x.currency < y.currency ? -1 : 1));
  return { orders, totals, firstBy, dueNow };
}

/** Every order's position in the snapshot per group (those matching `needle`), most urgent first. */
function sortedGroups(snap: Snapshot, needle: string): Record<DashboardGroupId, number[]> {
  const members: Record<DashboardGroupId, number[]> = { act_now: [], watch: [], settled: [] };
  snap.assessments.forEach((a, i) => {
    const facts = snap.facts[i];
    if (facts && (!needle || matches(facts, needle))) members[a.group].push(i);
  });
  for (const g of GROUP_IDS) {
    members[g].sort((x, y) => {
      const ax = snap.assessments[x];
      const ay = snap.assessments[y];
      if (!ax || !ay) return 0;
      const kx = deadlineKey(ax);
      const ky = deadlineKey(ay);
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
  }
  return members;
}

/** One order as the popup shows it; the buyer's ticks and the refund views are of `now`. */
function orderView(
  facts: OrderFacts,
  assessment: Assessment,
  done: Map<string, string[]>,
  now: Date,
  zone: string,
): OrderView {
  return { facts, assessment, done: done.get(facts.order.id) ?? [], refunds: refundViews(facts, now, zone) };
}

export function buildDashboard(
  snap: Snapshot,
  done: Map<string, string[]>,
  diagnostics: Diagnostic[],
  now: Date,
  q: DashboardQuery,
): Dashboard {
  const needle = q.query?.trim().toLowerCase() ?? '';
  const members = sortedGroups(snap, needle);
  const view = (i: number): OrderView | null => {
    const facts = snap.facts[i];
    const assessment = snap.assessments[i];
    if (!facts || !assessment) return null;
    return orderView(facts, assessment, done, now, snap.zone);
  };
  const groups = {} as Dashboard['groups'];
  for (const g of GROUP_IDS) {
    const list = members[g];
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

/** Bumped whenever `DashboardSummary` changes shape: a summary of another shape is not read. */
export const SUMMARY_FORMAT = 1;

/**
 * The popup's first page as the worker worked it out (issue 16): kept in IndexedDB
 * (lib/store/summaries.ts) so a cold worker answers the popup from one row instead of reading
 * and assessing every order. It holds what does not change until the snapshot's next boundary;
 * what changes without a boundary (the buyer's ticks, refund views of `now`, diagnostics) is
 * read or worked out fresh when it is used.
 */
export interface DashboardSummary {
  format: typeof SUMMARY_FORMAT;
  /** Worked out at this instant and valid until `validUntil` (exclusive), as the snapshot. */
  builtAt: number;
  validUntil: number;
  zone: string;
  leadTimesMs: readonly number[];
  /** How many orders of each group it holds at most. */
  pageSize: number;
  groups: Record<
    DashboardGroupId,
    { total: number; orders: { facts: OrderFacts; assessment: Assessment }[] }
  >;
  totalOrders: number;
  atStake: AtStake;
}

export function summaryOf(snap: Snapshot, now: Date, pageSize = DEFAULT_PAGE): DashboardSummary {
  const members = sortedGroups(snap, '');
  const groups = {} as DashboardSummary['groups'];
  for (const g of GROUP_IDS) {
    const list = members[g];
    groups[g] = {
      total: list.length,
      orders: list.slice(0, pageSize).flatMap((i) => {
        const facts = snap.facts[i];
        const assessment = snap.assessments[i];
        return facts && assessment ? [{ facts, assessment }] : [];
      }),
    };
  }
  return {
    format: SUMMARY_FORMAT,
    builtAt: now.getTime(),
    validUntil: snap.validUntil,
    zone: snap.zone,
    leadTimesMs: snap.leadTimesMs,
    pageSize,
    groups,
    totalOrders: snap.facts.length,
    atStake: atStakeOf(snap.assessments, snap.facts, now),
  };
}

function isSummary(x: unknown): x is DashboardSummary {
  return typeof x === 'object' && x !== null && (x as { format?: unknown }).format === SUMMARY_FORMAT;
}

/**
 * The dashboard `buildDashboard` would give for `q` at `now`, from a kept summary; null when the
 * summary cannot say it: a search, more orders than it holds, a focused order it does not hold,
 * or a summary of another zone, other lead times, or not valid at `now` (the clock passed its
 * next boundary, or went back before it was worked out). Null means: build the snapshot.
 */
export function dashboardFromSummary(
  kept: unknown,
  done: Map<string, string[]>,
  diagnostics: Diagnostic[],
  now: Date,
  zone: string,
  leadTimesMs: readonly number[],
  q: DashboardQuery,
): Dashboard | null {
  if (!isSummary(kept) || q.query?.trim()) return null;
  const t = now.getTime();
  if (t < kept.builtAt || t >= kept.validUntil) return null;
  if (kept.zone !== zone || !sameLeads(kept.leadTimesMs, leadTimesMs)) return null;
  const groups = {} as Dashboard['groups'];
  let focusFound = !q.focus;
  let complete = true;
  for (const g of GROUP_IDS) {
    const { total, orders } = kept.groups[g];
    if (orders.length < total) complete = false;
    const limit = Math.max(1, q.limits?.[g] ?? DEFAULT_PAGE);
    if (limit > orders.length && total > orders.length) return null;
    const shown = orders.slice(0, limit);
    const focusAt = q.focus ? orders.findIndex((o) => o.facts.order.id === q.focus) : -1;
    if (focusAt >= 0) focusFound = true;
    if (focusAt >= limit) shown.push(orders[focusAt] as (typeof orders)[number]);
    groups[g] = { total, orders: shown.map((o) => orderView(o.facts, o.assessment, done, now, zone)) };
  }
  // The focused order may be beyond the page kept: only the whole snapshot knows.
  if (!focusFound && !complete) return null;
  return {
    groups,
    totalOrders: kept.totalOrders,
    diagnostics,
    now: now.toISOString(),
    atStake: kept.atStake,
  };
}
