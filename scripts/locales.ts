/**
 * Build step (wxt.config.ts, `build:publicAssets`): ships the locale tables small, from the
 * readable sources in public/_locales (issue 16, sizes; the format is described in lib/i18n.ts).
 * - `_locales/<folder>/messages.json` keeps only the keys the browser reads itself (the
 *   manifest's name and description), minified;
 * - every folder also gets its whole table packed as `locales/<folder>.json`, which the
 *   background fetches when that language is first needed: English with the key list
 *   (`packEnglish`), the others in its key order (`packTable`).
 */
import { readFileSync } from 'node:fs';
import {
  BROWSER_KEYS,
  LOCALES,
  type LocaleFolder,
  type MessageTable,
  packEnglish,
  packedTablePath,
  packTable,
} from '../lib/i18n';

type PublicFile = { relativeDest: string } & ({ absoluteSrc: string } | { contents: string });

const LOCALE_FILE = /^_locales\/([^/]+)\/messages\.json$/;

const isFolder = (name: string): name is LocaleFolder => Object.hasOwn(LOCALES, name);

function read(file: PublicFile): MessageTable {
  return JSON.parse(
    'contents' in file ? file.contents : readFileSync(file.absoluteSrc, 'utf8'),
  ) as MessageTable;
}

/** Rewrites the public files' locale entries in place (the hook's list is changed by reference). */
export function packLocales(files: PublicFile[]): void {
  const tables = new Map<string, { index: number; table: MessageTable }>();
  files.forEach((file, index) => {
    const folder = LOCALE_FILE.exec(file.relativeDest)?.[1];
    if (folder !== undefined) tables.set(folder, { index, table: read(file) });
  });
  const en = tables.get('en')?.table;
  if (!en) throw new Error('packLocales: public/_locales/en/messages.json is missing');
  const keys = Object.keys(en);
  for (const [folder, { index, table }] of tables) {
    // An unknown folder would never be asked for (lib/i18n.ts LOCALES): a build error, not a
    // language silently missing at run time.
    if (!isFolder(folder)) throw new Error(`packLocales: _locales/${folder} is not in LOCALES`);
    const browserOnly = Object.fromEntries(BROWSER_KEYS.flatMap((k) => (table[k] ? [[k, table[k]]] : [])));
    files[index] = {
      relativeDest: `_locales/${folder}/messages.json`,
      contents: JSON.stringify(browserOnly),
    };
    files.push({
      relativeDest: packedTablePath(folder),
      contents: JSON.stringify(folder === 'en' ? packEnglish(table) : packTable(table, keys)),
    });
  }
}
