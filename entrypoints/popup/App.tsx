import { useEffect, useMemo, useState } from 'preact/hooks';
import { Diagnostics } from '@/components/Diagnostics';
import { EmptyState } from '@/components/EmptyState';
import { OrderGroups } from '@/components/OrderGroups';
import { call } from '@/lib/client';
import type { Dashboard, OrderView } from '@/lib/messages';

const locale = navigator.language || 'en';
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

export function App() {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    call('getDashboard', {}).then((r) => (r.ok ? setData(r.value) : setError(r.error)));
  }, []);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return data && q ? data.orders.filter((o) => matches(o, q)) : (data?.orders ?? []);
  }, [data, query]);

  return (
    <main>
      <header>
        <h1>Buyer Shield</h1>
        <a href="/options.html" target="_blank" rel="noreferrer">
          Options
        </a>
      </header>
      {error ? <p role="alert">Could not load your orders: {error}</p> : null}
      {data === null && !error ? <p aria-busy="true">Loading…</p> : null}
      {data && data.orders.length === 0 ? <EmptyState /> : null}
      {data && data.orders.length > 0 ? (
        <>
          <input
            type="search"
            aria-label="Search orders"
            placeholder="Order id, tracking number, ARN, store or title"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <OrderGroups orders={shown} now={new Date(data.now)} locale={locale} zone={zone} />
        </>
      ) : null}
      {data ? <Diagnostics items={data.diagnostics} locale={locale} zone={zone} /> : null}
    </main>
  );
}
