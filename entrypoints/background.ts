import { browser, defineBackground } from '#imports';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import { getDb } from '@/lib/store/db';

// Thin wiring only: every listener is registered synchronously, before any await, so a
// service worker woken by an event finds its listener (MV3).
export default defineBackground(() => {
  const ctx: HandlerContext = {
    db: getDb(),
    now: () => new Date(),
    zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    onDataChanged: () => {},
  };
  const me = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, me, ctx));
});
