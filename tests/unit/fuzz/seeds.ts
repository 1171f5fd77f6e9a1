/**
 * Seeds for mutation: the real anonymised AliExpress bodies in ../shared/aliexpress-fixtures
 * (read there at test time, never copied in) and our own fixtures, per reader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBody } from '@/lib/aliexpress/body';
import type { CapturedApi, PageKind } from '@/lib/schema/model';
import { sharedData } from '../../support/shared-data';
import { DOM_FOLDERS, EXPECTED_SUFFIX, FIXTURE_ROOT, JSON_FOLDERS } from '../readers/fixture-kinds';

const real = sharedData('aliexpress-fixtures');

const SHARED: Partial<Record<CapturedApi, string>> = {
  'mtop.aliexpress.trade.buyer.order.list': 'order-list-init.json',
  'mtop.aliexpress.trade.buyer.order.detail': 'order-detail.json',
  'mtop.ae.ld.querydetail': 'logistics-querydetail.json',
  'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer': 'refund-list.json',
};

function inputs(folder: string, extensions: string[]): string[] {
  const dir = path.join(FIXTURE_ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith(EXPECTED_SUFFIX) && extensions.some((e) => f.endsWith(e)))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

export interface JsonSeeds {
  api: CapturedApi;
  /** Parsed bodies that readers accept or refuse: the shapes to mutate. */
  json: unknown[];
  /** The raw texts (JSON and JSONP), for byte-level mutation. */
  texts: string[];
}

export function jsonSeeds(): JsonSeeds[] {
  return Object.entries(JSON_FOLDERS).map(([folder, api]) => {
    const texts = inputs(folder, ['.json', '.jsonp', '.txt']);
    const shared = SHARED[api];
    if (shared && real.present) {
      texts.unshift(real.text(shared));
    }
    const json = texts.flatMap((t) => {
      const parsed = parseBody(t);
      return parsed.ok && typeof parsed.json === 'object' && parsed.json !== null ? [parsed.json] : [];
    });
    return { api, json, texts };
  });
}

export interface DomSeed {
  html: string;
  url: string;
}

export interface DomSeeds {
  folder: string;
  kind: PageKind;
  pages: DomSeed[];
}

export function domSeeds(): DomSeeds[] {
  return Object.entries(DOM_FOLDERS).map(([folder, kind]) => {
    const dir = path.join(FIXTURE_ROOT, folder);
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.html'))
          .sort()
      : [];
    const pages = files.map((f) => {
      const expected = path.join(dir, f.replace(/\.html$/, EXPECTED_SUFFIX));
      const about = existsSync(expected)
        ? (JSON.parse(readFileSync(expected, 'utf8')) as { url?: string })
        : {};
      return {
        html: readFileSync(path.join(dir, f), 'utf8'),
        url: about.url ?? 'https://www.aliexpress.com/',
      };
    });
    return { folder, kind, pages };
  });
}
