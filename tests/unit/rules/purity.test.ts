import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../../lib/rules');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('lib/rules stays pure', () => {
  it.each(files)('%s reads neither the clock nor the browser', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now|Math\.random/);
    expect(code).not.toMatch(/\b(browser|chrome|window|document|localStorage|indexedDB)\./);
    expect(code).not.toMatch(/from '(dexie|wxt|webextension-polyfill)/);
  });

  it('keeps files small (one idea per file)', () => {
    for (const f of files)
      expect(readFileSync(join(DIR, f), 'utf8').split('\n').length, f).toBeLessThanOrEqual(300);
  });
});
