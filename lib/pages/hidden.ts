/**
 * Options' list of the warnings the buyer hid on AliExpress pages (lib/protocol/hidden-warnings.ts),
 * read from storage.local directly, each named by its order's item (the background's page
 * summaries); "Show again" forgets one, so the page shows it at the next visit.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { type HiddenWarning, hiddenKeyParts, parseHidden } from '../protocol/hidden-warnings';
import { HIDDEN_KEY } from '../protocol/storage-keys';
import { call } from './client';

export interface HiddenEntry {
  key: string;
  kind: 'badge' | 'banner';
  orderId: string;
  /** The first item's title, or null when the order is not (or no longer) stored. */
  item: string | null;
}

async function load(): Promise<HiddenEntry[]> {
  const list = parseHidden((await browser.storage.local.get(HIDDEN_KEY))[HIDDEN_KEY]);
  const parts = list.flatMap((h) => {
    const p = hiddenKeyParts(h.key);
    return p ? [{ key: h.key, ...p }] : [];
  });
  const ids = [...new Set(parts.map((p) => p.orderId))].slice(0, 200);
  const r = ids.length ? await call('getPageSummaries', { orderIds: ids }) : null;
  const orders = r?.ok ? r.value.orders : {};
  return parts.map((p) => ({ ...p, item: orders[p.orderId]?.item ?? null }));
}

export interface HiddenWarningsState {
  entries: HiddenEntry[];
  /** Forgets one: the page shows that warning again. */
  show: (key: string) => void;
  /** Forgets all (after "Delete all data": the list names orders). */
  clear: () => void;
}

export function useHiddenWarnings(): HiddenWarningsState {
  const [entries, setEntries] = useState<HiddenEntry[]>([]);
  useEffect(() => {
    void load().then(setEntries);
  }, []);
  const show = (key: string) => {
    void (async () => {
      const list: HiddenWarning[] = parseHidden((await browser.storage.local.get(HIDDEN_KEY))[HIDDEN_KEY]);
      await browser.storage.local.set({ [HIDDEN_KEY]: list.filter((h) => h.key !== key) });
      setEntries((now) => now.filter((e) => e.key !== key));
    })();
  };
  const clear = () => {
    void browser.storage.local.remove(HIDDEN_KEY).then(() => setEntries([]));
  };
  return { entries, show, clear };
}
