import { useState } from 'preact/hooks';
import type { OrderView } from '@/lib/messages';
import { OrderCard } from './OrderCard';

export interface OrderGroupsProps {
  orders: OrderView[];
  now: Date;
  locale: string;
  zone: string;
}

const GROUPS = [
  { id: 'act_now', title: 'Act now' },
  { id: 'watch', title: 'Watch' },
  { id: 'settled', title: 'Settled' },
] as const;

/** Rendering is paged so a buyer with thousands of orders still gets a quick popup. */
const PAGE = 50;

function byNextDeadline(a: OrderView, b: OrderView): number {
  const x = a.assessment.nextDeadline?.at ?? '9999';
  const y = b.assessment.nextDeadline?.at ?? '9999';
  return x < y ? -1 : x > y ? 1 : 0;
}

function Group({ title, orders, ...rest }: { title: string } & OrderGroupsProps) {
  const [shown, setShown] = useState(PAGE);
  if (!orders.length) return null;
  return (
    <section class="group" aria-label={title}>
      <h2>
        {title} <span class="count">({orders.length})</span>
      </h2>
      {orders.slice(0, shown).map((view) => (
        <OrderCard key={view.facts.order.id} view={view} {...rest} />
      ))}
      {orders.length > shown ? (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE * 4)}>
          Show {Math.min(PAGE * 4, orders.length - shown)} more
        </button>
      ) : null}
    </section>
  );
}

export function OrderGroups({ orders, ...rest }: OrderGroupsProps) {
  return (
    <>
      {GROUPS.map((g) => (
        <Group
          key={g.id}
          title={g.title}
          orders={orders.filter((o) => o.assessment.group === g.id).sort(byNextDeadline)}
          {...rest}
        />
      ))}
    </>
  );
}
