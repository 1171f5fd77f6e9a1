/**
 * Issue 14: what no real page can say is refused before the merge, and a page that owns a fact
 * withdraws what it no longer shows (parcels of an order, cases of the buyer).
 */
import { describe, expect, it } from 'vitest';
import type {
  DisputeObservation,
  FieldSource,
  PackageObservation,
  RefundObservation,
} from '@/lib/schema/model';
import { applyObservations } from '@/lib/store/apply';
import { freshDb, ORDER, obs } from './helpers';

const NOW = '2026-10-10T12:00:00.000Z';
const tracking: FieldSource = { source: 'mtop.ae.ld.querydetail', kind: 'json', at: NOW };
const detail: FieldSource = { source: 'mtop.aliexpress.trade.buyer.order.detail', kind: 'json', at: NOW };
const refundList: FieldSource = {
  source: 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  kind: 'json',
  at: NOW,
};

const parcel = (trackingNumber: string, p: Partial<PackageObservation> = {}): PackageObservation => ({
  orderId: ORDER.id,
  trackingNumber,
  originNumber: null,
  carrier: 'Correios',
  eta: null,
  delivered: false,
  deliveredAt: null,
  events: [{ at: '2026-10-04T01:00:00.000Z', code: 'AE_PICK_UP_SUCCESS', stage: '1100', text: 'Collected' }],
  ...p,
});

const dispute = (id: string): DisputeObservation => ({
  id,
  orderId: ORDER.id,
  lineId: null,
  kind: 'refund',
  status: 'open',
  statusText: 'Waiting for the seller',
  openedAt: '2026-10-08T00:00:00.000Z',
  updatedAt: '2026-10-08T00:00:00.000Z',
  closedAt: null,
  reason: null,
  solution: null,
  amount: null,
  sellerProposal: null,
  platformProposal: null,
  returnAgreedOn: null,
  returnShippedOn: null,
});

const refund = (id: string, disputeId: string | null): RefundObservation => ({
  id,
  orderId: ORDER.id,
  lineId: null,
  disputeId,
  amount: null,
  status: 'pending',
  statusText: null,
  processedOn: null,
  arn: null,
  method: null,
});

describe('times later than the reading', () => {
  it('refuses a parcel delivered in 2199 and keeps the rest of the reading', async () => {
    const db = freshDb();
    const forged = parcel('AA1', { delivered: true, deliveredAt: '2199-12-01T00:00:00.000Z' });
    const r = await applyObservations(
      db,
      obs({ orders: [ORDER], packages: [forged, parcel('AA2')] }),
      tracking,
    );
    expect(r.refused.future).toBe(1);
    expect((await db.packages.toArray()).map((p) => p.trackingNumber)).toEqual(['AA2']);
    expect(await db.orders.get(ORDER.id)).toBeDefined();
  });

  it('refuses an event one hour ahead, accepts one a minute ahead (clock skew)', async () => {
    const db = freshDb();
    const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
    const soon = parcel('AA1', { events: [{ at: at(60_000), code: null, stage: null, text: 'Sorted' }] });
    const later = parcel('AA2', { events: [{ at: at(3_600_000), code: null, stage: null, text: 'Sorted' }] });
    const r = await applyObservations(db, obs({ packages: [soon, later] }), tracking);
    expect(r.refused.future).toBe(1);
    expect((await db.packages.toArray()).map((p) => p.trackingNumber)).toEqual(['AA1']);
  });

  it('drops a completion date after the reading day, keeps the order', async () => {
    const db = freshDb();
    await applyObservations(db, obs({ orders: [{ ...ORDER, completedOn: '2027-01-01' }] }), detail);
    const stored = await db.orders.get(ORDER.id);
    expect(stored?.completedOn).toBeUndefined();
    expect(stored?.status).toBe('awaiting_delivery');
  });

  it('refuses a case opened in the future', async () => {
    const db = freshDb();
    const forged = { ...dispute('d1'), openedAt: '2030-01-01T00:00:00.000Z' };
    const r = await applyObservations(db, obs({ disputes: [forged] }), refundList);
    expect(r.refused.future).toBe(1);
    expect(await db.disputes.count()).toBe(0);
  });
});

