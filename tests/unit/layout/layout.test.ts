import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkLayout, type SourceFile } from './import-rules';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): SourceFile[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(name) ? [{ path: rel, text: readFileSync(path.join(ROOT, rel), 'utf8') }] : [];
  });
}

const tree = () => [...sources('lib'), ...sources('components'), ...sources('entrypoints')];

describe('the tree keeps its import direction', () => {
  it('has no import that breaks a layout rule, no cycle, and at most 5 files at the root of lib/', () => {
    const files = tree();
    expect(files.length).toBeGreaterThan(50);
    expect(checkLayout(files)).toEqual([]);
  });

  it('the rules import date-fns for their date arithmetic', () => {
    const rules = tree().filter((f) => f.path.startsWith('lib/rules/'));
    expect(rules.some((f) => /from 'date-fns'|from '@date-fns\/tz'/.test(f.text))).toBe(true);
  });
});

describe('the layout check fails on a wrong import, naming it', () => {
  const base: SourceFile[] = [
    {
      path: 'lib/rules/dates.ts',
      text: "import type { IsoDate } from '../schema/model';\nexport const x = 1;",
    },
    { path: 'lib/schema/model.ts', text: 'export type IsoDate = string;' },
    { path: 'lib/store/db.ts', text: "import Dexie from 'dexie';\nexport const db = new Dexie('x');" },
    {
      path: 'lib/pages/client.ts',
      text: "import { browser } from '#imports';\nexport const call = browser;",
    },
    {
      path: 'components/Card.tsx',
      text: "import type { IsoDate } from '@/lib/schema/model';\nexport const C = 1;",
    },
    {
      path: 'entrypoints/popup/main.tsx',
      text: "import { call } from '@/lib/pages/client';\nimport { C } from '@/components/Card';",
    },
  ];

  it('accepts the well-formed tree', () => {
    expect(checkLayout(base)).toEqual([]);
  });

  it.each([
    [
      'a rule that opens the database',
      { path: 'lib/rules/deadlines.ts', text: "import { db } from '../store/db';" },
      "lib/rules/deadlines.ts:1 imports '../store/db'",
    ],
    [
      'a reader that asks the browser',
      { path: 'lib/aliexpress/read-x.ts', text: "// why\nimport { browser } from '#imports';" },
      "lib/aliexpress/read-x.ts:2 imports '#imports'",
    ],
    [
      'a component that calls the background',
      { path: 'components/Bad.tsx', text: "import { call } from '@/lib/pages/client';" },
      "components/Bad.tsx:1 imports '@/lib/pages/client'",
    ],
    [
      'Dexie outside the store',
      { path: 'lib/background/handlers.ts', text: "import Dexie from 'dexie';" },
      "lib/background/handlers.ts:1 imports 'dexie'",
    ],
    [
      'lib/ importing a component',
      { path: 'lib/background/csv.ts', text: "import { C } from '../../components/Card';" },
      "lib/background/csv.ts:1 imports '../../components/Card'",
    ],
  ])('%s', (_name, bad, where) => {
    const violations = checkLayout([...base, bad]);
    expect(violations.map((v) => v.where)).toContain(where);
  });

  it('a cycle, even through types only', () => {
    const violations = checkLayout([
      ...base,
      { path: 'lib/protocol/a.ts', text: "import type { B } from './b';\nexport type A = 1;" },
      { path: 'lib/protocol/b.ts', text: "import type { A } from './a';\nexport type B = 2;" },
    ]);
    expect(violations).toContainEqual({
      rule: 'no import cycle',
      where: 'lib/protocol/a.ts -> lib/protocol/b.ts -> lib/protocol/a.ts',
    });
  });

  it('a global browser.* in shared code', () => {
    const violations = checkLayout([
      ...base,
      { path: 'lib/rules/x.ts', text: 'export const y = browser.storage.local;' },
    ]);
    expect(violations).toContainEqual({
      rule: 'no browser.* outside the runtime folders',
      where: 'lib/rules/x.ts uses browser.storage',
    });
  });

  it('a sixth file at the root of lib/', () => {
    const extra = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({ path: `lib/${n}.ts`, text: '' }));
    expect(checkLayout([...base, ...extra]).map((v) => v.rule)).toContain(
      'the root of lib/ keeps at most 5 files',
    );
  });
});
