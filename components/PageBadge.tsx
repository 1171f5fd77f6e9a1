import type { PageSummary } from '@/lib/protocol/messages';
import { StepLink } from './StepLink';
import type { Ui } from './ui-context';

export interface PageBadgeProps {
  /** Passed in (not from context) so the content script carries no hooks. */
  ui: Ui;
  summary: PageSummary | null;
  /** Hides this order's badge until its step changes. */
  onHide: () => void;
  /**
   * Whether the popover's step is drawn (default). The order list draws it only when the buyer
   * first opens it (`onOpen`, just before it shows): most badges are never opened, and drawing
   * ~15 full steps was a good part of the page's cost (issue 16, BENCHMARKS.md §5).
   */
  full?: boolean;
  /** Called just before the popover opens while `full` is false. */
  onOpen?: () => void;
}

/** The popover's id: one badge per shadow root, so it is unique where it is looked up. */
const POP = 'bs-pop';

/** The order, as labels name it: its first item, or its number. */
export function orderName(ui: Ui, summary: PageSummary): string {
  const item = summary.item;
  return item
    ? item.length > 60
      ? `${item.slice(0, 59)}…`
      : item
    : ui.t('order_label', { id: summary.orderId });
}

/**
 * Places the popover (in the top layer, so the badge's one-line box cannot cut it) under its
 * badge, inside the viewport, and scrolling with the page.
 */
function place(event: Event): void {
  const pop = event.currentTarget as HTMLElement;
  if ((event as ToggleEvent).newState !== 'open') return;
  const head = (pop.getRootNode() as ShadowRoot).querySelector('.bs-head');
  if (!head) return;
  const r = head.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
  pop.style.cssText = `left:${left + window.scrollX}px;top:${r.bottom + window.scrollY + 4}px;width:${width}px`;
}

/** Keyboard focus opens the step too (a mouse's focus is followed by its click). */
function openOnKeyboardFocus(event: FocusEvent): void {
  const head = event.currentTarget as HTMLElement;
  if (!head.matches(':focus-visible')) return;
  const pop = (head.getRootNode() as ShadowRoot).getElementById(POP);
  if (pop && !pop.matches(':popover-open')) pop.showPopover();
}

/** Focus leaving the badge (Tab past its step) closes the step. */
function closeWhenLeft(event: FocusEvent): void {
  const badge = event.currentTarget as HTMLElement;
  const to = event.relatedTarget as Node | null;
  if (to !== null && badge.contains(to)) return;
  const pop = (badge.getRootNode() as ShadowRoot).getElementById(POP);
  if (pop?.matches(':popover-open')) pop.hidePopover();
}

/**
 * The badge inside an order card on the order list: a short headline with the date, never cut.
 * The full step (what to do, why, where to do it) opens on click, tap, Enter or keyboard focus
 * as a popover in the badge's shadow root; Escape, a tap elsewhere or Tab past it closes it.
 */
/** A step's "Do:" and "Why:" lines, the same in the badge's popover and in the banner. */
export function StepWhat({ t, texts }: { t: Ui['t']; texts: PageSummary['texts'] }) {
  return (
    <>
      <p>
        <strong>{t('banner_do')}:</strong> {texts.action}
      </p>
      <p class="bs-why">
        <strong>{t('banner_why')}:</strong> {texts.why}
      </p>
    </>
  );
}

export function PageBadge({ ui, summary, onHide, full = true, onOpen }: PageBadgeProps) {
  const { t } = ui;
  if (!summary) return null;
  const d = summary.nextDeadline;
  const a = summary.alert;
  const severity = a?.severity ?? (summary.group === 'settled' ? 'settled' : 'info');
  const estimate = d?.source === 'estimate' ? ` (${t('source_estimate')})` : '';
  const headline = d
    ? `${t(`badge_short_${d.kind}`, { day: summary.texts.day ?? '' })}${estimate}`
    : a && summary.texts.title
      ? // A step with no date ahead (its date passed: ask the bank now) is named, not "no deadline".
        summary.texts.title
      : summary.group === 'settled'
        ? t('badge_settled')
        : t('badge_no_deadline');
  const name = orderName(ui, summary);
  return (
    <span
      class={`bs-badge bs-${severity}`}
      role="note"
      aria-label={t('badge_label', { text: headline })}
      onFocusOut={closeWhenLeft}
    >
      <button
        type="button"
        class="bs-head"
        popovertarget={POP}
        popovertargetaction="show"
        aria-controls={POP}
        onFocus={openOnKeyboardFocus}
      >
        <span class="bs-dot" aria-hidden="true" />
        <span class="bs-text">{headline}</span>
      </button>
      <div
        id={POP}
        popover="auto"
        class="bs-pop"
        role="dialog"
        aria-label={name}
        onToggle={place}
        onBeforeToggle={full ? undefined : onOpen}
      >
        {full ? <BadgeStep ui={ui} summary={summary} name={name} onHide={onHide} /> : null}
      </div>
    </span>
  );
}

/** The badge's full step, in its popover. */
function BadgeStep({
  ui,
  summary,
  name,
  onHide,
}: {
  ui: Ui;
  summary: PageSummary;
  name: string;
  onHide: () => void;
}) {
  const { t } = ui;
  const d = summary.nextDeadline;
  const a = summary.alert;
  return (
    <>
      {a ? <p class="bs-title">{summary.texts.title}</p> : null}
      {d ? (
        <p>
          <strong>{summary.texts.deadline}</strong> {summary.texts.countdown} ({summary.texts.at}){' '}
          <span class="bs-source">{d.source === 'page' ? t('source_page') : t('source_estimate')}</span>
        </p>
      ) : null}
      {a ? <StepWhat t={t} texts={summary.texts} /> : null}
      <p class="bs-actions">
        <StepLink t={t} action={summary.action} />
        <button
          type="button"
          class="bs-hide"
          aria-label={t('badge_hide_label', { item: name })}
          onClick={onHide}
        >
          {t('badge_hide')}
        </button>
      </p>
    </>
  );
}

/** Where a hidden badge or banner was: says so, with an Undo right there. */
export function HiddenNotice({ ui, name, onUndo }: { ui: Ui; name: string; onUndo: () => void }) {
  const { t } = ui;
  return (
    <span class="bs-hidden" role="status">
      {t('badge_hidden')}{' '}
      <button
        type="button"
        class="bs-link"
        aria-label={t('badge_undo_label', { item: name })}
        onClick={onUndo}
      >
        {t('badge_undo')}
      </button>
    </span>
  );
}
