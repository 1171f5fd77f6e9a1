import { browser, defineContentScript } from '#imports';
import { classifyUrl } from '@/lib/aliexpress/page-kind';
import { CONTENT_MATCHES } from '@/lib/content/matches';
import { PageSession } from '@/lib/content/page-session';
import { send } from '@/lib/messages';

/** How long a single-page app gets to render before an unread page is reported. */
const REPORT_AFTER_MS = 15_000;
const DOM_READ_DEBOUNCE_MS = 400;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    const runtimeSend = (m: unknown) => browser.runtime.sendMessage(m);
    let session: PageSession | null = null;
    let timer: number | undefined;

    const start = () => {
      const url = new URL(location.href);
      const kind = classifyUrl(url);
      session =
        kind && kind !== 'unsupported_ru'
          ? new PageSession(
              {
                now: () => new Date(),
                lang: () => document.documentElement.lang || undefined,
                save: (m) => void send(runtimeSend, 'saveObservations', m),
                report: (m) => void send(runtimeSend, 'reportUnreadable', m),
              },
              kind,
              url,
            )
          : null;
      const current = session;
      ctx.setTimeout(() => current?.finish(), REPORT_AFTER_MS);
    };

    const readSoon = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(() => {
        timer = undefined;
        session?.readDom(document);
      }, DOM_READ_DEBOUNCE_MS);
    };

    start();
    ctx.addEventListener(window, 'message', (event) => {
      if (event.source === window) session?.onWindowMessage(event.data);
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      start();
      readSoon();
    });
    ctx.addEventListener(document, 'DOMContentLoaded', () => {
      readSoon();
      // Cards added later ("View orders") and client-rendered pages are read again.
      const observer = new MutationObserver(readSoon);
      observer.observe(document.body, { childList: true, subtree: true });
      ctx.onInvalidated(() => observer.disconnect());
    });
  },
});
