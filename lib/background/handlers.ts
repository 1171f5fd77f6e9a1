/**
 * What the background does for each message. Every request was parsed by its schema before it
 * gets here (lib/protocol/requests.ts); these functions hold the behaviour, `handleMessage`
 * (lib/background/messaging.ts) the sender check and the parsing. Stored data is reached only
 * through lib/store/.
 */
import * as v from 'valibot';
import { buildSampleFile, missingPart, worthASample } from '../aliexpress/anonymise';
import { readCapturedBody } from '../aliexpress/read-captured';
import { readOrderListTexts } from '../aliexpress/read-dom-order-list';
import { conformed, guarded } from '../aliexpress/result';
import { formatCountdown, formatDay, formatInstant } from '../format';
import type { UiStrings } from '../i18n';
import { type TableLoader, translatorFor, uiStrings } from '../i18n-tables';
import { parseHidden } from '../protocol/hidden-warnings';
import { LIMITS, MAX_CAPTURE_CHARS } from '../protocol/limits';
import type { MessageType, PageSummary, RequestOf, Responses, Result } from '../protocol/messages';
import { HIDDEN_KEY, PROGRESS_KEY } from '../protocol/storage-keys';
import { type RuleContext, stepAction } from '../rules';
import { safeUrl } from '../safe-url';
import type { FieldSource, Observations } from '../schema/model';
import { describeIssues, ObservationsSchema } from '../schema/observations';
import type { Settings } from '../schema/settings';
import { applyObservations } from '../store/apply';
import { backupFileName, exportBackup, importBackup } from '../store/backup';
import type { BuyerShieldDb } from '../store/db';
import { recentDiagnostics, recordDiagnostic } from '../store/diagnostics';
import {
  deleteEverything,
  loadChecklistDone,
  saveChecklistTick,
  setOrderReceived,
  setRefundArrived,
  setSnooze,
} from '../store/queries';
import { getSample, keepSample, listSamples, SAMPLE_IDS, type SampleId } from '../store/samples';
import { readSettings, writeSettings } from '../store/settings';
import { readSummary } from '../store/summaries';
import { ordersToCsv } from './csv';
import { buildDashboard, dashboardFromSummary } from './dashboard';
import { calendarEvents, calendarFile } from './ics';
import { getSnapshot, hasSnapshot, invalidateSnapshot, type Snapshot } from './snapshot';

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
  /** A `storage.local` value as stored (the pages' hidden warnings, a refresh run's progress). */
  readLocal?: (key: string) => Promise<unknown>;
}

/** Only the keys with one of `prefixes` (a page needs a few; the popup asks for all). */
function withPrefixes(strings: UiStrings, prefixes: readonly string[] | undefined): UiStrings {
  if (!prefixes) return strings;
  const table = Object.fromEntries(
    Object.entries(strings.table).filter(([key]) => prefixes.some((pre) => key.startsWith(pre))),
  );
  return { ...strings, table };
}

/**
 * The in-page badges' and banners' view of `ids`, worded in the buyer's language and zone (dates,
 * countdown): the page builds no Intl object (BENCHMARKS.md section 5).
 */
async function pageSummaries(
  ids: readonly string[],
  settings: Settings,
  ctx: HandlerContext,
): Promise<Record<string, PageSummary>> {
  const orders: Record<string, PageSummary> = {};
  if (!ids.length) return orders;
  const [{ t, locale }, snap] = await Promise.all([
    translatorFor(settings.language, ctx.uiLanguage(), ctx.loadTable),
    snapshotOf(ctx, settings),
  ]);
  const now = ctx.now();
  for (const id of ids) {
    const i = snap.byId.get(id);
    const facts = i === undefined ? undefined : snap.facts[i];
    const a = i === undefined ? undefined : snap.assessments[i];
    if (!facts || !a) continue;
    const alert = a.headline;
    orders[facts.order.id] = {
      orderId: facts.order.id,
      group: a.group,
      statusText: facts.order.statusText ?? null,
      nextDeadline: a.nextDeadline,
      alert,
      action: alert ? stepAction(alert, a.lines, facts.disputes) : null,
      item: facts.order.lines?.[0]?.title ?? null,
      texts: {
        deadline: a.nextDeadline ? t(`deadline_${a.nextDeadline.kind}`) : null,
        at: a.nextDeadline ? formatInstant(a.nextDeadline.at, locale, ctx.zone()) : null,
        day: a.nextDeadline ? formatDay(a.nextDeadline.at, locale, ctx.zone()) : null,
        countdown: a.nextDeadline ? formatCountdown(a.nextDeadline.at, now, locale) : null,
        title: alert ? t(`alert_${alert.kind}_title`, alert.values) : null,
        action: alert ? t(`alert_${alert.kind}_action`, alert.values) : null,
        why: alert ? t(`alert_${alert.kind}_why`, alert.values) : null,
      },
    };
  }
  return orders;
}

