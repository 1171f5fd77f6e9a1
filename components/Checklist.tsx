import { useState } from 'preact/hooks';
import { CHECKLIST_ITEM_IDS } from '@/lib/rules/checklist-ids';
import { checklistValues } from '@/lib/rules/checklists';
import { checkEvidenceFiles } from '@/lib/rules/evidence-files';
import { type Assessment, DISPUTE_REASONS, type DisputeReason } from '@/lib/rules/types';
import type { OrderActions } from './order-actions';
import { useUi } from './ui-context';

/** AliExpress's upload limits (lib/rules/policy.ts), in MB as the texts say them. */
const LIMITS_MB = checklistValues();

function size(bytes: number, locale: string): string {
  const mb = bytes / 1_000_000;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    mb,
  );
}

/** The evidence checklist for the dispute reason, with ticks kept, and the file-size checker. */
export function Checklist({
  orderId,
  label,
  checklist,
  done,
  onToggle,
}: {
  orderId: string;
  /** Which order (its item), so that each card's checklist region has its own name. */
  label?: string;
  checklist: Assessment['checklist'];
  done: string[];
  /** Keeps a tick (the popup hands it to the background). */
  onToggle: OrderActions['setChecklistItem'];
}) {
  const { t, locale } = useUi();
  const [reason, setReason] = useState<DisputeReason>(checklist.reason);
  const [ticked, setTicked] = useState(() => new Set(done));
  const [files, setFiles] = useState<string[]>([]);
  const items = reason === checklist.reason ? checklist.items.map((i) => i.id) : CHECKLIST_ITEM_IDS[reason];
  const ready = items.filter((id) => ticked.has(id)).length;

  async function toggle(itemId: string, on: boolean) {
    const next = new Set(ticked);
    if (on) next.add(itemId);
    else next.delete(itemId);
    setTicked(next);
    await onToggle(orderId, itemId, on);
  }

  function onFiles(input: HTMLInputElement) {
    const picked = [...(input.files ?? [])].map((f) => ({ name: f.name, size: f.size, type: f.type }));
    setFiles(
      checkEvidenceFiles(picked).map((r, i) => {
        const f = picked[i] ?? { name: '?', size: 0 };
        if (r.status === 'ok') return t('file_ok', { name: f.name, size: size(f.size, locale) });
        if (r.status === 'too_large') {
          return t('file_too_large', {
            name: f.name,
            size: size(f.size, locale),
            limit: size(r.limitBytes, locale),
          });
        }
        return t('file_unsupported', { name: f.name });
      }),
    );
  }

  return (
    <section
      class="checklist"
      id={`checklist-${orderId}`}
      aria-label={label ? `${t('checklist_heading')}: ${label}` : t('checklist_heading')}
    >
      <h4>
        {t('checklist_heading')}{' '}
        <span class="muted">{t('checklist_progress', { done: ready, total: items.length })}</span>
      </h4>
      <label>
        {t('checklist_reason')}{' '}
        <select value={reason} onChange={(e) => setReason(e.currentTarget.value as DisputeReason)}>
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reason_${r}`)}
            </option>
          ))}
        </select>
      </label>
      <ul>
        {items.map((id) => {
          const hintKey = `check_${id}_hint` as 'check_unboxing_video_hint';
          const hint = t(hintKey);
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={ticked.has(id)}
                  onChange={(e) => toggle(id, e.currentTarget.checked)}
                />{' '}
                {t(`check_${id}_label` as 'check_unboxing_video_label', LIMITS_MB)}
              </label>
              {/* Not every item has a hint: a missing key comes back as the key itself. */}
              {hint !== hintKey ? <p class="hint">{hint}</p> : null}
            </li>
          );
        })}
      </ul>
      <label class="files">
        {t('files_label')} <input type="file" multiple onChange={(e) => onFiles(e.currentTarget)} />
      </label>
      <p class="muted">{t('files_note')}</p>
      {files.length ? (
        <ul class="file-results" aria-live="polite">
          {files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
