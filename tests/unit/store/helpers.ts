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
/** An order not delivered whose page protection date is `days` from `now`. */
export function undeliveredOrder(now: Date, n: number, days: number, title = `Item ${n}`): OrderObservation {
  const endsOn = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    ...ORDER,
    id: String(8_500_000_000_000_000 + n),
    lines: [
      { id: `line${n}`, title, variant: null, quantity: 1, unitPrice: null, imageUrl: null, productId: null },
    ],
    protection: { endsOn, text: `Refund if no delivery before ${endsOn}` },
  };
}

export async function snapshot(db: BuyerShieldDb) {
  const tables = await Promise.all(db.allTables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(tables);
}
