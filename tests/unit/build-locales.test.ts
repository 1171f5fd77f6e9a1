/**
 * The build ships the locale tables packed (scripts/locales.ts, lib/i18n.ts): whatever the
 * buyer's language, the background must read back exactly the readable source table, and the
 * browser must still find the manifest's own texts in `_locales`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BROWSER_KEYS,
  type LocaleFolder,
  type MessageTable,
  packEnglish,
  packTable,
  translator,
} from '@/lib/i18n';
import { packageTables, type TableLoader, uiStrings } from '@/lib/i18n-tables';
import { packLocales } from '@/scripts/locales';

const ROOT = path.resolve(__dirname, '../..');
const PUBLIC = path.join(ROOT, 'public');
type PublicFile = { relativeDest: string } & ({ absoluteSrc: string } | { contents: string });

/** The public directory as WXT hands it to `build:publicAssets`. */
function publicFiles(dir = PUBLIC, rel = ''): PublicFile[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? publicFiles(dir, r) : [{ absoluteSrc: path.join(dir, r), relativeDest: r }];
  });
}

function built(): Map<string, string> {
  const files = publicFiles();
  packLocales(files);
  return new Map(
    files.map((f) => [f.relativeDest, 'contents' in f ? f.contents : readFileSync(f.absoluteSrc, 'utf8')]),
  );
}

const source = (folder: string): MessageTable =>
  JSON.parse(readFileSync(path.join(PUBLIC, '_locales', folder, 'messages.json'), 'utf8'));
const FOLDERS = readdirSync(path.join(PUBLIC, '_locales')) as LocaleFolder[];
const OTHERS = FOLDERS.filter((f) => f !== 'en');

/** The background's reader over a set of packed files (path → text), as it fetches them. */
const readerOf = (files: ReadonlyMap<string, string>): TableLoader =>
  packageTables(async (file) => {
    const text = files.get(file);
    if (text === undefined) throw new Error(`no file ${file}`);
    return JSON.parse(text);
  });

/** A fresh copy of lib/i18n-tables.ts: its cache of loaded tables starts empty. */
async function freshTables() {
  vi.resetModules();
  return import('@/lib/i18n-tables');
}

describe('packed locale tables (build)', () => {
  const out = built();
  const fromPackage = readerOf(out);

  it('English round-trips: every key, in the source order, with the same text', async () => {
    const table = await fromPackage('en');
    expect(table).toEqual(source('en'));
    expect(Object.keys(table)).toEqual(Object.keys(source('en')));
  });

  it('no script bundles a locale table: the English source is imported only as a type', () => {
    const bundled: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(e.name)) {
          const code = readFileSync(path.join(ROOT, rel), 'utf8');
          if (/^import (?!type )[^;]*_locales\/[^;]*messages\.json/m.test(code)) bundled.push(rel);
        }
      }
    };
    for (const dir of ['entrypoints', 'lib', 'components']) walk(dir);
    expect(bundled).toEqual([]);
  });

  it.each(OTHERS)('%s: the background reads back the whole source table', async (folder) => {
    expect(await fromPackage(folder)).toEqual(source(folder));
  });

  it.each(OTHERS)('%s: a page in that language gets its own words', async (folder) => {
    const s = await uiStrings(folder, 'en-US', fromPackage);
    expect(s.folder).toBe(folder);
    expect(s.table).toEqual({ ...source('en'), ...source(folder) });
  });

  it('a damaged English file is refused, not read as a table with holes', async () => {
    const packed = packEnglish(source('en'));
    const keys = packed[0];
    const damaged = [
      'not json at all',
      packed.slice(0, -1), // a message short
      [keys.slice(1), ...packed.slice(1)], // a key short
      [keys, ...packed.slice(1).map((m, i) => (i === 5 ? 7 : m))], // a message that is not text
      [keys, ...packed.slice(1).map((m, i) => (i === 5 ? null : m))], // a message missing
      packTable(source('en'), keys), // another language's format
    ];
    for (const bad of damaged) {
      const { tableFor } = await freshTables();
      const load = readerOf(new Map([['locales/en.json', JSON.stringify(bad)]]));
      await expect(load('en')).rejects.toThrow();
      // The buyer sees each text's key, not a blank: visibly broken, and reported.
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const t = translator(await tableFor('en', load));
      expect(t('group_act_now')).toBe('group_act_now');
      expect(errors).toHaveBeenCalled();
      errors.mockRestore();
    }
  });

  it('English that could not be read is read again at the next call', async () => {
    const { tableFor } = await freshTables();
    let fail = true;
    const load: TableLoader = async (folder) => {
      if (fail) throw new Error('not yet');
      return fromPackage(folder);
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await tableFor('en', load)).toEqual({});
    errors.mockRestore();
    fail = false;
    expect(await tableFor('en', load)).toEqual(source('en'));
    expect(await tableFor('es', load)).toEqual({ ...source('en'), ...source('es') });
  });

  it.each(FOLDERS)('%s: _locales keeps the texts the browser reads itself, in that language', (folder) => {
    const shipped = JSON.parse(out.get(`_locales/${folder}/messages.json`) ?? 'null') as MessageTable;
    const src = source(folder);
    expect(shipped).toEqual(Object.fromEntries(BROWSER_KEYS.map((k) => [k, src[k]])));
  });

  it('every __MSG_ key of the manifest is one the build keeps in _locales', () => {
    const config = readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    const used = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((k) => !(BROWSER_KEYS as readonly string[]).includes(k ?? ''))).toEqual([]);
  });

  it('a table packed against other keys is refused, and the buyer gets English, not shuffled words', async () => {
    const es = source('es');
    const shuffled = packTable(es, Object.keys(source('en')).reverse());
    const withShuffled = readerOf(new Map([...out, ['locales/es.json', JSON.stringify(shuffled)]]));
    await expect(withShuffled('es')).rejects.toThrow();
    const withJunk = readerOf(new Map([...out, ['locales/es.json', JSON.stringify(['x', 'y'])]]));
    await expect(withJunk('es')).rejects.toThrow();
    const fresh = await freshTables();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const table = await fresh.tableFor('es', withShuffled);
    errors.mockRestore();
    expect(table).toEqual(source('en'));
  });

  it('a language folder the code does not know fails the build instead of going missing', () => {
    const files: PublicFile[] = [
      { relativeDest: '_locales/en/messages.json', contents: JSON.stringify(source('en')) },
      { relativeDest: '_locales/it/messages.json', contents: JSON.stringify(source('en')) },
    ];
    expect(() => packLocales(files)).toThrow(/it/);
  });
});
