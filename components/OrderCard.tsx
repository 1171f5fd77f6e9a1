import { orderLink } from '@/lib/aliexpress/links';
import { formatMoney } from '@/lib/format';
import type { OrderView } from '@/lib/protocol/messages';
import { shownDeadline } from '@/lib/rules/shown-deadline';
import { DeadlineLine } from './DeadlineLine';
import { OrderDetails } from './OrderDetails';
import type { OrderActions } from './order-actions';
import { Received } from './Received';
import { Snooze } from './Snooze';
import { StepLink, stepActionOf } from './StepLink';
import { Timeline } from './Timeline';
import { useUi } from './ui-context';

export interface OrderCardProps {
  view: OrderView;
  now: Date;
  /** The buyer's calendar date (YYYY-MM-DD in the buyer's zone), for "it arrived today". */
  today: string;
  actions: OrderActions;
  /** Opened on arrival (a link from a notification or an in-page banner). */
  open?: boolean;
}

/** One order: what it is, where it stands, and the next date that matters. */
export function OrderCard({ view, now, today, actions, open = false }: OrderCardProps) {
  const { t, locale } = useUi();
  const { order, packages } = view.facts;
  // The headline's own deadline (even a passed one: "ended on …") before the next one.
  const next = shownDeadline(view.assessment);
  const unshipped = order.status === 'unpaid' || order.status === 'awaiting_shipment';
  const latest = packages.flatMap((p) => p.events.slice(0, 1))[0];
  const image = order.lines?.find((l) => l.imageUrl)?.imageUrl;
  const lines = order.lines ?? [];
  const first = lines[0]?.title;
  const title = !first
    ? t('order_label', { id: order.id })
    : lines.length > 1
      ? t('order_more_lines', { title: first, count: lines.length - 1 })
      : first;
  const page = orderLink(order.id)?.href;
  return (
    <article
      class="order"
      aria-label={t('order_label', { id: order.id })}
      data-order-id={order.id}
      id={`order-${order.id}`}
    >
      {image ? (
        <img
          class="thumb"
          src={image}
          alt=""
          loading="lazy"
          referrerpolicy="no-referrer"
          onError={(e) => {
            e.currentTarget.hidden = true;
          }}
        />
      ) : null}
      <div class="body">
        <h3 class="title">
          {/* The order's own AliExpress page, where every one of its buttons is. */}
          {page ? (
            <a href={page} target="_blank" rel="noopener">
              {title}
            </a>
          ) : (
            title
          )}
        </h3>
        <p class="meta">
          <span>{t('order_label', { id: order.id })}</span>
          {order.store ? <span> · {order.store.name}</span> : null}
          {order.total ? <span> · {formatMoney(order.total, locale)}</span> : null}
        </p>
        <p class="status">{order.statusText || t('status_unknown')}</p>
        <Timeline view={view} now={now} />
        {lines.length > 1 ? (
          // Several items: where each one stands (lib/rules/lifecycle.ts).
          <ul class="stages">
            {view.assessment.lines.map((l) => (
              <li key={l.lineId ?? '-'}>
                {l.title ? `${l.title}: ` : ''}
                {t(`stage_${l.stage}`)}
              </li>
            ))}
          </ul>
        ) : null}
        {next ? (
          <p class="deadline">
            <DeadlineLine deadline={next} now={now} />
          </p>
        ) : view.assessment.settled ? null : (
          <p class="deadline muted">{t(unshipped ? 'no_deadline_unshipped' : 'no_deadline')}</p>
        )}
        {latest ? <p class="tracking">{t('latest_event', { text: latest.text })}</p> : null}
        {view.assessment.alerts.length ? (
          <ul class="alerts">
            {view.assessment.alerts.slice(0, 2).map((a) => (
              <li key={a.id} class={`alert alert-${a.severity}`}>
                <strong>{t(`alert_${a.kind}_title`, a.values)}</strong>{' '}
                {t(`alert_${a.kind}_action`, a.values)} <StepLink t={t} action={stepActionOf(a, view)} />
              </li>
            ))}
          </ul>
        ) : null}
        <div class="card-actions">
          <Received view={view} title={title} today={today} onMark={actions.markOrderReceived} />
          <Snooze view={view} title={title} today={today} now={now} onSnooze={actions.snoozeAlert} />
        </div>
        <OrderDetails view={view} title={title} now={now} today={today} actions={actions} open={open} />
      </div>
    </article>
  );
}
