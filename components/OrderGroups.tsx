import { useState } from 'preact/hooks';
import type { OrderView } from '@/lib/messages';
import { OrderCard } from './OrderCard';
import { useUi } from './ui-context';

export interface OrderGroupsProps {
  orders: OrderView[];
  now: Date;
  /** The order to open on arrival, if any. */
  focus?: string | null;
}

const GROUPS = ['act_now', 'watch', 'settled'] as const;

/** Rendering is paged so a buyer with thousands of orders still gets a quick popup. */
const PAGE = 50;

function byNextDeadline(a: OrderView, b: OrderView): number {
  const x = a.assessment.nextDeadline?.at ?? '9999';
  const y = b.assessment.nextDeadline?.at ?? '9999';
  return x < y ? -1 : x > y ? 1 : 0;
}

function Group({ title, orders, now, focus }: { title: string } & OrderGroupsProps) {
  const { t } = useUi();
  const [shown, setShown] = useState(() => {
    const at = focus ? orders.findIndex((o) => o.facts.order.id === focus) : -1;
    return Math.max(PAGE, at + 1);
  });
  if (!orders.length) return null;
  return (
    <section class="group" aria-label={title}>
      <h2>
        {title} <span class="count">({orders.length})</span>
      </h2>
      {orders.slice(0, shown).map((view) => (
        <OrderCard key={view.facts.order.id} view={view} now={now} open={view.facts.order.id === focus} />
      ))}
      {orders.length > shown ? (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE * 4)}>
          {t('show_more', { count: Math.min(PAGE * 4, orders.length - shown) })}
        </button>
      ) : null}
    </section>
  );
}

export function OrderGroups({ orders, now, focus }: OrderGroupsProps) {
  const { t } = useUi();
  return (
    <>
      {GROUPS.map((g) => (
        <Group
          key={g}
          title={t(`group_${g}`)}
          orders={orders.filter((o) => o.assessment.group === g).sort(byNextDeadline)}
          now={now}
          focus={focus}
        />
      ))}
    </>
  );
}
