/**
 * The last few bodies we could not read, or read without a part we look for, kept so the buyer
 * can choose to save an anonymised sample of one (docs/contributing-samples.md). Kept in the
 * settings table under their own keys, so no schema version is needed: "Delete all data" clears
 * them with everything else, and the backup leaves them out (readSettings skips these keys).
 * Bounded: SAMPLE_SLOTS bodies of at most MAX_SAMPLE_CHARS; a small index lists them, so the
 * popup's list never loads a body.
 */
import type { CapturedApi, Instant } from '../schema/model';
import type { BuyerShieldDb } from './db';

export const SAMPLE_SLOTS = 5;
/** 1 MB of text; real responses are 10–50 KB. Larger bodies are not kept. */
export const MAX_SAMPLE_CHARS = 1_000_000;

export const SAMPLE_IDS = ['sample:0', 'sample:1', 'sample:2', 'sample:3', 'sample:4'] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];
const INDEX_KEY = 'samples:index';
/** Every settings key this module owns; settings readers skip them. */
export const SAMPLE_KEYS: readonly string[] = [INDEX_KEY, ...SAMPLE_IDS];

export interface SampleSummary {
  id: SampleId;
  api: CapturedApi;
  /** What we could not read or did not find (holds no body content). */
  problem: string;
  at: Instant;
}

export interface KeptSample extends SampleSummary {
  body: string;
}

async function index(db: BuyerShieldDb): Promise<SampleSummary[]> {
  const row = await db.settings.get(INDEX_KEY);
  return Array.isArray(row?.value) ? (row.value as SampleSummary[]) : [];
}

/** Newest first. */
export async function listSamples(db: BuyerShieldDb): Promise<SampleSummary[]> {
  return [...(await index(db))].sort((a, b) => b.at.localeCompare(a.at));
}

export async function getSample(db: BuyerShieldDb, id: SampleId): Promise<KeptSample | null> {
  const summary = (await index(db)).find((s) => s.id === id);
  const row = await db.settings.get(id);
  return summary && typeof row?.value === 'string' ? { ...summary, body: row.value } : null;
}

/**
 * Keeps one body: in place of an older one of the same API and problem (a page that keeps
 * failing keeps one sample), else in a free slot, else in place of the oldest.
 */
export async function keepSample(db: BuyerShieldDb, s: Omit<KeptSample, 'id'>): Promise<boolean> {
  if (s.body.length > MAX_SAMPLE_CHARS) return false;
  await db.transaction('rw', db.settings, async () => {
    const list = await index(db);
    const same = list.find((x) => x.api === s.api && x.problem === s.problem);
    const free = SAMPLE_IDS.find((id) => !list.some((x) => x.id === id));
    const oldest = [...list].sort((a, b) => a.at.localeCompare(b.at))[0];
    const id = same?.id ?? free ?? oldest?.id ?? SAMPLE_IDS[0];
    const next = [...list.filter((x) => x.id !== id), { id, api: s.api, problem: s.problem, at: s.at }];
    await db.settings.bulkPut([
      { key: id, value: s.body },
      { key: INDEX_KEY, value: next },
    ]);
  });
  return true;
}
