/**
 * The English wording the rules themselves fill: checklist items by item id
 * (`check_<id>_label|hint`) and the bank script (`bank_script…`), read from the English locale
 * file (public/_locales/en/messages.json) so each text is written once and translated beside
 * it. Alerts carry no text: the UI words them from `alert_<kind>_title|action|why` in the
 * buyer's language with the alert's `values`.
 */
import MESSAGES from '../../public/_locales/en/messages.json';

type Key = keyof typeof MESSAGES;

function has(key: string): key is Key {
  return Object.hasOwn(MESSAGES, key);
}

/** One English message; a missing key is a programming error caught by the tests. */
function en(key: string): string {
  if (!has(key)) throw new Error(`missing English text ${key}`);
  return MESSAGES[key].message;
}

/** Fills `{name}` placeholders (the one filler the UI uses too). */
export { fillTemplate as fill } from '../i18n';

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
