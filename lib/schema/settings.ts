/**
 * The buyer's preferences. Kept in the database's `settings` table (not storage.local) so a
 * backup import replaces data and settings in one transaction.
 */
import * as v from 'valibot';

export const UI_LANGUAGES = ['auto', 'en', 'es', 'pt', 'fr', 'de', 'ru', 'pl'] as const;

export interface Settings {
  /** Minutes before a deadline at which to remind, largest first. */
  leadTimesMinutes: number[];
  notifications: boolean;
  language: (typeof UI_LANGUAGES)[number];
  /** Pause between the requests of "Refresh open orders" (issue 7), at least 500 ms. */
  refreshPauseMs: number;
}

/** Issue "Warn before every window closes": 7 days, 3 days, 1 day and 6 hours. */
export const DEFAULT_SETTINGS: Settings = {
  leadTimesMinutes: [7 * 24 * 60, 3 * 24 * 60, 24 * 60, 6 * 60],
  notifications: true,
  language: 'auto',
  refreshPauseMs: 2000,
};

/**
 * At least one: an empty list would turn every reminder off without saying so. Turning
 * reminders off is the explicit `notifications: false`.
 */
const LeadTimes = v.pipe(
  v.array(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(60 * 24 * 60))),
  v.minLength(1, 'keep at least one reminder time, or turn notifications off'),
  v.maxLength(8),
);

export const SettingsSchema = v.object({
  leadTimesMinutes: LeadTimes,
  notifications: v.boolean(),
  language: v.picklist(UI_LANGUAGES),
  refreshPauseMs: v.pipe(v.number(), v.integer(), v.minValue(500), v.maxValue(60_000)),
});

export const SettingsPatchSchema = v.partial(SettingsSchema);

/** Defaults for anything unset; lead times sorted largest first and without repeats. */
export function normaliseSettings(stored: Partial<Settings>): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  return {
    ...merged,
    leadTimesMinutes: [...new Set(merged.leadTimesMinutes)].sort((a, b) => b - a),
  };
}
