import { useEffect, useState } from 'preact/hooks';
import { HiddenWarnings } from '@/components/HiddenWarnings';
import { Samples } from '@/components/Samples';
import { type Ui, UiContext, useUi } from '@/components/ui-context';
import { translator } from '@/lib/i18n';
import { call, loadUiStrings } from '@/lib/pages/client';
import { useHiddenWarnings } from '@/lib/pages/hidden';
import { useSamples } from '@/lib/pages/samples';
import { MAX_BACKUP_BYTES } from '@/lib/protocol/limits';
import { type Settings, UI_LANGUAGES } from '@/lib/schema/settings';

/** What the last action did; `detail` is the technical reason, folded away for a bug report. */
type Status = { kind: 'ok' | 'error'; text: string; detail?: string } | null;
type SetStatus = (s: Status) => void;

/** Lead times the buyer can pick, in minutes (defaults: 7 d, 3 d, 1 d, 6 h). */
const LEAD_CHOICES = [14 * 1440, 7 * 1440, 3 * 1440, 2 * 1440, 1440, 12 * 60, 6 * 60, 60];

/** Names of the languages in their own language, as a picker should show them. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português (Brasil)',
  fr: 'Français',
  de: 'Deutsch',
  ru: 'Русский',
  pl: 'Polski',
};

/** Hands a text to the browser as a download through a blob link (no downloads permission). */
function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function leadName(minutes: number, locale: string): string {
  const [n, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : [minutes / 60, 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Loads the buyer's texts and settings, then shows one section per concern. */
export function Options() {
  const [ui, setUi] = useState<Ui | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const samples = useSamples();
  const hidden = useHiddenWarnings();

  async function loadStrings() {
    const s = await loadUiStrings();
    document.documentElement.lang = s.locale;
    setUi({ t: translator(s.table), locale: s.locale, zone });
  }
  const loadSettings = () => call('getSettings', {}).then((r) => r.ok && setSettings(r.value));

  useEffect(() => {
    void loadStrings();
    void loadSettings();
  }, []);

  if (!ui || !settings) return <main aria-busy="true" />;
  const { t } = ui;

  async function save(patch: Partial<Settings>) {
    const r = await call('saveSettings', patch);
    if (!r.ok) return setStatus({ kind: 'error', text: r.error });
    setSettings(r.value);
    if (patch.language) await loadStrings();
    setStatus({ kind: 'ok', text: t('saved') });
  }

  return (
    <UiContext.Provider value={ui}>
      <main class="options">
        <h1>{t('options_title')}</h1>
        {status ? (
          <div role={status.kind === 'error' ? 'alert' : 'status'} class={`status-${status.kind}`}>
            <p>{status.text}</p>
            {status.detail ? (
              <details>
                <summary>{t('error_detail')}</summary>
                <code>{status.detail}</code>
              </details>
            ) : null}
          </div>
        ) : null}
        <RemindersSection settings={settings} save={save} />
        <CalendarSection setStatus={setStatus} />
        <HiddenWarnings entries={hidden.entries} onShow={hidden.show} />
        <BackupSection setStatus={setStatus} />
        {samples.samples.length ? (
          <section aria-labelledby="samples-title">
            <h2 id="samples-title">{t('samples_title')}</h2>
            <Samples {...samples} />
          </section>
        ) : null}
        <WipeSection
          setStatus={setStatus}
          onWiped={() => {
            void loadSettings();
            samples.reload();
            hidden.clear();
          }}
        />
        <section aria-labelledby="privacy-title">
          <h2 id="privacy-title">{t('privacy_title')}</h2>
          <p>{t('privacy_text')}</p>
        </section>
      </main>
    </UiContext.Provider>
  );
}

/** Notifications, lead times, language and the refresh pause. */
function RemindersSection({
  settings,
  save,
}: {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<void>;
}) {
  const { t, locale } = useUi();
  const toggleLead = (m: number, on: boolean) =>
    save({
      leadTimesMinutes: on
        ? [...settings.leadTimesMinutes, m]
        : settings.leadTimesMinutes.filter((x) => x !== m),
    });
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('reminders_title')}</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.notifications}
          onChange={(e) => save({ notifications: e.currentTarget.checked })}
        />{' '}
        {t('notifications_label')}
      </label>
      <fieldset>
        <legend>{t('lead_times_label')}</legend>
        {LEAD_CHOICES.map((m) => (
          <label key={m} class="choice">
            <input
              type="checkbox"
              checked={settings.leadTimesMinutes.includes(m)}
              onChange={(e) => toggleLead(m, e.currentTarget.checked)}
            />{' '}
            {leadName(m, locale)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('language_label')}{' '}
        <select
          value={settings.language}
          onChange={(e) => save({ language: e.currentTarget.value as Settings['language'] })}
        >
          {UI_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === 'auto' ? t('language_auto') : LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <p>
        <label>
          {t('refresh_pause_label')}{' '}
          <input
            type="number"
            min={0.5}
            max={60}
            step={0.5}
            value={settings.refreshPauseMs / 1000}
            onChange={(e) => {
              const ms = Math.round(Number(e.currentTarget.value) * 1000);
              if (Number.isFinite(ms) && ms >= 500 && ms <= 60_000) void save({ refreshPauseMs: ms });
            }}
          />
        </label>
      </p>
    </section>
  );
}

/** Export and import of the backup, and the CSV export. */
/** "Add to calendar": the open deadlines as an .ics file, saved through a local download. */
function CalendarSection({ setStatus }: { setStatus: SetStatus }) {
  const { t } = useUi();

  async function onCalendar() {
    const r = await call('exportCalendar', {});
    if (!r.ok) return setStatus({ kind: 'error', text: t('export_failed', { error: r.error }) });
    if (r.value.events === 0) return setStatus({ kind: 'ok', text: t('calendar_none') });
    download(r.value.fileName, r.value.ics, 'text/calendar;charset=utf-8');
    setStatus({ kind: 'ok', text: t('calendar_done', { count: r.value.events, file: r.value.fileName }) });
  }

  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendar_title')}</h2>
      <p>{t('calendar_text')}</p>
      <button type="button" onClick={onCalendar}>
        {t('calendar_button')}
      </button>
    </section>
  );
}

function BackupSection({ setStatus }: { setStatus: SetStatus }) {
  const { t } = useUi();

  async function onExport() {
    const r = await call('exportBackup', {});
    if (!r.ok) return setStatus({ kind: 'error', text: t('export_failed', { error: r.error }) });
    download(r.value.fileName, r.value.json, 'application/json');
    setStatus({ kind: 'ok', text: t('export_done', { count: r.value.orders, file: r.value.fileName }) });
  }

  async function onCsv() {
    const r = await call('exportCsv', {});
    if (!r.ok) return setStatus({ kind: 'error', text: t('export_failed', { error: r.error }) });
    download(r.value.fileName, r.value.csv, 'text/csv;charset=utf-8');
    setStatus({ kind: 'ok', text: t('csv_done', { count: r.value.lines, file: r.value.fileName }) });
  }

  async function onImport(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      const size = (file.size / 1024 / 1024).toFixed(1);
      const error = `${t('import_error_too_big', { size })} ${t('import_nothing')}`;
      return setStatus({ kind: 'error', text: t('import_failed', { error }) });
    }
    const r = await call('importBackup', { text: await file.text() });
    setStatus(
      r.ok
        ? { kind: 'ok', text: t('import_done', { count: r.value.orders, file: file.name }) }
        : {
            kind: 'error',
            text: t('import_failed', { error: r.error }),
            ...(r.detail ? { detail: r.detail } : {}),
          },
    );
  }

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup_title')}</h2>
      <p>{t('backup_text')}</p>
      <button type="button" onClick={onExport}>
        {t('export_button')}
      </button>
      <p>
        <label for="import">{t('import_label')}</label>{' '}
        <input
          id="import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => onImport(e.currentTarget)}
        />
      </p>
      <p>{t('csv_text')}</p>
      <button type="button" onClick={onCsv}>
        {t('csv_button')}
      </button>
    </section>
  );
}

/** Deleting everything, behind a second press. */
function WipeSection({ setStatus, onWiped }: { setStatus: SetStatus; onWiped: () => void }) {
  const { t } = useUi();
  const [confirming, setConfirming] = useState(false);

  async function onWipe() {
    const r = await call('wipeAll', { confirm: 'wipe' });
    setConfirming(false);
    setStatus(r.ok ? { kind: 'ok', text: t('wipe_done') } : { kind: 'error', text: r.error });
    if (r.ok) onWiped();
  }

  return (
    <section aria-labelledby="wipe-title">
      <h2 id="wipe-title">{t('wipe_title')}</h2>
      <p>{t('wipe_text')}</p>
      {confirming ? (
        <p>
          <button type="button" class="danger" onClick={onWipe}>
            {t('wipe_confirm')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('wipe_cancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('wipe_button')}
        </button>
      )}
    </section>
  );
}
