import { defineContentScript } from '#imports';
import { HiddenNotice, orderName } from '@/components/PageBadge';
import { PageBanner } from '@/components/PageBanner';
import { ORDER_PAGE_MATCHES, REFUND_PAGE_MATCHES } from '@/lib/aliexpress/hosts';
import { readDomOrderDetail } from '@/lib/aliexpress/read-dom-order-detail';
import { readDomRefund } from '@/lib/aliexpress/read-dom-refund';
import { readDomTracking } from '@/lib/aliexpress/read-dom-tracking';
import { makePageReader, readDomRefundList } from '@/lib/aliexpress/read-page';
import { pageContext } from '@/lib/content/page-context';
import { runAliExpressPage } from '@/lib/content/run-page';

// One order's pages (detail, tracking) and its returns, refunds and disputes: their readers and
// the banner. The order list has its own, smaller script (aliexpress.content).
export default defineContentScript({
  matches: [...ORDER_PAGE_MATCHES, ...REFUND_PAGE_MATCHES],
  // After the page (issue 16): the capture keeps what it saw until runAliExpressPage says it listens.
  runAt: 'document_idle',
  main(ctx) {
    runAliExpressPage(pageContext(ctx), {
      kinds: ['order_detail', 'tracking', 'refund_list', 'refund_detail', 'dispute_detail'],
      read: makePageReader({
        order_detail: readDomOrderDetail,
        tracking: readDomTracking,
        refund_list: readDomRefundList,
        refund_detail: readDomRefund,
        dispute_detail: readDomRefund,
      }),
      views: { banner: PageBanner, hidden: HiddenNotice, name: orderName },
    });
  },
});
