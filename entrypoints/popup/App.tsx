import { useEffect, useMemo, useState } from 'preact/hooks';
import { Diagnostics } from '@/components/Diagnostics';
import { EmptyState } from '@/components/EmptyState';
import { OrderGroups } from '@/components/OrderGroups';
import { RefreshButton } from '@/components/RefreshButton';
import { type Ui, UiContext } from '@/components/ui-context';
import { call } from '@/lib/client';
import { translator } from '@/lib/i18n';
import type { Dashboard, OrderView } from '@/lib/messages';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function matches(view: OrderView, q: string): boolean {
  const { order, packages, refunds } = view.facts;
  const hay = [
    order.id,
    order.store?.name,
    ...(order.lines ?? []).map((l) => l.title),
    ...packages.flatMap((p) => [p.trackingNumber, p.originNumber]),
    ...refunds.map((r) => r.arn),
  ];
  return hay.some((h) => h?.toLowerCase().includes(q));
}

/** `popup.html?order=<id>` (from a banner or notification) opens that order. */
const focus = new URLSearchParams(location.search).get('order');

export function App() {
  const [ui, setUi] = useState<Ui | null>(null);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    call('getUiStrings', {}).then((r) => {
      const strings = r.ok ? r.value : { table: {}, locale: navigator.language, folder: 'en' as const };
      document.documentElement.lang = strings.locale;
      setUi({ t: translator(strings.table), locale: strings.locale, zone });
    });
    call('getDashboard', {}).then((r) => (r.ok ? setData(r.value) : setError(r.error)));
  }, []);

  useEffect(() => {
    if (data && focus) document.getElementById(`checklist-${focus}`)?.scrollIntoView();
  }, [data]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return data && q ? data.orders.filter((o) => matches(o, q)) : (data?.orders ?? []);
  }, [data, query]);

  if (!ui) return <main aria-busy="true" />;
  const { t } = ui;
  return (
    <UiContext.Provider value={ui}>
      <main>
        <header>
          <h1>{t('popup_title')}</h1>
          <a href="/options.html" target="_blank" rel="noreferrer">
            {t('options_link')}
          </a>
        </header>
        {error ? <p role="alert">{t('load_error', { error })}</p> : null}
        {data === null && !error ? <p aria-busy="true">{t('loading')}</p> : null}
        {data && data.orders.length === 0 ? <EmptyState /> : null}
        {data && data.orders.length > 0 ? (
          <>
            <input
              type="search"
              aria-label={t('search_label')}
              placeholder={t('search_placeholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <RefreshButton />
            {shown.length === 0 ? <p role="status">{t('search_none', { query })}</p> : null}
            <OrderGroups orders={shown} now={new Date(data.now)} focus={focus} />
          </>
        ) : null}
        {data ? <Diagnostics items={data.diagnostics} /> : null}
      </main>
    </UiContext.Provider>
  );
}
