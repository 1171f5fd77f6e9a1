import { formatCountdown, formatInstant, formatIsoDate, formatMoney } from '@/lib/format';
import type { OrderView } from '@/lib/protocol/messages';
import type { Deadline } from '@/lib/rules';
import { OrderDetails } from './OrderDetails';
import { useUi } from './ui-context';

export interface OrderCardProps {
  view: OrderView;
  now: Date;
  /** Opened on arrival (a link from a notification or an in-page banner). */
  open?: boolean;
}

export function DeadlineLine({ deadline, now }: { deadline: Deadline; now: Date }) {
  const { t, locale, zone } = useUi();
  const passed = Date.parse(deadline.at) <= now.getTime();
  const date = formatInstant(deadline.at, locale, zone);
  // "ended on Nov 29", "overdue since Nov 14" once passed; "ends in 3 days (Dec 2, 11:00)" before.
  return (
    <span class="deadline-line">
      {passed ? (
        <strong>{t(`deadline_${deadline.kind}_past`, { date })}</strong>
      ) : (
        <>
          <strong>{t(`deadline_${deadline.kind}`)}</strong>{' '}
          <span class="countdown">{formatCountdown(deadline.at, now, locale)}</span>{' '}
          <span class="absolute">({date})</span>
        </>
      )}{' '}
      <span class={`source source-${deadline.source}`}>
        {deadline.shownOn
          ? t('deadline_aliexpress_date', { date: formatIsoDate(deadline.shownOn, locale) })
          : deadline.source === 'page'
            ? t('source_page')
            : t('source_estimate')}
      </span>
    </span>
  );
}

/** One order: what it is, where it stands, and the next date that matters. */
export function OrderCard({ view, now, open = false }: OrderCardProps) {
  const { t, locale } = useUi();
  const { order, packages } = view.facts;
  const { headline, deadlines, nextDeadline } = view.assessment;
  // The headline's own deadline (even a passed one: "ended on …") before the next one.
  const next =
    (headline && deadlines.find((d) => d.kind === headline.deadlineKind && d.at === headline.deadlineAt)) ||
    nextDeadline;
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
        <h3 class="title">{title}</h3>
        <p class="meta">
          <span>{t('order_label', { id: order.id })}</span>
          {order.store ? <span> · {order.store.name}</span> : null}
          {order.total ? <span> · {formatMoney(order.total, locale)}</span> : null}
        </p>
        <p class="status">{order.statusText || t('status_unknown')}</p>
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
                {t(`alert_${a.kind}_action`, a.values)}
              </li>
            ))}
          </ul>
        ) : null}
        <OrderDetails view={view} now={now} open={open} />
      </div>
    </article>
  );
}
