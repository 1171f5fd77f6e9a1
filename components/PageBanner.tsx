import type { PageSummary } from '@/lib/protocol/messages';
import { orderName, StepWhat } from './PageBadge';
import { StepLink } from './StepLink';
import type { Ui } from './ui-context';

export interface PageBannerProps {
  /** Passed in (not from context) so the content script carries no hooks. */
  ui: Ui;
  summary: PageSummary | null;
  onOpenChecklist: () => void;
  /** Hides this order's banner until its step changes. */
  onHide: () => void;
}

/**
 * The banner on an order's detail and tracking pages: the deadline, what to do with the link to
 * where it is done, and why it matters.
 */
export function PageBanner({ ui, summary, onOpenChecklist, onHide }: PageBannerProps) {
  const { t } = ui;
  if (!summary) return null;
  const d = summary.nextDeadline;
  const a = summary.alert;
  const severity = a?.severity ?? (summary.group === 'settled' ? 'settled' : 'info');
  return (
    <section class={`bs-banner bs-${severity}`} aria-label={t('banner_title')}>
      <header>
        <strong>{t('banner_title')}</strong>
      </header>
      {d ? (
        <p class="bs-deadline">
          <strong>{summary.texts.deadline}</strong> {summary.texts.countdown} ({summary.texts.at}){' '}
          <span class="bs-source">{d.source === 'page' ? t('source_page') : t('source_estimate')}</span>
        </p>
      ) : (
        <p>{summary.group === 'settled' ? t('badge_settled') : t('no_deadline')}</p>
      )}
      {a ? (
        <>
          <p class="bs-title">{summary.texts.title}</p>
          <StepWhat t={t} texts={summary.texts} />
        </>
      ) : null}
      <p class="bs-actions">
        <StepLink t={t} action={summary.action} />
        <button type="button" class="bs-link" onClick={onOpenChecklist}>
          {t('banner_checklist')}
        </button>
        <button
          type="button"
          class="bs-hide"
          aria-label={t('badge_hide_label', { item: orderName(ui, summary) })}
          onClick={onHide}
        >
          {t('badge_hide')}
        </button>
      </p>
    </section>
  );
}
