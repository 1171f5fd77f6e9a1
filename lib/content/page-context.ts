/**
 * The life of an isolated content script in an AliExpress page, in place of WXT's
 * `ContentScriptContext` (wxt.config.ts points WXT's import of it here, for content scripts only).
 * Ours are the four parts the page scripts use (lib/content/run-page.ts), without WXT's logger,
 * intervals, animation frames and second start message: 0.5–0.7 KB gzip less in each script that
 * every AliExpress page loads, and one abort listener per context instead of one per timer
 * (issue 16, BENCHMARKS.md).
 *
 * A context ends when the extension is reloaded or updated (the page keeps the old copy running,
 * but its `runtime.id` is gone) or when a newer copy of the same script starts in the page (it
 * says so with a DOM event on `document`, as WXT's does). Its listeners are then removed and its
 * timers do nothing. A page could send that event too; that only takes our badges off its page.
 */
// Not from '#imports', as the other page scripts do: it re-exports WXT's context, which in a
// content-script build is this file.
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(name: string) {
    const started = `${browser.runtime.id}:${name}:started`;
    const id = Math.random().toString(36).slice(2);
    // A string detail: it reads the same in every world, unlike an object's.
    document.dispatchEvent(new CustomEvent(started, { detail: id }));
    this.addEventListener(document, started, (event) => {
      if ((event as CustomEvent).detail !== id) this.end();
    });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** False once the context has ended, which it notices here when the extension has gone. */
  get isValid(): boolean {
    if (browser.runtime?.id == null) this.end();
    return !this.signal.aborted;
  }

  onInvalidated(run: () => void): void {
    this.signal.addEventListener('abort', run);
  }

  /** `window.setTimeout` that does nothing once the context has ended. */
  setTimeout(run: () => void, ms: number): number {
    return window.setTimeout(() => {
      if (this.isValid) run();
    }, ms);
  }

  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler, { signal: this.signal });
  }

  /**
   * `run` after the page's address changes without a reload (the single-page app's own
   * navigation), with `location` already showing the new address. The Navigation API says so
   * after the change (`currententrychange`); where it is missing the address is looked at once
   * a second.
   */
  onLocationChange(run: () => void): void {
    let last = location.href;
    const check = () => {
      if (!this.isValid || location.href === last) return;
      last = location.href;
      run();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function')
      this.addEventListener(navigation, 'currententrychange', check);
    else {
      const timer = window.setInterval(check, 1000);
      this.onInvalidated(() => window.clearInterval(timer));
    }
  }

  end(): void {
    this.#controller.abort();
  }
}

/**
 * The context WXT's start hands an entrypoint's `main`: ours through wxt.config.ts's alias.
 * Checked rather than assumed, so a build without the alias fails on its first page, loudly.
 */
export function pageContext(ctx: unknown): ContentScriptContext {
  if (ctx instanceof ContentScriptContext) return ctx;
  throw new Error('Buyer Shield: built without lib/content/page-context.ts in place of WXT’s context');
}
