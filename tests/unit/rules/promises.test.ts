/**
 * The three promises (../shared/DESIGN.md) and "only protection sentences are protection
 * dates", as properties over generated facts, times and zones (issue 13, Deliver 2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findProtection } from '../../../lib/aliexpress/deadline-texts';
import { atStakeOf } from '../../../lib/background/dashboard';
import { type Assessment, assessOrder, shownDeadline } from '../../../lib/rules';
import { addCalendarDays, closingInstant, dayNumber, startOfDayInZone } from '../../../lib/rules/dates';
import { disputeOutcome, orderState } from '../../../lib/rules/order-state';
import type { OrderFacts } from '../../../lib/schema/model';
import { dateArb, factsArb, nowArb, zoneArb } from './arbitraries';

const RUNS = { numRuns: 500 };
const DAY = 86_400_000;

const kindsOf = (a: Assessment) => new Set(a.alerts.map((x) => x.kind));
const protectionEnd = (a: Assessment) => a.deadlines.find((d) => d.kind === 'protection_end');

/** The earliest day the order is known by (placed, paid, shipped). */
function earliestDay(f: OrderFacts): number | null {
  const days = [f.order.placedOn, f.order.paidOn, f.order.shippedOn]
    .map((d) => (d === undefined ? null : dayNumber(d)))
    .filter((d): d is number => d !== null);
  return days.length === 0 ? null : Math.min(...days);
}

describe('never silent', () => {
  it('never silent: protection closed, parcel not delivered, nothing covering a line → urgent, Act now, escalated', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const st = orderState(f);
        const a = assessOrder(f, { now, zone });
        const end = protectionEnd(a);
        if (!st.inTransit || st.deliveredByTracking || st.watchedLines.length === 0 || end === undefined)
          return;
        if (Date.parse(end.at) > now.getTime()) return;
        expect(a.group).toBe('act_now');
        expect(a.alerts.find((x) => x.kind === 'protection_over')?.severity).toBe('urgent');
        for (const l of a.lines.filter((x) => st.watchedLines.some((w) => w.lineId === x.lineId)))
          expect(l.step?.severity).toBe('urgent');
      }),
      RUNS,
    );
  });

  it('never silent: every line that is not settled has a stage, and a line with an alert about it has a step', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const a = assessOrder(f, { now, zone });
        expect(a.lines.length).toBeGreaterThan(0);
        if (a.settled) for (const l of a.lines) expect(l.stage).toBe('settled');
        if (a.alerts.length > 0) expect(a.headline).not.toBeNull();
        if (a.headline !== null) expect(a.alerts.map((x) => x.id)).toContain(a.headline.id);
      }),
      RUNS,
    );
  });
});

describe('never silent (stages)', () => {
  it('never silent: every stage that needs the buyer comes with a step, urgent where money is at stake', () => {
    const needs = new Set([
      'shipment_late',
      'maybe_delivered',
      'delivered_unconfirmed',
      'protection_over',
      'return_to_ship',
      'refund_overdue',
    ]);
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const a = assessOrder(f, { now, zone });
        for (const l of a.lines) {
          if (!needs.has(l.stage)) continue;
          expect(l.step, `${l.stage} without a step`).not.toBeNull();
          if (l.stage === 'protection_over' || l.stage === 'delivered_unconfirmed')
            expect(l.step?.severity).toBe('urgent');
        }
      }),
      RUNS,
    );
  });
});

