import { useUi } from './ui-context';

/** The real AliExpress address where a buyer's orders are listed (what Buyer Shield reads first). */
export const ORDERS_PAGE = 'https://www.aliexpress.com/p/order/index.html';

/** The page shown once, on install: what Buyer Shield does, what it never does, how to start. */
export function Welcome({ optionsUrl }: { optionsUrl: string }) {
  const { t } = useUi();
  return (
    <main class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome_title')}</h1>
      <p class="welcome-lead">{t('welcome_lead')}</p>
      <section aria-labelledby="welcome-does">
        <h2 id="welcome-does">{t('welcome_does_title')}</h2>
        <ul>
          <li>{t('welcome_does_windows')}</li>
          <li>{t('welcome_does_warns')}</li>
          <li>{t('welcome_does_refunds')}</li>
        </ul>
      </section>
      <section aria-labelledby="welcome-never">
        <h2 id="welcome-never">{t('welcome_never_title')}</h2>
        <p>{t('welcome_never_text')}</p>
      </section>
      <section aria-labelledby="welcome-start">
        <h2 id="welcome-start">{t('welcome_start_title')}</h2>
        <ol>
          <li>
            {t('welcome_start_open')}{' '}
            <a href={ORDERS_PAGE} rel="noreferrer">
              {t('welcome_start_open_link')}
            </a>
          </li>
          <li>{t('welcome_start_refresh')}</li>
          <li>{t('welcome_start_popup')}</li>
        </ol>
        <p>
          <a href={optionsUrl}>{t('welcome_options_link')}</a>
        </p>
      </section>
    </main>
  );
}
