import type { Translate } from '@/lib/i18n';
import type { OrderView } from '@/lib/protocol/messages';
import type { Alert } from '@/lib/rules';
import { type StepAction, stepAction } from '@/lib/rules/actions';

/** The action of one of a popup order's steps. */
export function stepActionOf(alert: Alert, view: OrderView): StepAction | null {
  return stepAction(alert, view.assessment.lines, view.facts.disputes);
}

/**
 * The step's action (lib/rules/actions.ts): a link to the AliExpress page where the buyer does
 * it, opened in a new tab; for a step done at the bank or PayPal, that said in words. `t` is
 * passed in (no hooks) so the in-page badge and banner use it as the popup does.
 */
export function StepLink({ t, action }: { t: Translate; action: StepAction | null }) {
  if (!action) return null;
  if (action.page === 'bank') return <span class="step-bank">{t('action_bank')}</span>;
  return (
    <a class="step-link" href={action.href} target="_blank" rel="noopener">
      {t(`action_${action.page}`)}
    </a>
  );
}
