/**
 * What every message handler shares: the context the worker gives them, who sent the message,
 * and the few steps every handler module takes the same way (an answer, a change, a diagnostic,
 * the snapshot). The handlers themselves: lib/background/handlers.ts (our own pages),
 * page-readings.ts (what AliExpress pages send) and page-view.ts (what they show).
 */
import type { TableLoader } from '../i18n-tables';
import type { MessageType, RequestOf, Responses, Result } from '../protocol/messages';
import type { RuleContext } from '../rules';
import type { Settings } from '../schema/settings';
import type { BuyerShieldDb } from '../store/db';
import { recordDiagnostic } from '../store/diagnostics';
import { getSnapshot, invalidateSnapshot, type Snapshot } from './snapshot';

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

/** Stored data changed: the cached snapshot is stale, and reminders need working out again. */
export function changed(ctx: HandlerContext): void {
  invalidateSnapshot(ctx.db);
  ctx.onDataChanged();
}

/** Records that a page or body could not be read: one row per source and problem. */
export function diagnose(
  ctx: HandlerContext,
  p: { source: string; url: string; problem: string },
): Promise<void> {
  return recordDiagnostic(ctx.db, { ...p, at: ctx.now().toISOString() });
}

/** Who sent the message: `page` names one load of one AliExpress page (null for our own pages). */
export interface From {
  page: string | null;
}

export type Handlers = {
  [T in MessageType]: (
    payload: RequestOf<T>,
    ctx: HandlerContext,
    from: From,
  ) => Promise<Result<Responses[T]>>;
};

/** The handlers of some of the messages (each module holds its own). */
export type HandlersOf<K extends MessageType> = Pick<Handlers, K>;

export function ruleContext(ctx: HandlerContext): RuleContext {
  return { now: ctx.now(), zone: ctx.zone() };
}

/** Every order assessed, shared with recompute and the popup (lib/background/snapshot.ts). */
export function snapshotOf(ctx: HandlerContext, settings: Settings, now = ctx.now()): Promise<Snapshot> {
  return getSnapshot(
    ctx.db,
    now,
    ctx.zone(),
    settings.leadTimesMinutes.map((m) => m * 60_000),
  );
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
