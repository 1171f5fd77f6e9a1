import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../lib/rules';
import { facts, refund } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z');

describe('a refund processed at an instant (AliExpress finish time): its day is the buyer’s', () => {
  // 2026-06-10T03:00Z is the evening of June 9 in Los Angeles and June 10 in UTC.
  const f = facts(
    { status: 'closed' },
    {
      refunds: [
        refund({
          processedOn: null,
          processedAt: '2026-06-10T03:00:00.000Z',
          arn: '74987506160000000000004',
        }),
      ],
    },
  );
  const askAt = (zone: string) =>
    assessOrder(f, { now: NOW, zone }).deadlines.find((d) => d.kind === 'ask_bank_with_arn')?.at;

  it('in Los Angeles, processed June 9: 20 business days end July 7, the bank is asked from July 8', () => {
    expect(askAt('America/Los_Angeles')).toBe('2026-07-08T07:00:00.000Z');
  });

  it('in UTC, processed June 10: the bank is asked from July 9', () => {
    expect(askAt('UTC')).toBe('2026-07-09T00:00:00.000Z');
  });

  it('the instant wins over a bare date stored before (read then from China time)', () => {
    const g = facts(
      { status: 'closed' },
      {
        refunds: [
          refund({
            processedOn: '2026-06-10',
            processedAt: '2026-06-10T03:00:00.000Z',
            arn: '74987506160000000000004',
          }),
        ],
      },
    );
    const at = assessOrder(g, { now: NOW, zone: 'America/Los_Angeles' }).deadlines.find(
      (d) => d.kind === 'ask_bank_with_arn',
    )?.at;
    expect(at).toBe('2026-07-08T07:00:00.000Z');
  });

  it('an unknown status with only an instant still counts as processed', () => {
    const g = facts(
      { status: 'closed' },
      {
        refunds: [refund({ status: 'unknown', processedOn: null, processedAt: '2026-06-10T03:00:00.000Z' })],
      },
    );
    expect(assessOrder(g, { now: NOW, zone: 'UTC' }).deadlines.map((d) => d.kind)).toContain(
      'refund_expected_by',
    );
  });
});
