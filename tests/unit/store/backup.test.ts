import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/schema/settings';
import { applyObservations } from '@/lib/store/apply';
import { checkBackup, exportBackup, importBackup } from '@/lib/store/backup';
import EN from '@/public/_locales/en/messages.json';
import { freshDb, ORDER, obs, snapshot } from './helpers';

const ctx = { now: new Date('2026-10-10T12:00:00.000Z'), zone: 'UTC' };
const source = { source: 'order_detail' as const, kind: 'json' as const, at: '2026-10-05T10:00:00.000Z' };

async function seeded() {
  const db = freshDb();
  await applyObservations(
    db,
    obs({
      orders: [
        { ...ORDER, protection: { endsOn: '2026-11-20', text: 'Refund if no delivery before Nov 20, 2026' } },
      ],
      packages: [
        {
          orderId: ORDER.id,
          trackingNumber: 'AA000000000BR',
          originNumber: null,
          carrier: 'Correios',
          eta: null,
          delivered: false,
          deliveredAt: null,
          events: [
            { at: '2026-10-04T01:00:00.000Z', code: 'AE_PICK_UP_SUCCESS', stage: '1100', text: 'Collected' },
          ],
        },
      ],
      refunds: [
        {
          id: 'r1',
          orderId: ORDER.id,
          lineId: null,
          disputeId: null,
          amount: { amountMinor: 500, currency: 'USD' },
          status: 'processed',
          statusText: 'Refund completed',
          processedOn: '2026-10-06',
          arn: null,
          method: 'Card',
        },
      ],
    }),
    source,
  );
  return db;
}

describe('backup export', () => {
  it('holds every order in the documented format, with computed deadlines', async () => {
    const db = await seeded();
    const file = await exportBackup(db, ctx, DEFAULT_SETTINGS, EN);
    expect(file.format).toBe('buyer-shield-backup');
    expect(file.version).toBe(1);
    const [order] = file.orders;
    expect(order?.id).toBe(ORDER.id);
    expect(order?.total).toEqual({ amountMinor: 1234, currency: 'USD' });
    expect(order?.protection).toEqual({
      endsOn: '2026-11-20',
      source: 'page',
      text: 'Refund if no delivery before Nov 20, 2026',
    });
    expect(order?.packages[0]?.events[0]?.code).toBe('AE_PICK_UP_SUCCESS');
    expect(order?.refunds[0]).toMatchObject({ amountMinor: 500, currency: 'USD', status: 'processed' });
    expect(order?.deadlines.find((d) => d.kind === 'protection_end')?.source).toBe('page');
    expect(checkBackup(JSON.stringify(file)).ok).toBe(true);
  });

  it('round-trips: importing an export into an empty database restores the same export', async () => {
    const db = await seeded();
    const file = await exportBackup(db, ctx, DEFAULT_SETTINGS, EN);
    const other = freshDb();
    const result = await importBackup(other, JSON.stringify(file));
    expect(result).toEqual({ ok: true, orders: 1 });
    expect(await exportBackup(other, ctx, DEFAULT_SETTINGS, EN)).toEqual(file);
  });
});

