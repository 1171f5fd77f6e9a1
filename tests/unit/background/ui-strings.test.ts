/**
 * The words a page is given: the buyer's choice in Options, else the asking page's own
 * language (a worker woken at a browser's first start may not know the browser's yet: seen in
 * Chromium, where the welcome page opened in English for a Spanish browser), else the worker's.
 */
import { ask, extensionPage, handlerContext } from './handler-context';

const NOW = new Date('2026-10-20T10:00:00.000Z');
const titleOf = (r: Awaited<ReturnType<typeof ask>>) =>
  r.ok ? (r.value as { table: Record<string, { message: string }> }).table.welcome_title?.message : null;

describe('getUiStrings', () => {
  it('on "auto", speaks the language the asking page says the browser has', async () => {
    const ctx = handlerContext(NOW);
    const r = await ask(ctx, extensionPage('welcome.html'), 'getUiStrings', { language: 'es-ES' });
    expect(titleOf(r)).toBe('Te damos la bienvenida a Buyer Shield');
  });

  it("the buyer's choice in Options wins over the page's language", async () => {
    const ctx = handlerContext(NOW);
    await ask(ctx, extensionPage(), 'saveSettings', { language: 'de' });
    const r = await ask(ctx, extensionPage('welcome.html'), 'getUiStrings', { language: 'es-ES' });
    expect(titleOf(r)).toBe('Willkommen bei Buyer Shield');
  });

  it('without a hint, the worker’s own idea of the browser language; a malformed hint is refused', async () => {
    const ctx = handlerContext(NOW, 'UTC', { uiLanguage: () => 'pl' });
    expect(titleOf(await ask(ctx, extensionPage(), 'getUiStrings', {}))).toBe('Witamy w Buyer Shield');
    expect((await ask(ctx, extensionPage(), 'getUiStrings', { language: 'es"><script>' })).ok).toBe(false);
  });
});
