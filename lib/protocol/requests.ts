/**
 * Run-time request schemas of the message protocol (lib/protocol/messages.ts), used by the background
 * to parse every incoming message before acting on it.
 */
import * as v from 'valibot';
import { MAX_CARDS, MAX_LINES, MAX_TEXT, MAX_TEXTS } from '../aliexpress/dom-list-extract';
import { CAPTURED_APIS } from '../schema/model';
import { ObservationsSchema, OrderIdSchema, SourceSchema, UrlSchema } from '../schema/observations';
import { SettingsPatchSchema } from '../schema/settings';

/** A text taken from a page as it shows it (lib/aliexpress/dom-list-extract.ts cuts it). */
const PageText = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const PageTexts = v.pipe(v.array(PageText), v.maxLength(MAX_TEXTS));

export const REQUESTS = {
  /** A content script read a page or a captured body. */
  saveObservations: v.object({
    source: SourceSchema,
    kind: v.picklist(['json', 'dom']),
    url: UrlSchema,
    observations: ObservationsSchema,
  }),
  /**
   * A captured API response, raw: the background reads it (lib/aliexpress/read-captured.ts), so
   * content scripts stay small. The handler refuses a body over `MAX_CAPTURE_CHARS` and records a
   * diagnostic, which a schema refusal could not do.
   */
  saveCapture: v.object({
    api: v.picklist(CAPTURED_APIS),
    url: UrlSchema,
    body: v.string(),
    lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
  }),
  /**
   * Before a captured body is sent: the digest (lib/protocol/body-digest.ts) of the body the
   * worker last read for this same reading that changed nothing, if nothing was written since
   * (lib/background/page-known.ts). The page hashes its body only when one comes back and does
   * not send it only on an exact match; a null costs one small message more and no hashing.
   */
  captureKnown: v.object({
    api: v.picklist(CAPTURED_APIS),
    url: UrlSchema,
    lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
  }),
  /**
   * The order list's cards as texts, when its JSON was not seen: the worker reads them
   * (lib/aliexpress/read-dom-order-list.ts `readOrderListTexts`), so the page carries no parser.
   * What it reads must then pass `ObservationsSchema`, like a captured body's reading.
   */
  saveDomList: v.object({
    url: UrlSchema,
    lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
    cards: v.pipe(
      v.array(
        v.object({
          id: OrderIdSchema,
          status: PageText,
          dates: PageTexts,
          store: PageText,
          storeUrl: v.nullable(PageText),
          total: PageText,
          lines: v.pipe(
            v.array(
              v.object({
                productId: v.nullable(v.pipe(v.string(), v.regex(/^\d{1,30}$/))),
                title: PageText,
                variant: PageText,
                quantity: PageText,
                price: PageText,
                image: v.nullable(PageText),
              }),
            ),
            v.maxLength(MAX_LINES),
          ),
          tags: PageTexts,
        }),
      ),
      v.minLength(1),
      v.maxLength(MAX_CARDS),
    ),
  }),
  /** A content script could not read a page or body. */
  reportUnreadable: v.object({
    source: v.pipe(v.string(), v.maxLength(80)),
    url: UrlSchema,
    problem: v.pipe(v.string(), v.maxLength(500)),
  }),
  /** The popup's orders, a page per group; `query` searches every order. */
  getDashboard: v.object({
    query: v.optional(v.pipe(v.string(), v.maxLength(100))),
    limits: v.optional(
      v.partial(
        v.object({
          act_now: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
          watch: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
          settled: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
        }),
      ),
    ),
    focus: v.optional(OrderIdSchema),
  }),
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
  /** The chosen language's texts, for pages and content scripts. */
  getUiStrings: v.object({
    /** Only the keys with these prefixes (a page needs a few; the popup asks for all). */
    prefixes: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(20))),
    /**
     * The asking page's `navigator.language` (the browser's language), used when the buyer left
     * the language on "auto": a worker woken at a browser's first start may not know it yet.
     */
    language: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/))),
  }),
  /** What the in-page badges and banners show for the orders on a page. */
  getPageSummaries: v.object({ orderIds: v.pipe(v.array(OrderIdSchema), v.maxLength(200)) }),
  /**
   * An AliExpress page's one request before its first badge or banner: the page's strings
   * (`getUiStrings`), the warnings the buyer hid, and the summaries of the orders in view.
   */
  getPageStart: v.object({
    prefixes: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(20)),
    orderIds: v.pipe(v.array(OrderIdSchema), v.maxLength(200)),
    /** With what a stopped "Refresh open orders" run left (the order list's panel). */
    progress: v.optional(v.boolean()),
  }),
  /** Opens the popup page at one order's evidence checklist, in a tab. */
  openChecklist: v.object({ orderId: OrderIdSchema }),
  exportCsv: v.object({}),
  /** The open steps as an iCalendar file (lib/background/ics.ts). */
  exportCalendar: v.object({}),
  /** The buyer says a refund reached their account (stops the ARN follow-up). */
  markRefundArrived: v.object({
    refundId: v.pipe(v.string(), v.maxLength(40)),
    arrivedOn: v.nullable(v.pipe(v.string(), v.isoDate())),
  }),
  /**
   * The buyer says an order's parcel reached them ("I received it"), or takes it back (null).
   * Their own fact (lib/schema/model.ts `OrderRecord.receivedOn`).
   */
  markOrderReceived: v.object({
    orderId: OrderIdSchema,
    receivedOn: v.nullable(v.pipe(v.string(), v.isoDate())),
  }),
  /**
   * "Snooze until…": hides one warning (its alert id, at the severity it has) until `until`
   * (lib/rules/snooze.ts), or wakes it (null).
   */
  snoozeAlert: v.object({
    orderId: OrderIdSchema,
    alertId: v.pipe(v.string(), v.maxLength(120)),
    severity: v.picklist(['urgent', 'soon', 'info']),
    until: v.nullable(v.pipe(v.string(), v.isoDate())),
  }),
  /** The order list's "Refresh open orders" asks which orders to bring up to date. */
  getOpenOrderIds: v.object({}),
  /**
   * The bodies kept for samples (lib/store/samples.ts) and, with `id`, that one anonymised as a
   * file for the buyer to save (lib/aliexpress/anonymise.ts; docs/contributing-samples.md).
   */
  anonymisedSample: v.object({ id: v.optional(v.pipe(v.string(), v.regex(/^sample:\d$/))) }),
} as const;

/** Parses an incoming message; `null` means it is not one of ours or not well formed. */
export type MessageType = keyof typeof REQUESTS;
export type RequestOf<T extends MessageType> = v.InferOutput<(typeof REQUESTS)[T]>;

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

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
