import type { Observations, OrderObservation } from '@/lib/schema/model';
import { BuyerShieldDb } from '@/lib/store/db';

let n = 0;
/** A fresh, empty database in fake-indexeddb for one test. */
export function freshDb(): BuyerShieldDb {
  n += 1;
  return new BuyerShieldDb(`test-${Date.now()}-${n}`);
}

export function obs(partial: Partial<Observations>): Observations {
  return { orders: [], packages: [], disputes: [], refunds: [], ...partial };
}

export const ORDER: OrderObservation = {
  id: '8123456789012345',
  status: 'awaiting_delivery',
  statusText: 'Awaiting delivery',
  placedOn: '2026-10-01',
  shippedOn: '2026-10-03',
  store: { name: 'Vega Store', url: 'https://www.aliexpress.com/store/1234' },
  total: { amountMinor: 1234, currency: 'USD' },
  lines: [
    {
      id: '8123456789012346',
      title: 'USB-C cable 2m, braided',
      variant: 'Color: Black',
      quantity: 2,
      unitPrice: { amountMinor: 617, currency: 'USD' },
      imageUrl: null,
      productId: '1005001234567890',
    },
  ],
};

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshot(db: BuyerShieldDb) {
  const tables = await Promise.all(db.allTables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(tables);
}
