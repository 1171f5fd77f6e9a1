/**
 * Issue 15 item 5, words not codes: the CSV's columns, status, group and deadline in the buyer's
 * language as the popup words them; the machine codes only in three clearly named columns at the
 * end; cells a spreadsheet would run as a formula neutralised.
 */

import { ORDER, obs } from '../store/helpers';
import { ask, extensionPage, handlerContext, savePage } from './handler-context';

/** Parses our own CSV: every field quoted, CRLF rows, a byte order mark. */
function rows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((row) => [...row.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

async function exportCsv(language: string, store = '=HYPERLINK("x")') {
  const ctx = handlerContext(new Date('2026-10-20T10:00:00.000Z'), 'Europe/Madrid');
  await ask(ctx, extensionPage(), 'saveSettings', { language });
  const order = {
    ...ORDER,
    statusText: 'Esperando la entrega',
    store: { name: store, url: null },
    protection: { endsOn: '2026-10-24', text: 'Reembolso si no se entrega antes del 24 oct 2026' },
  };
  await savePage(ctx, obs({ orders: [order] }));
  const r = await ask(ctx, extensionPage(), 'exportCsv', {});
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
