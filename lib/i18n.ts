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
