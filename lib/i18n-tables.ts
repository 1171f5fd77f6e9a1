/**
 * Locale tables for the background, which serves one table at a time to pages and content
 * scripts (lib/i18n.ts). English is bundled (the rules' texts come from it); the other tables
 * are read from the extension's own packed files (`locales/<folder>.json`, see `packTable`)
 * when first needed, so the package does not carry them twice. Missing keys fall back to
 * English.
 */
import en from '../public/_locales/en/messages.json';
import {
  LOCALES,
  type LocaleFolder,
  type MessageTable,
  pickLocale,
  translator,
  type UiStrings,
  unpackTable,
} from './i18n';

export type TableLoader = (folder: LocaleFolder) => Promise<MessageTable>;

/** A shipped packed table, read against the bundled English keys (throws if it does not fit). */
export function readPackedTable(packed: unknown): MessageTable {
  return unpackTable(packed, Object.keys(en));
}

const cache = new Map<LocaleFolder, Promise<MessageTable>>();

/** Loads (once) the table of a folder; English, or a table that cannot be read, gives English. */
export function tableFor(folder: LocaleFolder, load: TableLoader): Promise<MessageTable> {
  if (folder === 'en') return Promise.resolve(en);
  let hit = cache.get(folder);
  if (!hit) {
    hit = load(folder).then(
      (table) => ({ ...en, ...table }),
      () => en,
    );
    cache.set(folder, hit);
  }
  return hit;
}

export async function uiStrings(
  setting: string,
  browserLanguage: string,
  load: TableLoader,
): Promise<UiStrings> {
  const folder = pickLocale(setting, browserLanguage);
  return { folder, locale: LOCALES[folder], table: await tableFor(folder, load) };
}

export async function translatorFor(setting: string, browserLanguage: string, load: TableLoader) {
  const s = await uiStrings(setting, browserLanguage, load);
  return { t: translator(s.table, en), locale: s.locale };
}
