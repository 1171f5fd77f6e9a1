/**
 * The guard rails fuzzing relies on: conform's limits are the schema's, and every reading our
 * fixtures promise is one the background would accept (fuzzing found three that were not: ids
 * like `3083333333333333#0`, which the schema's id pattern refuses, so the whole page was lost).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { clip, conformObservations, isoDate } from '@/lib/aliexpress/conform';
import type { Observations } from '@/lib/schema/model';
import { describeIssues, LIMITS, ObservationsSchema } from '@/lib/schema/observations';
import { EXPECTED_SUFFIX, FIXTURE_ROOT } from '../readers/fixture-kinds';
import { ORDER } from '../store/helpers';

const empty: Observations = { orders: [], packages: [], disputes: [], refunds: [] };

it('every expected reading in tests/fixtures/aliexpress passes the schema', () => {
  let checked = 0;
  for (const folder of readdirSync(FIXTURE_ROOT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = path.join(FIXTURE_ROOT, folder.name);
    for (const f of readdirSync(dir).filter((x) => x.endsWith(EXPECTED_SUFFIX))) {
      const expected = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as {
        result: { ok: boolean; observations?: unknown };
      };
      if (!expected.result.ok) continue;
      const parsed = v.safeParse(ObservationsSchema, expected.result.observations);
      expect(
        parsed.success,
        `${folder.name}/${f}: ${parsed.success ? '' : describeIssues(parsed.issues)}`,
      ).toBe(true);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(20);
});

describe('conformObservations', () => {
  it('cuts page text to its limit and keeps a valid reading unchanged', () => {
    expect(conformObservations({ ...empty, orders: [ORDER] })).toEqual({ ...empty, orders: [ORDER] });
    const long = {
      ...ORDER,
      store: { name: 'S'.repeat(5000), url: null },
      statusText: '<b>x</b>'.repeat(100),
    };
    const [o] = conformObservations({ ...empty, orders: [long] }).orders;
    expect(o?.store?.name).toHaveLength(LIMITS.shortText);
    expect(o?.store?.name.endsWith('…')).toBe(true);
    expect(o?.statusText?.startsWith('<b>x</b>')).toBe(true);
  });

  it('never alters an id, date or amount into another: it drops it, or the record that needs it', () => {
    const line = ORDER.lines?.[0];
    if (!line) throw new Error('ORDER has a line');
    const out = conformObservations({
      ...empty,
      orders: [
        { ...ORDER, id: '9'.repeat(35) },
        {
          ...ORDER,
          placedOn: '2026-02-30',
          total: { amountMinor: 1.5, currency: 'USD' },
          lines: [
            { ...line, productId: '1005 0012' },
            { ...line, id: 'l2', quantity: 1e20 },
            ...Array.from({ length: 300 }, (_, i) => ({ ...line, id: `x${i}` })),
          ],
        },
      ],
    });
    expect(out.orders).toHaveLength(1);
    const [o] = out.orders;
    expect(o?.placedOn).toBeUndefined();
    expect(o?.total).toBeUndefined();
    expect(o?.lines?.[0]).toEqual({ ...line, productId: null });
    expect(o?.lines?.some((l) => l.id === 'l2')).toBe(false);
    expect(o?.lines).toHaveLength(LIMITS.linesPerOrder);
    expect(v.safeParse(ObservationsSchema, out).success).toBe(true);
  });

  it('checks calendar dates, and cuts text without splitting an emoji', () => {
    expect(isoDate('2028-02-29')).toBe('2028-02-29');
    expect(isoDate('2026-02-29')).toBeNull();
    expect(isoDate('1970-01-01')).toBeNull();
    // Asked again (a list repeats its dates): the same answers.
    expect(isoDate('2026-02-29')).toBeNull();
    expect(isoDate('2028-02-29')).toBe('2028-02-29');
    expect(isoDate(20260101)).toBeNull();
    expect(clip('ab😀', 3)).toBe('ab…');
    expect(clip('😀😀😀', 4)).toBe('😀…');
  });
});
