/**
 * Issue 15 item 5, words not codes: the CSV's columns, status, group and deadline in the buyer's
 * language as the popup words them; the machine codes only in three clearly named columns at the
 * end; cells a spreadsheet would run as a formula neutralised.
 */
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb, ORDER, obs } from '../store/helpers';

const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };
const options = { id: me.id, url: `${me.origin}options.html` };
const page = {
  id: me.id,
  url: 'https://www.aliexpress.com/p/order/index.html',
  tab: { url: 'https://www.aliexpress.com/p/order/index.html' },
};

function context(): HandlerContext {
  return {
    db: freshDb(),
    now: () => new Date('2026-10-20T10:00:00.000Z'),
    zone: () => 'Europe/Madrid',
    uiLanguage: () => 'en-US',
    loadTable: loadTableFromDisk,
    openTab: async () => {},
    onDataChanged: () => {},
  };
}

/** Parses our own CSV: every field quoted, CRLF rows, a byte order mark. */
function rows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((row) => [...row.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

async function exportCsv(language: string, store = '=HYPERLINK("x")') {
  const ctx = context();
  await handleMessage({ type: 'saveSettings', payload: { language } }, options, me, ctx);
  await handleMessage(
    {
      type: 'saveObservations',
      payload: {
        source: 'order_list',
        kind: 'json',
        url: page.url,
        observations: obs({
          orders: [
            {
              ...ORDER,
              statusText: 'Esperando la entrega',
              store: { name: store, url: null },
              protection: { endsOn: '2026-10-24', text: 'Reembolso si no se entrega antes del 24 oct 2026' },
            },
          ],
        }),
      },
    },
    page,
    me,
    ctx,
  );
  const r = await handleMessage({ type: 'exportCsv', payload: {} }, options, me, ctx);
  if (!r.ok) throw new Error(r.error);
  return rows((r.value as { csv: string }).csv);
}

describe('exportCsv', () => {
  it('speaks the buyer’s language, with the codes only in the named machine columns', async () => {
    const [header, row] = await exportCsv('es');
    expect(header?.slice(0, 4)).toEqual([
      'Número de pedido',
      'Fecha del pedido',
      'Estado',
      'Grupo en Buyer Shield',
    ]);
    expect(header?.slice(-3)).toEqual(['status_code', 'next_deadline_code', 'next_deadline_utc']);
    const at = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(at('Estado')).toBe('Esperando la entrega');
    expect(at('Grupo en Buyer Shield')).toBe('Actúa ya');
    expect(at('Próximo plazo')).toBe('La protección del comprador termina');
    expect(at('Fin de la protección, origen')).toBe('según AliExpress');
    expect(at('Entregado')).toBe('no');
    expect(at('status_code')).toBe('awaiting_delivery');
    expect(at('next_deadline_code')).toBe('protection_end');
    // No machine code outside the machine columns.
    expect(row?.slice(0, -3).join('|')).not.toMatch(/awaiting_delivery|protection_end|act_now/);
  });

  it('neutralises a store name that a spreadsheet would run as a formula', async () => {
    const [header, row] = await exportCsv('en');
    expect(row?.[header?.indexOf('Store') ?? -1]).toBe(`'=HYPERLINK("x")`);
  });
});
