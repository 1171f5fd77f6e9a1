/**
 * What the background does for each message. Every request was parsed by its schema before it
 * gets here (lib/messages.ts); these functions hold the behaviour, `setupMessaging` the wiring.
 */
import * as v from 'valibot';
import { buildSampleFile, missingPart, worthASample } from '../aliexpress/anonymise';
import { readCapturedBody } from '../aliexpress/read-captured';
import { type TableLoader, translatorFor, uiStrings } from '../i18n-tables';
import type { MessageType, PageSummary, RequestOf, Responses, Result } from '../protocol/messages';
import { assessOrder, type RuleContext } from '../rules';
import { safeUrl } from '../safe-url';
import { describeIssues, ObservationsSchema } from '../schema/observations';
import { normaliseSettings, type Settings } from '../schema/settings';
import { applyObservations } from '../store/apply';
import { backupFileName, exportBackup, importBackup } from '../store/backup';
import type { BuyerShieldDb } from '../store/db';
import { loadAllFacts, loadChecklistDone, loadFactsFor } from '../store/queries';
import { getSample, keepSample, listSamples, SAMPLE_IDS, SAMPLE_KEYS, type SampleId } from '../store/samples';
import { ordersToCsv } from './csv';
import { buildDashboard } from './dashboard';
import { getSnapshot, invalidateSnapshot } from './snapshot';

/** Diagnostics kept: enough to show what broke recently without growing without bound. */
export const MAX_DIAGNOSTICS = 200;

export interface HandlerContext {
  db: BuyerShieldDb;
  now: () => Date;
  zone: () => string;
  /** The browser's UI language, e.g. `pt-BR`. */
  uiLanguage: () => string;
  /** Reads a locale table shipped with the extension. */
  loadTable: TableLoader;
  /** Opens an extension page in a tab. */
  openTab: (url: string) => Promise<void>;
  /** Called after data changed, so reminders, alarm and badge are worked out again. */
  onDataChanged: () => void;
  /** The extension's version, named in saved samples. */
  extensionVersion?: () => string;
}

export async function readSettings(db: BuyerShieldDb): Promise<Settings> {
  // Kept sample bodies share the table (lib/store/samples.ts) but are no setting.
  const rows = await db.settings.where('key').noneOf(SAMPLE_KEYS).toArray();
  return normaliseSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>);
}

function ruleContext(ctx: HandlerContext): RuleContext {
  return { now: ctx.now(), zone: ctx.zone() };
}

/** Stored data changed: the cached snapshot is stale, and reminders need working out again. */
function changed(ctx: HandlerContext): void {
  invalidateSnapshot(ctx.db);
  ctx.onDataChanged();
}

/** Records that a page or body could not be read: one row per source and problem. */
async function recordDiagnostic(
  ctx: HandlerContext,
  p: { source: string; url: string; problem: string },
): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.diagnostics, async () => {
    // A page that keeps failing does not fill the table.
    const same = await db.diagnostics
      .filter((d) => d.source === p.source && d.problem === p.problem)
      .primaryKeys();
    await db.diagnostics.bulkDelete(same);
    await db.diagnostics.add({
      source: p.source,
      problem: p.problem,
      url: p.url,
      at: ctx.now().toISOString(),
    });
    const count = await db.diagnostics.count();
    if (count > MAX_DIAGNOSTICS) {
      const oldest = await db.diagnostics
        .orderBy('at')
        .limit(count - MAX_DIAGNOSTICS)
        .primaryKeys();
      await db.diagnostics.bulkDelete(oldest);
    }
  });
}

