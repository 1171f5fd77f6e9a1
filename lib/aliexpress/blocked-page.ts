import { all, first, leadingText } from './dom';

/**
 * Is this a login or human-verification page instead of the page we expected?
 * - login: hosts login./passport./havana… (Kagee/webshop-order-scraper scrapers/aliexpress.py
 *   LOGIN_PAGE_RE; ElMagoCT src/adapters/aliexpress.ts LOGIN_URL_RE), or a login form with a
 *   password field (`fm-login-id` is the Alibaba login form's id; seen on login.aliexpress.com).
 * - captcha: baxia / nc slider `#baxia-dialog-content, .baxia-dialog, #nc_1_wrapper,
 *   .nc-container` and the texts "please slide to verify" / "unusual traffic"
 *   (RonenMars/ali-sum apps/extension/content/scraper.ts).
 */
export function detectBlockedPage(doc: Document, url: URL): 'login' | 'captcha' | null {
  if (/^(?:login|passport|havana)[\w-]*\.aliexpress\./i.test(url.hostname)) return 'login';
  if (
    first(
      doc,
      '#baxia-dialog-content, .baxia-dialog, #nc_1_wrapper, .nc-container, [id^="nc_"][id$="_wrapper"]',
    )
  ) {
    return 'captcha';
  }
  const body = leadingText(doc.body, 5000);
  if (
    /please slide to verify|unusual traffic|slide to complete|deslize para verificar|desliza para verificar/i.test(
      body,
    )
  ) {
    return 'captcha';
  }
  const password = first(doc, 'input[type="password"]');
  const loginForm = first(doc, '#fm-login-id, input[name="fm-login-id"], .fm-login, form[action*="login" i]');
  if (password && (loginForm || all(doc, '.order-item').length === 0)) return 'login';
  return null;
}
