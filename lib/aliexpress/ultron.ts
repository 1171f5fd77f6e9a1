import { at, isRecord, type JsonRecord, str } from './json';

/**
 * The order list and detail answers are an Ultron component graph: `data.data` maps
 * `<tag>_<id>` → component; select by the `tag` field, never by the key suffix, and take the
 * display order from `data.hierarchy.structure` because the key order is shuffled
 * (maxwellmezadre/aliexpress-mcp docs/INTERNAL-API.md and docs/adr/0009-ultron-by-tag.md;
 * test/fixtures/order-list-init.json).
 */
export interface Component {
  key: string;
  tag: string;
  fields: JsonRecord;
  id: string | null;
}

function ultronData(body: unknown): JsonRecord | null {
  const data = at(body, 'data', 'data');
  return isRecord(data) ? data : null;
}

export function componentsByTag(body: unknown, tag: string): Component[] {
  const data = ultronData(body);
  if (!data) return [];
  const found: Component[] = [];
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (!isRecord(value) || value.tag !== tag) continue;
    found.push({ key, tag, fields: isRecord(value.fields) ? value.fields : {}, id: str(value.id) });
  }
  const structure = at(body, 'data', 'hierarchy', 'structure');
  if (!isRecord(structure) || found.length === 0) return found;
  const order = new Map<string, number>();
  let i = 0;
  for (const children of Object.values(structure)) {
    for (const child of Array.isArray(children) ? children : []) {
      if (typeof child === 'string' && !order.has(child)) order.set(child, i++);
    }
  }
  // Each component's place is looked up once, not twice per comparison (a 1,000-order list
  // sorts 1,000 components); the sort is stable, as before, for keys the structure lacks.
  const ranked = found.map((c) => ({ c, rank: order.get(c.key) ?? 1e9 }));
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.map((r) => r.c);
}

export function firstFields(body: unknown, tag: string): JsonRecord | null {
  return componentsByTag(body, tag)[0]?.fields ?? null;
}
