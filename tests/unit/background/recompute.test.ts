import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WAKE_ALARM } from '@/lib/background/alarms';
import {
  CHANGE_DEBOUNCE_MS,
  createRecomputer,
  LAST_CHECK_KEY,
  notificationTarget,
  orderPageOf,
  recomputeOnce,
} from '@/lib/background/recompute';
import { packEnglish } from '@/lib/i18n';
import type { OrderObservation } from '@/lib/schema/model';
import { applyObservations } from '@/lib/store/apply';
import type { BuyerShieldDb } from '@/lib/store/db';
import EN from '@/public/_locales/en/messages.json';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, ORDER, obs } from '../store/helpers';

const DAY = 24 * 60 * 60 * 1000;
const source = { source: 'order_detail' as const, kind: 'json' as const, at: '2026-10-05T10:00:00.000Z' };

/** An order not delivered whose protection date (from the page) is `endsOn`. */
function protectedOrder(id: string, endsOn: string): OrderObservation {
  return { ...ORDER, id, protection: { endsOn, text: `Refund if no delivery before ${endsOn}` } };
}

async function setup(orders: OrderObservation[], seenAt = source.at) {
  const db = freshDb();
  await applyObservations(db, obs({ orders }), { ...source, at: seenAt });
  return db;
}

function run(db: BuyerShieldDb, now: string) {
  return recomputeOnce({
    db,
    now: () => new Date(now),
    zone: () => 'UTC',
    uiLanguage: () => 'en',
    loadTable: loadTableFromDisk,
  });
}

/** What is on screen: the fake browser keeps each notification's options by id. */
type Shown = { title: string; message: string; buttons?: { title: string }[] };
async function notifications(): Promise<Record<string, Shown>> {
  return fakeBrowser.notifications.getAllCreateOptions() as Record<string, Shown>;
}

describe('reminders, badge and alarm', () => {
  it('an order whose protection ends within the lead time gets one notification, a badge and an alarm', async () => {
    // Protection ends 2026-11-20 (start of day, UTC+8 is earlier: 2026-11-19T16:00Z).
    const db = await setup([protectedOrder('8100000000000001', '2026-11-20')]);
    const result = await run(db, '2026-11-17T12:00:00.000Z');
    expect(result.badge).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const shown = Object.values(await notifications());
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toMatch(/^Purchase protection ends in 2 days/);
    expect(shown[0]?.message).toMatch(/USB-C cable.*8100000000000001/);
    // Its one button opens the order (entrypoints/background.ts, onButtonClicked).
    expect(shown[0]?.buttons).toEqual([{ title: 'Open the order' }]);
    const alarm = await fakeBrowser.alarms.get(WAKE_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.parse('2026-11-17T12:00:00.000Z'));
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.parse('2026-11-18T12:00:00.000Z'));
  });

  it('a worker woken cold by its alarm words the reminder only once the packaged English is read', async () => {
    // A fresh copy of the modules: nothing loaded yet, as in a worker the alarm has just started.
    vi.resetModules();
    const { recomputeOnce: coldRun } = await import('@/lib/background/recompute');
    const { packageTables } = await import('@/lib/i18n-tables');
    const read: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The package's file, as the build writes it (scripts/locales.ts), handed over late.
    const loadTable = packageTables(async (file) => {
      read.push(file);
      await gate;
      return JSON.parse(JSON.stringify(packEnglish(EN)));
    });
    const db = await setup([protectedOrder('8100000000000001', '2026-11-20')]);
    const running = coldRun({
      db,
      now: () => new Date('2026-11-17T12:00:00.000Z'),
      zone: () => 'UTC',
      uiLanguage: () => 'en',
      loadTable,
    });
    await vi.waitFor(() => expect(read).toEqual(['locales/en.json']));
    expect(await notifications()).toEqual({});
    release();
    await running;
    const shown = Object.values(await notifications());
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toMatch(/^Purchase protection ends in 2 days/);
    expect(shown[0]?.buttons).toEqual([{ title: 'Open the order' }]);
    expect(read).toEqual(['locales/en.json']);
  });

  it('never shows the same reminder twice, even after the notification was dismissed', async () => {
    const db = await setup([protectedOrder('8100000000000001', '2026-11-20')]);
    await run(db, '2026-11-17T12:00:00.000Z');
    for (const id of Object.keys(await notifications())) await fakeBrowser.notifications.clear(id);
    const again = await run(db, '2026-11-17T12:05:00.000Z');
    expect(again.shown).toEqual([]);
    expect(Object.keys(await notifications())).toHaveLength(0);
  });

  it('shows the next lead time when it comes, worded as "was due" if the browser was closed', async () => {
    const db = await setup([protectedOrder('8100000000000001', '2026-11-20')]);
    await run(db, '2026-11-17T12:00:00.000Z');
    // The 1-day reminder fell due at 2026-11-18T16:00Z; the browser came back 4 hours later.
    const late = await run(db, '2026-11-18T20:00:00.000Z');
    expect(late.shown).toHaveLength(1);
    const [n] = Object.values(await notifications()).filter((x) => x.title.startsWith('Was due'));
    expect(n?.title).toMatch(/^Was due .*Purchase protection ends in 20 hours/);
  });

  it('a reminder for an order first read inside the window is not called late', async () => {
    // Read for the first time today; the browser last checked a month ago.
    const db = await setup([protectedOrder('8100000000000001', '2026-11-20')], '2026-11-17T11:00:00.000Z');
    await fakeBrowser.storage.local.set({
      [LAST_CHECK_KEY]: Date.parse('2026-11-17T00:00:00.000Z') - 30 * DAY,
    });
    await run(db, '2026-11-17T12:00:00.000Z');
    expect(Object.values(await notifications())[0]?.title).not.toMatch(/Was due/);
  });

  it('more than three reminders at once become one summary', async () => {
    const ids = ['8100000000000001', '8100000000000002', '8100000000000003', '8100000000000004'];
    const db = await setup(ids.map((id) => protectedOrder(id, '2026-11-20')));
    await run(db, '2026-11-17T12:00:00.000Z');
    const shown = Object.values(await notifications());
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Deadlines that need you: 4');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
  });

  it('the setting turns notifications off, and turning them on later brings no backlog', async () => {
    const db = await setup([protectedOrder('8100000000000001', '2026-11-20')]);
    await db.settings.put({ key: 'notifications', value: false });
    await run(db, '2026-11-17T12:00:00.000Z');
    expect(Object.keys(await notifications())).toHaveLength(0);
    await db.settings.put({ key: 'notifications', value: true });
    await run(db, '2026-11-17T13:00:00.000Z');
    expect(Object.keys(await notifications())).toHaveLength(0);
  });

  it('settled orders raise nothing and the badge clears', async () => {
    const db = await setup([
      {
        ...protectedOrder('8100000000000001', '2026-11-20'),
        status: 'completed',
        completedOn: '2026-06-01',
        statusText: 'Completed',
      },
    ]);
    const result = await run(db, '2026-11-17T12:00:00.000Z');
    expect(result.badge).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(Object.keys(await notifications())).toHaveLength(0);
  });

  it('always keeps a daily safety-net alarm', async () => {
    const db = await setup([]);
    const result = await run(db, '2026-11-17T12:00:00.000Z');
    expect(result.wakeAt).toBe(Date.parse('2026-11-18T12:00:00.000Z'));
  });
});

