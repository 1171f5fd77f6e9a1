import type { Observations, ReadResult } from '@/lib/schema/model';
import { conformObservations } from './conform';

function emptyObservations(): Observations {
  return { orders: [], packages: [], disputes: [], refunds: [] };
}

export function ok(partial: Partial<Observations>): ReadResult {
  return { ok: true, observations: { ...emptyObservations(), ...partial } };
}

export function fail(problem: string): ReadResult {
  return { ok: false, failure: { problem } };
}

/**
 * Runs a reader so that nothing escapes: an exception becomes a failure naming the reader (never
 * the input, which may hold personal data).
 */
export function guarded<A extends unknown[]>(name: string, reader: (...args: A) => ReadResult) {
  return (...args: A): ReadResult => {
    try {
      return reader(...args);
    } catch (e) {
      const kind = e instanceof Error ? e.name : typeof e;
      return fail(`${name} stopped on an unexpected shape (${kind})`);
    }
  };
}

/** A reader's result brought within the background's limits (lib/aliexpress/conform.ts). */
export function conformed(result: ReadResult): ReadResult {
  return result.ok ? { ok: true, observations: conformObservations(result.observations) } : result;
}
