/**
 * The rules' reusable buffer (lib/rules/scratch.ts): its sort must order exactly like the stable
 * Array.prototype.sort it replaced, and a list taken from it must not change when the buffer is
 * used again for the next order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appended, NONE, Scratch } from '../../../lib/rules/scratch';

interface Item {
  key: number;
  tie: string;
  /** Insertion order, to see that equal items keep it. */
  seq: number;
}

const byTie = (a: Item, b: Item) => (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0);

const itemsArb = fc
  .array(fc.record({ key: fc.integer({ min: -3, max: 3 }), tie: fc.constantFrom('a', 'b', 'c') }), {
    maxLength: 12,
  })
  .map((xs) => xs.map((x, seq) => ({ ...x, seq })));

function filled(s: Scratch<Item>, items: readonly Item[]): Scratch<Item> {
  s.begin();
  for (const x of items) s.push(x, x.key);
  return s;
}

describe('Scratch', () => {
  it('sorts by key, keeping the order of insertion among equal keys, like Array.prototype.sort', () => {
    const s = new Scratch<Item>();
    fc.assert(
      fc.property(itemsArb, (items) => {
        filled(s, items).sort();
        expect(s.toArray()).toEqual([...items].sort((a, b) => a.key - b.key));
        expect(s.keysToArray()).toEqual(items.map((x) => x.key).sort((a, b) => a - b));
      }),
    );
  });

  it('breaks ties of the key by the given comparison, then by insertion', () => {
    const s = new Scratch<Item>();
    fc.assert(
      fc.property(itemsArb, (items) => {
        filled(s, items).sort(byTie);
        expect(s.toArray()).toEqual([...items].sort((a, b) => a.key - b.key || byTie(a, b)));
      }),
    );
  });

  it('gives copies of exactly its items: reusing the buffer leaves them as they were', () => {
    const s = new Scratch<string>();
    s.begin().push('a', 2);
    s.push('b', 1);
    s.set(0, 'c', 3);
    const first = s.toArray();
    const keys = s.keysToArray();
    s.begin().push('d');
    expect(first).toEqual(['c', 'b']);
    expect(keys).toEqual([3, 1]);
    expect(s.toArray()).toEqual(['d']);
    expect(s.length).toBe(1);
  });

  it('gives the shared empty list when it holds nothing', () => {
    const s = new Scratch<number>();
    s.begin().push(1);
    s.begin();
    expect(s.toArray()).toBe(NONE);
    expect(s.keysToArray()).toBe(NONE);
  });
});

describe('appended', () => {
  it('starts a one-item list from null, then grows that same list', () => {
    const one = appended<number>(null, 1);
    expect(one).toEqual([1]);
    expect(appended(one, 2)).toBe(one);
    expect(one).toEqual([1, 2]);
  });
});
