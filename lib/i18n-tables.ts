/**
 * Every shipped locale table, for the background only (it serves one table at a time to
 * pages and content scripts, lib/i18n.ts). Missing keys fall back to English.
 */
import de from '../public/_locales/de/messages.json';
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';
import fr from '../public/_locales/fr/messages.json';
import pl from '../public/_locales/pl/messages.json';
import pt_BR from '../public/_locales/pt_BR/messages.json';
import ru from '../public/_locales/ru/messages.json';
import {
  LOCALES,
  type LocaleFolder,
  type MessageTable,
  pickLocale,
  translator,
  type UiStrings,
} from './i18n';

export const TABLES: Record<LocaleFolder, MessageTable> = { en, es, pt_BR, fr, de, ru, pl };

export function uiStrings(setting: string, browserLanguage: string): UiStrings {
  const folder = pickLocale(setting, browserLanguage);
  return { folder, locale: LOCALES[folder], table: { ...en, ...TABLES[folder] } };
}

export function translatorFor(setting: string, browserLanguage: string) {
  const s = uiStrings(setting, browserLanguage);
  return { t: translator(s.table, en), locale: s.locale };
}
