/**
 * The AliExpress pages our content scripts run on: order, tracking, refund and dispute pages
 * (shared/reference/aliexpress-data.md §1.1 and §1.3), on every subdomain of aliexpress.com
 * (www., language subdomains, m., trade.) and aliexpress.us. Nothing else, and over https only:
 * a plain-http page can be written by anyone on the network path (issue 14). The sender check
 * (lib/background/trust.ts) accepts the same.
 */
const HOSTS = ['https://*.aliexpress.com', 'https://*.aliexpress.us'];

/** The manifest's host permissions (wxt.config.ts). */
export const HOST_PERMISSIONS = HOSTS.map((h) => `${h}/*`);
const PATHS = [
  '/p/order/*',
  '/p/tracking/*',
  '/p/refund-dispute/*',
  '/p/refund-amount/*',
  '/p/reverse-pages/*',
  '/issue/*',
];

export const CONTENT_MATCHES = HOSTS.flatMap((h) => PATHS.map((p) => `${h}${p}`));

/** Per isolated content script: the order list; an order's detail and tracking; refunds and disputes. */
const on = (paths: string[]) => HOSTS.flatMap((h) => paths.map((p) => `${h}${p}`));
export const ORDER_LIST_MATCHES = on(['/p/order/index.html*']);
export const ORDER_PAGE_MATCHES = on(['/p/order/detail.html*', '/p/tracking/*']);
export const REFUND_PAGE_MATCHES = on([
  '/p/refund-dispute/*',
  '/p/refund-amount/*',
  '/p/reverse-pages/*',
  '/issue/*',
]);
