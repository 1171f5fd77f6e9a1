import { stopKind } from '@/lib/aliexpress/mtop';
import type { RunState } from '@/lib/content/refresh-run';
import type { Ui } from './ui-context';

export interface RefreshPanelProps {
  /** Passed in (not from context) so the content script carries no hooks. */
  ui: Ui;
  state: RunState;
  onStart: () => void;
  onCancel: () => void;
  /** Hides the panel for this page (the popup can still start a refresh). */
  onClose: () => void;
}

const BUTTON = 'border:1px solid;border-radius:12px;padding:2px 10px';
const CLOSE = 'border:0;background:none;font-size:16px;line-height:1;padding:0 4px;cursor:pointer';

/** At most three order numbers, then "and N more": a summary stays short. */
function orderList(ids: string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} (+${ids.length - 3})`;
}

/**
 * The order list's "Refresh open orders" panel. Idle, it is a small pill (one button, covering
 * nothing of the page); while a run goes it shows progress with Cancel; after a run it says how
 * it ended, naming any order it had to skip, and can be closed.
 */
export function RefreshPanel({ ui: { t }, state: s, onStart, onCancel, onClose }: RefreshPanelProps) {
  const skipped = s.skipped ?? [];
  const v = {
    done: s.done,
    total: s.total,
    code: s.code ?? '',
    updated: s.done - skipped.length,
    count: skipped.length,
    orders: orderList(skipped.map((x) => x.orderId)),
  };
  if (s.phase === 'idle') {
    return (
      <button type="button" class="bs-pill" onClick={onStart}>
        {t('refresh_button')}
      </button>
    );
  }
  const ended =
    s.phase === 'stopped'
      ? t(`refresh_stop_${stopKind(v.code)}`, v)
      : s.phase === 'cancelled'
        ? t('refresh_cancelled', v)
        : s.phase === 'done'
          ? skipped.length
            ? t('refresh_done_skipped', v)
            : t(s.total ? 'refresh_done' : 'refresh_none', v)
          : null;
  return (
    <section class="bs-banner bs-info" aria-label={t('refresh_title')}>
      <p class="bs-title">
        {t('refresh_title')}{' '}
        {s.phase === 'running' ? null : (
          <button type="button" style={CLOSE} aria-label={t('refresh_close')} onClick={onClose}>
            ×
          </button>
        )}
      </p>
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
      {skipped.length && s.phase !== 'done' ? <p>{t('refresh_skipped_so_far', v)}</p> : null}
    </section>
  );
}
