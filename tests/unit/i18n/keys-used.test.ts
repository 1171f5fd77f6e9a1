/**
 * Every English key is used by the code (so no dead text ships in seven languages): a key counts
 * as used when the sources name it, or when they build keys of its prefix at run time with a
 * template (`deadline_${kind}`, `alert_${kind}_title`, …).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import EN from '@/public/_locales/en/messages.json';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|tsx|html)$/.test(e.name) ? [readFileSync(path.join(ROOT, rel), 'utf8')] : [];
  });
}

const CODE = [
  ...['lib', 'components', 'entrypoints'].flatMap(sources),
  readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'),
].join('\n');
/** Prefixes of keys built at run time: the literal part before `${` in a template. */
const BUILT_PREFIXES = [...new Set([...CODE.matchAll(/`([a-z][a-z_]*_)\$\{/g)].map((m) => m[1] ?? ''))];

describe('locale keys', () => {
  it('finds the keys the code builds at run time', () => {
    expect(BUILT_PREFIXES).toEqual(expect.arrayContaining(['deadline_', 'alert_', 'check_', 'reason_']));
  });

  it('every English key is named by the code or built from a prefix it uses', () => {
    const unused = Object.keys(EN).filter(
      (key) => !CODE.includes(key) && !BUILT_PREFIXES.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
