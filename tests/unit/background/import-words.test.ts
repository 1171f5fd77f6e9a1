/**
 * Issue 15 item 5: an import refused is said in the buyer's language and words; the parser's
 * own message ("…at position 46…") is only the folded technical detail.
 */
import { ask, extensionPage, handlerContext } from './handler-context';

async function importIn(language: string, text: string) {
  const ctx = handlerContext(new Date('2026-10-20T10:00:00.000Z'));
  await ask(ctx, extensionPage(), 'saveSettings', { language });
  return ask(ctx, extensionPage(), 'importBackup', { text });
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
