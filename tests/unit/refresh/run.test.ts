/**
 * Issue 7: the refresh controller with fakes and fake timers — request order, the pause,
 * progress, cancel, resume after a stop, a stop on every blocking code and page, no retry, and
 * each answer handed to save with an address the tracking reader can take the order id from.
 */

import { stopKind } from '@/lib/aliexpress/mtop';
import { orderIdFromRequest } from '@/lib/aliexpress/read-tracking';
import { type Progress, type RunDeps, type RunState, refreshRun } from '@/lib/content/refresh-run';
import type { RefreshApi, Reply } from '@/lib/protocol/window-messages';

const DETAIL = 'mtop.aliexpress.trade.buyer.order.detail';
const TRACK = 'mtop.ae.ld.querydetail';
const IDS = ['8100000000000001', '8100000000000002', '8100000000000003'];

interface Fake {
  deps: RunDeps;
  calls: { api: RefreshApi; orderId: string; at: number }[];
  saved: { api: RefreshApi; url: string; body: string }[];
  states: RunState[];
  stored: { value: Progress | null };
  /** The answer for the n-th request (0-based); success by default. */
  answers: Map<number, Reply>;
  page: { blocked: 'login' | 'captcha' | null };
}

function fake({ ids = IDS, pauseMs = 2000 } = {}): Fake {
  const f: Fake = {
    calls: [],
    saved: [],
    states: [],
    stored: { value: null },
    answers: new Map(),
    page: { blocked: null },
    deps: {} as RunDeps,
  };
  f.deps = {
    openOrders: async () => ({ orderIds: ids, pauseMs }),
    request: async (api, orderId) => {
      f.calls.push({ api, orderId, at: Date.now() });
      return f.answers.get(f.calls.length - 1) ?? { ok: true, body: `{"api":"${api}","id":"${orderId}"}` };
    },
    save: async (m) => {
      f.saved.push(m);
      return true;
    },
    blocked: () => f.page.blocked,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    load: async () => f.stored.value,
    store: async (p) => {
      f.stored.value = p;
    },
    onState: (s) => f.states.push(s),
  };
  return f;
}

