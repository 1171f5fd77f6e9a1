import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MessageTable } from '@/lib/i18n';
import type { TableLoader } from '@/lib/i18n-tables';

/** Reads the shipped locale files from disk, as the background reads them from the package. */
export const loadTableFromDisk: TableLoader = async (folder) =>
  JSON.parse(
    await readFile(path.resolve(__dirname, '../../public/_locales', folder, 'messages.json'), 'utf8'),
  ) as MessageTable;
