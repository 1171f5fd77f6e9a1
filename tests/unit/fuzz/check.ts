/**
 * What every reader output must satisfy, whatever the input: a result, never an exception; on
 * success, observations the background accepts (`ObservationsSchema`); on failure, a short
 * problem text for the diagnostics table. Counts are kept for docs/reliability.md.
 */
import * as v from 'valibot';
import type { ReadResult } from '@/lib/schema/model';
import { describeIssues, ObservationsSchema } from '@/lib/schema/observations';

/** Cases per property: thousands in CI; `FUZZ_RUNS=100000 npx vitest run tests/unit/fuzz` locally. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** DOM cases cost ~15 ms each (happy-dom), so they run half as many unless told. */
export const DOM_RUNS = Number(process.env.FUZZ_DOM_RUNS ?? Math.ceil(RUNS / 2));
/** Set `FUZZ_SEED` to replay a failure fast-check reported. */
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

export interface Tally {
  cases: number;
  read: number;
  refused: number;
  /** Refusals where the reader threw and the guard turned it into a failure. */
  guarded: number;
}

const tallies = new Map<string, Tally>();

export function tally(name: string): Tally {
  let t = tallies.get(name);
  if (!t) {
    t = { cases: 0, read: 0, refused: 0, guarded: 0 };
    tallies.set(name, t);
  }
  return t;
}

export function printTallies(): void {
  if (!process.env.FUZZ_REPORT) return;
  for (const [name, t] of tallies) {
    console.log(
      `FUZZ ${name}: ${t.cases} cases, ${t.read} read, ${t.refused} refused (${t.guarded} by the guard)`,
    );
  }
}

export const GUARD_PROBLEM = 'stopped on an unexpected shape';

/** Throws (so fast-check shrinks and reports the input) when a result breaks the contract. */
export function checkResult(result: ReadResult, t: Tally): void {
  t.cases += 1;
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    throw new Error(`not a ReadResult: ${String(result)}`);
  }
  if (result.ok) {
    const parsed = v.safeParse(ObservationsSchema, result.observations);
    if (!parsed.success)
      throw new Error(`output the background would refuse: ${describeIssues(parsed.issues)}`);
    t.read += 1;
    return;
  }
  const problem = result.failure.problem;
  if (typeof problem !== 'string' || problem === '' || problem.length > 300) {
    throw new Error(`a problem text must be a short sentence: ${JSON.stringify(problem).slice(0, 400)}`);
  }
  t.refused += 1;
  if (problem.includes(GUARD_PROBLEM)) t.guarded += 1;
}

export function isEmptyRead(result: ReadResult): boolean {
  if (!result.ok) return false;
  const o = result.observations;
  return !o.orders.length && !o.packages.length && !o.disputes.length && !o.refunds.length;
}
