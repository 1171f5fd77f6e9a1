import { disputeLink, messagesLink, openDisputeLink, orderLink, trackingLink } from '@/lib/aliexpress/links';

describe('links to the AliExpress page where the buyer acts', () => {
  it('builds the order, tracking and dispute-start addresses at their real paths, over https', () => {
    expect(orderLink('8201234567890123')?.href).toBe(
      'https://www.aliexpress.com/p/order/detail.html?orderId=8201234567890123',
    );
    expect(trackingLink('8201234567890123')?.href).toBe(
      'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8201234567890123',
    );
    expect(openDisputeLink('8201234567890123', '8201234567890124')?.href).toBe(
      'https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderId=8201234567890123&tradeOrderLineId=8201234567890124',
    );
    expect(messagesLink().href).toBe('https://www.aliexpress.com/p/message/index.html');
  });

  it('never puts a stored value that is not an id into an address', () => {
    expect(orderLink('123"><script>')).toBeNull();
    expect(trackingLink('')).toBeNull();
    expect(openDisputeLink('8201234567890123', 'x&y=1')?.href).toBe(
      'https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderId=8201234567890123',
    );
    expect(disputeLink('javascript:alert(1)', null).href).toBe(
      'https://m.aliexpress.com/p/refund-dispute/list.html',
    );
  });

  it('opens a dispute case by its reverse line id, or the returns list without one', () => {
    expect(disputeLink('5030000000000000', '8201234567890124').href).toBe(
      'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8201234567890124&reverseOrderLineId=5030000000000000&from=1',
    );
    expect(disputeLink(null, null).page).toBe('refunds');
  });
});
