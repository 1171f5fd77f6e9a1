import type { PageKind } from '@/lib/schema/model';

/**
 * URL → page kind for AliExpress buyer pages. Pure: the content script passes `location` in.
 * Patterns (reference §1): /p/order/index.html, /p/order/detail.html?orderId=,
 * /p/tracking/index.html?tradeOrderId= (Kagee/webshop-order-scraper, ElMagoCT src/adapters/
 * aliexpress.ts), m.aliexpress.com/p/refund-dispute/list.html (ElMagoCT REFUNDS_PAGE_URL),
 * m.aliexpress.com/p/refund-amount/detail.html?tradeOrderLineId= and
 * trade.aliexpress.com/issue/fastissue/Detail.htm?reverseOrderLineId= (maxwellmezadre
 * test/fixtures/refund-list.json buttonDTOList), /p/reverse-pages/ ([unattributed] refund helper).
 * aliexpress.ru is a separate front-end (reference §1.3): recognised, never read.
 */

/** www., m., a language subdomain (es., pt., ko., …) or the bare domain, on .com and .us. */
const SITE_HOST = /^(?:(?:www|m|[a-z]{2})\.)?aliexpress\.(?:com|us)$/;
const TRADE_HOST = /^trade\.aliexpress\.(?:com|us)$/;
const RU_HOST = /^(?:[a-z0-9-]+\.)*aliexpress\.ru$/;
const RU_BUYER_PATH = /^\/(?:order-list|p\/order\/|p\/tracking\/|orderlist\.htm|issue\/|p\/refund-)/i;

const SITE_PATHS: ReadonlyArray<readonly [PageKind, RegExp]> = [
  ['order_list', /^\/p\/order\/index\.html$/],
  ['order_detail', /^\/p\/order\/detail\.html$/],
  ['tracking', /^\/p\/tracking\/index\.html$/],
  ['refund_list', /^\/p\/refund-dispute\/(?:list|index)\.html$/],
  ['refund_detail', /^\/p\/refund-amount\/detail\.html$/],
  // reverse-pages/start.html is the "start a return" form, not a case: not read.
  ['dispute_detail', /^\/p\/reverse-pages\/(?!start\.html$)[\w-]+\.html$/],
];

export function classifyUrl(url: URL): PageKind | 'unsupported_ru' | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (RU_HOST.test(host)) return RU_BUYER_PATH.test(path) ? 'unsupported_ru' : null;
  if (TRADE_HOST.test(host)) return /^\/issue\/fastissue\/detail\.htm$/i.test(path) ? 'dispute_detail' : null;
  if (!SITE_HOST.test(host)) return null;
  for (const [kind, re] of SITE_PATHS) if (re.test(path)) return kind;
  return null;
}
