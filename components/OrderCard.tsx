import { formatCountdown, formatInstant, formatMoney } from '@/lib/format';
import type { OrderView } from '@/lib/messages';
import type { Deadline } from '@/lib/rules';

export interface OrderCardProps {
  view: OrderView;
  now: Date;
  locale: string;
  zone: string;
}

const DEADLINE_LABELS: Record<Deadline['kind'], string> = {
  protection_end: 'Purchase protection ends',
  dispute_opens: 'You can open a dispute',
  dispute_after_completion_end: 'Last day to open a dispute',
  seller_reply_due: "Seller's answer due",
  appeal_end: 'Appeal window ends',
  return_ship_by: 'Ship the return by',
  refund_expected_by: 'Refund expected by',
  ask_bank_with_arn: 'Ask your bank (with the ARN) from',
  chargeback_end: 'Card chargeback window ends',
};

function orderTitle(view: OrderView): string {
  const lines = view.facts.order.lines ?? [];
  const first = lines[0]?.title;
  if (!first) return `Order ${view.facts.order.id}`;
  return lines.length > 1 ? `${first} (+${lines.length - 1} more)` : first;
}

/** One order: what it is, where it stands, and the next date that matters. */
export function OrderCard({ view, now, locale, zone }: OrderCardProps) {
  const { order, packages } = view.facts;
  const next = view.assessment.nextDeadline;
  const latest = packages.flatMap((p) => p.events.slice(0, 1))[0];
  const image = order.lines?.find((l) => l.imageUrl)?.imageUrl;
  return (
    <article class="order" aria-label={`Order ${order.id}`} data-order-id={order.id}>
      {image ? <img class="thumb" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" /> : null}
      <div class="body">
        <h3 class="title">{orderTitle(view)}</h3>
        <p class="meta">
          <span>Order {order.id}</span>
          {order.store ? <span> · {order.store.name}</span> : null}
          {order.total ? <span> · {formatMoney(order.total, locale)}</span> : null}
        </p>
        <p class="status">{order.statusText || order.status || 'Status not read yet'}</p>
        {next ? (
          <p class="deadline">
            <strong>{DEADLINE_LABELS[next.kind]}</strong>{' '}
            <span class="countdown">{formatCountdown(next.at, now, locale)}</span>{' '}
            <span class="absolute">({formatInstant(next.at, locale, zone)})</span>{' '}
            <span class={`source source-${next.source}`}>
              {next.source === 'page' ? 'from AliExpress' : 'estimated'}
            </span>
          </p>
        ) : null}
        {latest ? <p class="tracking">Latest: {latest.text}</p> : null}
        {view.assessment.alerts.length ? (
          <ul class="alerts">
            {view.assessment.alerts.map((a) => (
              <li key={a.id} class={`alert alert-${a.severity}`}>
                <strong>{a.title}</strong> {a.action}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
