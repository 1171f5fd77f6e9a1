/**
 * One loop per fixture folder: each input is read through the public entry points
 * (readCapturedBody / readPage) and compared with its hand-written `<case>.expected.json`:
 * `{about, ctx, url?, kind?, result}` where a failure is `{ok: false, problemIncludes}`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import type { ReadContext } from '@/lib/aliexpress/context';
import { readCapturedBody } from '@/lib/aliexpress/read-captured';
import { readPage } from '@/lib/aliexpress/read-page';
import type { PageKind, ReadResult } from '@/lib/schema/model';
import { DOM_FOLDERS, EXPECTED_SUFFIX, FIXTURE_ROOT, INPUT_EXTENSIONS, JSON_FOLDERS } from './fixture-kinds';

interface Expected {
  about: string;
  ctx: ReadContext;
  url?: string;
  kind?: PageKind;
  result: ReadResult | { ok: false; problemIncludes: string };
}

function cases(folder: string): Array<{ name: string; input: string; expected: Expected }> {
  const dir = path.join(FIXTURE_ROOT, folder);
  // A missing folder is reported by conventions.test.ts.
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith(EXPECTED_SUFFIX) && INPUT_EXTENSIONS.some((e) => f.endsWith(e)))
    .sort()
    .map((f) => {
      const base = f.slice(0, f.lastIndexOf('.'));
      return {
        name: f,
        input: readFileSync(path.join(dir, f), 'utf8'),
        expected: JSON.parse(readFileSync(path.join(dir, `${base}${EXPECTED_SUFFIX}`), 'utf8')) as Expected,
      };
    });
}

function check(result: ReadResult, expected: Expected['result']): void {
  if ('problemIncludes' in expected) {
    expect(result.ok, JSON.stringify(result)).toBe(false);
    if (!result.ok) expect(result.failure.problem).toContain(expected.problemIncludes);
    return;
  }
  expect(result).toEqual(expected);
}

/** A document parsed by happy-dom from the saved HTML, with scripts disabled. */
function documentOf(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}

for (const [folder, api] of Object.entries(JSON_FOLDERS)) {
  describe(`fixtures/${folder} (${api})`, () => {
    for (const c of cases(folder)) {
      it(`${c.name}: ${c.expected.about}`, () => {
        check(readCapturedBody(api, c.input, c.expected.ctx), c.expected.result);
      });
    }
  });
}

for (const [folder, defaultKind] of Object.entries(DOM_FOLDERS)) {
  describe(`fixtures/${folder} (${defaultKind})`, () => {
    for (const c of cases(folder)) {
      it(`${c.name}: ${c.expected.about}`, () => {
        const url = c.expected.url ?? 'https://www.aliexpress.com/';
        const doc = documentOf(c.input, url);
        check(readPage(c.expected.kind ?? defaultKind, doc, new URL(url), c.expected.ctx), c.expected.result);
      });
    }
  });
}
