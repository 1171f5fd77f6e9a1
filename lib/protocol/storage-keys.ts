/**
 * Every `browser.storage.local` key the extension uses, in one place, so two modules can never
 * pick the same name for different things. Orders, settings and reminders live in IndexedDB
 * (lib/store/); storage.local holds only small per-device state that needs no transaction.
 */

/**
 * The badges and banners the buyer hid until their step changes (lib/protocol/hidden-warnings.ts;
 * written by lib/content/run-page.ts, listed by Options). It replaced `dismissedOrders`, whose
 * dismissals were for good: those warnings show again.
 */
export const HIDDEN_KEY = 'hiddenWarnings';
/** The orders a stopped "Refresh open orders" run has still to do (lib/content/refresh-run.ts). */
export const PROGRESS_KEY = 'refreshProgress';
/** When recompute last ran, to tell reminders that fell due while the browser was closed (lib/background/recompute.ts). */
export const LAST_CHECK_KEY = 'lastCheckAt';
/** Set once the welcome page was shown, so it opens once per profile (entrypoints/background.ts). */
export const WELCOME_SHOWN_KEY = 'welcomeShown';
/** When the last separate notifications were shown (ms), for their rate limit (lib/background/recompute.ts). */
export const NOTIFIED_KEY = 'notifiedAt';
