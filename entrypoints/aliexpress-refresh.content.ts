import { defineContentScript } from '#imports';
import { ORDER_LIST_MATCHES } from '@/lib/aliexpress/hosts';
import { installRefreshBridge } from '@/lib/page-world/refresh-bridge';

// MAIN world, order list only: the buyer's "Refresh open orders" asks through the page's own
// request helper (lib/page-world/refresh-bridge.ts). Separate from the capture script, which only
// observes.
export default defineContentScript({
  matches: ORDER_LIST_MATCHES,
  runAt: 'document_idle',
  world: 'MAIN',
  main() {
    installRefreshBridge(window);
  },
});
