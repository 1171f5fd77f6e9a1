/**
 * The one message protocol between content scripts, popup, options and the background.
 * Each message has a request schema (lib/protocol/requests.ts, checked at run time by the
 * background, since a content script relays what a web page produced) and a response type
 * (checked by the compiler). This module holds no run-time schema code, so content scripts
 * that only send stay small: with the schemas in this file, each content script grew by about
 * 2.3 KB gzip (tried; the bundler keeps the schema object), so the protocol is these two files
 * in one folder.
 * Expected failures come back as `{ ok: false, error }`, never as thrown errors.
 */
import type { SampleFile } from '../aliexpress/anonymise';
import type { RefundView } from '../background/views';
import type { UiStrings } from '../i18n';
import type { Alert, Assessment, Deadline, StepAction } from '../rules';
import type { Money, OrderFacts } from '../schema/model';
import type { Settings } from '../schema/settings';
import type { Diagnostic } from '../store/db';
import type { SampleSummary } from '../store/samples';
import type { MessageType, RequestOf } from './requests';

/**
 * `error` is in the buyer's language where the buyer reads it; `detail` is the technical
 * reason, shown folded away for a bug report. `retry` marks a failure of delivery (the worker
 * stopped or did not answer), not of content.
 */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; detail?: string; retry?: boolean };

/** One order as the popup shows it. */
export interface OrderView {
  facts: OrderFacts;
  assessment: Assessment;
  /** Checklist items the buyer has ticked. */
  done: string[];
  refunds: RefundView[];
}

export type DashboardGroupId = Assessment['group'];

export interface Dashboard {
  /** Per group: how many orders (after search) and the first ones by next deadline. */
  groups: Record<DashboardGroupId, { total: number; orders: OrderView[] }>;
  /** Every stored order, before search. */
  totalOrders: number;
  diagnostics: Diagnostic[];
  now: string;
  /** What needs the buyer now, over every order (not only the search's): the popup's top line. */
  atStake: AtStake;
}

/** The orders in "Act now": their totals per currency (never added across currencies) and the first date to act by. */
export interface AtStake {
  orders: number;
  /** One sum per currency, by currency code; orders without a known total add nothing. */
  totals: Money[];
  /** The earliest deadline still ahead that the buyer must act before, or null. */
  firstBy: string | null;
  /**
   * An Act-now card shows a date of the buyer's that has passed ("Purchase protection ended on
   * …": act now): the top line then says the first is now, never a later `firstBy`.
   */
  dueNow: boolean;
}

export interface Responses {
  saveObservations: { written: number };
  /** `problem` when the body could not be read (a diagnostic was recorded). */
  saveCapture: { written: number; problem: string | null };
  /**
   * `digest`: of the body the worker read for this reading that changed nothing, while nothing
   * was written since (a body with this digest need not be sent); null when there is none.
   */
  captureKnown: { digest: string | null };
  /** `problem` when the texts could not be read (a diagnostic was recorded). */
  saveDomList: { written: number; problem: string | null };
  reportUnreadable: Record<string, never>;
  getDashboard: Dashboard;
  exportBackup: { json: string; fileName: string; orders: number };
  importBackup: { orders: number };
  setChecklistItem: Record<string, never>;
  getSettings: Settings;
  saveSettings: Settings;
  wipeAll: Record<string, never>;
  getUiStrings: UiStrings;
  getPageSummaries: { orders: Record<string, PageSummary> };
  /** `hidden`: the warnings hidden on pages (lib/protocol/hidden-warnings.ts `HiddenWarning`). */
  getPageStart: {
    strings: UiStrings;
    orders: Record<string, PageSummary>;
    hidden: { key: string; step: string }[];
    /** When asked: the refresh run's kept progress as stored (`refreshProgress`), or null. */
    progress?: unknown;
  };
  openChecklist: Record<string, never>;
  exportCsv: { csv: string; fileName: string; lines: number };
  exportCalendar: { ics: string; fileName: string; events: number };
  markRefundArrived: Record<string, never>;
  markOrderReceived: Record<string, never>;
  snoozeAlert: Record<string, never>;
  /** Orders not settled (or of unknown status), for "Refresh open orders", and its pause. */
  getOpenOrderIds: { orderIds: string[]; pauseMs: number };
  /** `file` only when an id was asked for and that sample is still kept. */
  anonymisedSample: { samples: SampleSummary[]; file: SampleFile | null };
}

/** One order as an in-page badge or banner shows it. */
export interface PageSummary {
  orderId: string;
  group: Assessment['group'];
  statusText: string | null;
  nextDeadline: Deadline | null;
  /** The order's next step (its most urgent line's step), if any. */
  alert: Alert | null;
  /** Where the buyer acts on that step (lib/rules/actions.ts), or null. */
  action: StepAction | null;
  /** The first item's title, to name the order in labels ("Hide the warning for …"), or null. */
  item: string | null;
  /**
   * The words for the deadline and the alert, in the buyer's language (so pages need no tables),
   * and the deadline's date and time in the buyer's language and zone (`at`): the first
   * `Intl.DateTimeFormat` of a page costs it 25–50 ms (BENCHMARKS.md), the worker has one already.
   */
  texts: {
    deadline: string | null;
    at: string | null;
    /** The deadline's day alone, short ("Dec 5"), for the badge's headline. */
    day: string | null;
    /**
     * How far off the deadline is ("in 3 days", "5 hours ago"), as of the answer: the first
     * `Intl.RelativeTimeFormat` of a page costs it ~20 ms of ICU data (BENCHMARKS.md), so the
     * page builds no Intl object at all and asks again for summaries older than a minute.
     */
    countdown: string | null;
    title: string | null;
    action: string | null;
    why: string | null;
  };
}

export type { Envelope, MessageType, RequestOf } from './requests';

type Send = (message: unknown) => Promise<unknown>;

/** Sends one message and returns its typed result; a dead background becomes an error result. */
export async function send<T extends MessageType>(
  runtimeSend: Send,
  type: T,
  payload: RequestOf<T>,
): Promise<Result<Responses[T]>> {
  try {
    const answer = (await runtimeSend({ type, payload })) as Result<Responses[T]> | undefined;
    return answer ?? { ok: false, error: 'no answer from the background', retry: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), retry: true };
  }
}