type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, ctx: HandlerContext) => Promise<Result<Responses[T]>>;
};

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const handlers: Handlers = {
  async saveObservations(p, ctx) {
    const at = ctx.now().toISOString();
    const { written } = await applyObservations(ctx.db, p.observations, {
      source: p.source,
      kind: p.kind,
      at,
    });
    if (written > 0) changed(ctx);
    return ok({ written });
  },

  async saveCapture(p, ctx) {
    const at = ctx.now().toISOString();
    const read = readCapturedBody(p.api, p.body, { seenAt: at, lang: p.lang, requestUrl: p.url });
    // A reader's output is page data too: it must pass the same schema as any message.
    const checked = read.ok ? v.safeParse(ObservationsSchema, read.observations) : null;
    const problem = !read.ok
      ? read.failure.problem
      : checked && !checked.success
        ? `unexpected values (${describeIssues(checked.issues)})`
        : null;
    if (problem !== null || !checked?.success) {
      await recordDiagnostic(ctx, { source: p.api, url: safeUrl(p.url), problem: problem ?? 'unreadable' });
      if (worthASample(p.body))
        await keepSample(ctx.db, { api: p.api, problem: problem ?? 'unreadable', at, body: p.body });
      return ok({ written: 0, problem });
    }
    // Read, but without a part we look for and have never seen for real: worth a sample too.
    const missing = missingPart(p.api, checked.output);
    if (missing !== null) await keepSample(ctx.db, { api: p.api, problem: missing, at, body: p.body });
    const { written } = await applyObservations(ctx.db, checked.output, { source: p.api, kind: 'json', at });
    if (written > 0) changed(ctx);
    return ok({ written, problem: null });
  },

  async reportUnreadable(p, ctx) {
    await recordDiagnostic(ctx, p);
    return ok({});
  },

  async getDashboard(p, ctx) {
    const now = ctx.now();
    const settings = await readSettings(ctx.db);
    const [snap, done, diagnostics] = await Promise.all([
      getSnapshot(
        ctx.db,
        now,
        ctx.zone(),
        settings.leadTimesMinutes.map((m) => m * 60_000),
      ),
      loadChecklistDone(ctx.db),
      ctx.db.diagnostics.orderBy('at').reverse().limit(50).toArray(),
    ]);
    return ok(buildDashboard(snap, done, diagnostics, now, p));
  },

  async exportBackup(_p, ctx) {
    const rc = ruleContext(ctx);
    const file = await exportBackup(ctx.db, rc, await readSettings(ctx.db));
    return ok({
      json: JSON.stringify(file, null, 2),
      fileName: backupFileName(rc.now, rc.zone),
      orders: file.orders.length,
    });
  },

  async importBackup(p, ctx) {
    const result = await importBackup(ctx.db, p.text);
    if (!result.ok) return result;
    changed(ctx);
    return ok({ orders: result.orders });
  },

  async setChecklistItem(p, ctx) {
    await ctx.db.checklist.put({ ...p, at: ctx.now().toISOString() });
    return ok({});
  },

  async getSettings(_p, ctx) {
    return ok(await readSettings(ctx.db));
  },

  async saveSettings(p, ctx) {
    await ctx.db.settings.bulkPut(Object.entries(p).map(([key, value]) => ({ key, value })));
    changed(ctx);
    return ok(await readSettings(ctx.db));
  },

  async getUiStrings(p, ctx) {
    const settings = await readSettings(ctx.db);
    const strings = await uiStrings(settings.language, ctx.uiLanguage(), ctx.loadTable);
    const prefixes = p.prefixes;
    if (!prefixes) return ok(strings);
    const table = Object.fromEntries(
      Object.entries(strings.table).filter(([key]) => prefixes.some((pre) => key.startsWith(pre))),
    );
    return ok({ ...strings, table });
  },

  async getPageSummaries(p, ctx) {
    const rc = ruleContext(ctx);
    const settings = await readSettings(ctx.db);
    const { t } = await translatorFor(settings.language, ctx.uiLanguage(), ctx.loadTable);
    const orders: Record<string, PageSummary> = {};
    for (const facts of await loadFactsFor(ctx.db, p.orderIds)) {
      const a = assessOrder(facts, rc);
      const alert = a.alerts[0] ?? null;
      orders[facts.order.id] = {
        orderId: facts.order.id,
        group: a.group,
        statusText: facts.order.statusText ?? null,
        nextDeadline: a.nextDeadline,
        alert,
        texts: {
          deadline: a.nextDeadline ? t(`deadline_${a.nextDeadline.kind}`) : null,
          title: alert ? t(`alert_${alert.kind}_title`, alert.values) : null,
          action: alert ? t(`alert_${alert.kind}_action`, alert.values) : null,
          why: alert ? t(`alert_${alert.kind}_why`, alert.values) : null,
        },
      };
    }
    return ok({ orders });
  },

  async openChecklist(p, ctx) {
    await ctx.openTab(`popup.html?order=${p.orderId}#checklist`);
    return ok({});
  },

  async exportCsv(_p, ctx) {
    const rc = ruleContext(ctx);
    const facts = await loadAllFacts(ctx.db);
    facts.sort((a, b) => (a.order.id < b.order.id ? -1 : 1));
    const { csv, lines } = ordersToCsv(facts.map((f) => ({ facts: f, assessment: assessOrder(f, rc) })));
    const fileName = backupFileName(rc.now, rc.zone).replace('backup', 'orders').replace('.json', '.csv');
    return ok({ csv, fileName, lines });
  },

  async markRefundArrived(p, ctx) {
    const updated = await ctx.db.refunds.update(p.refundId, { arrivedOn: p.arrivedOn });
    if (!updated) return { ok: false, error: 'no such refund' };
    changed(ctx);
    return ok({});
  },

  async getOpenOrderIds(_p, ctx) {
    const rc = ruleContext(ctx);
    const [facts, settings] = await Promise.all([loadAllFacts(ctx.db), readSettings(ctx.db)]);
    const rank = { act_now: 0, watch: 1, settled: 2 } as const;
    const open = facts
      .map((f) => ({ id: f.order.id, group: f.order.status ? assessOrder(f, rc).group : 'watch' }))
      .filter((o) => o.group !== 'settled')
      // The most urgent first, so a run stopped early has done those.
      .sort((a, b) => rank[a.group] - rank[b.group] || (a.id < b.id ? 1 : -1));
    return ok({
      orderIds: open.map((o) => o.id).slice(0, 2000),
      pauseMs: Math.max(500, settings.refreshPauseMs),
    });
  },

  async anonymisedSample(p, ctx) {
    const samples = await listSamples(ctx.db);
    const id = SAMPLE_IDS.find((x): x is SampleId => x === p.id);
    const kept = id ? await getSample(ctx.db, id) : null;
    if (!kept) return ok({ samples, file: null });
    // A new secret offset per file: ids cannot be matched across files or undone from one.
    const words = crypto.getRandomValues(new Uint32Array(2));
    const seed = (BigInt(words[0] ?? 1) << 32n) | BigInt(words[1] ?? 1);
    const file = buildSampleFile({
      api: kept.api,
      problem: kept.problem,
      seenAt: kept.at,
      body: kept.body,
      extensionVersion: ctx.extensionVersion?.() ?? 'unknown',
      seed,
    });
    return ok({ samples, file });
  },

  async wipeAll(_p, ctx) {
    const { db } = ctx;
    await db.transaction('rw', db.allTables, async () => {
      await Promise.all(db.allTables.map((t) => t.clear()));
    });
    changed(ctx);
    return ok({});
  },
};
