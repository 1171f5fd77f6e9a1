import type { MessageKey } from '@/lib/i18n';
import type { OrderView } from '@/lib/protocol/messages';
import type { LineLifecycle, LineStage } from '@/lib/rules';
import { useUi } from './ui-context';

type StepState = 'done' | 'current' | 'todo';
type StepKey = Extract<MessageKey, `tl_${string}`>;
interface Step {
  key: StepKey;
  state: StepState;
  date?: string;
}

const DISPUTE: ReadonlySet<LineStage> = new Set([
  'dispute_waiting_seller',
  'dispute_seller_proposed',
  'dispute_platform',
  'return_to_ship',
  'return_shipped',
  'dispute_refunded_part',
  'dispute_rejected',
]);
const REFUND: ReadonlySet<LineStage> = new Set([
  'refund_pending',
  'refund_processed',
  'refund_overdue',
  'refund_arrived',
]);

/** States of `keys` when the step at `current` is under way (every step before it is done). */
function track(keys: readonly StepKey[], current: number): Step[] {
  return keys.map((key, i) => ({ key, state: i < current ? 'done' : i === current ? 'current' : 'todo' }));
}

/** Where the delivery stands, from the lifecycle's stage (lib/rules/lifecycle.ts). */
function deliveryAt(stage: LineStage): number {
  if (stage === 'unpaid' || stage === 'awaiting_shipment' || stage === 'shipment_late') return 1;
  if (stage === 'in_transit' || stage === 'maybe_delivered') return 2;
  if (stage === 'delivered_unconfirmed' || stage === 'protection_over') return 3;
  return 4;
}

function disputeSteps(stage: LineStage): Step[] {
  const returned = stage === 'return_to_ship' || stage === 'return_shipped';
  if (returned) return track(['tl_dispute_opened', 'tl_dispute_answer', 'tl_return', 'tl_refund'], 2);
  if (stage === 'dispute_refunded_part' || stage === 'dispute_rejected')
    return track(['tl_dispute_opened', 'tl_dispute_answer', 'tl_dispute_closed'], 3);
  return track(['tl_dispute_opened', 'tl_dispute_answer', 'tl_refund'], 1);
}

function refundSteps(stage: LineStage): Step[] {
  const at = stage === 'refund_pending' ? 1 : stage === 'refund_arrived' ? 3 : 2;
  return track(['tl_refund_issued', 'tl_refund_processed', 'tl_refund_arrived'], at);
}

/**
 * One formatter per locale, zone and form, made once: building an `Intl.DateTimeFormat` costs
 * far more than formatting with it, and every card of the popup formats up to four dates.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, form: 'year' | 'day' | 'dayYear'): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${form}`;
  let f = formats.get(key);
  if (!f) {
    f =
      form === 'year'
        ? new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' })
        : new Intl.DateTimeFormat(locale, {
            timeZone: zone,
            month: 'short',
            day: 'numeric',
            ...(form === 'dayYear' ? { year: 'numeric' } : {}),
          });
    formats.set(key, f);
  }
  return f;
}

/** "Oct 3", with the year only when it is not this year's: the timeline stays short. */
function shortDate(locale: string, zone: string, now: Date): (at: string) => string {
  const year = (d: Date) => formatter(locale, zone, 'year').format(d);
  const thisYear = year(now);
  return (at) => {
    const d = new Date(at);
    return formatter(locale, zone, year(d) !== thisYear ? 'dayYear' : 'day').format(d);
  };
}

/** The line the card is about: the one whose step is the order's headline, else the first. */
function lineOf(view: OrderView): LineLifecycle | undefined {
  const { lines, headline } = view.assessment;
  return (headline && lines.find((l) => l.step?.id === headline.id)) || lines[0];
}

/**
 * A small timeline of one order (ordered → shipped → delivered → protection end, or a dispute's
 * or a refund's stages), so the state is seen at a glance. Each step says in words whether it is
 * done, under way or to come, for screen readers; the dots are decoration.
 */
export function Timeline({ view, now }: { view: OrderView; now: Date }) {
  const { t, locale, zone } = useUi();
  const line = lineOf(view);
  if (!line) return null;
  const { order } = view.facts;
  // A settled order that was not completed (cancelled, closed, unknown) had no delivery to show.
  if (line.stage === 'settled' && order.status !== 'completed' && !order.completedOn) return null;
  let steps: Step[];
  if (DISPUTE.has(line.stage)) steps = disputeSteps(line.stage);
  else if (REFUND.has(line.stage)) steps = refundSteps(line.stage);
  else {
    const end = view.assessment.deadlines.find((d) => d.kind === 'protection_end');
    const completed = line.stage === 'completed' || line.stage === 'settled';
    steps = track(['tl_ordered', 'tl_shipped', 'tl_delivered', 'tl_protection_end'], deliveryAt(line.stage));
    const [ordered, shipped, delivered, protection] = steps as [Step, Step, Step, Step];
    // Calendar dates as the page shows them (noon UTC keeps the day in any zone); the
    // protection end is an instant, shown in the buyer's zone.
    const page = shortDate(locale, 'UTC', now);
    const mine = shortDate(locale, zone, now);
    if (order.placedOn) ordered.date = page(`${order.placedOn}T12:00:00Z`);
    if (order.shippedOn) shipped.date = page(`${order.shippedOn}T12:00:00Z`);
    if (order.completedOn && completed) delivered.date = page(`${order.completedOn}T12:00:00Z`);
    // A parcel never delivered when protection ran out: the delivery step did not happen.
    if (line.stage === 'protection_over') delivered.state = 'todo';
    if (end && !completed) protection.date = mine(end.at);
  }
  return (
    <ol class="timeline" aria-label={t('timeline_label')}>
      {steps.map((s) => (
        <li key={s.key} class={`tl-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
          <span class="tl-dot" aria-hidden="true" />
          <span class="tl-name">{t(s.key)}</span>
          {s.date ? (
            <>
              {' '}
              <span class="tl-date">{s.date}</span>
            </>
          ) : null}
          <span class="sr-only"> ({t(`tl_state_${s.state}`)})</span>
        </li>
      ))}
    </ol>
  );
}
