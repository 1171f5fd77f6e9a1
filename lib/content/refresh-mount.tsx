/**
 * Wires "Refresh open orders" into the order-list page: a `RefreshRun` with the real browser,
 * page and background behind its dependencies, and the panel in its own shadow root.
 */
import { browser } from '#imports';
import { RefreshPanel } from '@/components/RefreshPanel';
import type { Ui } from '@/components/ui-context';
import { detectBlockedPage } from '../aliexpress/blocked-page';
import { send } from '../protocol/messages';
import { render } from './dom-render';
import { requestThroughPage } from './refresh-bridge';
import { PROGRESS_KEY, parseProgress, type RunState, refreshRun } from './refresh-run';

export interface RefreshHandle {
  start: () => void;
  destroy: () => void;
}

export interface MountDeps {
  makeHost: () => { host: HTMLElement; root: ShadowRoot };
  ui: () => Promise<Ui | null>;
  /**
   * What a stopped run left, as stored when the page started (it came with the page's first
   * answer, so the panel reads no storage at load); later runs read storage themselves.
   */
  savedProgress?: () => Promise<unknown>;
  runtimeSend: (m: unknown) => Promise<unknown>;
  /** After stored data changed, so the badges show it. */
  onSaved: () => void;
}

/** The popup's request to start (entrypoints/popup): exactly this shape, nothing else. */
export function isStartRefresh(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'startRefresh';
}

export function mountRefresh(deps: MountDeps): RefreshHandle {
  const { host, root } = deps.makeHost();
  // Fixed in the bottom-left corner, so progress stays in view while the buyer scrolls; idle it
  // is a small pill, clear of the cards' own buttons on their right (docs/screenshots).
  host.style.cssText = 'position:fixed;left:16px;bottom:16px;z-index:2147483646;max-width:320px';
  let ui: Ui | null = null;
  let state: RunState = { phase: 'idle', done: 0, total: 0 };
  let closed = false;
  const paint = () => {
    if (!ui) return;
    host.hidden = closed;
    render(
      closed ? null : (
        <RefreshPanel
          ui={ui}
          state={state}
          onStart={() => void run.start()}
          onCancel={() => run.cancel()}
          onClose={() => {
            closed = true;
            paint();
          }}
        />
      ),
      root,
    );
  };
  let saved = deps.savedProgress;
  const run = refreshRun({
    openOrders: async () => {
      const r = await send(deps.runtimeSend, 'getOpenOrderIds', {});
      return r.ok ? r.value : null;
    },
    request: requestThroughPage,
    save: async (m) => {
      const r = await send(deps.runtimeSend, 'saveCapture', m);
      if (r.ok && r.value.written > 0) deps.onSaved();
      // An unreadable body is recorded as a diagnostic by the background; the run goes on.
      return r.ok;
    },
    blocked: () => detectBlockedPage(document, new URL(location.href)),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    load: async () => {
      const first = saved;
      saved = undefined;
      if (first) return parseProgress(await first());
      return parseProgress((await browser.storage.local.get(PROGRESS_KEY))[PROGRESS_KEY]);
    },
    store: (p) =>
      p ? browser.storage.local.set({ [PROGRESS_KEY]: p }) : browser.storage.local.remove(PROGRESS_KEY),
    onState: (s) => {
      state = s;
      paint();
    },
  });
  // Last in the page, so the panel is the page's last Tab stop, after AliExpress's own links.
  (document.body ?? document.documentElement).append(host);
  void deps.ui().then((u) => {
    ui = u;
    paint();
  });
  // A run stopped before a reload still says why, and offers to resume.
  void run.restore();
  return {
    start: () => {
      closed = false;
      void run.start();
    },
    destroy: () => {
      run.cancel();
      render(null, root);
      host.remove();
    },
  };
}
