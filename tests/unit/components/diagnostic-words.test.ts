import { pageOf, whatOf } from '@/components/diagnostic-words';
import { mtopProblem } from '@/lib/aliexpress/mtop';

describe('a diagnostic in the buyer’s words', () => {
  it.each([
    ['mtop.aliexpress.trade.buyer.order.list', 'diag_page_order_list'],
    ['order_list', 'diag_page_order_list'],
    ['mtop.aliexpress.trade.buyer.order.detail', 'diag_page_order_detail'],
    ['mtop.ae.ld.querydetail', 'diag_page_tracking'],
    ['tracking', 'diag_page_tracking'],
    ['mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer', 'diag_page_refund_list'],
    ['mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer', 'diag_page_refund_detail'],
    ['dispute_detail', 'diag_page_refund_detail'],
    ['backup', 'diag_page_other'],
  ])('%s is %s', (source, key) => expect(pageOf(source)).toBe(key));

  it.each([
    [mtopProblem('FAIL_SYS_SESSION_EXPIRED'), 'diag_login'],
    [mtopProblem('FAIL_SYS_USER_VALIDATE'), 'diag_captcha'],
    [mtopProblem('FAIL_SYS_TRAFFIC_LIMIT'), 'diag_traffic'],
    ['a response larger than 5 MB was refused unread', 'diag_too_big'],
    ['2 record(s) dated after the moment they were read were refused', 'diag_refused'],
    ['more than 5000 new orders from one page load; 12 refused', 'diag_refused'],
    ['1 pc_om_list_order components but none had an orderId', 'diag_unreadable'],
  ])('%s → %s', (problem, key) => expect(whatOf(problem)).toBe(key));
});
