import { defineContentScript } from '#imports';
import { installRefreshBridge } from '@/lib/page-world/refresh-bridge';

// MAIN world, order list only: the buyer's "Refresh open orders" asks through the page's own
// request helper (lib/refresh/page-bridge.ts). Separate from the capture script, which only
// observes.
export default defineContentScript({
  matches: ['*://*.aliexpress.com/p/order/index.html*', '*://*.aliexpress.us/p/order/index.html*'],
  runAt: 'document_idle',
  world: 'MAIN',
  main() {
    installRefreshBridge(window);
  },
});
