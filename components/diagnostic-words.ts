/**
 * A diagnostic in the buyer's words (issue 15: words, not codes): which of their pages it was,
 * and what happened, from the technical record (lib/store/diagnostics.ts). The API name and the
 * reader's own problem text stay available as the folded detail for a bug report.
 */
import type { MessageKey } from '@/lib/i18n';

/** The kind of page a diagnostic's source (an API name or a page kind) is about. */
export function pageOf(source: string): MessageKey {
  const s = source.toLowerCase();
  if (s.endsWith('order.list') || s === 'order_list') return 'diag_page_order_list';
  if (s.endsWith('order.detail') || s === 'order_detail') return 'diag_page_order_detail';
  if (s === 'mtop.ae.ld.querydetail' || s === 'tracking') return 'diag_page_tracking';
  if (s.includes('queryreverseorderpagelist') || s === 'refund_list') return 'diag_page_refund_list';
  if (s.includes('reverseorderlinerender') || s === 'refund_detail' || s === 'dispute_detail')
    return 'diag_page_refund_detail';
  return 'diag_page_other';
}

/** What happened, from the problem text the readers, the trust boundary and the store write. */
export function whatOf(problem: string): MessageKey {
  if (/log in|sign in|login/i.test(problem)) return 'diag_login';
  if (/human check|captcha|slider/i.test(problem)) return 'diag_captcha';
  if (/rate-limited|too many/i.test(problem)) return 'diag_traffic';
  if (/larger than|MB was refused/i.test(problem)) return 'diag_too_big';
  if (/dated after|new orders from one page load/i.test(problem)) return 'diag_refused';
  return 'diag_unreadable';
}
