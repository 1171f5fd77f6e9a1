import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { WAKE_ALARM } from '@/lib/background/alarms';
import { BuyerShieldDb, useDb } from '@/lib/store/db';

describe('background wiring', () => {
  it('registers every listener synchronously, so an event that wakes the worker finds it', () => {
    useDb(new BuyerShieldDb(`wiring-${Date.now()}`));
    const result: unknown = background.main();
    // main() does no asynchronous set-up before its listeners exist.
    expect(result).toBeUndefined();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.notifications.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.notifications.onButtonClicked.hasListeners()).toBe(true);
  });

  it("a reminder's button and a click on it open the order's AliExpress page", async () => {
    useDb(new BuyerShieldDb(`wiring-${Date.now()}-3`));
    background.main();
    await fakeBrowser.notifications.onButtonClicked.trigger('bs|8100000000000001|protection_end|-', 0);
    await fakeBrowser.notifications.onClicked.trigger('bs|8100000000000001|protection_end|-');
    const opened = (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url ? [tab.url] : []));
    expect(opened).toEqual([
      'https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001',
      'https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001',
    ]);
  });

  it('sets the wake alarm when installed and again when the alarm fires', async () => {
    useDb(new BuyerShieldDb(`wiring-${Date.now()}-2`));
    // The fake browser has no UI language; the real one always does.
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await expect.poll(() => fakeBrowser.alarms.get(WAKE_ALARM)).toBeTruthy();
    await fakeBrowser.alarms.clearAll();
    const alarm = { name: WAKE_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true };
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await expect.poll(() => fakeBrowser.alarms.get(WAKE_ALARM)).toBeTruthy();
  });
});
