import type { HiddenEntry } from '@/lib/pages/hidden';
import { useUi } from './ui-context';

/** Options: the warnings hidden on AliExpress pages, each with "Show again". */
export function HiddenWarnings({
  entries,
  onShow,
}: {
  entries: HiddenEntry[];
  onShow: (key: string) => void;
}) {
  const { t } = useUi();
  return (
    <section aria-labelledby="hidden-title">
      <h2 id="hidden-title">{t('options_hidden_heading')}</h2>
      <p class="hint">{t('options_hidden_intro')}</p>
      {entries.length === 0 ? (
        <p>{t('options_hidden_none')}</p>
      ) : (
        <ul class="hidden-list">
          {entries.map((e) => {
            const item = e.item ?? t('order_label', { id: e.orderId });
            return (
              <li key={e.key}>
                {t(e.kind === 'badge' ? 'options_hidden_badge' : 'options_hidden_banner', { item })}{' '}
                <button
                  type="button"
                  aria-label={t('options_hidden_show_label', { item })}
                  onClick={() => onShow(e.key)}
                >
                  {t('options_hidden_show')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
