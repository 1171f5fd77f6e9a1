import { defineContentScript } from '#imports';
import { CONTENT_MATCHES } from '@/lib/aliexpress/hosts';
import { installCapture } from '@/lib/page-world/capture';

// MAIN world, before the page's own scripts: observe the few AliExpress API responses we read
// and hand the raw text to the isolated content script. Nothing else (DESIGN.md "Capture").
export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    installCapture(window, (message) => window.postMessage(message, window.location.origin));
  },
});
