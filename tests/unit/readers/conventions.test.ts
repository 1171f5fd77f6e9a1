/**
 * House rules as a test (style.md habit 10): every reader has a fixture folder with cases, every
 * fixture has its expected output and vice versa, every folder belongs to a reader, and every
 * page kind has example URLs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_KINDS } from '@/lib/schema/model';
import {
  DOM_FOLDERS,
  EXPECTED_SUFFIX,
  FIXTURE_ROOT,
  INPUT_EXTENSIONS,
  JSON_FOLDERS,
  NOT_READERS,
} from './fixture-kinds';
import { PAGE_KIND_EXAMPLES } from './page-kind-examples';

const LIB = path.resolve(__dirname, '../../../lib/aliexpress');
const readerFiles = readdirSync(LIB).filter((f) => /^read-.+\.ts$/.test(f) && !NOT_READERS.includes(f));
const folderOf = (file: string) => file.replace(/^read-/, '').replace(/\.ts$/, '');

describe('reader conventions', () => {
  it('finds the readers', () => {
    expect(readerFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(readerFiles)('%s has a registered fixture folder with cases', (file) => {
    const folder = folderOf(file);
    expect(
      Object.keys({ ...JSON_FOLDERS, ...DOM_FOLDERS }),
      `register ${folder} in fixture-kinds.ts`,
    ).toContain(folder);
    const dir = path.join(FIXTURE_ROOT, folder);
    expect(existsSync(dir), `missing ${dir}`).toBe(true);
    const inputs = readdirSync(dir).filter((f) => !f.endsWith(EXPECTED_SUFFIX));
    expect(inputs.length, `${dir} has no cases`).toBeGreaterThan(0);
  });

  it('every fixture has its expected output, and every expected output its fixture', () => {
    for (const folder of readdirSync(FIXTURE_ROOT)) {
      const dir = path.join(FIXTURE_ROOT, folder);
      if (folder === 'README.md') continue;
      expect(readerFiles.map(folderOf), `${folder} has no reader`).toContain(folder);
      const files = readdirSync(dir);
      for (const f of files) {
        if (f.endsWith(EXPECTED_SUFFIX)) {
          const base = f.slice(0, -EXPECTED_SUFFIX.length);
          const inputs = INPUT_EXTENSIONS.filter((e) => files.includes(`${base}${e}`));
          expect(inputs, `${folder}/${f} needs exactly one input`).toHaveLength(1);
        } else {
          expect(
            INPUT_EXTENSIONS.some((e) => f.endsWith(e)),
            `${folder}/${f}: unknown extension`,
          ).toBe(true);
          const base = f.slice(0, f.lastIndexOf('.'));
          expect(files, `${folder}/${f} has no expected output`).toContain(`${base}${EXPECTED_SUFFIX}`);
        }
      }
    }
  });

  it('readers take their input as parameters: no page globals, clock or extension APIs in lib/aliexpress', () => {
    const forbidden =
      /(?<![.\w$])(?:document|window|location|navigator|localStorage|indexedDB)\.|\bDate\.now\(|new Date\(\)|\bbrowser\.|\bchrome\.|from 'dexie'|from 'wxt/;
    for (const file of readdirSync(LIB).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(path.join(LIB, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(forbidden.exec(code)?.[0] ?? null, file).toBeNull();
    }
  });

  it('every page kind has example URLs', () => {
    for (const kind of PAGE_KINDS) expect(PAGE_KIND_EXAMPLES[kind].length).toBeGreaterThan(0);
  });
});
