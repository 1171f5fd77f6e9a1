import { useState } from 'preact/hooks';
import { ORDER_LIST_URL, type StartOutcome, startRefreshInTab } from '@/lib/pages/refresh';
import { useUi } from './ui-context';

/** The popup's "Refresh open orders": starts the run in an open AliExpress orders tab. */
export function RefreshButton() {
  const { t } = useUi();
  const [outcome, setOutcome] = useState<StartOutcome | null>(null);
  const start = () => void startRefreshInTab().then(setOutcome, () => setOutcome('reload'));
  return (
    <section class="refresh" aria-label={t('refresh_button')}>
      <button type="button" onClick={start}>
        {t('refresh_button')}
      </button>
      {outcome === 'started' ? <p role="status">{t('refresh_popup_started')}</p> : null}
      {outcome === 'reload' ? <p role="status">{t('refresh_popup_reload')}</p> : null}
      {outcome === 'no_tab' ? (
        <p role="status">
          {t('refresh_popup_no_tab')}{' '}
          <a href={ORDER_LIST_URL} target="_blank" rel="noreferrer">
            {t('refresh_popup_link')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
