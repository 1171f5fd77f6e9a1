import { useUi } from './ui-context';

const ORDERS_PAGE = 'https://www.aliexpress.com/p/order/index.html';

/** What a new buyer sees: how to start. */
export function EmptyState() {
  const { t } = useUi();
  const [before, after] = t('empty_text').split('{link}');
  return (
    <section class="empty" aria-label={t('empty_title')}>
      <h2>{t('empty_title')}</h2>
      <p>
        {before}
        <a href={ORDERS_PAGE} target="_blank" rel="noreferrer">
          {t('empty_link')}
        </a>
        {after}
      </p>
      <p class="muted">{t('unsupported_site', { site: 'aliexpress.ru' })}</p>
    </section>
  );
}
