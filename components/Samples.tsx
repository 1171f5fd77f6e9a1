import { formatInstant } from '@/lib/format';
import type { SamplesState } from '@/lib/pages/samples';
import { useUi } from './ui-context';

/**
 * Pages kept so the buyer can help: each can be saved as an anonymised sample file. The summary
 * of what was removed is shown before the file is saved (docs/contributing-samples.md).
 */
export function Samples({ samples, prepared, error, prepare }: SamplesState) {
  const { t, locale, zone } = useUi();
  if (!samples.length) return null;
  return (
    <div class="samples">
      <p>{t('samples_intro')}</p>
      <ul>
        {samples.map((s) => (
          <li key={s.id}>
            {t('sample_item', { source: s.api, date: formatInstant(s.at, locale, zone), problem: s.problem })}{' '}
            <button type="button" onClick={() => prepare(s.id)}>
              {t('sample_prepare')}
            </button>
            {prepared?.id === s.id ? (
              <p role="status">
                {t('sample_removed', {
                  names: prepared.removed.names,
                  addresses: prepared.removed.addresses,
                  phones: prepared.removed.phones,
                  emails: prepared.removed.emails,
                  tracking: prepared.removed.trackingNumbers,
                  texts: prepared.removed.texts,
                  ids: prepared.removed.ids,
                })}{' '}
                <a href={prepared.url} download={prepared.fileName}>
                  {t('sample_save')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
