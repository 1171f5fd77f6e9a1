import { defineContentScript } from '#imports';
import { orderIdOfCard, readDomOrderList } from '@/lib/aliexpress/read-dom-order-list';
import { ORDER_LIST_MATCHES } from '@/lib/content/matches';
import { runAliExpressPage } from '@/lib/content/run-page';
import { isStartRefresh, mountRefresh } from '@/lib/refresh/mount';

// The order list: cards, their badges, and "Refresh open orders".
export default defineContentScript({
  matches: ORDER_LIST_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    runAliExpressPage(ctx, {
      readers: { order_list: readDomOrderList },
      cardOrderId: orderIdOfCard,
      refresh: { mount: mountRefresh, isStart: isStartRefresh },
    });
  },
});
