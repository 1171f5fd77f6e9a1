import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AtAGlance } from '@/components/AtAGlance';
import { Diagnostics } from '@/components/Diagnostics';
import { EmptyState } from '@/components/EmptyState';
import { OrderGroups } from '@/components/OrderGroups';
import type { OrderActions } from '@/components/order-actions';
import { RefreshButton } from '@/components/RefreshButton';
import { Samples } from '@/components/Samples';
import { type Ui, UiContext } from '@/components/ui-context';
import type { UiStrings } from '@/lib/i18n';
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
import type { Dashboard, DashboardGroupId, Result } from '@/lib/protocol/messages';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What the buyer does from an order card, kept by the background (see `cardActions`). */
const actions = { setChecklistItem, markRefundArrived };

/** `popup.html?order=<id>` (from a banner or notification) opens that order. */
const focus = new URLSearchParams(location.search).get('order');

/** Orders per group asked for at first; "Show more" asks for more. */
const PAGE = 50;
const SEARCH_DEBOUNCE_MS = 150;
/**
 * Cards drawn in the popup's first frame: more than a 640 px popup (or a tab's two columns)
 * shows at once. Drawing and laying out the 150 cards of a full first page in one go took
 * longer than the rest of opening the popup (bench, 10,000 orders: ~450 of ~650 ms).
 */
export const FIRST_SCREEN_CARDS = 8;
/** Cards added per frame after the first, until the page asked for is all drawn. */
export const MORE_CARDS_PER_FRAME = 25;

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

const PAGE_LIMITS: Record<DashboardGroupId, number> = { act_now: PAGE, watch: PAGE, settled: PAGE };
/**
 * The first answer holds only what the first frame draws: with 10,000 orders a full first page
 * is ~590 KB of JSON against ~95 KB for this (bench: 22 ms against 13 ms from a cold worker,
 * plus the popup's parsing); the full page is asked next.
 */
const FIRST_SCREEN_LIMITS: Record<DashboardGroupId, number> = {
  act_now: FIRST_SCREEN_CARDS,
  watch: FIRST_SCREEN_CARDS,
  settled: FIRST_SCREEN_CARDS,
};

/** The popup's first two questions to the background, asked before anything is drawn. */
export interface FirstAnswers {
  strings: Promise<UiStrings>;
  dashboard: Promise<Result<Dashboard>>;
}

/**
 * Asked as the popup's script starts (entrypoints/popup/main.tsx), not from the first render's
 * effects, which run only after the first frame: a stopped worker starts waking that much
 * sooner. Without a focused order, the dashboard asked holds only the first screenful.
 */
export function askFirst(): FirstAnswers {
  return {
    strings: loadUiStrings(),
    dashboard: call(
      'getDashboard',
      focus ? { query: '', limits: PAGE_LIMITS, focus } : { query: '', limits: FIRST_SCREEN_LIMITS },
    ),
  };
}

export function App({ first }: { first?: FirstAnswers }) {
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
  // The first dashboard is drawn a screenful first, then the rest a few cards per frame, so
  // the first cards show at once and the popup answers clicks meanwhile. Not when opened on one
  // order, which must be there to scroll to. null: every card.
  const [cap, setCap] = useState<number | null>(focus ? null : FIRST_SCREEN_CARDS);
  // The dashboard shown is only the first screenful (`askFirst`): the full page is on its way.
  const [partial, setPartial] = useState(false);
  useLayoutEffect(() => {
    if (!data || cap === null) return;
    const cards =
      data.groups.act_now.orders.length + data.groups.watch.orders.length + data.groups.settled.orders.length;
    if (cap >= cards) {
      if (!partial) setCap(null);
      return;
    }
    // After the frame that shows these cards is drawn (a timer queued from the frame's callback
    // runs once it is), and after what else was waiting for that frame (a second timer).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        timer = setTimeout(() => setCap(cap + MORE_CARDS_PER_FRAME), 0);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [data, cap, partial]);
  const [limits, setLimits] = useState<Record<DashboardGroupId, number>>(PAGE_LIMITS);
  // The first dashboard asked before the first render (`askFirst`), used once.
  const firstDashboard = useRef(first?.dashboard);

  useEffect(() => {
    (first?.strings ?? loadUiStrings()).then((strings) => {
      document.documentElement.lang = strings.locale;
      setUi({ t: translator(strings.table), locale: strings.locale, zone });
    });
  }, []);

  // The background holds every order; the popup asks for a page of each group (and searches).
  useEffect(() => {
    let stale = false;
    const show = (r: Result<Dashboard>, firstScreen = false) => {
      if (stale) return;
      setPartial(firstScreen && r.ok);
      if (r.ok) setData(r.value);
      else setError(r.error);
    };
    const ask = () =>
      call('getDashboard', { query: query.trim(), limits, ...(focus ? { focus } : {}) }).then((r) => show(r));
    const asked = firstDashboard.current;
    firstDashboard.current = undefined;
    if (asked) {
      // The first run: what `askFirst` asked already (no search), then, if that was only the
      // first screenful, the full first page, once the frame showing it is drawn (its parsing
      // would hold that frame back).
      let frame = 0;
      asked.then((r) => {
        show(r, !focus);
        if (!stale && r.ok && !focus)
          frame = requestAnimationFrame(() => setTimeout(() => stale || ask(), 0));
      });
      return () => {
        stale = true;
        cancelAnimationFrame(frame);
      };
    }
    const timer = setTimeout(
      () => {
        void ask();
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
              cap={cap ?? undefined}
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
