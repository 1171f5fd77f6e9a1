/**
 * The import direction of the tree (docs/architecture.md, "Folders"), as data and one checker,
 * so that a wrong import fails a test with the offending line named, not a review.
 *
 * Runtimes: `entrypoints/` are thin WXT entries; `lib/background`, `lib/content`,
 * `lib/page-world` and `lib/pages` run in one runtime each; `lib/store` is the only home of
 * Dexie; `components/` only present (Preact, props in). Everything else in `lib/` is shared by
 * every runtime and must stay free of side effects: no `browser.*`, Preact or Dexie.
 */
import path from 'node:path';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `lib/rules/dates.ts`. */
  path: string;
  text: string;
}

export interface ImportEdge {
  from: string;
  /** A repository-relative file, or the bare package name (`dexie`, `#imports`). */
  to: string;
  spec: string;
  line: number;
  typeOnly: boolean;
}

export interface Violation {
  rule: string;
  /** `file:line imports 'spec'`, or the cycle's files. */
  where: string;
}

const RUNTIMES = ['lib/background', 'lib/content', 'lib/page-world', 'lib/pages'] as const;
const SIDE_EFFECT_PACKAGES = ['#imports', 'wxt', 'dexie', 'preact', 'webextension-polyfill'];

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const inRuntime = (file: string) => RUNTIMES.some((r) => under(file, r));
/** Shared `lib/`: every runtime may load it, so it must not bring a runtime's world in. */
const isSharedLib = (file: string) => under(file, 'lib') && !inRuntime(file) && !under(file, 'lib/store');
/** `entrypoints/popup` for `entrypoints/popup/App.tsx`, the file itself for a one-file entry. */
const entryOf = (file: string) => file.split('/').slice(0, 2).join('/');
const packageOf = (to: string) =>
  to.startsWith('@') ? to.split('/').slice(0, 2).join('/') : to.split('/')[0];
const isSideEffectPackage = (to: string) => {
  const p = packageOf(to) ?? to;
  return SIDE_EFFECT_PACKAGES.some((s) => p === s || p.startsWith(`${s}/`) || to.startsWith(`${s}/`));
};

/** Static and dynamic import specifiers, comments removed first so prose cannot count. */
export function importsOf(file: SourceFile, exists: (p: string) => string | null): ImportEdge[] {
  const text = file.text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const edges: ImportEdge[] = [];
  const re =
    /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?(['"])([^'"]+)\3|import\(\s*(['"])([^'"]+)\5\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[4] ?? m[6];
    if (!spec) continue;
    const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
    const typeOnly = Boolean(m[2]);
    let to: string | null = spec;
    if (spec.startsWith('.') || spec.startsWith('@/')) {
      const base = spec.startsWith('@/')
        ? spec.slice(2)
        : path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec));
      to = exists(base.replace(/\?.*$/, ''));
      if (!to) continue; // assets (`?inline` CSS, JSON) and files outside the tree
    }
    edges.push({ from: file.path, to, spec, line, typeOnly });
  }
  return edges;
}

type Rule = { name: string; broken: (e: ImportEdge) => boolean };

export const RULES: Rule[] = [
  {
    name: 'nothing imports an entry point (files of one entry may import each other)',
    broken: (e) => under(e.to, 'entrypoints') && entryOf(e.to) !== entryOf(e.from),
  },
  {
    name: 'lib/ never imports components/ (only the page UI of lib/content mounts them)',
    broken: (e) => under(e.from, 'lib') && !under(e.from, 'lib/content') && under(e.to, 'components'),
  },
  {
    name: 'components/ present only: no runtime code, store or protocol client (types are fine)',
    broken: (e) =>
      under(e.from, 'components') &&
      !e.typeOnly &&
      (inRuntime(e.to) || under(e.to, 'lib/store') || under(e.to, 'lib/protocol') || e.to === '#imports'),
  },
  {
    name: 'components/ use Preact, never Dexie or the browser',
    broken: (e) =>
      under(e.from, 'components') && ['dexie', '#imports', 'webextension-polyfill'].includes(e.to),
  },
  {
    name: 'shared lib/ (readers, rules, schema, protocol, root) has no side effects: no browser, Preact or Dexie',
    broken: (e) => isSharedLib(e.from) && !e.typeOnly && isSideEffectPackage(e.to),
  },
  {
    name: 'shared lib/ never imports a runtime folder or the store',
    broken: (e) =>
      isSharedLib(e.from) &&
      !e.typeOnly &&
      (inRuntime(e.to) || under(e.to, 'lib/store') || under(e.to, 'components')),
  },
  {
    name: 'lib/store uses Dexie, never the browser, Preact or a runtime folder',
    broken: (e) =>
      under(e.from, 'lib/store') &&
      !e.typeOnly &&
      (['#imports', 'preact', 'webextension-polyfill'].includes(packageOf(e.to) ?? '') || inRuntime(e.to)),
  },
  {
    name: 'Dexie only in lib/store (and the background entry that opens it)',
    broken: (e) => e.to === 'dexie' && !under(e.from, 'lib/store') && !e.typeOnly,
  },
  {
    name: 'each runtime folder imports no other runtime folder',
    broken: (e) => {
      const a = RUNTIMES.find((r) => under(e.from, r));
      const b = RUNTIMES.find((r) => under(e.to, r));
      return Boolean(a && b && a !== b && !e.typeOnly);
    },
  },
];

/** `browser.` or `chrome.` used in shared code without an import (a global). */
function globalBrowserUse(file: SourceFile): Violation[] {
  if (!isSharedLib(file.path) && !under(file.path, 'components')) return [];
  const code = file.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const m = /\b(browser|chrome)\.(runtime|storage|tabs|alarms|notifications|action|windows)\b/.exec(code);
  return m ? [{ rule: 'no browser.* outside the runtime folders', where: `${file.path} uses ${m[0]}` }] : [];
}

/** Every cycle, type-only imports included (a cycle of types still ties two modules together). */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

export function checkLayout(files: SourceFile[]): Violation[] {
  const known = new Set(files.map((f) => f.path));
  const exists = (base: string) =>
    ['', '.ts', '.tsx', '.mjs', '/index.ts', '/index.tsx'].map((x) => base + x).find((p) => known.has(p)) ??
    null;
  const edges = files.flatMap((f) => importsOf(f, exists));
  const violations: Violation[] = [];
  for (const e of edges)
    for (const r of RULES)
      if (r.broken(e)) violations.push({ rule: r.name, where: `${e.from}:${e.line} imports '${e.spec}'` });
  for (const f of files) violations.push(...globalBrowserUse(f));
  for (const c of cycles(edges)) violations.push({ rule: 'no import cycle', where: c.join(' -> ') });
  const root = files.filter((f) => /^lib\/[^/]+\.(ts|tsx)$/.test(f.path)).map((f) => f.path);
  if (root.length > 5)
    violations.push({ rule: 'the root of lib/ keeps at most 5 files', where: root.join(', ') });
  return violations;
}
