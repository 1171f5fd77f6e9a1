import { useState } from 'preact/hooks';
import { formatIsoDate } from '@/lib/format';
import type { OrderView } from '@/lib/protocol/messages';
import type { LineStage } from '@/lib/rules';
import type { OrderActions } from './order-actions';
import { useUi } from './ui-context';

/** While the parcel is awaited the buyer may say it came (lib/rules/lifecycle.ts stages). */
const AWAITED: ReadonlySet<LineStage> = new Set(['in_transit', 'maybe_delivered', 'protection_over']);

/**
 * "I received it": the buyer's word that the parcel reached them, which ends the warnings about
 * a parcel that has not arrived (never an AliExpress completion: confirming receipt stays on
 * AliExpress). Once said, the day is shown with an undo. Labelled with the order for screen readers.
 */
export function Received({
  view,
  title,
  today,
  onMark,
}: {
  view: OrderView;
  title: string;
  /** The buyer's calendar date (YYYY-MM-DD). */
  today: string;
  onMark: OrderActions['markOrderReceived'];
}) {
  const { t, locale } = useUi();
  const { order } = view.facts;
  const [failed, setFailed] = useState(false);
  const receivedOn = order.receivedOn ?? null;
  const awaited = view.assessment.lines.some((l) => AWAITED.has(l.stage));
  if (!receivedOn && !awaited) return null;

  async function mark(on: string | null) {
    setFailed(!(await onMark(order.id, on)));
  }

  return (
    <p class="received">
      {receivedOn ? (
        <>
          {t('received_done', { date: formatIsoDate(receivedOn, locale) })}{' '}
          <button
            type="button"
            class="link"
            aria-label={`${t('received_undo')}: ${title}`}
            onClick={() => mark(null)}
          >
            {t('received_undo')}
          </button>
        </>
      ) : (
        <button type="button" aria-label={`${t('received_button')}: ${title}`} onClick={() => mark(today)}>
          {t('received_button')}
        </button>
      )}
      {failed ? (
        <span role="alert" class="warning">
          {' '}
          {t('received_error')}
        </span>
      ) : null}
    </p>
  );
}
