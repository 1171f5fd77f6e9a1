/**
 * `getPageStart`: an AliExpress page's one request before its first badge or banner (issue 16):
 * the page's strings, the warnings the buyer hid and the summaries of the orders in view, all
 * worded by the worker, including how far off the deadline is (the page builds no Intl object).
 */
import { describe, expect, it } from 'vitest';
import type { Responses } from '@/lib/protocol/messages';
import { aliexpressTab, ask, handlerContext, savePage } from '../background/handler-context';
import { ORDER, obs } from '../store/helpers';

const NOW = new Date('2026-10-05T10:00:00.000Z');
const START = { prefixes: ['badge_', 'source_'], orderIds: [ORDER.id, '8999999999999999'] };

type Start = Responses['getPageStart'];

async function start(over: Parameters<typeof handlerContext>[2] = {}, payload: unknown = START) {
  const ctx = handlerContext(NOW, 'UTC', over);
  await savePage(ctx, obs({ orders: [ORDER] }));
  return ask(ctx, aliexpressTab(), 'getPageStart', payload);
}

describe('getPageStart', () => {
  it("answers the page's strings, its hidden warnings and the summaries of the orders it shows, in one message", async () => {
    const hidden = [{ key: `badge:${ORDER.id}`, step: 'x' }];
    const r = await start({ readLocal: async (key) => (key === 'hiddenWarnings' ? hidden : undefined) });
    expect(r.ok).toBe(true);
    const v = (r.ok ? r.value : null) as Start;
    expect(Object.keys(v.strings.table).every((k) => k.startsWith('badge_') || k.startsWith('source_'))).toBe(
      true,
    );
    expect(v.strings.table.badge_hide?.message).toBeTruthy();
    expect(v.hidden).toEqual(hidden);
    // An order not stored (yet) has no summary: the page asks again once its data is stored.
    expect(Object.keys(v.orders)).toEqual([ORDER.id]);
  });

  it("words the countdown to the deadline in the buyer's language, as of the answer", async () => {
    const r = await start();
    const v = (r.ok ? r.value : null) as Start;
    const s = v.orders[ORDER.id];
    expect(s?.nextDeadline?.at).toBeTruthy();
    expect(s?.texts.countdown).toMatch(/^in \d+ (days|hours)$/);
  });

  it('drops a malformed stored list of hidden warnings entry by entry, and answers without one', async () => {
    const bad = await start({ readLocal: async () => [{ key: 'badge:<img>', step: 'x' }, 'junk'] });
    expect(bad.ok && (bad.value as Start).hidden).toEqual([]);
    const none = await start();
    expect(none.ok && (none.value as Start).hidden).toEqual([]);
    const failing = await start({ readLocal: async () => Promise.reject(new Error('storage gone')) });
    expect(failing.ok && (failing.value as Start).hidden).toEqual([]);
  });

  it('refuses a request outside its schema (too many orders, a forged id)', async () => {
    const many = Array.from({ length: 201 }, (_, i) => `8${String(i).padStart(15, '0')}`);
    expect((await start({}, { ...START, orderIds: many })).ok).toBe(false);
    expect((await start({}, { ...START, orderIds: ['<script>'] })).ok).toBe(false);
    expect((await start({}, { orderIds: [] })).ok).toBe(false);
  });
});
