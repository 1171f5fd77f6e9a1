import { useState } from 'preact/hooks';
import type { StartOutcome } from '@/lib/pages/refresh';
import { useUi } from './ui-context';

export interface RefreshButtonProps {
  /** Starts the run in an open AliExpress orders tab (lib/pages/refresh.ts in the popup). */
  onStart: () => Promise<StartOutcome>;
  /** Where to open the order list when no tab has it. */
  orderListUrl: string;
}

/** The popup's "Refresh open orders" and what came of the last press. */
export function RefreshButton({ onStart, orderListUrl }: RefreshButtonProps) {
  const { t } = useUi();
  const [outcome, setOutcome] = useState<StartOutcome | null>(null);
  const start = () => void onStart().then(setOutcome, () => setOutcome('reload'));
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
          <a href={orderListUrl} target="_blank" rel="noreferrer">
            {t('refresh_popup_link')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