function ruleContext(ctx: HandlerContext): RuleContext {
  return { now: ctx.now(), zone: ctx.zone() };
}

/** Every order assessed, shared with recompute and the popup (lib/background/snapshot.ts). */
function snapshotOf(ctx: HandlerContext, settings: Settings, now = ctx.now()): Promise<Snapshot> {
  return getSnapshot(
    ctx.db,
    now,
    ctx.zone(),
    settings.leadTimesMinutes.map((m) => m * 60_000),
  );
}

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

/** Stored data changed: the cached snapshot is stale, and reminders need working out again. */
function changed(ctx: HandlerContext): void {
  invalidateSnapshot(ctx.db);
  ctx.onDataChanged();
}

/** Records that a page or body could not be read: one row per source and problem. */
function diagnose(ctx: HandlerContext, p: { source: string; url: string; problem: string }): Promise<void> {
  return recordDiagnostic(ctx.db, { ...p, at: ctx.now().toISOString() });
}

/** Who sent the message: `page` names one load of one AliExpress page (null for our own pages). */
export interface From {
  page: string | null;
}

type Handlers = {
  [T in MessageType]: (
    payload: RequestOf<T>,
    ctx: HandlerContext,
    from: From,
  ) => Promise<Result<Responses[T]>>;
};

/**
 * New orders each page load has added (LIMITS.newOrdersPerPage): a page that invents thousands
 * of orders is refused past what a real page lists. Kept for the last few page loads only; a
 * restarted worker starts again, which still bounds a flood to one budget per worker start.
 */
const newOrdersByPage = new Map<string, number>();
const PAGES_REMEMBERED = 50;

/**
 * New orders of each page load held by readings not yet committed. A list page sends its
 * bodies at once, so a reading's budget is worked out before the readings ahead of it have
 * committed: without this, bodies sent together each got the whole budget of 5,000.
 */
const heldByPage = new Map<string, number>();

function budgetOf(from: From): number {
  if (from.page === null) return Number.POSITIVE_INFINITY;
  const used = (newOrdersByPage.get(from.page) ?? 0) + (heldByPage.get(from.page) ?? 0);
  return Math.max(0, LIMITS.newOrdersPerPage - used);
}

function hold(from: From, n: number): void {
  if (from.page === null || n === 0) return;
  const left = (heldByPage.get(from.page) ?? 0) + n;
  if (left > 0) heldByPage.set(from.page, left);
  else heldByPage.delete(from.page);
}

function spend(from: From, added: number): void {
  if (from.page === null || added === 0) return;
  const total = (newOrdersByPage.get(from.page) ?? 0) + added;
  newOrdersByPage.delete(from.page);
  newOrdersByPage.set(from.page, total);
  if (newOrdersByPage.size > PAGES_REMEMBERED) {
    const oldest = newOrdersByPage.keys().next().value;
    if (oldest !== undefined) newOrdersByPage.delete(oldest);
  }
}

/**
 * Merges one page reading within the page load's budget of new orders, and says in a
 * diagnostic what it refused (never silent).
 */
