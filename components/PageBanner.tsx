import { formatCountdown } from '@/lib/format';
import type { PageSummary } from '@/lib/protocol/messages';
import type { Ui } from './ui-context';

export interface PageBannerProps {
  /** Passed in (not from context) so the content script carries no hooks. */
  ui: Ui;
  summary: PageSummary | null;
  now: Date;
  onOpenChecklist: () => void;
  onDismiss: () => void;
}

/** The banner on an order's detail and tracking pages: the deadline, why it matters, what to do. */
export function PageBanner({ ui, summary, now, onOpenChecklist, onDismiss }: PageBannerProps) {
  const { t, locale } = ui;
  if (!summary) return null;
  const d = summary.nextDeadline;
  const a = summary.alert;
  const severity = a?.severity ?? (summary.group === 'settled' ? 'settled' : 'info');
  return (
    <section class={`bs-banner bs-${severity}`} aria-label={t('banner_title')}>
      <header>
        <strong>{t('banner_title')}</strong>
        <button type="button" class="bs-close" aria-label={t('badge_dismiss')} onClick={onDismiss}>
          ×
        </button>
      </header>
      {d ? (
        <p class="bs-deadline">
          <strong>{summary.texts.deadline}</strong> {formatCountdown(d.at, now, locale)} ({summary.texts.at}){' '}
          <span class="bs-source">{d.source === 'page' ? t('source_page') : t('source_estimate')}</span>
        </p>
      ) : (
        <p>{summary.group === 'settled' ? t('badge_settled') : t('no_deadline')}</p>
      )}
      {a ? (
        <>
          <p class="bs-title">{summary.texts.title}</p>
          <p>
            <strong>{t('banner_do')}:</strong> {summary.texts.action}
          </p>
          <p class="bs-why">
            <strong>{t('banner_why')}:</strong> {summary.texts.why}
          </p>
        </>
      ) : null}
      <button type="button" class="bs-link" onClick={onOpenChecklist}>
        {t('banner_checklist')}
      </button>
    </section>
  );
}
