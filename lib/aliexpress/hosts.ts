/**
 * The AliExpress pages our content scripts run on: order, tracking, refund and dispute pages
 * (shared/reference/aliexpress-data.md §1.1 and §1.3), on every subdomain of aliexpress.com
 * (www., language subdomains, m., trade.) and aliexpress.us. Nothing else, and over https only:
 * a plain-http page can be written by anyone on the network path (issue 14). The sender check
 * (lib/background/trust.ts) accepts the same.
 */
export const HOSTS = ['https://*.aliexpress.com', 'https://*.aliexpress.us'] as const;

/*
 * The lists below are every host with each path, written out: they are evaluated in every page
 * our scripts run on, and building them there (flatMap and template strings, first run of
 * each) cost ~0.4 ms per script per page load (issue 16, BENCHMARKS.md §5). A literal list costs
 * nothing, and one a script does not use is left out of its bundle.
 * tests/unit/hosts.test.ts checks that each is exactly every host with its paths.
 */

/** The manifest's host permissions (wxt.config.ts). */
export const HOST_PERMISSIONS = ['https://*.aliexpress.com/*', 'https://*.aliexpress.us/*'];

/** The MAIN-world capture: every page any isolated script runs on. */
export const CONTENT_MATCHES = [
  'https://*.aliexpress.com/p/order/*',
  'https://*.aliexpress.com/p/tracking/*',
  'https://*.aliexpress.com/p/refund-dispute/*',
  'https://*.aliexpress.com/p/refund-amount/*',
  'https://*.aliexpress.com/p/reverse-pages/*',
  'https://*.aliexpress.com/issue/*',
  'https://*.aliexpress.us/p/order/*',
  'https://*.aliexpress.us/p/tracking/*',
  'https://*.aliexpress.us/p/refund-dispute/*',
  'https://*.aliexpress.us/p/refund-amount/*',
  'https://*.aliexpress.us/p/reverse-pages/*',
  'https://*.aliexpress.us/issue/*',
];

/** Per isolated content script: the order list; an order's detail and tracking; refunds and disputes. */
export const ORDER_LIST_MATCHES = [
  'https://*.aliexpress.com/p/order/index.html*',
  'https://*.aliexpress.us/p/order/index.html*',
];
export const ORDER_PAGE_MATCHES = [
  'https://*.aliexpress.com/p/order/detail.html*',
  'https://*.aliexpress.com/p/tracking/*',
  'https://*.aliexpress.us/p/order/detail.html*',
  'https://*.aliexpress.us/p/tracking/*',
];
export const REFUND_PAGE_MATCHES = [
  'https://*.aliexpress.com/p/refund-dispute/*',
  'https://*.aliexpress.com/p/refund-amount/*',
  'https://*.aliexpress.com/p/reverse-pages/*',
  'https://*.aliexpress.com/issue/*',
  'https://*.aliexpress.us/p/refund-dispute/*',
  'https://*.aliexpress.us/p/refund-amount/*',
  'https://*.aliexpress.us/p/reverse-pages/*',
  'https://*.aliexpress.us/issue/*',
];
