/**
 * What the background does for each message of our own pages (popup, options, welcome), and the
 * one table of every handler: AliExpress pages' messages are in page-readings.ts and
 * page-view.ts, what all of them share in handler-kit.ts. Every request was parsed by its
 * schema before it gets here (lib/protocol/requests.ts); these functions hold the behaviour,
 * `handleMessage` (lib/background/messaging.ts) the sender check and the parsing. Stored data is
 * reached only through lib/store/.
 */
import { buildSampleFile } from '../aliexpress/anonymise';
import { tableFor, translatorFor, uiStrings } from '../i18n-tables';
import type { Settings } from '../schema/settings';
import { backupFileName, exportBackup, importBackup } from '../store/backup';
import { recentDiagnostics } from '../store/diagnostics';
import {
  deleteEverything,
  loadChecklistDone,
  saveChecklistTick,
  setOrderReceived,
  setRefundArrived,
  setSnooze,
} from '../store/queries';
import { getSample, listSamples, SAMPLE_IDS, type SampleId } from '../store/samples';
import { readSettings, writeSettings } from '../store/settings';
import { readSummary } from '../store/summaries';
import { ordersToCsv } from './csv';
import { buildDashboard, dashboardFromSummary } from './dashboard';
import { changed, type HandlerContext, type Handlers, ok, ruleContext, snapshotOf } from './handler-kit';
import { calendarEvents, calendarFile } from './ics';
import { readingHandlers } from './page-readings';
import { pageViewHandlers, withPrefixes } from './page-view';
import { hasSnapshot } from './snapshot';

export type { From, HandlerContext } from './handler-kit';

/**
 * Builds the snapshot a little after the popup got its first page from the kept summary, so a
 * search or "Show more" finds it ready, without holding up the popup's other first messages.
 */
export const WARM_SNAPSHOT_DELAY_MS = 1000;

function warmSnapshot(ctx: HandlerContext, settings: Settings): void {
  setTimeout(() => {
    snapshotOf(ctx, settings).catch(() => {
      // Only a head start: the next message that needs the snapshot builds it (or reports).
    });
  }, WARM_SNAPSHOT_DELAY_MS);
}