describe('notification clicks', () => {
  const popup = 'chrome-extension://id/popup.html';
  it('open the order, the dispute, or the popup', () => {
    expect(
      notificationTarget('bs|8100000000000001|protection_end|-|2026-11-19T16:00:00.000Z|1440', popup),
    ).toBe('https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001');
    expect(notificationTarget('bs|8100000000000001|seller_reply_due|5100000000000001|x|60', popup)).toMatch(
      /trade\.aliexpress\.com\/issue\/fastissue\/Detail\.htm\?reverseOrderLineId=5100000000000001/,
    );
    expect(notificationTarget('bs|summary|x', popup)).toBe(popup);
    expect(notificationTarget('bs|javascript:alert(1)|x', popup)).toBe(popup);
  });

  it('the button opens the order page, even for a dispute deadline; a summary has none', () => {
    expect(orderPageOf('bs|8100000000000001|seller_reply_due|5100000000000001')).toBe(
      'https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001',
    );
    expect(orderPageOf('bs|summary|due')).toBeNull();
    expect(orderPageOf('bs|81000"><b>|protection_end|-')).toBeNull();
  });
});

describe('recompute scheduling', () => {
  it('runs once for a burst of changes, and once more for a change during a run', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let release: () => void = () => {};
      const once = () => {
        runs += 1;
        return new Promise<void>((r) => {
          release = r;
        });
      };
      const deps = {
        db: freshDb(),
        now: () => new Date(),
        zone: () => 'UTC',
        uiLanguage: () => 'en',
        loadTable: loadTableFromDisk,
      };
      const r = createRecomputer(deps, () => {}, once);
      for (let i = 0; i < 5; i += 1) r.soon();
      await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS);
      expect(runs).toBe(1);
      // Changes while the run is busy: exactly one more run after it.
      r.soon();
      r.soon();
      await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS);
      release();
      await vi.advanceTimersByTimeAsync(0);
      expect(runs).toBe(2);
      release();
      await vi.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
