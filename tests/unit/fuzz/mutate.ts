/**
 * fast-check arbitraries that damage real AliExpress shapes the ways pages and networks do:
 * a field replaced, removed, retyped, made huge or hostile, an array multiplied past our
 * limits, a key renamed to `__proto__`; and, at the byte level, truncation and noise.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Container = Json[] | { [k: string]: Json };

const HOSTILE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  '99999999999999999999999999999999999',
  '8123456789012345678901234567890123456789012',
  '2026-02-30',
  '0000-00-00',
  'Feb 30, 2026',
  'Dec 31, 275760',
  '31/12/99999',
  '13.13.2026',
  'US $-1.00',
  'US $1e309',
  'US $99999999999999999999.99',
  'R$ 1.234.567.890.123.456,78',
  '€|0|0',
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '__proto__',
  'constructor',
  'toString',
  '\u0000\u202e\ufeff',
  '💥'.repeat(3000),
  'x'.repeat(5000),
  'SUCCESS::调用成功',
  'FAIL_SYS_TOKEN_EXOIRED::令牌过期',
];

/** A value a field may be replaced with. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -1, 2 ** 53 + 1, 1e21, -1e21, 8_123_456_789_012_346_000),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, [], {}) },
);

const OPS = ['replace', 'delete', 'multiply', 'retype', 'grow', 'rename', 'swap'] as const;
export type Op = (typeof OPS)[number];
export interface Mutation {
  at: number;
  op: Op;
  value: Json;
  times: number;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom(...OPS),
  value: hostileValue,
  // Past linesPerOrder (200) and eventsPerPackage (500) now and then.
  times: fc.oneof(fc.integer({ min: 2, max: 5 }), fc.constantFrom(201, 501)),
});

/** Every (container, key) in the tree, depth first; capped so huge bodies stay fast. */
function slots(root: Json): Array<[Container, string | number]> {
  const out: Array<[Container, string | number]> = [];
  const walk = (node: Json) => {
    if (out.length > 5000 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i]);
        walk(child);
      });
      return;
    }
    for (const key of Object.keys(node)) {
      out.push([node, key]);
      walk(node[key] as Json);
    }
  };
  walk(root);
  return out;
}

/** Sets an own property even for `__proto__`, as JSON.parse would. */
function put(target: Container, key: string | number, value: Json): void {
  if (Array.isArray(target) && typeof key === 'number') target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function retype(x: Json): Json {
  if (typeof x === 'string') return /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : [x];
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return x.length ? (x[0] ?? null) : {};
  if (x && typeof x === 'object') return [x];
  return x === null ? 'null' : String(x);
}

function grow(x: Json): Json {
  if (typeof x === 'string') return `${x} `.repeat(Math.ceil(3000 / (x.length + 1)));
  if (typeof x === 'number') return x * 1e20;
  return x;
}

export function applyMutations(seed: unknown, mutations: Mutation[]): unknown {
  const root = structuredClone(seed) as Json;
  for (const m of mutations) {
    const all = slots(root);
    const slot = all[m.at % Math.max(all.length, 1)];
    if (!slot) continue;
    const [parent, key] = slot;
    const current = (parent as Record<string | number, Json>)[key] ?? null;
    switch (m.op) {
      case 'replace':
        put(parent, key, m.value);
        break;
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete (parent as Record<string, Json>)[key];
        break;
      case 'multiply':
        if (Array.isArray(current) && current.length) {
          const copy = current.slice();
          while (current.length < copy.length * m.times) current.push(...structuredClone(copy));
        } else
          put(
            parent,
            key,
            Array.from({ length: Math.min(m.times, 50) }, () => structuredClone(current)),
          );
        break;
      case 'retype':
        put(parent, key, retype(current));
        break;
      case 'grow':
        put(parent, key, grow(current));
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          delete (parent as Record<string, Json>)[key];
          put(parent, typeof m.value === 'string' && m.value ? m.value : '__proto__', current);
        }
        break;
      case 'swap': {
        const other = all[(m.at * 7 + 3) % all.length];
        if (other) {
          const [p2, k2] = other;
          const theirs = (p2 as Record<string | number, Json>)[k2] ?? null;
          put(p2, k2, structuredClone(current));
          put(parent, key, structuredClone(theirs));
        }
        break;
      }
    }
  }
  return root;
}

/** Text of one of the seeds with 1–6 mutations, sometimes as JSONP. */
export function mutatedBody(seeds: unknown[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([i, ms, jsonp]) => {
      const text = JSON.stringify(applyMutations(seeds[i % seeds.length], ms));
      return jsonp ? `mtopjsonp7(${text})` : text;
    });
}

/** Byte-level damage: truncation, a cut-out range, inserted noise. */
export function damagedText(texts: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat(),
      fc.constantFrom('truncate', 'cut', 'insert'),
      fc.nat(),
      fc.nat(),
      fc.string({ maxLength: 8, unit: 'binary' }),
    )
    .map(([i, op, a, b, noise]) => {
      const text = texts[i % texts.length] ?? '';
      const p = a % (text.length + 1);
      if (op === 'truncate') return text.slice(0, p);
      if (op === 'cut') return text.slice(0, p) + text.slice(p + (b % 200));
      return text.slice(0, p) + noise + text.slice(p);
    });
}