describe('a reading withdraws what its page owns and no longer shows', () => {
  it('a tracking reading removes a parcel of its order it does not list', async () => {
    const db = freshDb();
    await applyObservations(db, obs({ packages: [parcel('REAL1'), parcel('FORGED')] }), tracking);
    const r = await applyObservations(db, obs({ packages: [parcel('REAL1')] }), tracking);
    expect(r.written).toBe(1);
    expect((await db.packages.toArray()).map((p) => p.trackingNumber)).toEqual(['REAL1']);
  });

  it("the detail page's parcels do not remove the others (it is not the tracking page)", async () => {
    const db = freshDb();
    await applyObservations(db, obs({ packages: [parcel('REAL1'), parcel('REAL2')] }), tracking);
    expect((await applyObservations(db, obs({ packages: [parcel('REAL1')] }), detail)).written).toBe(0);
    expect(await db.packages.count()).toBe(2);
  });

  it('the refund list read whole removes a case it does not show, with its refunds', async () => {
    const db = freshDb();
    await applyObservations(
      db,
      obs({
        disputes: [dispute('REAL'), dispute('FORGED')],
        refunds: [refund('REAL', 'REAL'), refund('FORGED', 'FORGED'), refund('OTHER', null)],
      }),
      refundList,
    );
    const whole = obs({
      disputes: [dispute('REAL')],
      refunds: [refund('REAL', 'REAL')],
      listsAllCases: true,
    });
    await applyObservations(db, whole, { ...refundList, at: '2026-10-10T12:05:00.000Z' });
    expect((await db.disputes.toArray()).map((d) => d.id)).toEqual(['REAL']);
    expect((await db.refunds.toArray()).map((r) => r.id).sort()).toEqual(['OTHER', 'REAL']);
  });

  it('one page of the refund list (not read whole) removes nothing', async () => {
    const db = freshDb();
    await applyObservations(db, obs({ disputes: [dispute('A'), dispute('B')] }), refundList);
    await applyObservations(db, obs({ disputes: [dispute('A')] }), refundList);
    expect(await db.disputes.count()).toBe(2);
  });
});

describe('new orders per page load', () => {
  it('stores new orders up to the budget and refuses the rest with their parcels', async () => {
    const db = freshDb();
    const ids = ['8000000000000001', '8000000000000002', '8000000000000003'];
    const r = await applyObservations(
      db,
      obs({
        orders: ids.map((id) => ({ id, status: 'awaiting_delivery' as const })),
        packages: [{ ...parcel('AA3'), orderId: '8000000000000003' }],
      }),
      detail,
      { maxNewOrders: 2 },
    );
    expect(r).toMatchObject({ newOrders: 2, refused: { future: 0, overBudget: 1 } });
    expect((await db.orders.toArray()).map((o) => o.id).sort()).toEqual(ids.slice(0, 2));
    expect(await db.packages.count()).toBe(0);
  });

  it('tells known orders from new ones among stored orders it does not list', async () => {
    const db = freshDb();
    const stored = ['8000000000000010', '8000000000000020', '8000000000000030', '8000000000000040'];
    const first = { ...detail, at: '2026-10-01T00:00:00.000Z' };
    await applyObservations(
      db,
      obs({ orders: stored.map((id) => ({ id, status: 'awaiting_delivery' as const })) }),
      first,
    );
    // Lists the first and last stored orders, two new ones between them, and skips the others.
    const listed = ['8000000000000010', '8000000000000015', '8000000000000035', '8000000000000040'];
    const r = await applyObservations(
      db,
      obs({ orders: listed.map((id) => ({ id, status: 'completed' as const })) }),
      detail,
      { maxNewOrders: 1 },
    );
    expect(r).toMatchObject({ written: 3, newOrders: 1, refused: { future: 0, overBudget: 1 } });
    const rows = new Map((await db.orders.toArray()).map((o) => [o.id, o]));
    expect([...rows.keys()].sort()).toEqual([...stored, '8000000000000015'].sort());
    // The known orders were merged into, not created again.
    expect(rows.get('8000000000000010')).toMatchObject({ status: 'completed', firstSeenAt: first.at });
    expect(rows.get('8000000000000040')).toMatchObject({ status: 'completed', firstSeenAt: first.at });
    expect(rows.get('8000000000000020')?.status).toBe('awaiting_delivery');
  });

  it('known orders are always updated, whatever the budget', async () => {
    const db = freshDb();
    await applyObservations(db, obs({ orders: [ORDER] }), detail);
    const r = await applyObservations(
      db,
      obs({ orders: [{ id: ORDER.id, status: 'completed', completedOn: '2026-10-09' }] }),
      { ...detail, at: '2026-10-10T12:01:00.000Z' },
      { maxNewOrders: 0 },
    );
    expect(r.written).toBe(1);
    expect((await db.orders.get(ORDER.id))?.status).toBe('completed');
  });
});
