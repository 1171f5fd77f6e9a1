import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Ui, UiContext } from '@/components/ui-context';
import { Welcome } from '@/components/Welcome';
import { translator } from '@/lib/i18n';
import { loadUiStrings } from '@/lib/pages/client';
import '../popup/style.css';
import './style.css';

function WelcomePage() {
  const [ui, setUi] = useState<Ui | null>(null);
  useEffect(() => {
    loadUiStrings().then((strings) => {
      document.documentElement.lang = strings.locale;
      const t = translator(strings.table);
      document.title = t('welcome_title');
      setUi({ t, locale: strings.locale, zone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    });
  }, []);
  if (!ui) return null;
  return (
    <UiContext.Provider value={ui}>
      <Welcome optionsUrl="options.html" />
    </UiContext.Provider>
  );
}

const root = document.getElementById('app');
if (root) render(<WelcomePage />, root);
