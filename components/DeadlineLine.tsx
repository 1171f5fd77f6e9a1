import { formatCountdown, formatInstant } from '@/lib/format';
import type { Deadline } from '@/lib/rules';
import { useUi } from './ui-context';

/** One deadline: what closes, in how long, when exactly, and whether the page said so. */
export function DeadlineLine({ deadline, now }: { deadline: Deadline; now: Date }) {
  const { t, locale, zone } = useUi();
  const passed = Date.parse(deadline.at) <= now.getTime();
  return (
    <span class="deadline-line">
      <strong>{t(`deadline_${deadline.kind}`)}</strong>{' '}
      <span class="countdown">
        {passed ? t('deadline_passed') : formatCountdown(deadline.at, now, locale)}
      </span>{' '}
      <span class="absolute">({formatInstant(deadline.at, locale, zone)})</span>{' '}
      <span class={`source source-${deadline.source}`}>
        {deadline.source === 'page' ? t('source_page') : t('source_estimate')}
      </span>
    </span>
  );
}
