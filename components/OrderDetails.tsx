import { useEffect, useState } from 'preact/hooks';
import { formatMoney } from '@/lib/format';
import type { OrderView } from '@/lib/protocol/messages';
import { safeUrl } from '@/lib/safe-url';
import { Checklist } from './Checklist';
import { DeadlineLine } from './DeadlineLine';
import type { OrderActions } from './order-actions';
import { RefundBlock } from './RefundBlock';
import { StepLink, stepActionOf } from './StepLink';
import { useUi } from './ui-context';

/**
 * Everything else about one order, folded away until the buyer asks.
 *
 * A closed block's body (alerts, deadlines, disputes, refunds, checklist) is drawn only after
 * the frame that first shows the card: it is not seen there, and drawing it for every card of
 * the popup's first screenful held that frame back. It is drawn in a task after that frame (a
 * timer from an effect, which Preact runs once the frame is painted), so find-in-page finds its
 * text once the popup has settled; and at once when the block is opened before that (the
 * summary's click draws it before the browser opens the block; a block opened by script is
 * drawn on its toggle).
 */
export function OrderDetails({
  view,
  title,
  now,
  today,
  actions,
  open,
}: {
  view: OrderView;
  /** The card's title (its item), so each details block says which order it is about. */
  title: string;
  now: Date;
  today: string;
  actions: OrderActions;
  open: boolean;
}) {
  const { t } = useUi();
  const [drawn, setDrawn] = useState(open);
  useEffect(() => {
    if (drawn) return;
    // A timer from the effect: after the tasks already waiting on that frame (the popup's next
    // cards, its next request), not ahead of them.
    const timer = setTimeout(() => setDrawn(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    // The click is the summary's, which Enter and Space on it fire too: it draws the body in
    // the same task, before the browser opens the block.
    // biome-ignore lint/a11y/useKeyWithClickEvents: a summary's keys fire this click too
    <details
      class="details"
      open={open}
      onClick={() => setDrawn(true)}
      onToggle={(e) => {
        if (e.currentTarget.open) setDrawn(true);
      }}
    >
      <summary>
        {t('details_summary')}
        <span class="sr-only">: {title}</span>
      </summary>
      {drawn || open ? (
        <DetailsBody view={view} title={title} now={now} today={today} actions={actions} />
      ) : null}
    </details>
  );
}

/** What an open details block shows. */
function DetailsBody({
  view,
  title,
  now,
  today,
  actions,
}: {
  view: OrderView;
  title: string;
  now: Date;
  today: string;
  actions: OrderActions;
}) {
  const { t, locale } = useUi();
  const { assessment, facts } = view;
  // A dispute is named by its item, never by its internal id.
  const lines = facts.order.lines ?? [];
  const itemOf = (lineId: string | null) =>
    lines.find((l) => l.id === lineId)?.title ??
    (lines.length === 1 ? lines[0]?.title : null) ??
    t('dispute_this_order');
  return (
    <>
      {assessment.alerts.length ? (
        <ul class="alerts full">
          {assessment.alerts.map((a) => (
            <li key={a.id} class={`alert alert-${a.severity}`}>
              <strong>{t(`alert_${a.kind}_title`, a.values)}</strong>
              <p>
                {t(`alert_${a.kind}_action`, a.values)} <StepLink t={t} action={stepActionOf(a, view)} />
              </p>
              <p class="why">
                {t('why_label')} {t(`alert_${a.kind}_why`, a.values)}{' '}
                {a.helpUrl ? (
                  <a href={safeUrl(a.helpUrl)} target="_blank" rel="noreferrer">
                    {t('alert_help_link')}
                  </a>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {assessment.deadlines.length ? (
        <section>
          <h4>{t('deadlines_heading')}</h4>
          <ul class="deadlines">
            {assessment.deadlines.map((d) => (
              <li key={`${d.kind}|${d.subjectId ?? ''}`}>
                <DeadlineLine deadline={d} now={now} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {facts.disputes.map((d) => (
        <section key={d.id} class="dispute">
          <h4>{t('dispute_heading', { item: itemOf(d.lineId) })}</h4>
          <p>{t('dispute_status', { status: d.statusText || d.status })}</p>
          {d.sellerProposal || d.platformProposal ? (
            <p>
              {t('dispute_proposals', {
                seller: d.sellerProposal?.amount ? formatMoney(d.sellerProposal.amount, locale) : '—',
                platform: d.platformProposal?.amount ? formatMoney(d.platformProposal.amount, locale) : '—',
              })}
            </p>
          ) : null}
        </section>
      ))}
      {view.refunds.length ? (
        <section class="refunds">
          <h4>{t('refunds_heading')}</h4>
          {view.refunds.map((r) => (
            <RefundBlock key={r.refund.id} view={r} today={today} onMarkArrived={actions.markRefundArrived} />
          ))}
        </section>
      ) : null}
      <Checklist
        orderId={facts.order.id}
        label={title}
        checklist={assessment.checklist}
        done={view.done}
        onToggle={actions.setChecklistItem}
      />
    </>
  );
}
