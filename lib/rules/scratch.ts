/**
 * Allocation helpers for the rules' hot path. The background assesses every stored order at
 * every recompute (lib/rules/next-wake.ts `assessAllWithWake`); at 10,000 and 50,000 orders the
 * garbage collector took a third of the time, so each order should leave little garbage:
 * lists are built in a buffer reused from one order to the next and copied once, at their
 * exact size, and empty lists are one shared array.
 *
 * The rules are synchronous and never re-enter a step while it builds its list, so one buffer
 * per step is enough. Results hold only the copies, never a buffer.
 */

/**
 * The empty list every result shares. Read-only by type (results are typed readonly) rather
 * than frozen: V8 does not optimise loops over a frozen array like loops over plain ones, and
 * the rules loop over these lists (measured: ~1,000 B more garbage per order, from iterator
 * results, when this one was frozen).
 */
export const NONE: readonly never[] = [];

/**
 * A reusable buffer of items, each with a numeric sort key (0 when the order of insertion is
 * the order wanted). Its backing arrays keep their capacity from one use to the next.
 */
export class Scratch<T> {
  private readonly items: T[] = [];
  private readonly keys: number[] = [];
  private n = 0;

  /** Starts a new list (forgets the previous one's items). */
  begin(): this {
    // Clear the previous order's references, so a buffer keeps no result alive.
    for (let i = 0; i < this.n; i += 1) this.items[i] = undefined as T;
    this.n = 0;
    return this;
  }

  get length(): number {
    return this.n;
  }

  item(i: number): T {
    return this.items[i] as T;
  }

  key(i: number): number {
    return this.keys[i] as number;
  }

  push(item: T, key = 0): void {
    this.items[this.n] = item;
    this.keys[this.n] = key;
    this.n += 1;
  }

  /** Replaces item `i` (and its key). */
  set(i: number, item: T, key = 0): void {
    this.items[i] = item;
    this.keys[i] = key;
  }

  /**
   * Sorts by key, ties by `tie` when given, keeping the order of insertion for equal items
   * (stable, like Array.prototype.sort). Insertion sort: a list here has a handful of items,
   * and `Array.prototype.sort` copies its array into a work array on every call.
   */
  sort(tie?: (a: T, b: T) => number): void {
    const { items, keys } = this;
    for (let i = 1; i < this.n; i += 1) {
      const item = items[i] as T;
      const key = keys[i] as number;
      let j = i - 1;
      for (; j >= 0; j -= 1) {
        const k = keys[j] as number;
        if (k < key || (k === key && (tie === undefined || tie(items[j] as T, item) <= 0))) break;
        items[j + 1] = items[j] as T;
        keys[j + 1] = k;
      }
      items[j + 1] = item;
      keys[j + 1] = key;
    }
  }

  /** The items as a new array of exactly their number (the shared empty one when none). */
  toArray(): readonly T[] {
    return this.n === 0 ? NONE : this.items.slice(0, this.n);
  }

  /** The keys, likewise. */
  keysToArray(): readonly number[] {
    return this.n === 0 ? NONE : this.keys.slice(0, this.n);
  }
}

/**
 * `list` with `item` appended; from null, a one-item array. For lists that are usually empty
 * or of one item: `[item]` has no spare capacity, where a first push onto `[]` reserves room
 * for 16 or more. The caller turns a list still null into NONE.
 */
export function appended<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}
