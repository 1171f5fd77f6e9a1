/**
 * Every shipped locale table matches the English one: the same keys (in the same order), the
 * same `{placeholders}` per message (the code fills them by name), no empty message, the
 * product name untranslated, and the leading space kept where English messages are glued on.
 * Also how the browser's language picks a table (lib/i18n.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pickLocale } from '@/lib/i18n';

type Table = Record<string, { message?: unknown } | undefined>;

const ROOT = path.resolve(__dirname, '../../../public/_locales');
const read = (folder: string): Table =>
  JSON.parse(readFileSync(path.join(ROOT, folder, 'messages.json'), 'utf8'));
const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
const messageOf = (table: Table, key: string): string => {
  const m = table[key]?.message;
  return typeof m === 'string' ? m : '';
};

const EN = read('en');
const EN_KEYS = Object.keys(EN);
const FOLDERS = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('locale tables', () => {
  it('ships the expected folders', () => {
    expect(FOLDERS).toEqual(expect.arrayContaining(['en', 'es', 'pt_BR', 'fr', 'de', 'ru', 'pl']));
  });

  describe.each(FOLDERS)('%s', (folder) => {
    const table = read(folder);
    const keys = Object.keys(table);

    it('has exactly the English keys', () => {
      const missing = EN_KEYS.filter((k) => !Object.hasOwn(table, k));
      const extra = keys.filter((k) => !Object.hasOwn(EN, k));
      expect(
        { missing, extra },
        `${folder}: missing ${missing.join(', ')}; extra ${extra.join(', ')}`,
      ).toEqual({
        missing: [],
        extra: [],
      });
    });

    it('keeps the keys in the English order', () => {
      const common = EN_KEYS.filter((k) => Object.hasOwn(table, k));
      expect(keys.filter((k) => Object.hasOwn(EN, k))).toEqual(common);
    });

    it('has the English placeholders in every message', () => {
      const wrong = EN_KEYS.filter((k) => Object.hasOwn(table, k))
        .map((k) => ({ key: k, en: placeholders(messageOf(EN, k)), here: placeholders(messageOf(table, k)) }))
        .filter((p) => p.en.join() !== p.here.join());
      expect(wrong, `${folder}: placeholders differ from English`).toEqual([]);
    });

    it('has no empty message', () => {
      const empty = keys.filter((k) => messageOf(table, k).trim() === '');
      expect(empty, `${folder}: empty messages`).toEqual([]);
    });

    it('keeps a leading space where English has one (the message is appended to another)', () => {
      const wrong = EN_KEYS.filter(
        (k) =>
          Object.hasOwn(table, k) && messageOf(EN, k).startsWith(' ') !== messageOf(table, k).startsWith(' '),
      );
      expect(wrong, `${folder}: leading space differs from English`).toEqual([]);
    });

    it('keeps the product name', () => {
      expect(messageOf(table, 'extName')).toBe('Buyer Shield');
    });
  });
});

describe('pickLocale', () => {
  it.each([
    ['auto', 'pt-BR', 'pt_BR'],
    ['auto', 'pt-PT', 'pt_BR'],
    ['auto', 'de-AT', 'de'],
    ['auto', 'ja', 'en'],
    ['es', 'fr-FR', 'es'],
  ])('%s with browser %s gives %s', (setting, browser, folder) => {
    expect(pickLocale(setting, browser)).toBe(folder);
  });
});