describe('what only the buyer knows survives a backup', () => {
  it('keeps "I received it" and the snoozed warnings', async () => {
    const db = await seeded();
    const snoozed = [
      { alertId: `${ORDER.id}:protection_ending:`, severity: 'soon' as const, until: '2026-10-20' },
    ];
    await db.orders.update(ORDER.id, { receivedOn: '2026-10-08', snoozed });
    const file = await exportBackup(db, ctx, DEFAULT_SETTINGS, EN);
    expect(file.orders[0]?.receivedOn).toBe('2026-10-08');
    expect(file.orders[0]?.snoozed).toEqual(snoozed);
    const other = freshDb();
    await importBackup(other, JSON.stringify(file));
    expect((await other.orders.get(ORDER.id))?.receivedOn).toBe('2026-10-08');
    expect((await other.orders.get(ORDER.id))?.snoozed).toEqual(snoozed);
    expect(await exportBackup(other, ctx, DEFAULT_SETTINGS, EN)).toEqual(file);
  });

  it('keeps "the money arrived" and the ticked checklist items', async () => {
    const db = await seeded();
    await db.refunds.update('r1', { arrivedOn: '2026-10-09' });
    await db.checklist.put({
      orderId: ORDER.id,
      itemId: 'tracking_screenshots',
      done: true,
      at: '2026-10-09T00:00:00.000Z',
    });
    // Ticked while the buyer looked at another reason's list.
    await db.checklist.put({
      orderId: ORDER.id,
      itemId: 'ruler_size_chart',
      done: true,
      at: '2026-10-09T00:00:00.000Z',
    });
    const file = await exportBackup(db, ctx, DEFAULT_SETTINGS, EN);
    // The file names each item in English, the upload limits filled in, whatever it was ticked under.
    const items = file.orders[0]?.checklist ?? [];
    expect(items.find((i) => i.id === 'file_limits')?.label).toContain('2 MB');
    expect(items.find((i) => i.id === 'ruler_size_chart')).toEqual({
      id: 'ruler_size_chart',
      label: EN.check_ruler_size_chart_label.message,
      done: true,
    });
    expect(items.every((i) => !/\{\w+\}|^check_/.test(i.label))).toBe(true);
    const other = freshDb();
    await importBackup(other, JSON.stringify(file));
    expect((await other.refunds.get('r1'))?.arrivedOn).toBe('2026-10-09');
    expect((await other.checklist.toArray()).map((c) => c.itemId).sort()).toEqual([
      'ruler_size_chart',
      'tracking_screenshots',
    ]);
  });
});

describe('backup import refuses a bad file whole', () => {
  async function rejects(text: string, message: RegExp) {
    const db = await seeded();
    const before = await snapshot(db);
    const result = await importBackup(db, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toMatch(/Nothing was imported/);
    }
    expect(await snapshot(db)).toEqual(before);
  }

  async function goodFile() {
    return exportBackup(await seeded(), ctx, DEFAULT_SETTINGS, EN);
  }

  it('not JSON', () => rejects('{"format": "buyer-shield-backup", ', /not JSON/));
  it('wrong format', async () =>
    rejects(JSON.stringify({ ...(await goodFile()), format: 'other' }), /not a Buyer Shield backup/));
  it('wrong version', async () =>
    rejects(JSON.stringify({ ...(await goodFile()), version: 2 }), /version 2.*reads version 1/));

  it('one bad order among good ones, named with its place and id', async () => {
    const file = await goodFile();
    const good = file.orders[0];
    if (!good) throw new Error('fixture has no order');
    const bad = { ...good, id: '8000000000000002', total: { amountMinor: 12.5, currency: 'USD' } };
    const text = JSON.stringify({
      ...file,
      orders: [{ ...good, id: '8000000000000001' }, bad, { ...good, id: '8000000000000003' }],
    });
    await rejects(text, /Order 2 of 3 \(8000000000000002\).*total\.amountMinor/);
  });

  it('a 50 MB file', async () => {
    const file = await goodFile();
    const padded = JSON.stringify({ ...file, padding: 'x'.repeat(50 * 1024 * 1024) });
    await rejects(padded, /50\.0 MB.*at most 25 MB/);
  });

  it('the same order twice', async () => {
    const file = await goodFile();
    const good = file.orders[0];
    await rejects(JSON.stringify({ ...file, orders: [good, good] }), /appears twice/);
  });
});

describe('backup import merges, losing nothing', () => {
  it('keeps newer stored facts when an older backup is imported', async () => {
    const db = await seeded();
    const old = await exportBackup(db, ctx, DEFAULT_SETTINGS, EN);
    await applyObservations(
      db,
      obs({ orders: [{ id: ORDER.id, status: 'completed', statusText: 'Completed' }] }),
      {
        ...source,
        at: '2026-10-09T10:00:00.000Z',
      },
    );
    expect(await importBackup(db, JSON.stringify(old))).toEqual({ ok: true, orders: 1 });
    expect((await db.orders.get(ORDER.id))?.status).toBe('completed');
  });
});

