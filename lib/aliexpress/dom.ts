/**
 * DOM helpers for the page readers. They take elements as parameters (never `document`), and
 * work on `textContent` so that prices split into per-character spans ("Total: US $12.34" as
 * `<span>U</span><span>S</span>…`, reference §2.1 `es--char--…`) read as one string.
 */

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The start of what `root` shows as text, whitespace collapsed, at most `max` characters: its
 * text nodes in order until there are enough, without the contents of scripts and styles. A
 * page's `textContent` holds every inline script (an AliExpress page inlines large ones, and
 * the list's cards are only a part of it), so collapsing all of it to keep its first few
 * thousand characters cost the page ~3 ms per read (BENCHMARKS.md §5, the list requested after
 * load), and a script's string could pass for a text on the page.
 */
export function leadingText(root: Node | null | undefined, max: number): string {
  // Kept collapsed as it grows (no leading space, never two in a row), so its length is what
  // the result would be and the walk stops as soon as there is enough.
  let out = '';
  const walk = (n: Node): boolean => {
    if (n.nodeType === 3) {
      let t = (n.nodeValue ?? '').replace(/[\s\u00a0]+/g, ' ');
      if (t.startsWith(' ') && (out === '' || out.endsWith(' '))) t = t.slice(1);
      out += t;
      return out.length > max;
    }
    if (NOT_SHOWN.has(n.nodeName)) return false;
    for (let c = n.firstChild; c; c = c.nextSibling) if (walk(c)) return true;
    return false;
  };
  if (root) walk(root);
  return out.trim().slice(0, max);
}

const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Like `textOf`, but whitespace-only text nodes with a line break (source formatting between the
 * per-character spans of a split price) are dropped, so "U","S"," ","$","1","2" reads "US $12".
 */
export function priceTextOf(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      const t = n.nodeValue ?? '';
      if (!(t.trim() === '' && /[\r\n]/.test(t))) parts.push(t);
      return;
    }
    for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(el);
  return parts
    .join('')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export function first(root: ParentNode, selectors: string): Element | null {
  try {
    return root.querySelector(selectors);
  } catch {
    return null;
  }
}

/** The first match of the first selector that matches anything (selector order = priority). */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = first(root, s);
    if (el) return el;
  }
  return null;
}

export function all(root: ParentNode, selectors: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selectors));
  } catch {
    return [];
  }
}

/** An href resolved against the page URL (fixtures neutralise hosts; relative and // links occur). */
export function hrefOf(a: Element | null, base: URL): string | null {
  const raw = a?.getAttribute('href');
  if (!raw) return null;
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

export function srcOf(img: Element | null, base: URL): string | null {
  const raw = img?.getAttribute('src');
  if (!raw) return null;
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

/** `orderId=` / `tradeOrderId=` in any link under `root` (reference §2.1: most robust id source). */
export function orderIdFromLinks(root: Element | Document): string | null {
  const self = 'tagName' in root ? [root] : [];
  for (const a of [...self, ...all(root, 'a[href]')]) {
    const href = a.getAttribute('href');
    const m = href ? /[?&](?:trade)?[oO]rderId=(\d{8,22})(?!\d)/.exec(href) : null;
    if (m?.[1]) return m[1];
  }
  return null;
}

const BLOCKS = 'div,p,li,tr,td,dd,dt,h1,h2,h3,h4,section,article,header,footer,label';

/**
 * The texts of block elements that contain no other block element — a layout-free stand-in for
 * "the lines a person sees".
 */
export function blockLines(root: ParentNode): string[] {
  const lines: string[] = [];
  for (const el of all(root, BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const t = textOf(el);
    if (t !== '' && t.length <= 400) lines.push(t);
  }
  return lines;
}

/** The part after the first ":" ("Total: US $12.34" → "US $12.34"), or the whole text. */
export function afterLabel(text: string): string {
  const i = text.search(/[:：]/);
  return i >= 0 ? text.slice(i + 1).trim() : text.trim();
}

/** `background-image: url("…_220x220.jpg")` → the URL. */
export function backgroundUrl(el: Element | null, base: URL): string | null {
  const style = el?.getAttribute('style') ?? '';
  const m = /url\((['"]?)([^'")]+)\1\)/.exec(style);
  if (!m?.[2]) return null;
  try {
    return new URL(m[2], base).href;
  } catch {
    return null;
  }
}
