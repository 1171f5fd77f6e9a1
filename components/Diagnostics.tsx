import type { ComponentChildren } from 'preact';
import { formatInstant } from '@/lib/format';
import type { Diagnostic } from '@/lib/store/db';
import { pageOf, whatOf } from './diagnostic-words';
import { useUi } from './ui-context';

/**
 * Pages Buyer Shield could not read, so the buyer knows what it may be missing; `samples` (the
 * pages kept for a shared sample) are offered in the same list.
 */
export function Diagnostics({ items, samples }: { items: Diagnostic[]; samples?: ComponentChildren }) {
  const { t, locale, zone } = useUi();
  if (!items.length && !samples) return null;
  return (
    <details class="diagnostics">
      <summary>
        {items.length ? t('diagnostics_summary', { count: items.length }) : t('samples_title')}
      </summary>
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            {t('diagnostic_item', {
              page: t(pageOf(d.source)),
              date: formatInstant(d.at, locale, zone),
              what: t(whatOf(d.problem)),
            })}
            <details class="detail">
              <summary>{t('error_detail')}</summary>
              <code>
                {d.source}: {d.problem}
              </code>
            </details>
          </li>
        ))}
      </ul>
      {samples}
    </details>
  );
}
