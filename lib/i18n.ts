/**
 * The extension's own text, in the buyer's language. Every string lives in
 * public/_locales/<lang>/messages.json (the browser uses them for the manifest too). The
 * background hands the chosen language's table to pages and content scripts
 * (`getUiStrings`), so the buyer can pick a language other than the browser's and the content
 * scripts carry no tables. Placeholders are `{name}`, filled here.
 */
import type EN from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof EN;
export type MessageTable = Record<string, { message: string } | undefined>;

/** Locale folders we ship, and the BCP 47 tag used for dates and money in each. */
export const LOCALES = {
  en: 'en',
  es: 'es',
  pt_BR: 'pt-BR',
  fr: 'fr',
  de: 'de',
  ru: 'ru',
  pl: 'pl',
} as const;
export type LocaleFolder = keyof typeof LOCALES;

export interface UiStrings {
  folder: LocaleFolder;
  /** For Intl: dates, numbers, money. */
  locale: string;
  table: MessageTable;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The locale folder for a setting (`auto` follows the browser) and the browser's language. */
export function pickLocale(setting: string, browserLanguage: string): LocaleFolder {
  const wanted = (setting === 'auto' ? browserLanguage : setting).replace('-', '_');
  const base = wanted.split('_')[0]?.toLowerCase() ?? 'en';
  if (base === 'pt') return 'pt_BR';
  return (Object.keys(LOCALES) as LocaleFolder[]).find((f) => f === base) ?? 'en';
}

export function fillTemplate(template: string, values: Record<string, string | number> = {}): string {
  // Most messages have no placeholder: no regular expression for them (the page words every
  // badge with these, BENCHMARKS.md §5).
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** A translate function over one table, falling back to English and then to the key. */
export function translator(table: MessageTable, fallback: MessageTable = {}): Translate {
  return (key, values) => {
    const entry = table[key] ?? fallback[key];
    return fillTemplate(entry?.message ?? key, values);
  };
}

/**
 * How the package ships the tables (issue 16, sizes): the browser itself reads only the
 * manifest's `__MSG_…__` keys from `_locales`, so those files keep just these keys; the full
 * table of every language is shipped as `locales/<folder>.json` and read by the background
 * when first needed (lib/i18n-tables.ts), so no table is bundled in a script. English, the
 * fallback of every language, carries the key list (`packEnglish`); each other language only
 * its messages in the English key order, with no key names, which weighs about a quarter less
 * gzipped than `messages.json`. The sources stay readable `messages.json` files; the build
 * packs them (scripts/locales.ts).
 */
export const BROWSER_KEYS = ['extName', 'extDescription'] as const;

/** Where the packed table of a folder is, relative to the extension's root. */
export const packedTablePath = (folder: LocaleFolder) => `locales/${folder}.json` as const;

/**
 * A short fingerprint of the key order (FNV-1a, 32 bits) heads every packed table, so a table
 * packed against another English key list is refused rather than shown with each message
 * under the wrong key.
 */
export function keysFingerprint(keys: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = keys.join('\n');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export type PackedTable = [fingerprint: string, ...messages: (string | null)[]];

/** A table as shipped: its messages in the order of `keys`, null where it has none. */
export function packTable(table: MessageTable, keys: readonly string[]): PackedTable {
  return [keysFingerprint(keys), ...keys.map((k) => table[k]?.message ?? null)];
}

/** The table back from its packed form; throws on anything not packed against `keys`. */
export function unpackTable(packed: unknown, keys: readonly string[]): MessageTable {
  if (!Array.isArray(packed) || packed.length !== keys.length + 1 || packed[0] !== keysFingerprint(keys))
    throw new Error('locale table packed against other keys');
  const table: MessageTable = {};
  keys.forEach((key, i) => {
    const message: unknown = packed[i + 1];
    if (typeof message === 'string') table[key] = { message };
    else if (message !== null) throw new Error(`locale table: ${key} is not text`);
  });
  return table;
}

export type PackedEnglish = [keys: string[], ...table: PackedTable];

/** English as shipped: its key list (the order every other table is packed in), then its table. */
export function packEnglish(table: MessageTable): PackedEnglish {
  const keys = Object.keys(table);
  return [keys, ...packTable(table, keys)];
}

/**
 * English back from its packed form, with its key list; throws on anything else (a key list
 * that is not all text, a fingerprint that does not fit it, a missing or non-text message), so
 * a damaged file is never shown as a table with holes.
 */
export function unpackEnglish(packed: unknown): { keys: string[]; table: MessageTable } {
  if (!Array.isArray(packed)) throw new Error('English table: not a packed table');
  const [keys, ...rest] = packed as unknown[];
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k): k is string => typeof k === 'string'))
    throw new Error('English table: no key list');
  const table = unpackTable(rest, keys);
  const missing = keys.find((k) => table[k] === undefined);
  if (missing !== undefined) throw new Error(`English table: ${missing} has no text`);
  return { keys, table };
}
