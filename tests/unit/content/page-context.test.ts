/**
 * The life of our scripts in an AliExpress page (lib/content/page-context.ts): a copy left running
 * by an extension update, or replaced by a newer copy, stops drawing and listening; the single-page
 * app's own navigation restarts the page's reading with the new address.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, pageContext } from '@/lib/content/page-context';

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { navigation?: unknown }).navigation;
  history.replaceState(null, '', '/p/order/index.html');
});

describe('a content script context', () => {
  it('ends when a newer copy of the same script starts in the page, and not for another script', () => {
    vi.useFakeTimers();
    const old = new ContentScriptContext('aliexpress');
    const ended = vi.fn();
    const timer = vi.fn();
    const clicks = vi.fn();
    old.onInvalidated(ended);
    old.setTimeout(timer, 100);
    old.addEventListener(document, 'click', clicks);

    new ContentScriptContext('aliexpress-order');
    expect(old.isValid).toBe(true);

    const newer = new ContentScriptContext('aliexpress');
    expect(old.isValid).toBe(false);
    expect(ended).toHaveBeenCalledOnce();
    expect(newer.isValid).toBe(true);
    document.dispatchEvent(new Event('click'));
    vi.advanceTimersByTime(100);
    expect(clicks).not.toHaveBeenCalled();
    expect(timer).not.toHaveBeenCalled();
  });

  it('ends when the extension has gone (updated or reloaded): its timers do nothing', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('aliexpress');
    const ended = vi.fn();
    const timer = vi.fn();
    ctx.onInvalidated(ended);
    ctx.setTimeout(timer, 100);
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    try {
      vi.advanceTimersByTime(100);
    } finally {
      id.mockRestore();
    }
    expect(timer).not.toHaveBeenCalled();
    expect(ended).toHaveBeenCalledOnce();
  });

  it('runs a timer of a live context', () => {
    vi.useFakeTimers();
    const timer = vi.fn();
    new ContentScriptContext('aliexpress').setTimeout(timer, 100);
    vi.advanceTimersByTime(100);
    expect(timer).toHaveBeenCalledOnce();
  });

  it('says when the address changed, after the change, through the Navigation API', () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const ctx = new ContentScriptContext('aliexpress');
    const seen: string[] = [];
    ctx.onLocationChange(() => seen.push(location.pathname));

    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual([]); // the same address: nothing to restart
    history.pushState(null, '', '/p/order/detail.html');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual(['/p/order/detail.html']);

    ctx.end();
    history.pushState(null, '', '/p/order/index.html');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual(['/p/order/detail.html']);
  });

  it('looks at the address once a second where the Navigation API is missing', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('aliexpress');
    const seen: string[] = [];
    ctx.onLocationChange(() => seen.push(location.pathname));
    history.pushState(null, '', '/p/order/detail.html');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['/p/order/detail.html']);
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(1);

    ctx.end();
    history.pushState(null, '', '/p/order/index.html');
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a context that is not ours, so a build without the alias fails loudly', () => {
    const ours = new ContentScriptContext('aliexpress');
    expect(pageContext(ours)).toBe(ours);
    expect(() => pageContext({ setTimeout })).toThrow(/page-context/);
  });
});
