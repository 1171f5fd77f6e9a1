import { describe, expect, it } from 'vitest';
import type { FieldSource, PackageObservation } from '@/lib/schema/model';
import { mergeOrder, mergePackage, mergeRefund } from '@/lib/store/merge';
import { ORDER } from './helpers';

const json = (at: string): FieldSource => ({
  source: 'mtop.aliexpress.trade.buyer.order.list',
  kind: 'json',
  at,
});
const dom = (at: string): FieldSource => ({ source: 'order_list', kind: 'dom', at });

describe('mergeOrder', () => {
  it('creates a record with where and when each field was seen', () => {
    const r = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z'));
    expect(r?.status).toBe('awaiting_delivery');
    expect(r?.sources.status).toEqual(json('2026-10-05T10:00:00.000Z'));
    expect(r?.firstSeenAt).toBe('2026-10-05T10:00:00.000Z');
  });

  it('returns null (writes nothing) when the same page is read again', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z'));
    expect(mergeOrder(first ?? undefined, ORDER, json('2026-10-06T10:00:00.000Z'))).toBeNull();
  });

  it('lets the newer observation of a field win', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z')) ?? undefined;
    const later = mergeOrder(
      first,
      { id: ORDER.id, status: 'completed', statusText: 'Completed' },
      json('2026-10-20T10:00:00.000Z'),
    );
    expect(later?.status).toBe('completed');
    expect(later?.total).toEqual(ORDER.total);
  });

  it('never lets an older observation (an old backup) overwrite a newer one', () => {
    const first =
      mergeOrder(undefined, { ...ORDER, status: 'completed' }, json('2026-10-20T10:00:00.000Z')) ?? undefined;
    const imported = { source: 'backup' as const, kind: 'json' as const, at: '2026-10-05T10:00:00.000Z' };
    expect(
      mergeOrder(first, { id: ORDER.id, status: 'awaiting_delivery' }, imported, '2026-10-21T10:00:00.000Z'),
    ).toBeNull();
  });

  it('does not let a field written while the clock was a year ahead ignore the real page', () => {
    const ahead =
      mergeOrder(undefined, { ...ORDER, status: 'completed' }, json('2027-10-20T10:00:00.000Z')) ?? undefined;
    const real = mergeOrder(
      ahead,
      { id: ORDER.id, status: 'awaiting_delivery' },
      json('2026-10-21T10:00:00.000Z'),
    );
    expect(real?.status).toBe('awaiting_delivery');
    expect(real?.updatedAt).toBe('2026-10-21T10:00:00.000Z');
    expect(real?.firstSeenAt).toBe('2026-10-21T10:00:00.000Z');
  });

  it('never erases a known value with an unknown one', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z')) ?? undefined;
    const partial = { id: ORDER.id, status: 'unknown' as const, statusText: '  ', lines: [] };
    expect(mergeOrder(first, partial, json('2026-10-06T10:00:00.000Z'))).toBeNull();
  });

  it('prefers JSON over the DOM of the same visit, but not over a later visit', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z')) ?? undefined;
    const sameVisit = { id: ORDER.id, statusText: 'Awaiting delivery (DOM)' };
    expect(mergeOrder(first, sameVisit, dom('2026-10-05T10:00:02.000Z'))).toBeNull();
    const nextDay = mergeOrder(first, sameVisit, dom('2026-10-06T10:00:00.000Z'));
    expect(nextDay?.statusText).toBe('Awaiting delivery (DOM)');
  });

  it('keeps lines it knew when a later page lists only some of them', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z')) ?? undefined;
    const other = {
      id: '9',
      title: 'Second item',
      variant: null,
      quantity: 1,
      unitPrice: null,
      imageUrl: null,
      productId: null,
    };
    const next = mergeOrder(first, { id: ORDER.id, lines: [other] }, json('2026-10-06T10:00:00.000Z'));
    expect(next?.lines?.map((l) => l.id)).toEqual(['8123456789012346', '9']);
  });
});

describe('the page that owns a fact sets it, absence included', () => {
  const detail = (at: string): FieldSource => ({
    source: 'mtop.aliexpress.trade.buyer.order.detail',
    kind: 'json',
    at,
  });
  const forged = {
    ...ORDER,
    status: 'completed' as const,
    statusText: 'Completed',
    completedOn: '2026-10-06',
    reminderText: 'You can open a dispute within 15 days',
  };

  it('the real detail page withdraws a forged completion date and reminder', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z')) ?? undefined;
    const afterForgery = mergeOrder(first, forged, detail('2026-10-06T10:00:00.000Z')) ?? undefined;
    expect(afterForgery?.completedOn).toBe('2026-10-06');
    const real = mergeOrder(afterForgery, ORDER, detail('2026-10-06T10:05:00.000Z'));
    expect(real?.status).toBe('awaiting_delivery');
    expect(real?.completedOn).toBeUndefined();
    expect(real?.reminderText).toBeUndefined();
    expect(real?.sources.completedOn).toBeUndefined();
    // The same page read again writes nothing.
    expect(mergeOrder(real ?? undefined, ORDER, detail('2026-10-07T10:00:00.000Z'))).toBeNull();
  });

  it('a page that does not own the fact (the order list) never erases it', () => {
    const completed = mergeOrder(undefined, forged, detail('2026-10-06T10:00:00.000Z')) ?? undefined;
    const list = mergeOrder(
      completed,
      { id: ORDER.id, status: 'completed' },
      json('2026-10-07T10:00:00.000Z'),
    );
    expect(list).toBeNull();
  });
});

