/**
 * A buyer who updates the extension must find every order, parcel, dispute, refund, tick and
 * setting they had. For each schema version ever shipped, a database of that version full of
 * data is written with raw Dexie (exactly the stores that version declared), closed, and opened
 * with the current `BuyerShieldDb`; every row must come back as that version's upgrade says.
 *
 * A schema change adds one entry to VERSIONS (its stores, copied from lib/store/db.ts at that
 * version, and how its rows look after upgrading); the last test fails until it does.
 */
import Dexie from 'dexie';
import type { OrderRecord } from '@/lib/schema/model';
import { applyObservations } from '@/lib/store/apply';
import { BuyerShieldDb } from '@/lib/store/db';
import { mergeDispute, mergeOrder, mergePackage, mergeRefund } from '@/lib/store/merge';
import { ORDER, obs } from '../store/helpers';

type Rows = Record<string, unknown[]>;

interface VersionCase {
  version: number;
  /** The `stores()` of that version, as lib/store/db.ts declared it then. Never edit old ones. */
  stores: Record<string, string>;
  /** A buyer's data as that version stored it. */
  rows: () => Rows;
  /** What those rows look like once opened with the current schema. */
  upgraded: (rows: Rows) => Rows;
}

const VERSIONS: VersionCase[] = [
  {
    version: 1,
    stores: {
      orders: 'id',
      packages: 'key, orderId',
      disputes: 'id, orderId',
      refunds: 'id, orderId',
      checklist: '[orderId+itemId], orderId',
      reminders: 'id, orderId',
      diagnostics: '++id, at',
      settings: 'key',
    },
    rows: () => v1Rows(),
    // Version 2 adds the popup's summaries, empty until the first recompute works them out.
    upgraded: (rows) => ({ ...rows, summaries: [] }),
  },
  {
    version: 2,
    stores: {
      orders: 'id',
      packages: 'key, orderId',
      disputes: 'id, orderId',
      refunds: 'id, orderId',
      checklist: '[orderId+itemId], orderId',
      reminders: 'id, orderId',
      diagnostics: '++id, at',
      settings: 'key',
      summaries: 'key',
    },
    rows: () => ({
      ...v1Rows(),
      summaries: [
        { key: 'dataVersion', value: 'v2-seeded' },
        { key: 'dashboard', value: { version: 'v2-seeded', value: { format: 1 } } },
      ],
    }),
    upgraded: (rows) => rows,
  },
];

const ORDERS = 300;
const SOURCE = {
  source: 'mtop.aliexpress.trade.buyer.order.list',
  kind: 'json',
  at: '2026-10-04T09:00:00.000Z',
} as const;

/** Version-1 rows for a buyer with many orders, each with a parcel, a dispute and a refund. */
function v1Rows(): Rows {
  const rows: Rows = {
    orders: [],
    packages: [],
    disputes: [],
    refunds: [],
    checklist: [],
    reminders: [],
    diagnostics: [],
    settings: [],
  };
  const push = (table: string, row: unknown) => rows[table]?.push(row);
  for (let i = 0; i < ORDERS; i += 1) {
    const id = String(8_100_000_000_000_000 + i * 7);
    const order = mergeOrder(
      undefined,
      { ...ORDER, id, store: { name: `Store ${i} <b>&</b>`, url: null } },
      SOURCE,
    );
    push('orders', order);
    const events = [{ at: '2026-10-03T08:00:00Z', code: 'PU', stage: 'pickup', text: `Picked up ${i}` }];
    const pkg = {
      orderId: id,
      trackingNumber: `LP${i}CN`,
      originNumber: null,
      carrier: 'Cainiao',
      eta: null,
    };
    push(
      'packages',
      mergePackage(undefined, { ...pkg, delivered: false, deliveredAt: null, events }, SOURCE.at),
    );
    const dispute = {
      id: `D${i}`,
      orderId: id,
      lineId: null,
      kind: 'refund' as const,
      status: i % 2 ? ('open' as const) : ('closed' as const),
      statusText: 'Waiting for the seller',
      openedAt: '2026-10-05T10:00:00Z',
      updatedAt: null,
      closedAt: null,
      reason: 'Item not received',
      solution: null,
      amount: { amountMinor: 1000 + i, currency: 'EUR' },
      sellerProposal: null,
      platformProposal: null,
      returnAgreedOn: null,
      returnShippedOn: null,
    };
    push('disputes', mergeDispute(undefined, dispute, SOURCE.at));
    const refund = {
      id: `R${i}`,
      orderId: id,
      lineId: null,
      disputeId: `D${i}`,
      amount: { amountMinor: 1000 + i, currency: 'EUR' },
      status: 'processed' as const,
      statusText: 'Refunded',
      processedOn: '2026-10-09',
      arn: String(74_000_000_000_000_000_000_000n + BigInt(i)),
      method: 'Card',
    };
    push('refunds', mergeRefund(undefined, refund, SOURCE.at));
    push('checklist', { orderId: id, itemId: 'photos', done: true, at: SOURCE.at });
    push('reminders', { id: `${id}|protection_end|${id}|2026-11-01|1440`, orderId: id, at: SOURCE.at });
  }
  for (let i = 1; i <= 50; i += 1) {
    push('diagnostics', {
      id: i,
      source: 'order_list',
      problem: `problem ${i}`,
      url: 'https://www.aliexpress.com/p/order/index.html',
      at: `2026-10-04T09:${String(i).padStart(2, '0')}:00.000Z`,
    });
  }
  push('settings', { key: 'language', value: 'de' });
  push('settings', { key: 'leadTimes', value: [1440, 4320] });
  return rows;
}

