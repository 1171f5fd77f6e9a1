/**
 * Small, total accessors over parsed JSON of unknown shape. Readers never trust a shape: every
 * access goes through these and yields `null` rather than throwing.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(x: unknown): x is JsonRecord {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Follows a path of keys; `null` as soon as a step is not an object. */
export function at(x: unknown, ...path: string[]): unknown {
  let cur: unknown = x;
  for (const key of path) {
    if (!isRecord(cur)) return null;
    cur = cur[key];
  }
  return cur;
}

/** A trimmed non-empty string, or a finite number / bigint-like id as its decimal text. */
export function str(x: unknown): string | null {
  if (typeof x === 'string') {
    const t = x.trim();
    return t === '' ? null : t;
  }
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return null;
}

export function num(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x.trim())) return Number(x.trim());
  return null;
}

export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

export function records(x: unknown): JsonRecord[] {
  return arr(x).filter(isRecord);
}

/** Strips HTML tags and entities from rich-text fields ("<font …>Free returns</font>"). */
export function plainText(x: unknown): string | null {
  const s = str(x);
  if (s === null) return null;
  // Most titles are plain already: no tag, no entity, no run or kind of space to fold.
  if (!/[<&]|[^\S ]| {2}/.test(s)) return s;
  const t = s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return t === '' ? null : t;
}

/** `//www.aliexpress.com/…` → `https://www.aliexpress.com/…`. */
export function absoluteUrl(x: unknown): string | null {
  const s = str(x);
  if (s === null) return null;
  return s.startsWith('//') ? `https:${s}` : s;
}

/**
 * An id that may arrive as a JSON number. Ids of 16+ digits can exceed 2^53 and lose digits in
 * `JSON.parse`, so when the number is not a safe integer the exact digits are taken from the raw
 * body text (the detail's `tradeOrderId` is a NUMBER — maxwellmezadre/aliexpress-mcp
 * test/fixtures/order-detail.json).
 */
export function idOf(x: unknown, raw: string | null, field: string): string | null {
  if (typeof x === 'string') return /^\d+$/.test(x.trim()) ? x.trim() : null;
  if (typeof x !== 'number' || !Number.isFinite(x)) return null;
  if (Number.isSafeInteger(x)) return String(x);
  if (raw === null) return null;
  const m = new RegExp(`"${field}"\\s*:\\s*(\\d+)`).exec(raw);
  return m?.[1] ?? null;
}
