/**
 * `leadingText` (lib/aliexpress/dom.ts): what a verification or login check reads of a page. It
 * must say what the page shows at its start, whatever the markup, and nothing of its scripts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingText, textOf } from '@/lib/aliexpress/dom';

type Tree = string | { tag: string; children: Tree[] };

const word = fc.constantFrom('Please', 'slide', 'to', 'verify', 'US $1.23', 'Order', 'é', '订单');
const space = fc.constantFrom(' ', '\n  ', '\u00a0', '\t', '');
const text = fc
  .array(fc.tuple(space, word, space), { maxLength: 4 })
  .map((parts) => parts.map((p) => p.join('')).join(''));
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.record({
      tag: fc.constantFrom('div', 'span', 'p', 'script', 'style', 'noscript', 'template'),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
})).node;

function build(doc: Document, t: Tree): Node {
  if (typeof t === 'string') return doc.createTextNode(t);
  const el = doc.createElement(t.tag);
  // A template's markup goes to its content, not its children, as when the page is parsed.
  const into = t.tag === 'template' ? (el as HTMLTemplateElement).content : el;
  for (const c of t.children) into.appendChild(build(doc, c));
  return el;
}

/** What the page shows as text: the body's text without what scripts and styles hold. */
function shown(body: HTMLElement): string {
  const copy = body.cloneNode(true) as HTMLElement;
  for (const el of Array.from(copy.querySelectorAll('script, style, noscript, template'))) el.remove();
  return textOf(copy);
}

describe('leadingText', () => {
  it('is the start of the text the page shows, whitespace collapsed, for any markup and any length', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.integer({ min: 0, max: 40 }), (trees, max) => {
        const body = document.createElement('body');
        for (const t of trees) body.appendChild(build(document, t));
        expect(leadingText(body, max)).toBe(shown(body).slice(0, max));
      }),
      { numRuns: 400 },
    );
  });

  it('stops reading once it has enough: text after the first `max` characters is never looked at', () => {
    const body = document.createElement('body');
    body.append(document.createTextNode('Please slide to verify '));
    const late = document.createTextNode('unusual traffic');
    body.append(late);
    let read = 0;
    Object.defineProperty(late, 'nodeValue', {
      get: () => {
        read += 1;
        return 'unusual traffic';
      },
    });
    expect(leadingText(body, 10)).toBe('Please sli');
    expect(read).toBe(0);
  });
});
