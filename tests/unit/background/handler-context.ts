/**
 * The background's handlers as a test drives them: a fresh database, a fixed clock and zone,
 * the real locale tables, and senders as Chrome describes them (an extension page, or a
 * content script in an AliExpress tab).
 */
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import type { Observations } from '@/lib/schema/model';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb } from '../store/helpers';

export const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };

/** One of our own pages (popup, options, welcome). */
export const extensionPage = (page = 'options.html') => ({ id: me.id, url: `${me.origin}${page}` });

/** Our content script in a tab showing an AliExpress page. */
export const aliexpressTab = (url = 'https://www.aliexpress.com/p/order/index.html') => ({
  id: me.id,
  url,
  tab: { url },
});

export function handlerContext(now: Date, zone = 'UTC', over: Partial<HandlerContext> = {}): HandlerContext {
  return {
    db: freshDb(),
    now: () => now,
    zone: () => zone,
    uiLanguage: () => 'en-US',
    loadTable: loadTableFromDisk,
    openTab: async () => {},
    onDataChanged: () => {},
    ...over,
  };
}

/** Sends one message as `sender` would. */
export const ask = (ctx: HandlerContext, sender: object, type: string, payload: unknown) =>
  handleMessage({ type, payload }, sender, me, ctx);

/** Stores page observations as the order list's content script would. */
export const savePage = (ctx: HandlerContext, observations: Observations, url?: string) =>
  ask(ctx, aliexpressTab(url), 'saveObservations', {
    source: 'order_list',
    kind: 'json',
    url: url ?? 'https://www.aliexpress.com/p/order/index.html',
    observations,
  });
