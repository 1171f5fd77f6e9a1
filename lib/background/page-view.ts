/**
 * What AliExpress pages show: the in-page badges' and banners' view of their orders, with the
 * page's strings, worded in the buyer's language and zone by the worker.
 */
import { formatCountdown, formatDay, formatInstant } from '../format';
import type { UiStrings } from '../i18n';
import { translatorFor, uiStrings } from '../i18n-tables';
import { parseHidden } from '../protocol/hidden-warnings';
import type { PageSummary } from '../protocol/messages';
import { HIDDEN_KEY, PROGRESS_KEY } from '../protocol/storage-keys';
import { stepAction } from '../rules';
import type { Settings } from '../schema/settings';
import { readSettings } from '../store/settings';
import { type HandlerContext, type HandlersOf, ok, snapshotOf } from './handler-kit';

/** Only the keys with one of `prefixes` (a page needs a few; the popup asks for all). */
export function withPrefixes(strings: UiStrings, prefixes: readonly string[] | undefined): UiStrings {
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

export const pageViewHandlers: HandlersOf<'getPageSummaries' | 'getPageStart'> = {
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
};
