/**
 * Who may talk to the background: this extension's own pages, and its content scripts running
 * on AliExpress pages. Anything else (another extension, a web page through a relay) is refused.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { url?: string };
}

/** The hosts whose pages our content scripts run on (wxt.config.ts `host_permissions`). */
const ALIEXPRESS_HOST = /(^|\.)aliexpress\.(com|us)$/;

export function isAliExpressUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && ALIEXPRESS_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

export function isTrustedSender(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  const url = sender.url ?? '';
  if (url.startsWith(ownOrigin)) return true;
  // A content script: it must be running in a tab on an AliExpress page.
  return sender.tab !== undefined && isAliExpressUrl(url);
}