describe('the backup schema holds the page limits (issue 14)', () => {
  async function goodFile() {
    return exportBackup(await seeded(), ctx, DEFAULT_SETTINGS, EN);
  }
  type Order = Awaited<ReturnType<typeof goodFile>>['orders'][number];
  const cases: [string, (o: Order) => Order, RegExp][] = [
    [
      '30 February',
      (o) => ({ ...o, placedOn: '2026-02-30' }),
      /placedOn: a date must be a real calendar day/,
    ],
    ['year 0001', (o) => ({ ...o, shippedOn: '0001-01-01' }), /shippedOn: a date must be/],
    [
      'an event in year 0001',
      (o) => ({ ...o, firstSeenAt: '0001-01-01T00:00:00.000Z' }),
      /firstSeenAt: an instant/,
    ],
    [
      'a quantity of a billion',
      (o) => ({ ...o, lines: o.lines.map((l) => ({ ...l, quantity: 1e9 })) }),
      /lines\.0\.quantity/,
    ],
    [
      'a negative total',
      (o) => ({ ...o, total: { amountMinor: -500, currency: 'USD' } }),
      /total\.amountMinor/,
    ],
    [
      'a negative refund',
      (o) => ({ ...o, refunds: o.refunds.map((r) => ({ ...r, amountMinor: -500 })) }),
      /refunds\.0\.amountMinor/,
    ],
    [
      'currency ZZZ',
      (o) => ({ ...o, total: { amountMinor: 500, currency: 'ZZZ' } }),
      /total\.currency: a currency is an ISO 4217 code/,
    ],
    [
      '50,000 parcels',
      (o) => ({ ...o, packages: Array.from({ length: 50_000 }, () => o.packages[0]) as Order['packages'] }),
      /packages/,
    ],
  ];
  it.each(cases)('refuses %s, naming the field', async (_name, change, message) => {
    const file = await goodFile();
    const [good] = file.orders;
    if (!good) throw new Error('fixture has no order');
    const result = checkBackup(JSON.stringify({ ...file, orders: [change(good)] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses an empty list of reminder times (notifications off is the way to have none)', async () => {
    const file = await goodFile();
    const result = checkBackup(
      JSON.stringify({ ...file, settings: { ...file.settings, leadTimesMinutes: [] } }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/at least one reminder time/);
    const off = { ...file, settings: { ...file.settings, notifications: false } };
    expect(checkBackup(JSON.stringify(off)).ok).toBe(true);
  });
});

describe('a backup dated in the future', () => {
  it('has its times capped at the import, so the next real page still wins', async () => {
    const file = await exportBackup(await seeded(), ctx, DEFAULT_SETTINGS, EN);
    const [o] = file.orders;
    if (!o) throw new Error('fixture has no order');
    const future = {
      ...file,
      exportedAt: '2199-12-01T00:00:00.000Z',
      orders: [
        {
          ...o,
          updatedAt: '2199-12-01T00:00:00.000Z',
          firstSeenAt: '2199-11-01T00:00:00.000Z',
          protection: {
            endsOn: '2026-12-31',
            source: 'page' as const,
            text: 'Refund if no delivery before Dec 31, 2026',
          },
        },
      ],
      remindersSent: [{ id: 'x', orderId: o.id, at: '2199-12-01T00:00:00.000Z' }],
    };
    const db = freshDb();
    const importedAt = new Date('2026-10-11T00:00:00.000Z');
    expect(await importBackup(db, JSON.stringify(future), importedAt)).toEqual({ ok: true, orders: 1 });
    const stored = await db.orders.get(o.id);
    expect(stored?.updatedAt).toBe(importedAt.toISOString());
    expect(stored?.firstSeenAt).toBe(importedAt.toISOString());
    expect((await db.reminders.get('x'))?.at).toBe(importedAt.toISOString());
    // The real page, read the next day, shows the real protection date: it wins.
    const real = { endsOn: '2026-11-20', text: 'Refund if no delivery before Nov 20, 2026' };
    await applyObservations(db, obs({ orders: [{ id: o.id, protection: real }] }), {
      ...source,
      at: '2026-10-12T00:00:00.000Z',
    });
    expect((await db.orders.get(o.id))?.protection).toEqual(real);
  });
});