let n = 0;
function dbName(v: number): string {
  n += 1;
  return `migration-v${v}-${Date.now()}-${n}`;
}

async function seed(name: string, c: VersionCase, rows: Rows): Promise<void> {
  const old = new Dexie(name);
  old.version(c.version).stores(c.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list);
  });
  old.close();
}

async function contents(db: Dexie): Promise<Rows> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries);
}

const byKey = (rows: Rows): Rows =>
  Object.fromEntries(
    Object.entries(rows).map(([t, list]) => [
      t,
      [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    ]),
  );

describe.each(VERSIONS)('a version $version database full of data', (c) => {
  it('opens with the current schema with every row intact', async () => {
    const name = dbName(c.version);
    const rows = c.rows();
    await seed(name, c, rows);
    const db = new BuyerShieldDb(name);
    try {
      await db.open();
      expect(byKey(await contents(db))).toEqual(byKey(c.upgraded(rows)));
      // The indexes the app queries by still answer.
      const first = rows.orders?.[0] as OrderRecord;
      expect(await db.packages.where('orderId').equals(first.id).count()).toBe(1);
      expect(await db.disputes.where('orderId').equals(first.id).count()).toBe(1);
      expect(await db.refunds.where('orderId').equals(first.id).count()).toBe(1);
      expect(await db.checklist.where('orderId').equals(first.id).count()).toBe(1);
      expect(await db.diagnostics.orderBy('at').last()).toMatchObject({ problem: 'problem 50' });
    } finally {
      db.close();
    }
  });

  it('keeps merging new readings into the old rows rather than duplicating them', async () => {
    const name = dbName(c.version);
    const rows = c.rows();
    await seed(name, c, rows);
    const db = new BuyerShieldDb(name);
    try {
      const first = rows.orders?.[0] as OrderRecord;
      const later = { ...SOURCE, at: '2026-10-20T09:00:00.000Z' };
      const result = await applyObservations(
        db,
        obs({ orders: [{ id: first.id, status: 'completed', completedOn: '2026-10-19' }] }),
        later,
      );
      expect(result.written).toBe(1);
      expect(await db.orders.count()).toBe(ORDERS);
      const order = await db.orders.get(first.id);
      expect(order).toMatchObject({ status: 'completed', placedOn: ORDER.placedOn, firstSeenAt: SOURCE.at });
      expect(order?.lines).toEqual(ORDER.lines);
    } finally {
      db.close();
    }
  });
});

it('every schema version has a migration case', () => {
  const current = new BuyerShieldDb(dbName(0));
  expect(VERSIONS.map((c) => c.version)).toEqual(Array.from({ length: current.verno }, (_, i) => i + 1));
  // The last case's stores are the current schema: a change to db.ts without a new case fails here.
  const last = VERSIONS.at(-1);
  const declared = Object.fromEntries(current.tables.map((t) => [t.name, t.schema]));
  expect(Object.keys(declared).sort()).toEqual(Object.keys(last?.stores ?? {}).sort());
  for (const [table, spec] of Object.entries(last?.stores ?? {})) {
    const schema = declared[table];
    const indexes = [schema?.primKey.src, ...(schema?.indexes.map((i) => i.src) ?? [])].join(', ');
    expect(indexes, table).toBe(spec);
  }
});
