import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Translate, translator } from '@/lib/i18n';

/** What every component needs to speak the buyer's language and time. */
export interface Ui {
  t: Translate;
  /** BCP 47, for Intl. */
  locale: string;
  /** IANA zone, for dates. */
  zone: string;
}

export const UiContext = createContext<Ui>({
  t: translator({}),
  locale: 'en',
  zone: 'UTC',
});

export function useUi(): Ui {
  return useContext(UiContext);
}
