import { formatCountdown } from '@/lib/format';
import type { PageSummary } from '@/lib/protocol/messages';
import type { Ui } from './ui-context';

export interface PageBadgeProps {
  /** Passed in (not from context) so the content script carries no hooks. */
  ui: Ui;
  summary: PageSummary | null;
  now: Date;
  onDismiss: () => void;
}

/**
 * The compact badge inside an order card on the order list: the next deadline, the order's
 * state and the next step. It sits in the card's header line, takes one line of text and never
 * overlays the page's own controls.
 */
export function PageBadge({ ui, summary, now, onDismiss }: PageBadgeProps) {
  const { t, locale } = ui;
  if (!summary) return null;
  const d = summary.nextDeadline;
  const severity = summary.alert?.severity ?? (summary.group === 'settled' ? 'settled' : 'info');
  const text = d
    ? `${summary.texts.deadline ?? ''} ${formatCountdown(d.at, now, locale)}${d.source === 'estimate' ? ` (${t('source_estimate')})` : ''}`
    : summary.group === 'settled'
      ? t('badge_settled')
      : t('badge_no_deadline');
  const step = summary.texts.title;
  const full = [text, d ? summary.texts.at : null, step].filter(Boolean).join(' · ');
  return (
    <span
      class={`bs-badge bs-${severity}`}
      role="note"
      aria-label={t('badge_label', { text: full })}
      title={full}
    >
      <span class="bs-dot" aria-hidden="true" />
      <span class="bs-text">{text}</span>
      {step ? <span class="bs-step"> · {step}</span> : null}
      <button
        type="button"
        class="bs-close"
        aria-label={t('badge_dismiss')}
        title={t('badge_dismiss')}
        onClick={onDismiss}
      >
        ×
      </button>
    </span>
  );
}
