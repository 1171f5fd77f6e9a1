// Issue 15 item 5 "Words, not codes", as a Spanish-speaking buyer sees it: a text file given to
// Import backup is refused in Spanish words, the parser's message folded away as a detail.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { launch, screenshot } from './harness.mjs';

describe('errors in the buyer’s words', () => {
  it('a text file given to Import backup is answered in Spanish, in words', async () => {
    const browser = await launch({ locale: 'es-ES' });
    try {
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'bs-words-')), 'lista.txt');
      await writeFile(file, 'Lista de la compra:\nleche, pan, huevos\n');
      const options = await browser.ctx.newPage();
      await options.goto(browser.url('options.html'));
      await options.getByLabel('Importar copia de seguridad').setInputFiles(file);
      const alert = options.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /Este archivo no es una copia de seguridad de Buyer Shield/);
      assert.match(text, /No se importó nada; tus datos siguen como estaban/);
      assert.doesNotMatch(text.split('\n')[0] ?? '', /position|JSON|Unexpected/);
      // The technical reason is there for a bug report, folded until asked for.
      const detail = alert.getByText('Detalle técnico, para informar de un error');
      assert.ok(await detail.isVisible());
      assert.equal(await alert.locator('details').getAttribute('open'), null);
      await screenshot(options, 'import-refused-es');
    } finally {
      await browser.close();
    }
  });
});
