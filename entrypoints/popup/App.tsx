import { useEffect, useMemo, useState } from 'preact/hooks';
import { AtAGlance } from '@/components/AtAGlance';
import { Diagnostics } from '@/components/Diagnostics';
import { EmptyState } from '@/components/EmptyState';
import { OrderGroups } from '@/components/OrderGroups';
import type { OrderActions } from '@/components/order-actions';
import { RefreshButton } from '@/components/RefreshButton';
import { Samples } from '@/components/Samples';
import { type Ui, UiContext } from '@/components/ui-context';
import { translator } from '@/lib/i18n';
import {
  calendarDateIn,
  markOrderReceived,
  markRefundArrived,
  setChecklistItem,
  snoozeAlert,
} from '@/lib/pages/actions';
import { call, loadUiStrings } from '@/lib/pages/client';
import { ORDER_LIST_URL, startRefreshInTab } from '@/lib/pages/refresh';
import { useSamples } from '@/lib/pages/samples';
import type { Dashboard, DashboardGroupId } from '@/lib/protocol/messages';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What the buyer does from an order card, kept by the background (see `cardActions`). */
const actions = { setChecklistItem, markRefundArrived };

/** `popup.html?order=<id>` (from a banner or notification) opens that order. */
const focus = new URLSearchParams(location.search).get('order');

/** Orders per group asked for at first; "Show more" asks for more. */
const PAGE = 50;
const SEARCH_DEBOUNCE_MS = 150;

/**
 * Escape closes what is open: the details block holding the focus (the focus goes back to its
 * summary), or every open block when the focus is on none of them. Escape in the search box
 * keeps its own meaning (clearing the search).
 */
function closeOnEscape(e: KeyboardEvent) {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const target = e.target instanceof Element ? e.target : null;
  const inside = target?.closest('details[open]');
  if (inside instanceof HTMLDetailsElement) {
    inside.open = false;
    inside.querySelector('summary')?.focus();
    e.preventDefault();
    return;
  }
  if (target && target !== document.body && target !== document.documentElement) return;
  for (const d of document.querySelectorAll('details[open]')) (d as HTMLDetailsElement).open = false;
}

export function App() {
  const [ui, setUi] = useState<Ui | null>(null);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const samples = useSamples();
  // A change that moves an order between groups ("I received it") asks for the dashboard again.
  const [reload, setReload] = useState(0);
  const cardActions = useMemo<OrderActions>(
    () => ({
      ...actions,
      markOrderReceived: async (orderId, receivedOn) => {
        const kept = await markOrderReceived(orderId, receivedOn);
        if (kept) setReload((n) => n + 1);
        return kept;
      },
      snoozeAlert: async (orderId, alert, until) => {
        const kept = await snoozeAlert(orderId, alert, until);
        if (kept) setReload((n) => n + 1);
        return kept;
      },
    }),
    [],
  );
  const [limits, setLimits] = useState<Record<DashboardGroupId, number>>({
    act_now: PAGE,
    watch: PAGE,
    settled: PAGE,
  });

  useEffect(() => {
    loadUiStrings().then((strings) => {
      document.documentElement.lang = strings.locale;
      setUi({ t: translator(strings.table), locale: strings.locale, zone });
    });
  }, []);

  // The background holds every order; the popup asks for a page of each group (and searches).
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(
      () => {
        call('getDashboard', { query: query.trim(), limits, ...(focus ? { focus } : {}) }).then((r) => {
          if (stale) return;
          if (r.ok) setData(r.value);
          else setError(r.error);
        });
      },
      query ? SEARCH_DEBOUNCE_MS : 0,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, limits, reload]);

  useEffect(() => {
    if (data && focus) document.getElementById(`checklist-${focus}`)?.scrollIntoView();
  }, [data]);

  useEffect(() => {
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, []);

  const shown = data ? data.groups.act_now.total + data.groups.watch.total + data.groups.settled.total : 0;

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
        {data && data.totalOrders === 0 ? <EmptyState /> : null}
        {data && data.totalOrders > 0 ? (
          <>
            <AtAGlance stake={data.atStake} />
            <input
              type="search"
              aria-label={t('search_label')}
              placeholder={t('search_placeholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <RefreshButton onStart={startRefreshInTab} orderListUrl={ORDER_LIST_URL} />
            {shown === 0 ? <p role="status">{t('search_none', { query })}</p> : null}
            <OrderGroups
              groups={data.groups}
              now={new Date(data.now)}
              today={calendarDateIn(new Date(data.now), zone)}
              actions={cardActions}
              focus={focus}
              onMore={(g) => setLimits({ ...limits, [g]: limits[g] + PAGE * 4 })}
            />
          </>
        ) : null}
        {data ? (
          <Diagnostics
            items={data.diagnostics}
            samples={samples.samples.length ? <Samples {...samples} /> : undefined}
          />
        ) : null}
      </main>
    </UiContext.Provider>
  );
}
