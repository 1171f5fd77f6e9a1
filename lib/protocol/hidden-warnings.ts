/**
 * "Hide until something changes" (issue 15): a badge or banner the buyer hid is kept hidden
 * only while its step stays the same. Each hidden entry keeps the identity of the step it hid
 * (`stepIdentity`); a page that finds another step for that order shows the warning again and
 * forgets the entry. Kept in `storage.local` (HIDDEN_KEY), written by the AliExpress content
 * scripts and read by Options, which lists them with "Show again".
 */
import type { PageSummary } from './messages';

export interface HiddenWarning {
  /** Which surface of which order: `badge:<orderId>` (order list) or `banner:<orderId>`. */
  key: string;
  /** The step it hid (`stepIdentity`). */
  step: string;
}

/** At most this many entries are kept (the oldest go first). */
export const MAX_HIDDEN = 500;
const KEY = /^(badge|banner):\d{6,32}$/;

/**
 * What makes a step the same step: the alert (its id names the order, the kind and what it is
 * about), its severity (an escalation is news) and its date; with no alert, the order's group
 * and next deadline.
 */
export function stepIdentity(s: Pick<PageSummary, 'alert' | 'group' | 'nextDeadline'>): string {
  const a = s.alert;
  if (a) return `${a.id}|${a.severity}|${a.deadlineAt ?? ''}`;
  const d = s.nextDeadline;
  return `${s.group}|${d ? `${d.kind}|${d.at}` : ''}`;
}

/** The stored list, shape checked (only this extension writes it; a bad entry is dropped). */
export function parseHidden(stored: unknown): HiddenWarning[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (x): x is HiddenWarning =>
        typeof x === 'object' &&
        x !== null &&
        typeof (x as HiddenWarning).key === 'string' &&
        KEY.test((x as HiddenWarning).key) &&
        typeof (x as HiddenWarning).step === 'string' &&
        (x as HiddenWarning).step.length <= 400,
    )
    .slice(-MAX_HIDDEN);
}

/** The order and surface of an entry's key. */
export function hiddenKeyParts(key: string): { kind: 'badge' | 'banner'; orderId: string } | null {
  if (!KEY.test(key)) return null;
  const [kind, orderId] = key.split(':') as ['badge' | 'banner', string];
  return { kind, orderId };
}
