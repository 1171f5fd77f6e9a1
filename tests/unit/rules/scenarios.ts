/**
 * The scenario catalogue (docs/scenarios.md): one case per lifecycle stage and per finding of
 * issue 13, in plain words: facts + now → stage of each item, the order's next step, its group
 * and the notification due now. Run by scenarios.test.ts in several zones.
 */
import type { LineStage } from '../../../lib/rules';
import type { OrderFacts, OrderLine, Severity } from '../../../lib/schema/model';
import { dispute, event, facts, pkg, refund } from './factory';

export interface Scenario {
  /** The catalogue's title; docs/scenarios.md has a section with exactly this title. */
  title: string;
  facts: OrderFacts;
  now: string;
  /** The stage of each item, in order. */
  stages: LineStage[];
  /** The order's next step (headline alert kind and severity), or null. */
  step: [string, Severity] | null;
  group: 'act_now' | 'watch' | 'settled';
  /** What a notification due now is about (deadline or alert kind), or null. */
  notify: string | null;
  /** Optional extra check, in words in docs/scenarios.md. */
  check?: (a: import('../../../lib/rules').Assessment) => void;
}

const line = (id: string, title: string): OrderLine => ({
  id,
  title,
  variant: null,
  quantity: 1,
  unitPrice: null,
  imageUrl: null,
  productId: null,
});
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const page = (endsOn: string) => ({ endsOn, text: `Refund if no delivery before ${endsOn}` });
const DAY = 86_400_000;

