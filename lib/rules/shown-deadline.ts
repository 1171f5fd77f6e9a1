/**
 * The date an order's card shows, which the popup's top line must agree with. Its own module with
 * no imports but types, so the popup carries no rules code for it.
 */
import type { Assessment, Deadline } from './types';

/**
 * What an order's card shows as its date (components/OrderCard.tsx) and what the popup's top
 * line counts (lib/background/dashboard.ts `atStakeOf`): the headline step's own deadline, even a
 * passed one ("Purchase protection ended on …"), else the next deadline ahead.
 */
export function shownDeadline(
  a: Pick<Assessment, 'headline' | 'deadlines' | 'nextDeadline'>,
): Deadline | null {
  const h = a.headline;
  return (h && a.deadlines.find((d) => d.kind === h.deadlineKind && d.at === h.deadlineAt)) || a.nextDeadline;
}