describe('mergePackage', () => {
  const pkg: PackageObservation = {
    orderId: ORDER.id,
    trackingNumber: 'AA000000000BR',
    originNumber: 'LP00000000000000',
    carrier: 'J&T Express',
    eta: null,
    delivered: false,
    deliveredAt: null,
    events: [
      {
        at: '2026-10-04T01:00:00.000Z',
        code: 'AE_PICK_UP_SUCCESS',
        stage: '1100',
        text: 'Collected by carrier',
      },
    ],
  };

  it('adds new events, newest first, and writes nothing for known ones', () => {
    const first = mergePackage(undefined, pkg, '2026-10-05T00:00:00.000Z') ?? undefined;
    expect(mergePackage(first, pkg, '2026-10-06T00:00:00.000Z')).toBeNull();
    const signed = {
      at: '2026-10-20T12:00:00.000Z',
      code: 'AE_GTMS_SIGNED',
      stage: '1700',
      text: 'Delivered',
    };
    const next = mergePackage(
      first,
      { ...pkg, events: [signed], delivered: true, deliveredAt: signed.at },
      '2026-10-21T00:00:00.000Z',
    );
    expect(next?.events.map((e) => e.code)).toEqual(['AE_GTMS_SIGNED', 'AE_PICK_UP_SUCCESS']);
    expect(next?.delivered).toBe(true);
  });

  it("a tracking reading replaces its parcel's delivery state and events", () => {
    const forged = {
      at: '2026-10-04T02:00:00.000Z',
      code: 'AE_GTMS_SIGNED',
      stage: '1700',
      text: 'Delivered',
    };
    const delivered =
      mergePackage(
        undefined,
        { ...pkg, delivered: true, deliveredAt: forged.at, events: [forged, ...pkg.events] },
        '2026-10-04T03:00:00.000Z',
      ) ?? undefined;
    const real = mergePackage(delivered, pkg, '2026-10-05T00:00:00.000Z', { owner: true });
    expect(real?.delivered).toBe(false);
    expect(real?.deliveredAt).toBeNull();
    expect(real?.events).toEqual(pkg.events);
    expect(mergePackage(real ?? undefined, pkg, '2026-10-06T00:00:00.000Z', { owner: true })).toBeNull();
  });

  it('keeps "delivered" when a later reading lacks the signed event', () => {
    const delivered =
      mergePackage(undefined, { ...pkg, delivered: true }, '2026-10-05T00:00:00.000Z') ?? undefined;
    expect(mergePackage(delivered, { ...pkg, delivered: false }, '2026-10-06T00:00:00.000Z')).toBeNull();
  });
});

describe('mergeRefund', () => {
  it('keeps a known ARN when a later page does not show it', () => {
    const base = {
      id: 'r1',
      orderId: ORDER.id,
      lineId: null,
      disputeId: null,
      amount: null,
      status: 'processed' as const,
      statusText: null,
      processedOn: '2026-10-01',
      arn: '74987506123456789012345',
      method: null,
    };
    const first = mergeRefund(undefined, base, '2026-10-02T00:00:00.000Z') ?? undefined;
    expect(mergeRefund(first, { ...base, arn: null }, '2026-10-03T00:00:00.000Z')).toBeNull();
  });
});

describe('lines read from JSON and from the DOM', () => {
  const domLine = {
    id: '1005001234567890',
    title: 'USB-C cable 2m, braided',
    variant: null,
    quantity: 2,
    unitPrice: null,
    imageUrl: null,
    productId: '1005001234567890',
  };

  it('does not add the DOM copy of a line JSON already gave', () => {
    const first = mergeOrder(undefined, ORDER, json('2026-10-05T10:00:00.000Z')) ?? undefined;
    const next = mergeOrder(first, { id: ORDER.id, lines: [domLine] }, dom('2026-10-05T10:00:01.000Z'));
    expect(next).toBeNull();
  });

  it('replaces DOM lines with JSON lines when JSON arrives', () => {
    const first =
      mergeOrder(undefined, { id: ORDER.id, lines: [domLine] }, dom('2026-10-05T10:00:00.000Z')) ?? undefined;
    const next = mergeOrder(first, ORDER, json('2026-10-05T10:00:01.000Z'));
    expect(next?.lines?.map((l) => l.id)).toEqual(['8123456789012346']);
  });
});
