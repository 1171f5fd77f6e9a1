import path from 'node:path';
import type { CapturedApi, PageKind } from '@/lib/schema/model';

/** Our own fixtures: tests/fixtures/aliexpress/<folder>/<case>.(json|jsonp|txt|html) + <case>.expected.json */
export const FIXTURE_ROOT = path.resolve(__dirname, '../../fixtures/aliexpress');

/** JSON reader file `lib/aliexpress/read-<folder>.ts` → the API its bodies come from. */
export const JSON_FOLDERS: Record<string, CapturedApi> = {
  'order-list': 'mtop.aliexpress.trade.buyer.order.list',
  'order-detail': 'mtop.aliexpress.trade.buyer.order.detail',
  tracking: 'mtop.ae.ld.querydetail',
  'refund-list': 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  'refund-detail': 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
};

/** DOM reader file `lib/aliexpress/read-<folder>.ts` → the page kind it reads (a case may override). */
export const DOM_FOLDERS: Record<string, PageKind> = {
  'dom-order-list': 'order_list',
  'dom-order-detail': 'order_detail',
  'dom-tracking': 'tracking',
  'dom-refund': 'refund_detail',
};

export const INPUT_EXTENSIONS = ['.json', '.jsonp', '.txt', '.html'] as const;
export const EXPECTED_SUFFIX = '.expected.json';

/** Dispatchers and helpers named read-*.ts that are not readers of one page kind. */
export const NOT_READERS = ['read-captured.ts', 'read-page.ts'];