export const handlers: Handlers = {
  ...readingHandlers,
  ...pageViewHandlers,

  async getDashboard(p, ctx) {
    const now = ctx.now();
    const zone = ctx.zone();
    // A cold worker (no snapshot in memory): the first page kept at the last recompute, if it
    // still holds, answers at once instead of reading and assessing every order (issue 16); the
    // snapshot, which a search or "Show more" needs, is built behind it. Read together with the
    // settings; a settings write in between changes the data version (lib/store/summaries.ts).
    const cold = !hasSnapshot(ctx.db) && !p.query?.trim();
    const [settings, kept, done, diagnostics] = await Promise.all([
      readSettings(ctx.db),
      cold ? readSummary(ctx.db) : null,
      loadChecklistDone(ctx.db),
      recentDiagnostics(ctx.db, 50),
    ]);
    const leads = settings.leadTimesMinutes.map((m) => m * 60_000);
    const fast = kept === null ? null : dashboardFromSummary(kept, done, diagnostics, now, zone, leads, p);
    if (fast) {
      warmSnapshot(ctx, settings);
      return ok(fast);
    }
    const snap = await snapshotOf(ctx, settings, now);
    return ok(buildDashboard(snap, done, diagnostics, now, p));
  },

  async exportBackup(_p, ctx) {
    const rc = ruleContext(ctx);
    // The file's checklist labels stay in English, whatever the buyer's language.
    const [settings, english] = await Promise.all([readSettings(ctx.db), tableFor('en', ctx.loadTable)]);
    const file = await exportBackup(ctx.db, rc, settings, english);
    return ok({
      json: JSON.stringify(file, null, 2),
      fileName: backupFileName(rc.now, rc.zone),
      orders: file.orders.length,
    });
  },

  async importBackup(p, ctx) {
    const result = await importBackup(ctx.db, p.text, ctx.now());
    if (!result.ok) {
      // Said in the buyer's words; the parser's own message stays as the folded detail.
      const settings = await readSettings(ctx.db);
      const { t } = await translatorFor(settings.language, ctx.uiLanguage(), ctx.loadTable);
      const { code, values } = result.problem;
      return {
        ok: false,
        error: `${t(`import_error_${code}`, values)} ${t('import_nothing')}`,
        detail: result.error,
      };
    }
    changed(ctx);
    return ok({ orders: result.orders });
  },

  async setChecklistItem(p, ctx) {
    await saveChecklistTick(ctx.db, { ...p, at: ctx.now().toISOString() });
    return ok({});
  },

  async getSettings(_p, ctx) {
    return ok(await readSettings(ctx.db));
  },

  async saveSettings(p, ctx) {
    await writeSettings(ctx.db, p);
    changed(ctx);
    return ok(await readSettings(ctx.db));
  },

  async getUiStrings(p, ctx) {
    const settings = await readSettings(ctx.db);
    const strings = await uiStrings(settings.language, p.language ?? ctx.uiLanguage(), ctx.loadTable);
    return ok(withPrefixes(strings, p.prefixes));
  },

  async openChecklist(p, ctx) {
    await ctx.openTab(`popup.html?order=${p.orderId}#checklist`);
    return ok({});
  },

  async exportCsv(_p, ctx) {
    const rc = ruleContext(ctx);
    const settings = await readSettings(ctx.db);
    const [{ t, locale }, snap] = await Promise.all([
      translatorFor(settings.language, ctx.uiLanguage(), ctx.loadTable),
      snapshotOf(ctx, settings, rc.now),
    ]);
    const rows = snap.facts.flatMap((f, i) => {
      const assessment = snap.assessments[i];
      return assessment ? [{ facts: f, assessment }] : [];
    });
    rows.sort((a, b) => (a.facts.order.id < b.facts.order.id ? -1 : 1));
    const { csv, lines } = ordersToCsv(rows, { t, locale, zone: rc.zone });
    const fileName = backupFileName(rc.now, rc.zone).replace('backup', 'orders').replace('.json', '.csv');
    return ok({ csv, fileName, lines });
  },

  async exportCalendar(_p, ctx) {
    const rc = ruleContext(ctx);
    const settings = await readSettings(ctx.db);
    const [{ t }, snap] = await Promise.all([
      translatorFor(settings.language, ctx.uiLanguage(), ctx.loadTable),
      snapshotOf(ctx, settings, rc.now),
    ]);
    const orders = snap.facts.flatMap((facts, i) => {
      const assessment = snap.assessments[i];
      return assessment ? [{ facts, assessment }] : [];
    });
    const events = calendarEvents(orders, t);
    const ics = calendarFile(events, settings.leadTimesMinutes, rc.now);
    const fileName = backupFileName(rc.now, rc.zone).replace('backup', 'deadlines').replace('.json', '.ics');
    return ok({ ics, fileName, events: events.filter((e) => e.at > rc.now).length });
  },

  async markRefundArrived(p, ctx) {
    if (!(await setRefundArrived(ctx.db, p.refundId, p.arrivedOn)))
      return { ok: false, error: 'no such refund' };
    changed(ctx);
    return ok({});
  },

  async markOrderReceived(p, ctx) {
    if (!(await setOrderReceived(ctx.db, p.orderId, p.receivedOn)))
      return { ok: false, error: 'no such order' };
    changed(ctx);
    return ok({});
  },

  async snoozeAlert(p, ctx) {
    const snooze = { alertId: p.alertId, severity: p.severity, until: p.until ?? '' };
    if (!(await setSnooze(ctx.db, p.orderId, snooze, p.until))) return { ok: false, error: 'no such order' };
    changed(ctx);
    return ok({});
  },

  async getOpenOrderIds(_p, ctx) {
    const settings = await readSettings(ctx.db);
    const snap = await snapshotOf(ctx, settings);
    const rank = { act_now: 0, watch: 1, settled: 2 } as const;
    // Only orders whose detail or tracking can still change: a completed, closed or cancelled
    // order's pages say nothing new (its refunds and disputes come from the refund pages).
    const FINAL = new Set(['completed', 'closed', 'cancelled']);
    const open = snap.facts
      .map((f, i) => ({
        id: f.order.id,
        final: FINAL.has(f.order.status ?? 'unknown'),
        group: f.order.status ? (snap.assessments[i]?.group ?? 'watch') : 'watch',
      }))
      .filter((o) => o.group !== 'settled' && !o.final)
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
    await deleteEverything(ctx.db);
    changed(ctx);
    return ok({});
  },
};
