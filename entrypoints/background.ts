import { browser, defineBackground } from '#imports';
import { WAKE_ALARM } from '@/lib/background/alarms';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import { createRecomputer, notificationTarget, orderPageOf } from '@/lib/background/recompute';
import { packageTables } from '@/lib/i18n-tables';
import { WELCOME_SHOWN_KEY } from '@/lib/protocol/storage-keys';
import { getDb } from '@/lib/store/db';

// Thin wiring only. Every listener is registered synchronously, before any await, so a
// service worker woken by an event finds its listener (MV3). docs/architecture.md says when
// the worker wakes and why.
export default defineBackground(() => {
  const db = getDb();
  const now = () => new Date();
  const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  const uiLanguage = () => browser.i18n.getUILanguage();
  const loadTable = packageTables(async (path) => {
    const res = await fetch(browser.runtime.getURL(`/${path}` as '/popup.html'));
    return res.json();
  });
  const recompute = createRecomputer({ db, now, zone, uiLanguage, loadTable });
  const ctx: HandlerContext = {
    db,
    now,
    zone,
    uiLanguage,
    loadTable,
    openTab: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/popup.html') });
    },
    onDataChanged: () => recompute.soon(),
    extensionVersion: () => browser.runtime.getManifest().version,
    readLocal: async (key) => (await browser.storage.local.get(key))[key],
  };
  // Once per profile, on a new install (not on updates): what Buyer Shield does and how to
  // start. Remembered, because an unpacked extension reports "install" at every browser start.
  const showWelcomeOnce = async () => {
    if ((await browser.storage.local.get(WELCOME_SHOWN_KEY))[WELCOME_SHOWN_KEY]) return;
    await browser.storage.local.set({ [WELCOME_SHOWN_KEY]: true });
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  };
  const me = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // Answered through sendResponse (kept open by `return true`): Chrome's own onMessage does not
  // take a listener's promise as its answer, and the worker ships without the polyfill that
  // would (wxt.config.ts). handleMessage never rejects: every failure is an `{ ok: false }`.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(message, sender, me, ctx).then(sendResponse);
    return true;
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void recompute.run();
    if (reason === 'install') void showWelcomeOnce();
  });
  browser.runtime.onStartup.addListener(() => void recompute.run());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) return recompute.run();
  });
  browser.notifications.onClicked.addListener((id) => {
    void browser.tabs.create({ url: notificationTarget(id, browser.runtime.getURL('/popup.html')) });
    void browser.notifications.clear(id);
  });
  // The reminder's one button, "Open the order".
  browser.notifications.onButtonClicked.addListener((id) => {
    void browser.tabs.create({ url: orderPageOf(id) ?? browser.runtime.getURL('/popup.html') });
    void browser.notifications.clear(id);
  });
});
