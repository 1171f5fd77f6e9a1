/**
 * Who may talk to the background, and about what. This extension's own pages may send any
 * message; its content scripts, which run inside AliExpress pages and relay what those pages
 * produced, may only send what a page needs (save what it read, report what it could not read,
 * ask for texts and summaries). Anyone else (another extension, a web page) is refused.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  /** Chrome's id of the sending document (one page load). */
  documentId?: string;
  tab?: { id?: number; url?: string };
}

export type SenderKind = 'extension_page' | 'content_script';

/**
 * The hosts whose pages our content scripts run on (lib/aliexpress/hosts.ts), over https only:
 * a plain-http page could be anyone's on the network path.
 */
const ALIEXPRESS_HOST = /(^|\.)aliexpress\.(com|us)$/;

export function isAliExpressUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && ALIEXPRESS_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

export function senderKind(sender: SenderLike, ownId: string, ownOrigin: string): SenderKind | null {
  if (sender.id !== ownId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(ownOrigin)) return 'extension_page';
  // A content script: it must be running in a tab on an AliExpress page.
  return sender.tab !== undefined && isAliExpressUrl(url) ? 'content_script' : null;
}

/** What a content script may ask for. Everything else needs one of our own pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<string> = new Set([
  'saveObservations',
  'saveCapture',
  'captureKnown',
  'saveDomList',
  'reportUnreadable',
  'getUiStrings',
  'getPageSummaries',
  'getPageStart',
  'openChecklist',
  'getOpenOrderIds',
]);
