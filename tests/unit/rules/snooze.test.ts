/**
 * "Snooze until…": a warning hidden until the buyer's day comes back by itself then, comes back
 * at once when it escalates, and never stays hidden past a day before its deadline.
 */
import { describe, expect, it } from 'vitest';
import { assessOrder, nextWake } from '../../../lib/rules';
import type { Severity } from '../../../lib/schema/model';
import { facts, ZONES } from './factory';

// Protection ends on Aug 20 (page date): protection_ending is soon from Aug 6, urgent from Aug 15.
const base = { shippedOn: '2026-06-01', protection: { endsOn: '2026-08-20', text: '' } };
const ID = '8000000000000001:protection_ending:';

describe.each(ZONES)('snoozed warnings in %s', (zone) => {
  const at = (now: string) => ({ now: new Date(now), zone });
  const snoozed = (until: string, severity: Severity = 'soon') =>
    facts({ ...base, snoozed: [{ alertId: ID, severity, until }] });
  const kinds = (f: ReturnType<typeof facts>, now: string) =>
    assessOrder(f, at(now)).alerts.map((a) => a.kind);

  it.each<[string, string, boolean]>([
    ['2026-08-08T12:00:00Z', 'before the chosen day: hidden', false],
    ['2026-08-11T09:00:00Z', 'still Aug 11 in every zone (23:00 at +14)', false],
    ['2026-08-13T12:00:00Z', 'the chosen day has come: back by itself', true],
    ['2026-08-16T12:00:00Z', 'escalated to urgent: back', true],
  ])('snoozed until Aug 12, at %s: %s', (now, _label, shown) => {
    expect(kinds(facts(base), now)).toContain('protection_ending');
    expect(kinds(snoozed('2026-08-12'), now).includes('protection_ending')).toBe(shown);
    // Listed as snoozed exactly while it is hidden.
    expect(assessOrder(snoozed('2026-08-12'), at(now)).snoozed.length).toBe(shown ? 0 : 1);
  });

  it('the other warnings of the order stay, and so does every deadline', () => {
    const now = '2026-08-08T12:00:00Z';
    const a = assessOrder(snoozed('2026-08-12'), at(now));
    const b = assessOrder(facts(base), at(now));
    expect(a.alerts.map((x) => x.kind)).toContain('ask_extension');
    expect(a.deadlines).toEqual(b.deadlines);
  });

  it('never late: a snooze past the deadline ends a day before it', () => {
    // Snoozed urgent, until long after protection ends (Aug 20).
    const f = snoozed('2026-12-01', 'urgent');
    expect(kinds(f, '2026-08-17T12:00:00Z')).not.toContain('protection_ending');
    const end = assessOrder(facts(base), at('2026-08-17T12:00:00Z')).alerts.find(
      (x) => x.kind === 'protection_ending',
    );
    const dayBefore = new Date(Date.parse(end?.deadlineAt ?? '') - 86_400_000).toISOString();
    // The card says when it really comes back: the day before the deadline, not Dec 1.
    expect(assessOrder(f, at('2026-08-17T12:00:00Z')).snoozed).toEqual([
      { alertId: ID, kind: 'protection_ending', severity: 'urgent', endsAt: dayBefore },
    ]);
    expect(kinds(f, dayBefore)).toContain('protection_ending');
    expect(assessOrder(f, at(dayBefore)).snoozed).toEqual([]);
  });

  it('the popup and the reminders wake when the snooze ends', () => {
    const f = snoozed('2026-08-12');
    const wake = nextWake([f], at('2026-08-10T12:00:00Z'));
    expect(wake).not.toBeNull();
    // Nothing else changes between Aug 10 and the snooze's end (the urgent step is Aug 15).
    expect(kinds(f, new Date((wake as Date).getTime() - 1).toISOString())).not.toContain('protection_ending');
    expect(kinds(f, (wake as Date).toISOString())).toContain('protection_ending');
  });
});
