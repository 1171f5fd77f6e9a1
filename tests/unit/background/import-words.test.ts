/**
 * Issue 15 item 5: an import refused is said in the buyer's language and words; the parser's
 * own message ("…at position 46…") is only the folded technical detail.
 */
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb } from '../store/helpers';

const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };
const options = { id: me.id, url: `${me.origin}options.html` };

function context(): HandlerContext {
  return {
    db: freshDb(),
    now: () => new Date('2026-10-20T10:00:00.000Z'),
    zone: () => 'UTC',
    uiLanguage: () => 'en-US',
    loadTable: loadTableFromDisk,
    openTab: async () => {},
    onDataChanged: () => {},
  };
}

async function importIn(language: string, text: string) {
  const ctx = context();
  await handleMessage({ type: 'saveSettings', payload: { language } }, options, me, ctx);
  return handleMessage({ type: 'importBackup', payload: { text } }, options, me, ctx);
}

describe('importBackup refusals in the buyer’s words', () => {
  it.each([
    ['es', 'Lista de la compra:\nleche, pan', /^Este archivo no es una copia de seguridad de Buyer Shield/],
    ['de', '{"format":"other"}', /^Diese Datei ist keine Buyer-Shield-Sicherung/],
    ['en', '{"format":"buyer-shield-backup","version":7}', /version 7.*Update Buyer Shield/],
    ['pl', '{"format":"buyer-shield-backup","version":1,"exportedAt":5}', /^Ta kopia jest uszkodzona/],
  ])('%s: %j', async (language, text, words) => {
    const r = await importIn(language, text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(words);
    // No parser or schema jargon in what the buyer reads; it is kept as the detail.
    expect(r.error).not.toMatch(/position|JSON|Unexpected|format"|exportedAt/);
    expect(r.detail).toMatch(/Nothing was imported/);
  });

  it('names the order that is wrong, in the buyer’s language', async () => {
    const file = {
      format: 'buyer-shield-backup',
      version: 1,
      exportedAt: '2026-10-01T00:00:00.000Z',
      orders: [{ id: '8000000000000009', site: 'aliexpress', status: 'nonsense' }],
      settings: {},
    };
    const r = await importIn('fr', JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^La commande 1 sur 1 \(8000000000000009\).*Rien n'a été importé/);
  });
});
