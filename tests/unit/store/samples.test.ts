/**
 * Samples a buyer can give: an unreadable body (or one without a part we look for) is kept,
 * bounded, out of the backup and wiped with everything else; the popup gets it only anonymised.
 */
import { describe, expect, it, vi } from 'vitest';
import type { HandlerContext } from '@/lib/background/handlers';
import { handleMessage } from '@/lib/background/messaging';
import { keepSample, listSamples, MAX_SAMPLE_CHARS, SAMPLE_SLOTS } from '@/lib/store/samples';
import { loadTableFromDisk } from '../locale-loader';
import { freshDb } from './helpers';

const me = { id: 'buyer-shield-id', origin: 'chrome-extension://buyer-shield-id/' };
const contentScript = {
  id: me.id,
  url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8123456789012345',
  tab: { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8123456789012345' },
};
const popup = { id: me.id, url: `${me.origin}popup.html` };
const DETAIL = 'mtop.aliexpress.trade.buyer.order.detail';

let clock = Date.parse('2026-10-05T10:00:00.000Z');
function context(): HandlerContext {
  return {
    db: freshDb(),
    now: () => {
      clock += 1000;
      return new Date(clock);
    },
    zone: () => 'UTC',
    uiLanguage: () => 'en-US',
    loadTable: loadTableFromDisk,
    openTab: vi.fn(async () => {}),
    onDataChanged: vi.fn(),
    extensionVersion: () => '9.8.7',
  };
}

/** A detail body our reader refuses (no order id), with the receiver's details in it. */
const UNREADABLE = JSON.stringify({
  api: DETAIL,
  data: {
    data: {
      detail_simple_order_info_component_8123456789012345: {
        tag: 'detail_simple_order_info_component',
        fields: { addressVO: { contactName: 'Maria Example', fullPhoneNo: '+351 912345678' } },
      },
    },
  },
  ret: ['SUCCESS::调用成功'],
});

const capture = (body: string, api = DETAIL) => ({
  type: 'saveCapture',
  payload: { api, url: 'https://acs.aliexpress.com/h5/x/1.0/?data=%7B%7D', body },
});

describe('kept samples', () => {
  it('keeps an unreadable body and gives the popup only its anonymised file', async () => {
    const ctx = context();
    const saved = await handleMessage(capture(UNREADABLE), contentScript, me, ctx);
    expect(saved.ok && (saved.value as { problem: string | null }).problem).toBeTruthy();
    const list = await handleMessage({ type: 'anonymisedSample', payload: {} }, popup, me, ctx);
    expect(list).toMatchObject({
      ok: true,
      value: { samples: [{ id: 'sample:0', api: DETAIL }], file: null },
    });
    const asked = await handleMessage(
      { type: 'anonymisedSample', payload: { id: 'sample:0' } },
      popup,
      me,
      ctx,
    );
    if (!asked.ok) throw new Error(asked.error);
    const file = (asked.value as { file: { text: string; removed: Record<string, number> } }).file;
    expect(file.text).not.toContain('Maria');
    expect(file.text).not.toContain('912345678');
    expect(file.text).not.toContain('8123456789012345');
    expect(JSON.parse(file.text)).toMatchObject({
      api: DETAIL,
      pageKind: 'order_detail',
      extensionVersion: '9.8.7',
    });
    expect(file.removed).toMatchObject({ names: 1, phones: 1, ids: 1 });
  });

  it('a content script cannot ask for samples', async () => {
    const ctx = context();
    await handleMessage(capture(UNREADABLE), contentScript, me, ctx);
    const asked = await handleMessage(
      { type: 'anonymisedSample', payload: { id: 'sample:0' } },
      contentScript,
      me,
      ctx,
    );
    expect(asked.ok).toBe(false);
  });

  it('keeps no MTOP error answers (no page data in them)', async () => {
    const ctx = context();
    await handleMessage(
      capture(JSON.stringify({ ret: ['FAIL_SYS_SESSION_EXPIRED::Session expired'] })),
      contentScript,
      me,
      ctx,
    );
    expect(await listSamples(ctx.db)).toEqual([]);
  });

  it('keeps a refund detail read without an ARN', async () => {
    const ctx = context();
    const body = JSON.stringify({
      data: {
        module: {
          reverseOrderLineId: '6306666666666666',
          tradeOrderId: '3076666666666666',
          reverseStatus: 4,
          reverseFinishInfo: { refundInfo: { refundNewestStatus: 'Refund successful' } },
        },
      },
    });
    await handleMessage(
      capture(body, 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer'),
      contentScript,
      me,
      ctx,
    );
    expect((await listSamples(ctx.db)).map((s) => s.problem)).toEqual(['a processed refund without an ARN']);
  });

  it('is bounded: five bodies, one per API and problem, none over 1 MB', async () => {
    const ctx = context();
    for (let i = 0; i < 8; i++) {
      await keepSample(ctx.db, {
        api: DETAIL,
        problem: `problem ${i}`,
        at: new Date(clock++).toISOString(),
        body: '{}',
      });
    }
    await keepSample(ctx.db, {
      api: DETAIL,
      problem: 'problem 7',
      at: new Date(clock++).toISOString(),
      body: '{"a":1}',
    });
    expect(
      await keepSample(ctx.db, {
        api: DETAIL,
        problem: 'big',
        at: new Date(clock++).toISOString(),
        body: 'x'.repeat(MAX_SAMPLE_CHARS + 1),
      }),
    ).toBe(false);
    const list = await listSamples(ctx.db);
    expect(list).toHaveLength(SAMPLE_SLOTS);
    expect(list.map((s) => s.problem)).toEqual([
      'problem 7',
      'problem 6',
      'problem 5',
      'problem 4',
      'problem 3',
    ]);
  });

  it('is not in the backup and is gone after "delete all data"', async () => {
    const ctx = context();
    await handleMessage(capture(UNREADABLE), contentScript, me, ctx);
    const backup = await handleMessage({ type: 'exportBackup', payload: {} }, popup, me, ctx);
    if (!backup.ok) throw new Error(backup.error);
    expect((backup.value as { json: string }).json).not.toContain('Maria');
    expect((backup.value as { json: string }).json).not.toContain('sample');
    const settings = await handleMessage({ type: 'getSettings', payload: {} }, popup, me, ctx);
    expect(JSON.stringify(settings)).not.toContain('sample');
    await handleMessage({ type: 'wipeAll', payload: { confirm: 'wipe' } }, popup, me, ctx);
    expect(await listSamples(ctx.db)).toEqual([]);
  });
});
