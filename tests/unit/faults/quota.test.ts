/**
 * A full disk must not cost the buyer what they already had, nor leave half a page stored: when
 * IndexedDB refuses a write for lack of space, the save is answered with a sentence the buyer
 * can act on, nothing of that page is kept (the orders written before the failing parcel are
 * rolled back with it), and the next save, once space is back, stores everything.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import type { BuyerShieldDb } from '@/lib/store/db';
import { freshDb, ORDER, obs, snapshot } from '../store/helpers';

const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };
const popup = { id: me.id, url: `${me.origin}options.html` };
const contentScript = {
  id: me.id,
  url: 'https://www.aliexpress.com/p/order/index.html',
  tab: { url: 'https://www.aliexpress.com/p/order/index.html' },
};

/** Makes writes to the named tables fail the way a full disk does, while `full.on` is true. */
async function fillDisk(db: BuyerShieldDb, tables: string[]): Promise<{ on: boolean; refused: number }> {
  const full = { on: true, refused: 0 };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (!full.on || !tables.includes(name)) return table.mutate(req);
            full.refused += 1;
            return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
          },
        };
      },
    }),
  };
  // Middlewares are bound when the database opens.
  db.close();
  db.use(middleware);
  await db.open();
  return full;
}

function context(db: BuyerShieldDb): HandlerContext & { changes: number } {
  const ctx = {
    db,
    now: () => new Date('2026-10-05T10:00:00.000Z'),
    zone: () => 'UTC',
    uiLanguage: () => 'en-US',
    loadTable: async () => ({}),
    openTab: async () => {},
    changes: 0,
    onDataChanged: () => {
      ctx.changes += 1;
    },
  };
  return ctx;
}

const SECOND = { ...ORDER, id: '8123456789012399', store: { name: 'Other Store', url: null } };
const PARCEL = {
  orderId: SECOND.id,
  trackingNumber: 'LP00123456789CN',
  originNumber: null,
  carrier: 'Cainiao',
  eta: null,
  delivered: false,
  deliveredAt: null,
  events: [{ at: '2026-10-04T08:00:00Z', code: 'PU', stage: 'pickup', text: 'Picked up' }],
};
const save = (observations = obs({ orders: [ORDER] })) => ({
  type: 'saveObservations',
  payload: {
    source: 'mtop.aliexpress.trade.buyer.order.list',
    kind: 'json',
    url: 'https://acs.aliexpress.com/h5/x',
    observations,
  },
});

describe('storage quota exceeded', () => {
  it('answers with a sentence the buyer can act on, and keeps nothing of that page', async () => {
    const db = freshDb();
    const ctx = context(db);
    expect(await handleMessage(save(), contentScript, me, ctx)).toEqual({ ok: true, value: { written: 1 } });
    const before = await snapshot(db);

    // Orders are written first in the transaction; the parcel write then fails.
    const full = await fillDisk(db, ['packages']);
    const page = obs({
      orders: [{ ...ORDER, status: 'completed', completedOn: '2026-10-05' }, SECOND],
      packages: [PARCEL],
    });
    const answer = await handleMessage(save(page), contentScript, me, ctx);
    expect(answer).toEqual({
      ok: false,
      error: 'saveObservations failed: the browser has no storage space left',
    });
    expect(full.refused).toBe(1);
    expect(await snapshot(db)).toEqual(before);
    expect(ctx.changes).toBe(1);

    // Space is back: the same page is stored whole.
    full.on = false;
    expect(await handleMessage(save(page), contentScript, me, ctx)).toEqual({
      ok: true,
      value: { written: 3 },
    });
    expect(await db.orders.get(ORDER.id)).toMatchObject({ status: 'completed' });
    expect(await db.packages.count()).toBe(1);
  });

  it('a diagnostic that cannot be written fails the same way and leaves the old ones', async () => {
    const db = freshDb();
    const ctx = context(db);
    const report = (problem: string) => ({
      type: 'reportUnreadable',
      payload: { source: 'order_list', url: 'https://www.aliexpress.com/p/order/index.html', problem },
    });
    expect((await handleMessage(report('first'), contentScript, me, ctx)).ok).toBe(true);
    const before = await snapshot(db);
    await fillDisk(db, ['diagnostics']);
    expect(await handleMessage(report('first'), contentScript, me, ctx)).toEqual({
      ok: false,
      error: 'reportUnreadable failed: the browser has no storage space left',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a backup import that runs out of space midway keeps nothing of the file', async () => {
    const db = freshDb();
    const ctx = context(db);
    expect(await handleMessage(save(), contentScript, me, ctx)).toEqual({ ok: true, value: { written: 1 } });
    const exported = await handleMessage({ type: 'exportBackup', payload: {} }, popup, me, ctx);
    if (!exported.ok) throw new Error('export failed');
    const file = JSON.parse((exported.value as { json: string }).json);
    // Three orders; the parcel of the last one (after two orders went through the merge) fails.
    file.orders = [
      { ...file.orders[0], id: '8123456789012301', packages: [] },
      { ...file.orders[0], id: '8123456789012302', packages: [] },
      { ...file.orders[0], id: SECOND.id, packages: [{ ...PARCEL, orderId: undefined }] },
    ];
    const before = await snapshot(db);
    const full = await fillDisk(db, ['packages']);
    const answer = await handleMessage(
      { type: 'importBackup', payload: { text: JSON.stringify(file) } },
      popup,
      me,
      ctx,
    );
    expect(answer).toEqual({
      ok: false,
      error: 'importBackup failed: the browser has no storage space left',
    });
    expect(full.refused).toBe(1);
    expect(await snapshot(db)).toEqual(before);
    full.on = false;
    expect(
      await handleMessage({ type: 'importBackup', payload: { text: JSON.stringify(file) } }, popup, me, ctx),
    ).toEqual({
      ok: true,
      value: { orders: 3 },
    });
    expect(await db.orders.count()).toBe(4);
  });
});
