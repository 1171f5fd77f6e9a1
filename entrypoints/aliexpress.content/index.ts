import { defineContentScript } from '#imports';
import { HiddenNotice, orderName, PageBadge } from '@/components/PageBadge';
import { readListPage } from '@/lib/aliexpress/dom-list-extract';
import { ORDER_LIST_MATCHES } from '@/lib/aliexpress/hosts';
import { ORDER_LIST_CARDS } from '@/lib/aliexpress/page-cards';
import { pageContext } from '@/lib/content/page-context';
import { isStartRefresh, mountRefresh } from '@/lib/content/refresh-mount';
import { runAliExpressPage } from '@/lib/content/run-page';

// The order list: cards, their badges, and "Refresh open orders".
export default defineContentScript({
  matches: ORDER_LIST_MATCHES,
  // After the page (issue 16): the capture keeps what it saw until runAliExpressPage says it listens.
  runAt: 'document_idle',
  main(ctx) {
    runAliExpressPage(pageContext(ctx), {
      kinds: ['order_list'],
      // Only the cards' texts are taken here; the worker reads them (saveDomList).
      read: readListPage,
      cards: ORDER_LIST_CARDS,
      views: { badge: PageBadge, hidden: HiddenNotice, name: orderName },
      refresh: { mount: mountRefresh, isStart: isStartRefresh },
    });
  },
});
