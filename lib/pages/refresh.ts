/**
 * The popup's "Refresh open orders": the run happens in an open AliExpress order-list tab (it
 * must use that page's session and request helper), so the popup finds one, asks it to start
 * and brings it to the front. Finding it by URL needs no `tabs` permission: our host
 * permissions cover these addresses.
 */
import { browser } from '#imports';
import { ORDER_LIST_MATCHES } from '../aliexpress/hosts';

export const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

export type StartOutcome = 'started' | 'no_tab' | 'reload';

export async function startRefreshInTab(): Promise<StartOutcome> {
  const tabs = await browser.tabs.query({ url: ORDER_LIST_MATCHES });
  const tab = tabs.find((t) => t.active) ?? tabs[0];
  if (tab?.id === undefined) return 'no_tab';
  try {
    const answer: unknown = await browser.tabs.sendMessage(tab.id, { type: 'startRefresh' });
    if (!answer) return 'reload';
  } catch {
    // No content script in that tab (opened before the extension was installed or updated).
    return 'reload';
  }
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  return 'started';
}
