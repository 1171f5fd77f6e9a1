import { defineContentScript } from '#imports';
import { CONTENT_MATCHES } from '@/lib/aliexpress/hosts';
import { installCapture, untilReady } from '@/lib/page-world/capture';

// MAIN world, before the page's own scripts: observe the few AliExpress API responses we read
// and hand the raw text to the isolated content script. Nothing else (DESIGN.md "Capture"). The
// only script of ours at document_start: the isolated ones start when the page is idle, and
// what was captured before is kept for them until they say they listen (untilReady).
export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const origin = window.location.origin;
    installCapture(
      window,
      untilReady(window, (message) => window.postMessage(message, origin)),
    );
  },
});