async function savePageReading(
  ctx: HandlerContext,
  from: From,
  observations: Observations,
  source: FieldSource,
  url: string,
): Promise<number> {
  // Inside its transaction the reading knows how many of its orders are new: those it may add
  // are held until it is committed, then spent. Readings of known orders hold nothing.
  let held = 0;
  const allow = (fresh: number) => {
    held = Math.min(fresh, budgetOf(from));
    hold(from, held);
    return held;
  };
  let result: Awaited<ReturnType<typeof applyObservations>>;
  try {
    result = await applyObservations(ctx.db, observations, source, { maxNewOrders: allow });
  } finally {
    hold(from, -held);
  }
  spend(from, result.newOrders);
  const { future, overBudget } = result.refused;
  if (future > 0) {
    const problem = `${future} record(s) dated after the moment they were read were refused`;
    await diagnose(ctx, { source: source.source, url: safeUrl(url), problem });
  }
  if (overBudget > 0) {
    const problem = `more than ${LIMITS.newOrdersPerPage} new orders from one page load; ${overBudget} refused`;
    await diagnose(ctx, { source: source.source, url: safeUrl(url), problem });
  }
  if (result.written > 0) changed(ctx);
  return result.written;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const handlers: Handlers = {
  async saveObservations(p, ctx, from) {
    const at = ctx.now().toISOString();
    const source = { source: p.source, kind: p.kind, at };
    return ok({ written: await savePageReading(ctx, from, p.observations, source, p.url) });
  },

  async saveCapture(p, ctx, from) {
    const at = ctx.now().toISOString();
    // The trust boundary's one size check (lib/protocol/limits.ts): refused unread, and said so.
    if (p.body.length > MAX_CAPTURE_CHARS) {
      const problem = `a response larger than ${MAX_CAPTURE_CHARS / 1024 / 1024} MB was refused unread`;
      await diagnose(ctx, { source: p.api, url: safeUrl(p.url), problem });
      return ok({ written: 0, problem });
    }
    const read = readCapturedBody(p.api, p.body, { seenAt: at, lang: p.lang, requestUrl: p.url });
    // A reader's output is page data too: it must pass the same schema as any message.
    const checked = read.ok ? v.safeParse(ObservationsSchema, read.observations) : null;
    const problem = !read.ok
      ? read.failure.problem
      : checked && !checked.success
        ? `unexpected values (${describeIssues(checked.issues)})`
        : null;
    if (problem !== null || !checked?.success) {
      await diagnose(ctx, { source: p.api, url: safeUrl(p.url), problem: problem ?? 'unreadable' });
      if (worthASample(p.body))
        await keepSample(ctx.db, { api: p.api, problem: problem ?? 'unreadable', at, body: p.body });
      return ok({ written: 0, problem });
    }
    // Read, but without a part we look for and have never seen for real: worth a sample too.
    const missing = missingPart(p.api, checked.output);
    if (missing !== null) await keepSample(ctx.db, { api: p.api, problem: missing, at, body: p.body });
    const source = { source: p.api, kind: 'json' as const, at };
    return ok({ written: await savePageReading(ctx, from, checked.output, source, p.url), problem: null });
  },

  async saveDomList(p, ctx, from) {
    const at = ctx.now().toISOString();
    const readTexts = guarded('order_list', readOrderListTexts);
    const read = conformed(readTexts(p.cards, { seenAt: at, lang: p.lang }));
    // The reading is page data too: it must pass the same schema as any message.
    const checked = read.ok ? v.safeParse(ObservationsSchema, read.observations) : null;
    if (!checked?.success) {
      const problem = !read.ok
        ? read.failure.problem
        : `unexpected values (${checked ? describeIssues(checked.issues) : 'unreadable'})`;
      await diagnose(ctx, { source: 'order_list', url: safeUrl(p.url), problem });
      return ok({ written: 0, problem });
    }
    const source = { source: 'order_list' as const, kind: 'dom' as const, at };
    return ok({ written: await savePageReading(ctx, from, checked.output, source, p.url), problem: null });
  },

  async reportUnreadable(p, ctx) {
    await diagnose(ctx, p);
    return ok({});
  },

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
    const file = await exportBackup(ctx.db, rc, await readSettings(ctx.db));
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

  async getPageSummaries(p, ctx) {
    const settings = await readSettings(ctx.db);
    return ok({ orders: await pageSummaries(p.orderIds, settings, ctx) });
  },

  /**
   * Everything an AliExpress page needs to show its first badges or banner, in one answer:
   * each `runtime.sendMessage` or `storage.local` call costs the page a few ms (BENCHMARKS.md
   * section 5); it used to make four (strings, summaries, the hidden warnings and the refresh
   * panel's progress) before the first badge.
   */
  async getPageStart(p, ctx) {
    const settings = await readSettings(ctx.db);
    const local = (key: string) => ctx.readLocal?.(key).catch(() => undefined);
    const [strings, orders, hidden, progress] = await Promise.all([
      uiStrings(settings.language, ctx.uiLanguage(), ctx.loadTable),
      pageSummaries(p.orderIds, settings, ctx),
      local(HIDDEN_KEY),
      p.progress ? local(PROGRESS_KEY) : undefined,
    ]);
    return ok({
      strings: withPrefixes(strings, p.prefixes),
      orders,
      hidden: parseHidden(hidden),
      // Shape-checked by the page (lib/content/refresh-run.ts parseProgress), as it was read there.
      ...(p.progress ? { progress: progress ?? null } : {}),
    });
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
