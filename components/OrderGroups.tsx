import type { Dashboard, DashboardGroupId } from '@/lib/protocol/messages';
import { OrderCard } from './OrderCard';
import type { OrderActions } from './order-actions';
import { useUi } from './ui-context';

export interface OrderGroupsProps {
  groups: Dashboard['groups'];
  now: Date;
  /** The buyer's calendar date (YYYY-MM-DD in the buyer's zone). */
  today: string;
  actions: OrderActions;
  /** The order to open on arrival, if any. */
  focus?: string | null;
  /** Asks for more orders of a group. */
  onMore: (group: DashboardGroupId) => void;
  /**
   * While the popup is still drawing its first page: at most this many cards in all, the first
   * ones in order, and no "Show more" yet (see App `FIRST_SCREEN_CARDS`).
   */
  cap?: number;
}

const GROUPS: readonly DashboardGroupId[] = ['act_now', 'watch', 'settled'];

/** Orders by urgency; each group shows a page (sorted by the background) and offers more. */
export function OrderGroups({ groups, now, today, actions, focus, onMore, cap }: OrderGroupsProps) {
  const { t } = useUi();
  let room = cap ?? Number.POSITIVE_INFINITY;
  return (
    <>
      {GROUPS.map((g) => {
        const { total } = groups[g];
        if (!total) return null;
        const all = groups[g].orders;
        const orders = all.length > room ? all.slice(0, room) : all;
        room -= orders.length;
        const title = t(`group_${g}`);
        return (
          <section key={g} class="group" aria-label={title}>
            <h2>
              {title} <span class="count">({total})</span>
            </h2>
            {orders.map((view) => (
              <OrderCard
                key={view.facts.order.id}
                view={view}
                now={now}
                today={today}
                actions={actions}
                open={view.facts.order.id === focus}
              />
            ))}
            {/* While the page is still being drawn, "Show more" would count wrong: it comes last. */}
            {total > orders.length && cap === undefined ? (
              <button type="button" class="more" onClick={() => onMore(g)}>
                {t('show_more', { count: Math.min(200, total - orders.length) })}
              </button>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
