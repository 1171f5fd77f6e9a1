/**
 * Locale tables for the background, which serves one table at a time to pages and content
 * scripts (lib/i18n.ts). Every table, English included, is read from the extension's own packed
 * files (`locales/<folder>.json`, see `packEnglish` and `packTable`), English as the worker
 * starts and the others when first needed, so no script bundles one (issue 16, sizes). Missing
 * keys fall back to English. Nothing is worded before its table is there: every text the
 * background words goes through `translatorFor` or `uiStrings`, which wait for it.
 */
import {
  LOCALES,
  type LocaleFolder,
  type MessageTable,
  packedTablePath,
  pickLocale,
  translator,
  type UiStrings,
  unpackEnglish,
  unpackTable,
} from './i18n';

export type TableLoader = (folder: LocaleFolder) => Promise<MessageTable>;

/**
 * The tables as the package ships them: `readJson` reads one packed file by its path in the
 * package (the background fetches its own URL). English, which every other table is packed
 * against, is read at once (the worker creates this at start, so a cold worker's first answer
 * does not wait for a fetch begun only then) and read again if that failed; another table is
 * read alongside it. A file that does not fit is refused (throws).
 */
export function packageTables(readJson: (path: string) => Promise<unknown>): TableLoader {
  let english: Promise<ReturnType<typeof unpackEnglish>> | undefined;
  const readEnglish = () => {
    if (english) return english;
    const reading = readJson(packedTablePath('en')).then(unpackEnglish);
    english = reading;
    reading.catch(() => {
      if (english === reading) english = undefined;
    });
    return reading;
  };
  void readEnglish();
  return async (folder) => {
    if (folder === 'en') return (await readEnglish()).table;
    const [en, packed] = await Promise.all([readEnglish(), readJson(packedTablePath(folder))]);
    return unpackTable(packed, en.keys);
  };
}

const cache = new Map<LocaleFolder, Promise<MessageTable>>();

/**
 * Loads (once) the table of a folder, over English for the keys it lacks. A table that cannot
 * be read gives English; English that cannot be read gives an empty table, so every text shows
 * its key (visible, never blank) and says so in the console. A failure is not kept: the next
 * call loads again.
 */
export function tableFor(folder: LocaleFolder, load: TableLoader): Promise<MessageTable> {
  const hit = cache.get(folder);
  if (hit) return hit;
  const loading =
    folder === 'en'
      ? load('en')
      : Promise.all([tableFor('en', load), load(folder)]).then(([en, table]) => ({ ...en, ...table }));
  const table = loading.catch((error: unknown): Promise<MessageTable> | MessageTable => {
    cache.delete(folder);
    console.error(`Buyer Shield: the ${folder} texts cannot be read`, error);
    return folder === 'en' ? {} : tableFor('en', load);
  });
  cache.set(folder, table);
  return table;
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
  return { t: translator(s.table), locale: s.locale };
}
