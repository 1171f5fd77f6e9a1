import { useState } from 'preact/hooks';
import type { RefundView } from '@/lib/background/views';
import { formatIsoDate, formatMoney } from '@/lib/format';
import type { OrderActions } from './order-actions';
import { useUi } from './ui-context';

export interface RefundBlockProps {
  view: RefundView;
  /** The buyer's calendar date (YYYY-MM-DD in the buyer's zone): "it arrived" means today there. */
  today: string;
  onMarkArrived: OrderActions['markRefundArrived'];
}

/** One refund: where it stands, when it should arrive, and the ARN to give the bank. */
export function RefundBlock({ view, today, onMarkArrived }: RefundBlockProps) {
  const { t, locale } = useUi();
  const [copied, setCopied] = useState(false);
  const [arrived, setArrived] = useState(view.refund.arrivedOn ?? null);
  const { refund, processedOn, expected, arn } = view;
  const status =
    refund.status === 'processed' && processedOn
      ? t('refund_processed', { date: formatIsoDate(processedOn, locale) })
      : refund.status === 'pending'
        ? t('refund_pending')
        : refund.statusText || t('refund_unknown');

  async function copy() {
    if (!refund.arn) return;
    try {
      await navigator.clipboard.writeText(refund.arn);
    } catch {
      // The async clipboard needs focus; the selection route works from a click regardless.
      const area = document.createElement('textarea');
      area.value = refund.arn;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  }

  async function markArrived() {
    if (await onMarkArrived(refund.id, today)) setArrived(today);
  }

  return (
    <div class="refund">
      <p>
        {refund.amount ? <strong>{formatMoney(refund.amount, locale)} </strong> : null}
        {status}
      </p>
      {arrived ? (
        <p>{t('refund_arrived', { date: formatIsoDate(arrived, locale) })}</p>
      ) : expected ? (
        <p>
          {t('refund_expected', {
            from: formatIsoDate(expected.from, locale),
            to: formatIsoDate(expected.to, locale),
          })}
        </p>
      ) : null}
      {refund.arn ? (
        <div class="arn">
          <p>
            {t('arn_label')}: <code>{refund.arn}</code>{' '}
            <button type="button" onClick={copy}>
              {t('arn_copy')}
            </button>{' '}
            {copied ? <span role="status">{t('arn_copied')}</span> : null}
          </p>
          {arn?.valid ? (
            <>
              <p>
                {t('arn_valid', {
                  date: arn.processingDate ? formatIsoDate(arn.processingDate, locale) : '?',
                  bin: arn.acquirerBin,
                })}
              </p>
              <details>
                <summary>{t('arn_bank')}</summary>
                <p class="script">
                  {t('bank_script', {
                    arn: refund.arn,
                    amount: refund.amount
                      ? t('bank_script_amount', { amount: formatMoney(refund.amount, locale) })
                      : '',
                    processed: processedOn
                      ? t('bank_script_processed', { date: formatIsoDate(processedOn, locale) })
                      : '',
                  })}
                </p>
              </details>
            </>
          ) : arn ? (
            <p class="warning">{t('arn_invalid', { problem: arn.problem })}</p>
          ) : null}
        </div>
      ) : refund.status === 'processed' ? (
        <p class="muted">{t('arn_missing')}</p>
      ) : null}
      {refund.status === 'processed' && !arrived ? (
        <button type="button" onClick={markArrived}>
          {t('refund_arrived_button')}
        </button>
      ) : null}
    </div>
  );
}
