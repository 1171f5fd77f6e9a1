/**
 * Notifications under a clock that jumps, a flood of orders, and a window that closes with the
 * parcel still missing (issue 13 Deliver 5, issue 14 items 5 and 6).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recomputeOnce, SUMMARY_ID } from '@/lib/background/recompute';
import { invalidateSnapshot } from '@/lib/background/snapshot';
import type { OrderObservation } from '@/lib/schema/model';
import { applyObservations } from '@/lib/store/apply';
import type { BuyerShieldDb } from '@/lib/store/db';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, ORDER, obs } from '../store/helpers';

const DAY = 86_400_000;
const seen = { source: 'order_detail' as const, kind: 'json' as const, at: '2026-10-05T10:00:00.000Z' };

function order(id: string, endsOn: string): OrderObservation {
  return { ...ORDER, id, protection: { endsOn, text: `Refund if no delivery before ${endsOn}` } };
}

async function setup(orders: OrderObservation[]): Promise<BuyerShieldDb> {
  const db = freshDb();
  await applyObservations(db, obs({ orders }), seen);
  return db;
}

const run = (db: BuyerShieldDb, now: number) =>
  recomputeOnce({
    db,
    now: () => new Date(now),
    zone: () => 'UTC',
    uiLanguage: () => 'en',
    loadTable: loadTableFromDisk,
  });

const onScreen = async (): Promise<Record<string, { title: string; message: string }>> =>
  (await fakeBrowser.notifications.getAllCreateOptions()) as Record<
    string,
    { title: string; message: string }
  >;

// Protection ends 2026-11-20: start of that day in UTC+8 is 2026-11-19T16:00Z.
const END = Date.parse('2026-11-19T16:00:00.000Z');

describe('a clock that jumps forward and back', () => {
  it('does not use up the 7- and 3-day reminders, and takes back "ends in 23 hours" for a deadline 12 days away', async () => {
    const db = await setup([order('8100000000000001', '2026-11-20')]);
    const now = END - 12 * DAY;
    await run(db, now);
    expect(await onScreen()).toEqual({});

    // Forward 11 days: the deadline looks a day away.
    await run(db, now + 11 * DAY);
    const jumped = Object.values(await onScreen());
    expect(jumped.map((n) => n.title)).toEqual([expect.stringMatching(/ends in 2[34] hours/)]);

    // Back to the real time: the wrong notification goes, nothing is used up.
    await run(db, now + 60_000);
    expect(await onScreen()).toEqual({});
    expect(await db.reminders.count()).toBe(0);

    await run(db, END - 7 * DAY);
    expect(Object.values(await onScreen()).map((n) => n.title)).toEqual([
      expect.stringMatching(/^Purchase protection ends in 7 days/),
    ]);
    await run(db, END - 3 * DAY);
    expect(Object.values(await onScreen()).map((n) => n.title)).toEqual([
      expect.stringMatching(/^Purchase protection ends in 3 days/),
    ]);
  });
});

describe('stable notification ids', () => {
  it('one notification per order and step: the next reminder replaces the last', async () => {
    const db = await setup([order('8100000000000001', '2026-11-20')]);
    await run(db, END - 7 * DAY + 1000);
    await run(db, END - 3 * DAY + 1000);
    await run(db, END - DAY + 1000);
    const ids = Object.keys(await onScreen());
    expect(ids).toEqual(['bs|8100000000000001|protection_end|-']);
  });

  it('a flood of orders is one summary under one id, however many runs bring more', async () => {
    const db = freshDb();
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      const batch = [1, 2, 3, 4].map((k) =>
        order(`81000000000${round}000${k}`.padEnd(16, '0'), '2026-11-20'),
      );
      await applyObservations(db, obs({ orders: batch }), seen);
      invalidateSnapshot(db);
      const r = await run(db, END - 2 * DAY + round * 500);
      ids.push(...r.shown);
    }
    expect(new Set(ids)).toEqual(new Set([SUMMARY_ID]));
    expect(Object.keys(await onScreen())).toEqual([SUMMARY_ID]);
  });

  it('rate-limited: after three separate notifications within 10 minutes, the next ones are summarised', async () => {
    const db = freshDb();
    const shown: string[][] = [];
    for (let k = 1; k <= 4; k++) {
      await applyObservations(db, obs({ orders: [order(`810000000000000${k}`, '2026-11-20')] }), seen);
      invalidateSnapshot(db);
      shown.push((await run(db, END - 2 * DAY + k * 60_000)).shown);
    }
    expect(shown.slice(0, 3).every((s) => s.length === 1 && s[0] !== SUMMARY_ID)).toBe(true);
    expect(shown[3]).toEqual([SUMMARY_ID]);
  });
});

describe('a window that closes with money at stake', () => {
  it('protection ended, parcel not delivered: one notification says so, once', async () => {
    const db = await setup([order('8100000000000001', '2026-11-20')]);
    const first = await run(db, END + 3_600_000);
    expect(first.badge).toBe(1);
    const shown = await onScreen();
    const n = shown['bs|8100000000000001|protection_over|-'];
    expect(n?.title).toBe('Protection has ended and the parcel has not come');
    expect(n?.message).toMatch(/USB-C cable.*purchase protection ended on/);
    await fakeBrowser.notifications.clear('bs|8100000000000001|protection_over|-');
    const again = await run(db, END + 2 * 3_600_000);
    expect(again.shown).toEqual([]);
    expect(again.badge).toBe(1);
  });
});

describe('reminders of a deadline the real page has since undone', () => {
  it('are forgotten, so the store holds what a profile that never saw the bad reading holds', async () => {
    // A forged (or stale) protection end 5 days away: its 7-day and 3-day reminders are due.
    const db = await setup([order('8100000000000001', '2026-11-20')]);
    const now = END - 2.5 * DAY;
    await run(db, now);
    const forged = (await db.reminders.toArray()).map((r) => r.id);
    expect(forged.some((id) => id.includes('2026-11-19T16:00:00.000Z'))).toBe(true);
    // The real page says Dec 20: the Nov 20 deadline is gone, and so are its reminders.
    await applyObservations(db, obs({ orders: [order('8100000000000001', '2026-12-20')] }), {
      ...seen,
      at: new Date(now + 60_000).toISOString(),
    });
    invalidateSnapshot(db);
    await run(db, now + 120_000);
    const left = (await db.reminders.toArray()).map((r) => r.id);
    expect(left.filter((id) => id.includes('2026-11-19T16:00:00.000Z'))).toEqual([]);

    const clean = await setup([order('8100000000000001', '2026-12-20')]);
    await run(clean, now + 120_000);
    expect(left.sort()).toEqual((await clean.reminders.toArray()).map((r) => r.id).sort());
  });
});
