import { describe, expect, it } from 'vitest';
import { decodeArn, findOrderByArn, luhnValid, resolveJulian, validateArn } from '../../../lib/rules';
import { dayNumber } from '../../../lib/rules/dates';
import { facts, refund } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z');
const VALID = '74987506160000000000012'; // julian 6160, BIN 498750

describe('validateArn', () => {
  it.each([
    [VALID, { ok: true, digits: VALID }],
    ['7498 7506 1600 0000 0000 012', { ok: true, digits: VALID }],
    ['7498-7506-1600-0000-0000-012', { ok: true, digits: VALID }],
    ['74987506160000000000013', { ok: false, problem: 'check_digit' }],
    ['7498750616000000000001', { ok: false, problem: 'wrong_length' }], // 22 digits
    ['749875061600000000000123', { ok: false, problem: 'wrong_length' }],
    ['74987506160000000000O12', { ok: false, problem: 'not_digits' }], // letter O
    ['ARN74987506160000000000', { ok: false, problem: 'not_digits' }],
    ['  ', { ok: false, problem: 'empty' }],
  ])('%s', (input, expected) => {
    expect(validateArn(input)).toEqual(expected);
  });

  it('Luhn agrees with a known card test number', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('decodeArn', () => {
  it('splits format code, acquirer BIN, Julian date, sequence and check digit', () => {
    expect(decodeArn(VALID, { processedOn: '2026-06-10', now: NOW })).toEqual({
      ok: true,
      arn: {
        digits: VALID,
        formatCode: '7',
        acquirerBin: '498750',
        julian: '6160',
        processingDate: '2026-06-09',
        sequence: '00000000001',
        checkDigit: '2',
      },
    });
  });

  it('rejects invalid ARNs', () => {
    expect(decodeArn('74987506160000000000013', { now: NOW })).toEqual({ ok: false, problem: 'check_digit' });
  });

  it.each([
    // [arn, processedOn (null: resolve against now), expected date]
    ['24431065365000000000019', '2026-01-05', '2025-12-31'], // across a year boundary
    ['74987509001000000000035', '2030-01-02', '2029-01-01'],
    ['74987509001000000000035', '2026-03-01', '2019-01-01'], // a decade back
    ['74987506160000000000012', '2026-01-01', '2016-06-08'], // 2026's day 160 is later: 2016 (leap)
    ['74987500060000000000008', null, '2020-02-29'], // no refund date: not after now
    ['74987506366000000000097', null, '2016-12-31'], // day 366 only in leap years
    ['74987505366000000000099', null, null], // 2025, 2015, 2005: none has a day 366
  ])('%s processed %s → %s', (arn, processedOn, expected) => {
    const r = decodeArn(arn, { processedOn, now: NOW });
    expect(r.ok && r.arn.processingDate).toBe(expected);
  });

  it('resolves against today anywhere on Earth when no refund date is known', () => {
    // 2026-07-15T12:00Z is already 2026-07-16 in UTC+14: day 197 of 2026.
    const day = dayNumber('2026-07-16');
    expect(day === null ? null : resolveJulian(6, 197, day)).toBe('2026-07-16');
  });
});

describe('lookup by ARN', () => {
  it('finds the order by ARN regardless of spaces', () => {
    const all = [
      facts({ id: 'A' }, { refunds: [refund({ id: 'RA', orderId: 'A', arn: null })] }),
      facts(
        { id: 'B' },
        { refunds: [refund({ id: 'RB', orderId: 'B', arn: '7498-7506-1600-0000-0000-012' })] },
      ),
    ];
    expect(findOrderByArn(`${VALID} `, all)).toEqual({ orderId: 'B', refundId: 'RB' });
    expect(findOrderByArn('24431065365000000000019', all)).toBeNull();
  });
});
