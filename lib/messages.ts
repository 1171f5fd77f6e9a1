/**
 * The one message protocol between content scripts, popup, options and the background.
 * Each message has a request schema (checked at run time by the background, since a content
 * script relays what a web page produced) and a response type (checked by the compiler).
 * Expected failures come back as `{ ok: false, error }`, never as thrown errors.
 */
import * as v from 'valibot';
import type { OrderFacts } from './model';
import type { Assessment } from './rules';
import { ObservationsSchema, OrderIdSchema, SourceSchema, UrlSchema } from './schemas';
import { type Settings, SettingsPatchSchema } from './settings';
import type { Diagnostic } from './store/db';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One order as the popup shows it. */
export interface OrderView {
  facts: OrderFacts;
  assessment: Assessment;
  /** Checklist items the buyer has ticked. */
  done: string[];
}

export interface Dashboard {
  orders: OrderView[];
  diagnostics: Diagnostic[];
  now: string;
}

export const REQUESTS = {
  /** A content script read a page or a captured body. */
  saveObservations: v.object({
    source: SourceSchema,
    kind: v.picklist(['json', 'dom']),
    url: UrlSchema,
    observations: ObservationsSchema,
  }),
  /** A content script could not read a page or body. */
  reportUnreadable: v.object({
    source: v.pipe(v.string(), v.maxLength(80)),
    url: UrlSchema,
    problem: v.pipe(v.string(), v.maxLength(500)),
  }),
  getDashboard: v.object({}),
  exportBackup: v.object({}),
  importBackup: v.object({ text: v.string() }),
  setChecklistItem: v.object({
    orderId: OrderIdSchema,
    itemId: v.pipe(v.string(), v.regex(/^[\w.-]{1,60}$/)),
    done: v.boolean(),
  }),
  getSettings: v.object({}),
  saveSettings: SettingsPatchSchema,
  wipeAll: v.object({ confirm: v.literal('wipe') }),
} as const;

export interface Responses {
  saveObservations: { written: number };
  reportUnreadable: Record<string, never>;
  getDashboard: Dashboard;
  exportBackup: { json: string; fileName: string; orders: number };
  importBackup: { orders: number };
  setChecklistItem: Record<string, never>;
  getSettings: Settings;
  saveSettings: Settings;
  wipeAll: Record<string, never>;
}

export type MessageType = keyof typeof REQUESTS;
export type RequestOf<T extends MessageType> = v.InferOutput<(typeof REQUESTS)[T]>;

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** Parses an incoming message; `null` means it is not one of ours or not well formed. */
export function parseMessage(raw: unknown): { ok: true; message: Envelope } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'not a message' };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) {
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
  const schema = REQUESTS[type as MessageType];
  const parsed = v.safeParse(schema, payload);
  if (!parsed.success) {
    const first = parsed.issues[0];
    const where = first ? (v.getDotPath(first) ?? 'payload') : 'payload';
    return { ok: false, error: `invalid ${type}: ${where}: ${first?.message ?? 'malformed'}` };
  }
  return { ok: true, message: { type: type as MessageType, payload: parsed.output } };
}

type Send = (message: unknown) => Promise<unknown>;

/** Sends one message and returns its typed result; a dead background becomes an error result. */
export async function send<T extends MessageType>(
  runtimeSend: Send,
  type: T,
  payload: RequestOf<T>,
): Promise<Result<Responses[T]>> {
  try {
    const answer = (await runtimeSend({ type, payload })) as Result<Responses[T]> | undefined;
    return answer ?? { ok: false, error: 'no answer from the background' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
