/**
 * The build ships the locale tables packed (scripts/locales.ts, lib/i18n.ts): whatever the
 * buyer's language, the background must read back exactly the readable source table, and the
 * browser must still find the manifest's own texts in `_locales`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BROWSER_KEYS, type LocaleFolder, type MessageTable, packTable } from '@/lib/i18n';
import { readPackedTable, uiStrings } from '@/lib/i18n-tables';
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

describe('packed locale tables (build)', () => {
  const out = built();
  const fromPackage = async (folder: LocaleFolder) => {
    const text = out.get(`locales/${folder}.json`);
    if (text === undefined) throw new Error(`no packed table for ${folder}`);
    return readPackedTable(JSON.parse(text));
  };

  it.each(OTHERS)('%s: the background reads back the whole source table', async (folder) => {
    expect(await fromPackage(folder)).toEqual(source(folder));
  });

  it.each(OTHERS)('%s: a page in that language gets its own words', async (folder) => {
    const s = await uiStrings(folder, 'en-US', fromPackage);
    expect(s.folder).toBe(folder);
    expect(s.table).toEqual({ ...source('en'), ...source(folder) });
  });

  it('English is not shipped twice: it comes from the background bundle', () => {
    expect(out.has('locales/en.json')).toBe(false);
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
    expect(() => readPackedTable(shuffled)).toThrow();
    expect(() => readPackedTable(['x', 'y'])).toThrow();
    // A fresh copy of lib/i18n-tables.ts: its cache of loaded tables starts empty.
    vi.resetModules();
    const fresh = await import('@/lib/i18n-tables');
    const table = await fresh.tableFor('es', async () => fresh.readPackedTable(shuffled));
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