export const SCENARIOS: Scenario[] = [
  {
    title: 'Not paid yet',
    facts: facts({ status: 'unpaid', paidOn: undefined }),
    now: '2026-06-29T12:00:00Z',
    stages: ['unpaid'],
    step: null,
    group: 'watch',
    notify: null,
  },
  {
    title: 'Paid, waiting for the seller to ship',
    facts: facts({ status: 'awaiting_shipment' }),
    now: '2026-07-01T12:00:00Z',
    stages: ['awaiting_shipment'],
    step: null,
    group: 'watch',
    notify: null,
  },
  {
    title: 'Not shipped 12 days after payment: you may cancel',
    facts: facts({ status: 'awaiting_shipment' }),
    now: '2026-07-10T12:00:00Z',
    stages: ['shipment_late'],
    step: ['may_cancel_unshipped', 'soon'],
    group: 'act_now',
    notify: null,
  },
  {
    title: 'On its way, protection far away',
    facts: facts(
      { shippedOn: '2026-07-01', protection: page('2026-09-20') },
      { packages: [pkg({ events: [event('2026-07-05T10:00:00Z')] })] },
    ),
    now: '2026-07-08T12:00:00Z',
    stages: ['in_transit'],
    step: null,
    group: 'watch',
    notify: null,
  },
  {
    title: 'On its way, protection ends in 3 days',
    facts: facts({ shippedOn: '2026-06-01', protection: page('2026-07-19') }),
    now: '2026-07-15T12:00:00Z',
    stages: ['in_transit'],
    step: ['protection_ending', 'urgent'],
    group: 'act_now',
    notify: 'protection_end',
  },
  {
    title: 'Protection ended yesterday, parcel never came',
    facts: facts({ shippedOn: '2026-06-01', protection: page('2026-07-14') }),
    now: '2026-07-15T12:00:00Z',
    stages: ['protection_over'],
    step: ['protection_over', 'urgent'],
    group: 'act_now',
    notify: 'protection_over',
  },
  {
    title: 'Estimated protection end passed, parcel never came',
    facts: facts({ shippedOn: '2026-06-01', placedOn: '2026-05-10', paidOn: '2026-05-10' }),
    now: '2026-07-15T12:00:00Z',
    stages: ['protection_over'],
    step: ['protection_over', 'urgent'],
    group: 'act_now',
    notify: 'protection_over',
  },
  {
    title: 'No shipment date, ordered 70 days ago: the estimate is not after order + 60 days',
    facts: facts({ placedOn: '2026-05-06', paidOn: '2026-05-06' }),
    now: '2026-07-15T12:00:00Z',
    stages: ['protection_over'],
    step: ['protection_over', 'urgent'],
    group: 'act_now',
    notify: 'protection_over',
    check: (a) => {
      const end = a.deadlines.find((d) => d.kind === 'protection_end');
      if (end === undefined || Date.parse(end.at) > Date.parse('2026-07-05T00:00:00Z'))
        throw new Error(`protection estimate ${end?.at} is after placed + 60 days`);
    },
  },
  {
    title: 'Tracking says delivered, time unknown: check the parcel now',
    facts: facts(
      { shippedOn: '2026-06-20', protection: page('2026-08-29') },
      { packages: [pkg({ delivered: true, deliveredAt: null, updatedAt: '2026-07-14T08:00:00Z' })] },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['delivered_unconfirmed'],
    step: ['delivered_not_confirmed', 'urgent'],
    group: 'act_now',
    notify: 'protection_end',
    check: (a) => {
      const end = a.deadlines.find((d) => d.kind === 'protection_end');
      if (end?.at !== '2026-07-19T08:00:00.000Z')
        throw new Error(`protection not cut to delivery + 5: ${end?.at}`);
    },
  },
  {
    title: 'Latest event "Delivered to parcel locker" without a certain code: check the parcel',
    facts: facts(
      { shippedOn: '2026-06-20', protection: page('2026-08-29') },
      { packages: [pkg({ events: [event('2026-07-14T08:00:00Z', 'Delivered to parcel locker')] })] },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['maybe_delivered'],
    step: ['check_parcel', 'soon'],
    group: 'act_now',
    notify: null,
  },
  {
    title: 'A dispute on one item, the other item not delivered and its protection ends in 3 days',
    facts: facts(
      {
        shippedOn: '2026-06-01',
        protection: page('2026-07-19'),
        lines: [line('L1', 'Lamp'), line('L2', 'Cable')],
      },
      { disputes: [dispute({ lineId: 'L1', openedAt: '2026-07-10T00:00:00Z' })] },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['dispute_waiting_seller', 'in_transit'],
    step: ['protection_ending', 'urgent'],
    group: 'act_now',
    notify: 'protection_end',
  },
  {
    title: 'Dispute open for 7 days: AliExpress steps in, no "protection ends" warning',
    facts: facts(
      { status: 'in_dispute', shippedOn: '2026-06-01', protection: page('2026-07-19') },
      { disputes: [dispute({ openedAt: '2026-07-08T00:00:00Z' })] },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['dispute_platform'],
    step: ['platform_stepping_in', 'soon'],
    group: 'act_now',
    notify: null,
    check: (a) => {
      if (a.alerts.some((x) => x.kind === 'protection_ending' || x.kind === 'dispute_can_open'))
        throw new Error('protection or "open a dispute" advice while a dispute is open');
    },
  },
  {
    title: 'The seller answered with a lower offer: no reply deadline, do not accept',
    facts: facts(
      { status: 'in_dispute', shippedOn: '2026-06-01' },
      {
        disputes: [
          dispute({
            openedAt: '2026-07-12T00:00:00Z',
            amount: usd(2000),
            sellerProposal: { amount: usd(500), solution: null },
          }),
        ],
      },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['dispute_seller_proposed'],
    step: ['seller_proposal_worse', 'soon'],
    group: 'act_now',
    notify: null,
    check: (a) => {
      if (a.alerts.some((x) => x.kind === 'seller_reply_due'))
        throw new Error('seller reply due after the answer');
    },
  },
  {
    title: 'Return agreed: ship it back by the date',
    facts: facts(
      { status: 'in_dispute', shippedOn: '2026-06-01' },
      {
        disputes: [
          dispute({ kind: 'return', openedAt: '2026-07-12T00:00:00Z', returnAgreedOn: '2026-07-14' }),
        ],
      },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['return_to_ship'],
    step: ['return_ship_by', 'soon'],
    group: 'act_now',
    notify: null,
  },
  {
    title: 'Tracking turns delivered during a "not received" dispute: change the reason within 5 days',
    facts: facts(
      { status: 'in_dispute', shippedOn: '2026-06-01' },
      {
        disputes: [dispute({ reason: 'Item not received', openedAt: '2026-07-10T00:00:00Z' })],
        packages: [pkg({ delivered: true, deliveredAt: '2026-07-14T10:00:00Z' })],
      },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['dispute_waiting_seller'],
    step: ['change_reason_delivered', 'urgent'],
    group: 'act_now',
    notify: null,
  },
  {
    title: 'Case refunded in full: no appeal, no "open a dispute"',
    facts: facts(
      { status: 'closed', shippedOn: '2026-06-01' },
      {
        disputes: [dispute({ status: 'closed', amount: usd(1299), closedAt: '2026-07-12T00:00:00Z' })],
        refunds: [
          refund({ disputeId: 'D1', amount: usd(1299), processedOn: '2026-07-12', arrivedOn: '2026-07-14' }),
        ],
      },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['settled'],
    step: null,
    group: 'settled',
    notify: null,
  },
  {
    title: 'Case rejected: appeal through customer service, then the card chargeback',
    facts: facts(
      { status: 'closed', shippedOn: '2026-06-01', placedOn: '2026-04-23', paidOn: '2026-04-23' },
      { disputes: [dispute({ status: 'closed', amount: usd(1299), closedAt: '2026-07-12T00:00:00Z' })] },
    ),
    now: '2026-07-15T12:00:00Z',
    stages: ['dispute_rejected'],
    step: ['chargeback_closing', 'soon'],
    group: 'act_now',
    notify: 'appeal_end',
    check: (a) => {
      if (!a.alerts.some((x) => x.kind === 'appeal_window'))
        throw new Error('no appeal after a rejected case');
    },
  },
  {
    title: 'Completed 14 days ago: the 15-day window is still open',
    facts: facts({ status: 'completed', shippedOn: '2026-06-01', completedOn: '2026-07-01' }),
    now: '2026-07-15T06:00:00Z',
    stages: ['completed'],
    step: ['after_completion_window', 'info'],
    group: 'watch',
    notify: 'dispute_after_completion_end',
  },
  {
    title: "Completed 8 days ago and the page says 7 days: the page's window has closed",
    facts: facts({
      status: 'completed',
      shippedOn: '2026-06-01',
      completedOn: '2026-07-07',
      reminderText:
        'Order complete. If there are any problems, you can apply for a return/refund within 7 days of confirming receipt.',
    }),
    now: '2026-07-15T12:00:00Z',
    stages: ['settled'],
    step: null,
    group: 'settled',
    notify: null,
  },
  {
    title: 'Refund processed 25 business days ago and not arrived: ask the bank with the ARN',
    facts: facts({ status: 'closed' }, { refunds: [refund({ processedOn: '2026-06-05' })] }),
    now: '2026-07-15T12:00:00Z',
    stages: ['refund_overdue'],
    step: ['ask_bank_with_arn', 'soon'],
    group: 'act_now',
    notify: null,
  },
  {
    title: 'Refund pending',
    facts: facts({ status: 'closed' }, { refunds: [refund({ status: 'pending', processedOn: null })] }),
    now: '2026-07-15T12:00:00Z',
    stages: ['refund_pending'],
    step: null,
    group: 'watch',
    notify: null,
  },
  {
    title: 'Protection ends in Europe across the October DST change',
    facts: facts({
      shippedOn: '2026-08-20',
      placedOn: '2026-08-20',
      paidOn: '2026-08-20',
      protection: page('2026-10-27'),
    }),
    now: '2026-10-24T12:00:00Z',
    stages: ['in_transit'],
    step: ['protection_ending', 'urgent'],
    group: 'act_now',
    notify: 'protection_end',
    check: (a) => {
      const end = a.deadlines.find((d) => d.kind === 'protection_end');
      // Never later than the start of Oct 27 in UTC+8, whatever the buyer's zone.
      if (
        end === undefined ||
        Date.parse(end.at) > Date.parse('2026-10-26T16:00:00Z') ||
        Date.parse(end.at) < Date.parse('2026-10-26T10:00:00Z') - DAY
      )
        throw new Error(`protection end ${end?.at}`);
    },
  },
];