const last = (f: Fake) => f.states.at(-1);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-10-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('refreshRun', () => {
  it('asks detail then tracking for each order, one at a time, with the pause between', async () => {
    const f = fake();
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    expect(f.calls.map((c) => [c.api, c.orderId])).toEqual(
      IDS.flatMap((id) => [
        [DETAIL, id],
        [TRACK, id],
      ]),
    );
    const gaps = f.calls.slice(1).map((c, i) => c.at - (f.calls[i]?.at ?? 0));
    expect(gaps).toEqual(Array(5).fill(2000));
    expect(last(f)).toEqual({ phase: 'done', done: 3, total: 3 });
    expect(f.stored.value).toBeNull();
  });

  it('hands each answer to save, with the order id in the address as the reader needs', async () => {
    const f = fake();
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    expect(f.saved).toHaveLength(6);
    for (const [i, s] of f.saved.entries()) {
      const call = f.calls[i];
      expect(s.api).toBe(call?.api);
      expect(s.body).toBe(`{"api":"${call?.api}","id":"${call?.orderId}"}`);
      expect(new URL(s.url).hostname).toBe('acs.aliexpress.com');
      expect(orderIdFromRequest(s.url)).toBe(call?.orderId);
    }
  });

  it('does not wait before the first request and reports progress per order', async () => {
    const f = fake();
    const done = refreshRun(f.deps).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(f.calls).toHaveLength(1);
    expect(last(f)).toMatchObject({ phase: 'running', done: 0, total: 3 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(f.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(last(f)).toMatchObject({ phase: 'running', done: 1, total: 3 });
    await vi.runAllTimersAsync();
    await done;
    const counts = f.states.filter((s) => s.phase === 'running').map((s) => s.done);
    expect(counts).toEqual([0, 0, 1, 2]);
  });

  it('uses the configured pause', async () => {
    const f = fake({ pauseMs: 700 });
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    expect(f.calls[1]?.at).toBe((f.calls[0]?.at ?? 0) + 700);
  });

  it('cancels at once during a pause, keeps what is left, and resumes there', async () => {
    const f = fake();
    const run = refreshRun(f.deps);
    const first = run.start();
    await vi.advanceTimersByTimeAsync(2000 * 2 + 500); // order 1 done, order 2 half done
    expect(f.calls).toHaveLength(3);
    run.cancel();
    await first;
    expect(last(f)).toEqual({ phase: 'cancelled', done: 1, total: 3, pending: 2, code: '' });
    expect(f.calls).toHaveLength(3);
    expect(f.stored.value).toEqual({ orderIds: IDS.slice(1), total: 3 });

    const second = run.start();
    await vi.runAllTimersAsync();
    await second;
    // Order 2 was half done: it is asked again from its detail, order 1 is not.
    expect(f.calls.slice(3).map((c) => [c.api, c.orderId])).toEqual(
      IDS.slice(1).flatMap((id) => [
        [DETAIL, id],
        [TRACK, id],
      ]),
    );
    expect(last(f)).toEqual({ phase: 'done', done: 3, total: 3 });
    expect(f.stored.value).toBeNull();
  });

  it('a second start while running does nothing', async () => {
    const f = fake();
    const run = refreshRun(f.deps);
    const a = run.start();
    const b = run.start();
    await vi.runAllTimersAsync();
    await Promise.all([a, b]);
    expect(f.calls).toHaveLength(6);
  });

  it.each([
    ['FAIL_SYS_USER_VALIDATE', 'captcha'],
    ['FAIL_SYS_TRAFFIC_LIMIT', 'traffic'],
    ['FAIL_SYS_SESSION_EXPIRED', 'login'],
    ['NEED_LOGIN', 'login'],
    ['FAIL_SYS_SID_INVALID', 'login'],
    ['NO_MTOP', 'unavailable'],
  ])('stops at once on %s (%s), never retrying, and keeps why for after a reload', async (code, kind) => {
    const f = fake();
    f.answers.set(2, { ok: false, code }); // order 2's detail
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    expect(f.calls).toHaveLength(3);
    expect(f.saved).toHaveLength(2);
    expect(last(f)).toEqual({ phase: 'stopped', done: 1, total: 3, pending: 2, code });
    expect(stopKind(code)).toBe(kind);
    expect(f.stored.value).toEqual({ orderIds: IDS.slice(1), total: 3, stopped: code });
    // Nothing more is asked however long we wait.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(f.calls).toHaveLength(3);
  });

  it.each([
    ['FAIL_SYS_TOKEN_EXOIRED', 'error'],
    ['TIMEOUT', 'unavailable'],
    ['FAIL_SYS_NETWORK', 'error'],
    ['FAIL_BIZ_SOMETHING', 'error'],
  ])('skips the one order that fails with %s and brings the others up to date', async (code, kind) => {
    const f = fake();
    f.answers.set(2, { ok: false, code }); // order 2's detail
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    // Order 2's tracking is not asked; order 3 is asked in full.
    expect(f.calls.map((c) => [c.api, c.orderId])).toEqual([
      [DETAIL, IDS[0]],
      [TRACK, IDS[0]],
      [DETAIL, IDS[1]],
      [DETAIL, IDS[2]],
      [TRACK, IDS[2]],
    ]);
    expect(stopKind(code)).toBe(kind);
    expect(last(f)).toEqual({ phase: 'done', done: 3, total: 3, skipped: [{ orderId: IDS[1], code }] });
    expect(f.stored.value).toBeNull();
  });

  it('a run of 20 where order 3 fails brings 19 up to date and names order 3', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `81000000000000${String(i + 10)}`);
    const f = fake({ ids, pauseMs: 500 });
    f.answers.set(4, { ok: false, code: 'FAIL_SYS_NETWORK' }); // order 3's detail
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    const refreshed = new Set(f.saved.map((s) => orderIdFromRequest(s.url)));
    expect(refreshed.size).toBe(19);
    expect(refreshed.has(ids[2] ?? '')).toBe(false);
    expect(last(f)).toMatchObject({ phase: 'done', done: 20, skipped: [{ orderId: ids[2] }] });
  });

  it('a stop after a skip keeps the skipped order named, and resuming goes on after it', async () => {
    const f = fake();
    f.answers.set(0, { ok: false, code: 'FAIL_SYS_NETWORK' }); // order 1's detail
    f.answers.set(1, { ok: false, code: 'FAIL_SYS_TRAFFIC_LIMIT' }); // order 2's detail
    const run = refreshRun(f.deps);
    const first = run.start();
    await vi.runAllTimersAsync();
    await first;
    const skipped = [{ orderId: IDS[0], code: 'FAIL_SYS_NETWORK' }];
    expect(last(f)).toEqual({
      phase: 'stopped',
      done: 1,
      total: 3,
      pending: 2,
      code: 'FAIL_SYS_TRAFFIC_LIMIT',
      skipped,
    });
    // After a reload: the panel shows the stop and offers to resume, asking nothing yet.
    const reloaded = fake();
    reloaded.stored.value = f.stored.value;
    await refreshRun(reloaded.deps).restore();
    expect(last(reloaded)).toEqual({
      phase: 'stopped',
      done: 1,
      total: 3,
      pending: 2,
      code: 'FAIL_SYS_TRAFFIC_LIMIT',
      skipped,
    });
    expect(reloaded.calls).toHaveLength(0);
    const again = refreshRun(reloaded.deps).start();
    await vi.runAllTimersAsync();
    await again;
    expect(reloaded.calls.map((c) => c.orderId)).toEqual([IDS[1], IDS[1], IDS[2], IDS[2]]);
    expect(last(reloaded)).toEqual({ phase: 'done', done: 3, total: 3, skipped });
  });

  it('a page reloaded in the middle of a run says it was interrupted', async () => {
    const f = fake();
    f.stored.value = { orderIds: IDS.slice(2), total: 3 };
    await refreshRun(f.deps).restore();
    expect(last(f)).toEqual({ phase: 'stopped', done: 2, total: 3, pending: 1, code: 'INTERRUPTED' });
    expect(stopKind('INTERRUPTED')).toBe('interrupted');
  });

  it.each(['login', 'captcha'] as const)(
    'stops before asking when the page turns into a %s page',
    async (page) => {
      const f = fake();
      const run = refreshRun(f.deps);
      const done = run.start();
      await vi.advanceTimersByTimeAsync(1000);
      f.page.blocked = page;
      await vi.runAllTimersAsync();
      await done;
      expect(f.calls).toHaveLength(1);
      expect(last(f)).toEqual({ phase: 'stopped', done: 0, total: 3, pending: 3, code: page });
      expect(stopKind(page)).toBe(page);
    },
  );

  it('resumes after a stop with the orders left, skipping any settled since', async () => {
    const f = fake();
    f.answers.set(4, { ok: false, code: 'FAIL_SYS_USER_VALIDATE' }); // order 3's detail
    const run = refreshRun(f.deps);
    const first = run.start();
    await vi.runAllTimersAsync();
    await first;
    expect(f.stored.value).toEqual({ orderIds: [IDS[2]], total: 3, stopped: 'FAIL_SYS_USER_VALIDATE' });
    const again = fake({ ids: IDS.slice(0, 2) }); // order 3 has settled
    again.stored.value = f.stored.value;
    const second = refreshRun(again.deps).start();
    await vi.runAllTimersAsync();
    await second;
    expect(again.calls).toHaveLength(0);
    expect(last(again)).toEqual({ phase: 'done', done: 3, total: 3 });
  });

  it('stops when the background cannot store an answer', async () => {
    const f = fake();
    f.deps.save = async () => false;
    const done = refreshRun(f.deps).start();
    await vi.runAllTimersAsync();
    await done;
    expect(f.calls).toHaveLength(1);
    expect(last(f)).toMatchObject({ phase: 'stopped', code: 'NOT_SAVED', pending: 3 });
  });

  it('says so when the background does not answer, asking nothing', async () => {
    const f = fake();
    f.deps.openOrders = async () => null;
    await refreshRun(f.deps).start();
    expect(f.calls).toHaveLength(0);
    expect(last(f)).toMatchObject({ phase: 'stopped', code: 'NO_BACKGROUND' });
  });

  it('finishes at once with nothing to do', async () => {
    const f = fake({ ids: [] });
    await refreshRun(f.deps).start();
    expect(f.calls).toHaveLength(0);
    expect(last(f)).toEqual({ phase: 'done', done: 0, total: 0 });
  });
});
