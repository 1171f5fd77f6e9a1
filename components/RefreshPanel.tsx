import { stopKind } from '@/lib/aliexpress/mtop';
import type { RunState } from '@/lib/content/refresh-run';
import type { Ui } from './ui-context';

export interface RefreshPanelProps {
  /** Passed in (not from context) so the content script carries no hooks. */
  ui: Ui;
  state: RunState;
  onStart: () => void;
  onCancel: () => void;
}

const BUTTON = 'border:1px solid;border-radius:12px;padding:2px 10px';

/**
 * The order list's "Refresh open orders" panel: the button (or "resume" after a stop), a
 * progress bar with "12 of 40" and Cancel while it runs, and how the last run ended.
 */
export function RefreshPanel({ ui: { t }, state: s, onStart, onCancel }: RefreshPanelProps) {
  const v = { done: s.done, total: s.total, code: s.code ?? '' };
  const ended =
    s.phase === 'stopped'
      ? t(`refresh_stop_${stopKind(v.code)}`, v)
      : s.phase === 'cancelled'
        ? t('refresh_cancelled', v)
        : s.phase === 'done'
          ? t(s.total ? 'refresh_done' : 'refresh_none', v)
          : null;
  return (
    <section class="bs-banner bs-info" aria-label={t('refresh_title')}>
      <p class="bs-title">{t('refresh_title')}</p>
      {s.phase === 'running' ? (
        <p>
          <progress max={s.total || 1} value={s.done} aria-label={t('refresh_progress_label')} />{' '}
          <span role="status">{t('refresh_progress', v)}</span>{' '}
          <button type="button" style={BUTTON} onClick={onCancel}>
            {t('refresh_cancel')}
          </button>
        </p>
      ) : (
        <p>
          <button type="button" style={BUTTON} onClick={onStart}>
            {s.pending ? t('refresh_resume', { count: s.pending }) : t('refresh_button')}
          </button>
        </p>
      )}
      {ended ? <p role={s.phase === 'stopped' ? 'alert' : 'status'}>{ended}</p> : null}
    </section>
  );
}
