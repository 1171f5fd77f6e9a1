import type { PageKind } from '@/lib/schema/model';

/** Example URLs per kind; tests check each is claimed by exactly its own kind. */
export const PAGE_KIND_EXAMPLES: Record<PageKind, string[]> = {
  order_list: [
    'https://www.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.com/p/order/index.html?spm=a2g0o.home.headerAcount.2',
    'https://es.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.us/p/order/index.html',
    'https://m.aliexpress.com/p/order/index.html',
    'https://ko.aliexpress.com/p/order/index.html',
  ],
  order_detail: [
    'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322',
    'https://pt.aliexpress.com/p/order/detail.html?orderId=8212313961591322&spm=a2g0o.order_list',
    'https://m.aliexpress.com/p/order/detail.html?orderId=8212313961591322',
  ],
  tracking: [
    'https://www.aliexpress.com/p/tracking/index.html?_addShare=no&_login=yes&tradeOrderId=8212313961591322',
    'https://www.aliexpress.us/p/tracking/index.html?tradeOrderId=8212313961591322',
    'https://fr.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322',
  ],
  refund_list: [
    'https://m.aliexpress.com/p/refund-dispute/list.html',
    'https://m.aliexpress.com/p/refund-dispute/list.html?spm=a2g0o.order_list',
    'https://www.aliexpress.com/p/refund-dispute/index.html',
  ],
  refund_detail: [
    'https://m.aliexpress.com/p/refund-amount/detail.html?pha_manifest=refund-amount&tradeOrderLineId=8144101709301607',
  ],
  dispute_detail: [
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8144101709301607&reverseOrderLineId=6239649418962814&from=1',
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?reverseOrderLineId=230619598499278&issueId=7100861864905604&from=1',
    'https://www.aliexpress.com/p/reverse-pages/detail.html?reverseOrderLineId=6239649418962814',
  ],
};
