import type { PageKind, ReadResult } from '@/lib/schema/model';
import { detectBlockedPage } from './blocked-page';
import type { ReadContext } from './context';
import { readDomOrderDetail } from './read-dom-order-detail';
import { readDomOrderList } from './read-dom-order-list';
import { readDomRefund } from './read-dom-refund';
import { readDomTracking } from './read-dom-tracking';
import { conformed, fail, guarded } from './result';

export { detectBlockedPage } from './blocked-page';

export type DomReader = (doc: Document, url: URL, ctx: ReadContext) => ReadResult;
export type PageReader = (kind: PageKind, doc: Document, url: URL, ctx: ReadContext) => ReadResult;

/**
 * The refund list's markup is not documented anywhere public; its API response
 * (queryreverseorderpagelistforbuyer) is what we read there.
 */
export const readDomRefundList: DomReader = () =>
  fail('the refund list is read from its API response only; its page markup is not read');

const READERS: Record<PageKind, DomReader> = {
  order_list: readDomOrderList,
  order_detail: readDomOrderDetail,
  tracking: readDomTracking,
  refund_list: readDomRefundList,
  refund_detail: readDomRefund,
  dispute_detail: readDomRefund,
};

/**
 * A page reader over some page kinds: each content script carries only the readers of the
 * pages it runs on. Never throws. A login or verification page is a failure that says so,
 * before any reader looks at it. The reading is brought within the background's limits.
 */
export function makePageReader(readers: Partial<Record<PageKind, DomReader>>): PageReader {
  return guarded('readPage', (kind: PageKind, doc: Document, url: URL, ctx: ReadContext): ReadResult => {
    const blocked = detectBlockedPage(doc, url);
    if (blocked === 'login') return fail('AliExpress shows a login page instead of the expected page');
    if (blocked === 'captcha')
      return fail('AliExpress shows a verification (slider/captcha) page instead of the expected page');
    const reader = Object.hasOwn(readers, kind) ? readers[kind] : undefined;
    if (!reader) return fail(`no reader for page kind ${String(kind).slice(0, 40)}`);
    return conformed(guarded(kind, reader)(doc, url, ctx));
  });
}

/** The one entry point for saved or live pages of every kind. */
// Marked pure so a content script importing only makePageReader does not carry every reader.
export const readPage: PageReader = /* @__PURE__ */ makePageReader(READERS);
