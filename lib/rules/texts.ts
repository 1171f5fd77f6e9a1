/**
 * All wording the rules produce, in English. The text itself lives in the English locale file
 * (public/_locales/en/messages.json), so it is written once and translated beside it: alert
 * texts by alert kind (`alert_<kind>_title|action|why`), checklist items by item id
 * (`check_<id>_label|hint`), the bank script (`bank_script…`). `{name}` placeholders are
 * filled by `fill`; `{days}` is the policy number, `{source}` its source (lib/rules/policy.ts).
 * No dates are formatted here: the UI shows `deadlineAt` in the buyer's zone with a countdown.
 */
import MESSAGES from '../../public/_locales/en/messages.json';
import { ALERT_KINDS, type AlertKind } from './types';

type Key = keyof typeof MESSAGES;

function has(key: string): key is Key {
  return Object.hasOwn(MESSAGES, key);
}

/** One English message; a missing key is a programming error caught by the tests. */
function en(key: string): string {
  if (!has(key)) throw new Error(`missing English text ${key}`);
  return MESSAGES[key].message;
}

export interface AlertText {
  title: string;
  action: string;
  why: string;
}

/** The English wording of every alert kind (public/_locales/en/messages.json). */
export const ALERT_TEXTS = Object.fromEntries(
  ALERT_KINDS.map((kind) => [
    kind,
    { title: en(`alert_${kind}_title`), action: en(`alert_${kind}_action`), why: en(`alert_${kind}_why`) },
  ]),
) as Record<AlertKind, AlertText>;

/** Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** What to tell the bank about a late card refund (lib/rules/arn.ts fills it). */
export const BANK_SCRIPT = en('bank_script');

export const BANK_SCRIPT_PARTS = {
  amount: en('bank_script_amount'),
  processed: en('bank_script_processed'),
} as const;

/** Evidence checklist items by stable id (reference Part B.3; lib/rules/checklists.ts). */
export const CHECKLIST_TEXTS: Record<string, { label: string; hint: string | null }> = Object.fromEntries(
  Object.keys(MESSAGES)
    .filter((k) => k.startsWith('check_') && k.endsWith('_label'))
    .map((k) => {
      const id = k.slice('check_'.length, -'_label'.length);
      return [id, { label: en(k), hint: has(`check_${id}_hint`) ? en(`check_${id}_hint`) : null }];
    }),
);
