/**
 * Every order's facts and assessment, kept in the worker's memory between messages. An
 * assessment only changes at a boundary (lib/rules next-wake) or when data changes, so the
 * snapshot is reused until the next boundary and dropped on every change. A stopped worker
 * simply builds it again.
 */

import { type Assessment, assessAllWithWake } from '../rules';
import type { OrderFacts } from '../schema/model';
import type { BuyerShieldDb } from '../store/db';
import { loadVersionedFacts } from '../store/summaries';

export interface Snapshot {
  facts: OrderFacts[];
  assessments: Assessment[];
  /** Position of each order id in `facts` and `assessments`. */
  byId: ReadonlyMap<string, number>;
  /** Reusable until this instant (the next boundary); Infinity when nothing will change. */
  validUntil: number;
  /** The instant it was worked out for: a clock set back before it does not reuse it. */
  builtAt: number;
  zone: string;
  leadTimesMs: readonly number[];
  /** The data version the facts were read at (lib/store/summaries.ts): a summary of it is kept only while it is current. */
  dataVersion: string;
}

const snapshots = new WeakMap<BuyerShieldDb, Snapshot>();
const builds = new WeakMap<BuyerShieldDb, Promise<Snapshot>>();
/** Which build is current: a change in between makes a finishing build's result stale. */
const tokens = new WeakMap<BuyerShieldDb, object>();

/** After any change to orders, parcels, disputes, refunds or settings. */
export function invalidateSnapshot(db: BuyerShieldDb): void {
  snapshots.delete(db);
  builds.delete(db);
  tokens.delete(db);
}

export function sameLeads(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether a built snapshot is in memory (none after the worker was stopped, or a change). */
export function hasSnapshot(db: BuyerShieldDb): boolean {
  return snapshots.has(db);
}

export async function getSnapshot(
  db: BuyerShieldDb,
  now: Date,
  zone: string,
  leadTimesMs: readonly number[],
): Promise<Snapshot> {
  const hit = snapshots.get(db);
  const t = now.getTime();
  if (
    hit &&
    hit.builtAt <= t &&
    t < hit.validUntil &&
    hit.zone === zone &&
    sameLeads(hit.leadTimesMs, leadTimesMs)
  ) {
    return hit;
  }
  const pending = builds.get(db);
  if (pending) return pending;
  const token = {};
  const build = buildSnapshot(db, now, zone, leadTimesMs).then((snap) => {
    // Keep it only if no change happened while it was being built.
    if (tokens.get(db) === token) snapshots.set(db, snap);
    return snap;
  });
  tokens.set(db, token);
  builds.set(db, build);
  try {
    return await build;
  } finally {
    if (tokens.get(db) === token) builds.delete(db);
  }
}

async function buildSnapshot(
  db: BuyerShieldDb,
  now: Date,
  zone: string,
  leadTimesMs: readonly number[],
): Promise<Snapshot> {
  const { facts, version } = await loadVersionedFacts(db);
  const { assessments, next } = assessAllWithWake(facts, { now, zone, leadTimesMs });
  const byId = new Map(facts.map((f, i) => [f.order.id, i]));
  return {
    facts,
    assessments,
    byId,
    validUntil: next?.getTime() ?? Number.POSITIVE_INFINITY,
    builtAt: now.getTime(),
    zone,
    leadTimesMs,
    dataVersion: version,
  };
}
