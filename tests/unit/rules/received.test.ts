/**
 * "I received it": the buyer's word that the parcel reached them. It ends the warnings about a
 * parcel that has not arrived, but AliExpress does not know it: the order is not completed, its
 * protection window is not cut as a tracking delivery cuts it, and every deadline stays.
 */
import { describe, expect, it } from 'vitest';
import { type AlertKind, assessOrder } from '../../../lib/rules';
import { event, facts, pkg, ZONES } from './factory';

const PARCEL: readonly AlertKind[] = [
  'protection_ending',
  'ask_extension',
  'protection_over',
  'check_parcel',
  'tracking_silent',
  'dispute_can_open',
];

describe.each(ZONES)('a parcel the buyer received, in %s', (zone) => {
  const at = (now: string) => ({ now: new Date(now), zone });
  const base = {
    shippedOn: '2026-06-20',
    promisedDeliveryOn: '2026-07-10',
    protection: { endsOn: '2026-08-20', text: '' },
  };
  // Silent since Jul 4, last event reads like a delivery.
  const silent = [pkg({ events: [event('2026-07-04T10:00:00Z', 'Delivered to locker')] })];

  it.each<[string, string]>([
    ['2026-07-20T12:00:00Z', 'a dispute may be opened, tracking silent, looks delivered'],
    ['2026-08-08T12:00:00Z', 'protection ending soon, extension'],
    ['2026-08-17T12:00:00Z', 'protection ending, urgent'],
    ['2026-08-25T12:00:00Z', 'protection over'],
  ])('at %s (%s): the parcel warnings stop, the deadlines stay', (now, _label) => {
    const waiting = assessOrder(facts(base, { packages: silent }), at(now));
    const received = assessOrder(facts({ ...base, receivedOn: '2026-07-18' }, { packages: silent }), at(now));
    // Without the buyer's word at least one parcel warning is up (the premise of the case).
    expect(waiting.alerts.some((a) => PARCEL.includes(a.kind))).toBe(true);
    expect(received.alerts.filter((a) => PARCEL.includes(a.kind))).toEqual([]);
    expect(received.group).not.toBe('act_now');
    // Not a completion, not a tracking delivery: the same deadlines, the protection end unmoved.
    expect(received.deadlines).toEqual(waiting.deadlines);
    expect(received.settled).toBe(false);
    expect(received.lines.map((l) => l.stage)).toEqual(['delivered_unconfirmed']);
    // A dispute now is about what came: not as described.
    expect(received.checklist.reason).toBe('not_as_described');
  });

  it('taken back (null), the warnings come back', () => {
    const now = at('2026-08-17T12:00:00Z');
    const undone = assessOrder(facts({ ...base, receivedOn: null }, { packages: silent }), now);
    expect(undone.alerts.map((a) => a.kind)).toContain('protection_ending');
  });

  it('tracking that says delivered still warns that protection is being cut', () => {
    const delivered = [pkg({ delivered: true, deliveredAt: '2026-07-14T09:00:00.000Z' })];
    const a = assessOrder(
      facts({ ...base, receivedOn: '2026-07-14' }, { packages: delivered }),
      at('2026-07-15T12:00:00Z'),
    );
    expect(a.alerts.map((x) => x.kind)).toContain('delivered_not_confirmed');
  });
});
