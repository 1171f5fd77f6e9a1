/**
 * Every step carries its action (issue 15): each alert kind opens the one AliExpress page where
 * the buyer does what its words say, built only from digits-only ids, over https.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, type Alert, type AlertKind, assessOrder, type LineLifecycle } from '../../../lib/rules';
import { ACTION_OF, stepAction } from '../../../lib/rules/actions';
import { SCENARIOS } from './scenarios';

const ORDER = '8000000000000001';
const LINE = '8000000000000011';
const CASE = '5030000000000001';
const ORDER_PAGE = `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER}`;
const TRACKING = `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${ORDER}`;
const START = `https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderId=${ORDER}`;
const CASE_PAGE = `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${LINE}&reverseOrderLineId=${CASE}&from=1`;
const MESSAGES = 'https://www.aliexpress.com/p/message/index.html';

const SUBJECTS: Partial<Record<AlertKind, string>> = {
  seller_reply_due: CASE,
  platform_stepping_in: CASE,
  seller_proposal_worse: CASE,
  change_reason_delivered: CASE,
  return_ship_by: CASE,
  appeal_window: CASE,
  ask_bank_with_arn: '6300000000000001',
  check_parcel: 'LP00000000000001',
  tracking_silent: 'LP00000000000001',
};

function alert(kind: AlertKind, orderId = ORDER): Alert {
  return {
    id: `${orderId}:${kind}:${SUBJECTS[kind] ?? ''}`,
    kind,
    severity: 'soon',
    orderId,
    deadlineKind: null,
    deadlineAt: null,
    values: { days: 1 },
    helpUrl: null,
  };
}
const oneLine = (a: Alert): LineLifecycle[] => [
  { lineId: LINE, title: 'Lamp', stage: 'in_transit', step: a },
];
const disputes = [{ id: CASE, lineId: LINE }];

const TABLE: [AlertKind, string | null][] = [
  ['protection_ending', `${START}&tradeOrderLineId=${LINE}`],
  ['protection_over', `${START}&tradeOrderLineId=${LINE}`],
  ['dispute_can_open', `${START}&tradeOrderLineId=${LINE}`],
  ['after_completion_window', `${START}&tradeOrderLineId=${LINE}`],
  ['ask_extension', ORDER_PAGE],
  ['may_cancel_unshipped', ORDER_PAGE],
  ['delivered_not_confirmed', ORDER_PAGE],
  ['ask_bank_with_arn', ORDER_PAGE],
  ['check_parcel', TRACKING],
  ['tracking_silent', MESSAGES],
  ['seller_reply_due', CASE_PAGE],
  ['platform_stepping_in', CASE_PAGE],
  ['seller_proposal_worse', CASE_PAGE],
  ['change_reason_delivered', CASE_PAGE],
  ['return_ship_by', CASE_PAGE],
  ['appeal_window', CASE_PAGE],
  // At the bank or PayPal: no AliExpress page.
  ['chargeback_closing', null],
];

describe('the page where the buyer acts on each step', () => {
  it('covers every alert kind exactly once', () => {
    expect(TABLE.map(([k]) => k).sort()).toEqual([...ALERT_KINDS].sort());
    expect(Object.keys(ACTION_OF).sort()).toEqual([...ALERT_KINDS].sort());
  });

  it.each(TABLE)('%s → %s', (kind, href) => {
    const a = alert(kind);
    const action = stepAction(a, oneLine(a), disputes);
    expect(action?.href ?? null).toBe(href);
    if (href === null) expect(action?.page).toBe('bank');
  });

  it('lets AliExpress ask which item when the step is about several lines', () => {
    const a = alert('protection_ending');
    const lines: LineLifecycle[] = [
      { lineId: LINE, title: 'Lamp', stage: 'in_transit', step: a },
      { lineId: '8000000000000012', title: 'Cable', stage: 'in_transit', step: a },
    ];
    expect(stepAction(a, lines, [])?.href).toBe(START);
  });

  it('opens the returns list for a case whose id is not one AliExpress gives', () => {
    const a = { ...alert('seller_reply_due'), id: `${ORDER}:seller_reply_due:D1` };
    expect(stepAction(a, [], [])?.href).toBe('https://m.aliexpress.com/p/refund-dispute/list.html');
  });

  it('builds no address from an order id that is not digits', () => {
    for (const kind of ALERT_KINDS) {
      const a = alert(kind, '12"><img src=x>');
      const action = stepAction(a, oneLine(a), disputes);
      expect(action === null || action.page === 'bank', kind).toBe(true);
    }
  });

  it('gives every next step of the scenario catalogue an AliExpress page over https, or the bank', () => {
    for (const s of SCENARIOS) {
      const a = assessOrder(s.facts, { now: new Date(s.now), zone: 'UTC' });
      for (const step of [a.headline, ...a.alerts]) {
        if (step === null) continue;
        const action = stepAction(step, a.lines, s.facts.disputes);
        if (action?.page === 'bank') continue;
        expect(action?.href, s.title).toMatch(/^https:\/\/(www|trade|m)\.aliexpress\.com\//);
        expect(action?.href).not.toMatch(/[<>"' ]/);
      }
    }
  });
});
