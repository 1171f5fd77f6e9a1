/** Small builders for rule tests: complete records with safe defaults, overridden per case. */
import type {
  DisputeRecord,
  OrderFacts,
  OrderRecord,
  PackageRecord,
  RefundRecord,
  TrackingEvent,
} from '../../../lib/schema/model';

export const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Etc/GMT+12'] as const;
export type Zone = (typeof ZONES)[number];

export function order(p: Partial<OrderRecord> = {}): OrderRecord {
  return {
    id: '8000000000000001',
    site: 'aliexpress',
    firstSeenAt: '2026-06-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    sources: {},
    status: 'awaiting_delivery',
    placedOn: '2026-06-28',
    paidOn: '2026-06-28',
    paymentMethod: 'Credit/Debit card',
    ...p,
  };
}

export function event(at: string | null, text = 'In transit', code: string | null = null): TrackingEvent {
  return { at, code, stage: null, text };
}

export function pkg(p: Partial<PackageRecord> = {}): PackageRecord {
  const orderId = p.orderId ?? '8000000000000001';
  const trackingNumber = p.trackingNumber ?? 'LP00000000000001';
  return {
    orderId,
    trackingNumber,
    originNumber: null,
    carrier: 'Cainiao',
    eta: null,
    delivered: false,
    deliveredAt: null,
    events: [],
    key: `${orderId}|${trackingNumber}`,
    updatedAt: '2026-07-01T00:00:00.000Z',
    ...p,
  };
}

export function dispute(p: Partial<DisputeRecord> = {}): DisputeRecord {
  return {
    id: 'D1',
    orderId: '8000000000000001',
    lineId: null,
    kind: 'refund',
    status: 'open',
    statusText: 'Dispute in progress',
    openedAt: null,
    updatedAt: null,
    closedAt: null,
    reason: null,
    solution: null,
    amount: null,
    sellerProposal: null,
    platformProposal: null,
    returnAgreedOn: null,
    returnShippedOn: null,
    updatedAtLocal: '2026-07-01T00:00:00.000Z',
    ...p,
  };
}

export function refund(p: Partial<RefundRecord> = {}): RefundRecord {
  return {
    id: 'R1',
    orderId: '8000000000000001',
    lineId: null,
    disputeId: null,
    amount: { amountMinor: 1299, currency: 'USD' },
    status: 'processed',
    statusText: 'Refund completed',
    processedOn: null,
    arn: null,
    method: 'Credit/Debit card',
    updatedAtLocal: '2026-07-01T00:00:00.000Z',
    ...p,
  };
}

export function facts(
  o: Partial<OrderRecord> = {},
  rest: { packages?: PackageRecord[]; disputes?: DisputeRecord[]; refunds?: RefundRecord[] } = {},
): OrderFacts {
  return {
    order: order(o),
    packages: rest.packages ?? [],
    disputes: rest.disputes ?? [],
    refunds: rest.refunds ?? [],
  };
}

/** Start of a date in UTC+8, as an ISO instant (the conservative end for zones west of +8). */
export function utc8(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - 8 * 3_600_000).toISOString();
}
