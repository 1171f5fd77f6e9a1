/**
 * The real AliExpress data kept beside the project in ../shared (never copied in: no licence,
 * or not ours to redistribute). Tests that need it skip on a developer machine without it and
 * fail loudly in CI, where it must be present (docs/adding-a-page-kind.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../shared');

export interface SharedData {
  dir: string;
  present: boolean;
  /** A file of the folder as text. */
  text(file: string): string;
  /** Title for a describe block: says SKIPPED when the folder is missing. */
  title(what: string): string;
}

export function sharedData(folder: 'aliexpress-fixtures' | 'aliexpress-captures'): SharedData {
  const dir = path.join(ROOT, folder);
  const present = existsSync(dir);
  if (!present && process.env.CI) {
    throw new Error(
      `Real AliExpress data is missing at ${dir}; CI must have it (see docs/adding-a-page-kind.md).`,
    );
  }
  if (!present) console.warn(`SKIPPING tests on real data: nothing at ${dir}`);
  return {
    dir,
    present,
    text: (file) => readFileSync(path.join(dir, file), 'utf8'),
    title: (what) => (present ? `${what} (../shared/${folder})` : `SKIPPED — ${what}: not found at ${dir}`),
  };
}
