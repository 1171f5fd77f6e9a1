/**
 * Issue 7 "One click brings every open order up to date": asks AliExpress, through the page's
 * own request helper, for each open order's detail and tracking, one request at a time with a
 * pause between, and hands each answer to the background's readers (`saveCapture`). It runs only
 * when the buyer asks, can be cancelled, stops at the first sign of a login, a human check or a
 * rate limit (never retrying), and keeps the orders still to do so the next run resumes there.
 * Any other failure (an error code, a time-out) skips that order, names it in the summary and
 * goes on: one bad order never keeps the others from being brought up to date (issue 15).
 * Every dependency is passed in, so the tests drive it with fakes and fake timers.
 */
import { stopKind } from '../aliexpress/mtop';
import { REFRESH_APIS, type RefreshApi, type Reply } from '../protocol/window-messages';

/** browser.storage.local key of the orders a stopped run has still to do. */
export { PROGRESS_KEY } from '../protocol/storage-keys';

/** An order the run could not refresh, and the code AliExpress (or the bridge) answered. */
export interface Skipped {
  orderId: string;
  code: string;
}

export interface Progress {
  orderIds: string[];
  total: number;
  /** Orders skipped so far in this run. */
  skipped?: Skipped[];
  /** Why the run stopped, kept so a reload still says it (and offers to resume). */
  stopped?: string;
}

export interface RunState {
  phase: 'idle' | 'running' | 'done' | 'cancelled' | 'stopped';
  done: number;
  total: number;
  /** Why it stopped: an MTOP `ret` code, `login`/`captcha` (the page itself), or one of ours. */
  code?: string;
  /** Orders this run left, offered as "resume" (a later page resumes them too). */
  pending?: number;
  /** Orders that failed and were skipped, named in the summary. */
  skipped?: Skipped[];
}

export interface RunDeps {
  /** The open orders (background `getOpenOrderIds`) and the pause; `null` when it cannot answer. */
  openOrders: () => Promise<{ orderIds: string[]; pauseMs: number } | null>;
  request: (api: RefreshApi, orderId: string) => Promise<Reply>;
  /** Hands one body to the background's readers; `false` when it could not be stored. */
  save: (m: { api: RefreshApi; url: string; body: string }) => Promise<boolean>;
  /** Is the page now a login or a slider/captcha page (lib/aliexpress/blocked-page.ts)? */
  blocked: () => 'login' | 'captcha' | null;
  sleep: (ms: number) => Promise<void>;
  load: () => Promise<Progress | null>;
  store: (p: Progress | null) => Promise<void>;
  onState: (s: RunState) => void;
}

/**
 * The request address the background reads with: the tracking body has no order id, so the
 * reader takes it from the `data=` parameter (lib/aliexpress/read-tracking.ts), as when captured.
 */
function requestUrl(api: RefreshApi, orderId: string): string {
  return `https://acs.aliexpress.com/h5/${api}/1.0/?data=${encodeURIComponent(`{"tradeOrderId":"${orderId}"}`)}`;
}

/** Stored progress; only this extension can write `storage.local`, the shape is checked anyway. */
export function parseProgress(raw: unknown): Progress | null {
  const p = raw as Partial<Progress> | undefined;
  if (!Array.isArray(p?.orderIds) || !p.orderIds.every((id) => typeof id === 'string')) return null;
  if (typeof p.total !== 'number') return null;
  const skipped = Array.isArray(p.skipped)
    ? p.skipped.filter((x): x is Skipped => typeof x?.orderId === 'string' && typeof x.code === 'string')
    : [];
  if (p.orderIds.length === 0 && typeof p.stopped !== 'string') return null;
  return {
    orderIds: p.orderIds,
    total: p.total,
    ...(skipped.length ? { skipped } : {}),
    ...(typeof p.stopped === 'string' ? { stopped: p.stopped.slice(0, 64) } : {}),
  };
}

/**
 * Whether a failure stops the run: AliExpress wants the buyer (sign-in, human check), asks us to
 * slow down, the page has no request helper at all, or the background cannot store. Anything
 * else is about that one order, which is skipped.
 */
function stopsTheRun(code: string): boolean {
  const kind = stopKind(code);
  return kind === 'login' || kind === 'captcha' || kind === 'traffic' || /^(NO_MTOP|NOT_SAVED)$/.test(code);
}

export interface RefreshRun {
  /** Runs, or resumes where the last run stopped; does nothing while running. */
  start: () => Promise<void>;
  cancel: () => void;
  /** After a reload: shows how the last run stopped (or was interrupted) and offers to resume. */
  restore: () => Promise<void>;
}

export function refreshRun(d: RunDeps): RefreshRun {
  let state: RunState = { phase: 'idle', done: 0, total: 0 };
  let cancelled = false;
  let wake = () => {};
  const set = (s: RunState) => {
    state = s;
    d.onState(s);
  };
  return {
    cancel() {
      cancelled = true;
      wake();
    },
    async restore() {
      if (state.phase !== 'idle') return;
      const left = await d.load();
      if (!left || left.orderIds.length === 0) return;
      set({
        phase: 'stopped',
        done: left.total - left.orderIds.length,
        total: left.total,
        pending: left.orderIds.length,
        code: left.stopped ?? 'INTERRUPTED',
        ...(left.skipped?.length ? { skipped: left.skipped } : {}),
      });
    },
    async start() {
      if (state.phase === 'running') return;
      cancelled = false;
      set({ phase: 'running', done: 0, total: 0 });
      const [left, open] = await Promise.all([d.load(), d.openOrders()]);
      if (!open) return set({ phase: 'stopped', done: 0, total: 0, code: 'NO_BACKGROUND' });
      // Resume: the orders left, minus any that have settled since.
      const ids = left ? left.orderIds.filter((id) => open.orderIds.includes(id)) : open.orderIds;
      const total = left ? left.total : ids.length;
      const skipped: Skipped[] = left?.skipped ? [...left.skipped] : [];
      const withSkipped = () => (skipped.length ? { skipped: [...skipped] } : {});
      let done = total - ids.length;
      let asked = false;
      for (const [i, orderId] of ids.entries()) {
        set({ phase: 'running', done, total, ...withSkipped() });
        // Stored before asking: a stop leaves this order and the ones after it to the next run.
        await d.store({ orderIds: ids.slice(i), total, ...withSkipped() });
        for (const api of REFRESH_APIS) {
          if (asked && !cancelled) {
            await Promise.race([d.sleep(open.pauseMs), new Promise<void>((r) => (wake = r))]);
          }
          asked = true;
          // A login or slider page may have replaced the list (lib/aliexpress/blocked-page.ts).
          const page = d.blocked();
          let code = cancelled ? '' : page;
          if (code === null) {
            const reply = await d.request(api, orderId);
            const url = requestUrl(api, orderId);
            code = !reply.ok
              ? reply.code
              : (await d.save({ api, url, body: reply.body }))
                ? null
                : 'NOT_SAVED';
          }
          if (code === null) continue;
          if (code !== '' && !stopsTheRun(code)) {
            // This order only: named in the summary, the run goes on with the next order.
            skipped.push({ orderId, code });
            break;
          }
          // Never retried: the buyer sees why and resumes when AliExpress is ready.
          const pending = ids.length - i;
          if (code) await d.store({ orderIds: ids.slice(i), total, ...withSkipped(), stopped: code });
          return set({ phase: code ? 'stopped' : 'cancelled', done, total, pending, code, ...withSkipped() });
        }
        done += 1;
      }
      await d.store(null);
      set({ phase: 'done', done, total, ...withSkipped() });
    },
  };
}