describe('never late', () => {
  it('never late: no protection estimate is later than the earliest known date + 60 days', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const end = protectionEnd(assessOrder(f, { now, zone }));
        const from = earliestDay(f);
        // A date AliExpress shows wins over any estimate; without one, no estimate outlasts 60 days.
        if (end === undefined || f.order.protection !== undefined || from === null) return;
        expect(Date.parse(end.at)).toBeLessThanOrEqual(closingInstant(addCalendarDays(from, 60), zone));
      }),
      RUNS,
    );
  });

  it('never late: a page date read after a delivery never lengthens the 5-day cut', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const st = orderState(f);
        const end = protectionEnd(assessOrder(f, { now, zone }));
        if (end === undefined || !st.deliveredByTracking || st.deliveredAtMs === null) return;
        expect(Date.parse(end.at)).toBeLessThanOrEqual(st.deliveredAtMs + 5 * DAY);
      }),
      RUNS,
    );
  });

  it('never late: every window closed by a calendar day closes at that day’s start (buyer zone or UTC+8, no drift)', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        for (const d of assessOrder(f, { now, zone }).deadlines) {
          if (
            d.ruleId !== 'protection_page' &&
            d.ruleId !== 'protection_estimate' &&
            d.kind !== 'chargeback_end'
          )
            continue;
          const ms = Date.parse(d.at);
          // The day in question is one of the two days this instant can start.
          const candidates = [-1, 0, 1].map((k) => Math.floor(ms / DAY) + k);
          const ok = candidates.some(
            (day) => closingInstant(day, zone) === ms && ms <= startOfDayInZone(day, zone),
          );
          expect(ok, `${d.kind} ${d.at}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never late: an estimated end warns earlier than the same end shown by AliExpress', () => {
    fc.assert(
      fc.property(dateArb, zoneArb, fc.integer({ min: 0, max: 20 }), (placed, zone, daysBefore) => {
        const estimate: OrderFacts = {
          order: {
            id: '1',
            site: 'aliexpress',
            firstSeenAt: '2026-01-01T00:00:00Z',
            updatedAt: '2026-01-01T00:00:00Z',
            sources: {},
            status: 'awaiting_delivery',
            placedOn: placed,
          },
          packages: [],
          disputes: [],
          refunds: [],
        };
        const probe = assessOrder(estimate, { now: new Date(0), zone });
        const end = protectionEnd(probe);
        if (end === undefined) return;
        const now = new Date(Date.parse(end.at) - daysBefore * DAY - 1);
        const endDay = addCalendarDays(dayNumber(placed) ?? 0, 60);
        const page: OrderFacts = {
          ...estimate,
          order: { ...estimate.order, protection: { endsOn: isoOf(endDay), text: '' } },
        };
        const sev = (a: Assessment) => a.alerts.find((x) => x.kind === 'protection_ending')?.severity;
        const rank = { urgent: 0, soon: 1, info: 2, none: 3 };
        const e = sev(assessOrder(estimate, { now, zone })) ?? 'none';
        const p = sev(assessOrder(page, { now, zone })) ?? 'none';
        expect(rank[e]).toBeLessThanOrEqual(rank[p]);
      }),
      RUNS,
    );
  });
});

function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

describe('never contradictory', () => {
  it('never contradictory: no "open a dispute" while one is open or after one ended on that line', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const a = assessOrder(f, { now, zone });
        const st = orderState(f);
        for (const l of a.lines) {
          const line = st.lines.find((x) => x.lineId === l.lineId);
          if (line === undefined || (line.openDispute === null && line.closed === null)) continue;
          expect(['dispute_can_open', 'after_completion_window']).not.toContain(l.step?.kind);
        }
        if (st.lines.every((l) => l.openDispute !== null || l.closed !== null)) {
          expect(kindsOf(a).has('dispute_can_open')).toBe(false);
          expect(kindsOf(a).has('after_completion_window')).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('never contradictory: no seller-reply deadline after the seller answered; no appeal after a full refund or a cancelled case', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const a = assessOrder(f, { now, zone });
        for (const x of a.alerts) {
          const d = f.disputes.find((y) => x.id.endsWith(`:${y.id}`));
          if (d === undefined) continue;
          if (x.kind === 'seller_reply_due') expect(d.sellerProposal).toBeNull();
          if (x.kind === 'appeal_window')
            expect(['refunded_full', 'cancelled']).not.toContain(disputeOutcome(d, f.refunds));
        }
      }),
      RUNS,
    );
  });

  it('never contradictory: no deadline says "seller\'s answer due" after the answer, or "last day to open a dispute" while one is open', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const a = assessOrder(f, { now, zone });
        const st = orderState(f);
        for (const d of a.deadlines) {
          if (d.kind === 'seller_reply_due')
            expect(f.disputes.find((x) => x.id === d.subjectId)?.sellerProposal).toBeNull();
          if (d.kind === 'dispute_after_completion_end') expect(st.hasOpenDispute).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('never contradictory: a dispute on one line never silences another line', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        const st = orderState(f);
        const a = assessOrder(f, { now, zone });
        const end = protectionEnd(a);
        if (!st.inTransit || st.deliveredByTracking || end === undefined || a.settled) return;
        const left = Date.parse(end.at) - now.getTime();
        if (left <= 0 || left > 5 * DAY) return;
        for (const w of st.watchedLines) {
          const l = a.lines.find((x) => x.lineId === w.lineId);
          expect(l?.step?.severity, `line ${w.lineId}`).toBe('urgent');
        }
      }),
      RUNS,
    );
  });

  it('never contradictory: no tracking or protection advice before shipment', () => {
    fc.assert(
      fc.property(factsArb, nowArb, zoneArb, (f, now, zone) => {
        if (f.order.status !== 'awaiting_shipment' && f.order.status !== 'unpaid') return;
        const kinds = kindsOf(assessOrder(f, { now, zone }));
        for (const k of [
          'tracking_silent',
          'check_parcel',
          'dispute_can_open',
          'protection_ending',
          'protection_over',
        ] as const)
          expect(kinds.has(k)).toBe(false);
      }),
      RUNS,
    );
  });

  it('never contradictory: the popup’s top line names no date later than an Act-now card asks the buyer to act by', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { minLength: 1, maxLength: 4 }), nowArb, zoneArb, (all, now, zone) => {
        const assessments = all.map((f) => assessOrder(f, { now, zone }));
        const stake = atStakeOf(assessments, all, now);
        // What each Act-now card shows as its date (components/OrderCard.tsx), when it is the buyer's.
        const shown = assessments
          .filter((a) => a.group === 'act_now')
          .map(shownDeadline)
          .filter((d) => d?.needsAction === true);
        const passed = shown.some((d) => Date.parse(d?.at ?? '') <= now.getTime());
        // "The first one now" exactly when a card's own date to act by has passed, …
        expect(stake.dueNow).toBe(passed);
        // … and otherwise "first by" is no later than any card's date still ahead.
        if (!stake.dueNow)
          for (const d of shown) expect(stake.firstBy !== null && stake.firstBy <= (d?.at ?? '')).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('only protection sentences are protection dates', () => {
  const done = fc.constantFrom(
    'Refund completed on {d}',
    'Refund processed {d}',
    'Refunded on {d}',
    'Reembolso concluído em {d}',
    'Reembolso completado el {d}',
    'Rückerstattung abgeschlossen am {d}',
    'Возврат средств завершен {d}',
    'Zwrot zakończony {d}',
  );
  const en = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

  it('only protection sentences are protection dates: refund sentences are never read as one, and rules never invent a page date', () => {
    fc.assert(
      fc.property(done, dateArb, factsArb, nowArb, zoneArb, (sentence, date, f, now, zone) => {
        const text = sentence.replace('{d}', en.format(new Date(`${date}T12:00:00Z`)));
        expect(findProtection([text])).toBeNull();
        const noPage: OrderFacts = { ...f, order: { ...f.order, protection: undefined } };
        for (const d of assessOrder(noPage, { now, zone }).deadlines) expect(d.source).toBe('estimate');
      }),
      { numRuns: 300 },
    );
  });

  it('still reads the protection sentence itself', () => {
    expect(findProtection(['Refund if no delivery before Sep 4, 2026'])?.on).toBe('2026-09-04');
  });
});
