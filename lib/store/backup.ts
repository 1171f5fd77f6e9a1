/**
 * Backup export and import (docs/backup-format.md). Import validates the whole file before it
 * writes anything, then merges it in one transaction: either every order lands or none does.
 * Merging (not replacing) means importing an older backup never loses newer data.
 */
import * as v from 'valibot';
import { fillTemplate, type MessageTable } from '../i18n';
import { type Assessment, assessOrder, checklistValues, POLICY_VERSION, type RuleContext } from '../rules';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  type BackupOrder,
  BackupOrderSchema,
  BackupTopSchema,
  MAX_BACKUP_BYTES,
} from '../schema/backup';
import type { Observations, OrderFacts, OrderObservation } from '../schema/model';
import { describeIssues, OrderObservationSchema } from '../schema/observations';
import type { Settings } from '../schema/settings';
import { applyObservations } from './apply';
import type { BuyerShieldDb, ReminderSent } from './db';
import { notAfter } from './merge';
import { loadAllFacts, loadChecklistDone } from './queries';
import { writeSettings } from './settings';

/** The calendar date of an instant in the buyer's zone (for an estimated protection end). */
function dateIn(zone: string, at: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(new Date(at));
  return parts.slice(0, 10);
}

function protectionOf(facts: OrderFacts, assessment: Assessment, zone: string): BackupOrder['protection'] {
  const { order } = facts;
  if (order.protection)
    return { endsOn: order.protection.endsOn, source: 'page', text: order.protection.text };
  const estimate = assessment.deadlines.find((d) => d.kind === 'protection_end');
  return estimate ? { endsOn: dateIn(zone, estimate.at), source: estimate.source, text: null } : null;
}

/** An item's label as the file says it (`check_<id>_label` of the table given), its id if none. */
export type ChecklistLabel = (id: string) => string;

/** Labels from a locale table (the export uses English), filled with the policy's limits. */
export function checklistLabels(table: MessageTable, ctx: RuleContext): ChecklistLabel {
  const values = checklistValues(ctx.policy);
  return (id) => {
    const text = table[`check_${id}_label`]?.message;
    return text === undefined ? id : fillTemplate(text, values);
  };
}

/** The current reason's items, plus any item ticked under another reason (nothing is lost). */
function checklistOf(
  assessment: Assessment,
  done: ReadonlySet<string>,
  label: ChecklistLabel,
): BackupOrder['checklist'] {
  const items = assessment.checklist.items.map((i) => ({
    id: i.id,
    label: label(i.id),
    done: done.has(i.id),
  }));
  const listed = new Set(items.map((i) => i.id));
  for (const id of done) {
    if (!listed.has(id)) items.push({ id, label: label(id), done: true });
  }
  return items;
}

/** Every order field of the observation schema: the file writes each, null when unknown. */
const ORDER_FIELDS = Object.keys(OrderObservationSchema.entries) as (keyof OrderObservation)[];

export function toBackupOrder(
  facts: OrderFacts,
  assessment: Assessment,
  done: ReadonlySet<string>,
  zone: string,
  label: ChecklistLabel,
): BackupOrder {
  const { order } = facts;
  const fields = Object.fromEntries(ORDER_FIELDS.map((k) => [k, order[k] ?? null])) as Record<
    keyof OrderObservation,
    unknown
  >;
  return {
    ...(fields as BackupOrder),
    id: order.id,
    site: 'aliexpress',
    status: order.status ?? 'unknown',
    statusText: order.statusText ?? '',
    lines: order.lines ?? [],
    tags: order.tags ?? [],
    protection: protectionOf(facts, assessment, zone),
    packages: facts.packages.map(({ orderId: _o, key: _k, updatedAt: _u, ...p }) => p),
    disputes: facts.disputes.map(({ orderId: _o, updatedAtLocal: _u, ...d }) => d),
    refunds: facts.refunds.map(({ orderId: _o, updatedAtLocal: _u, amount, ...r }) => ({
      ...r,
      amountMinor: amount?.amountMinor ?? null,
      currency: amount?.currency ?? null,
      arrivedOn: r.arrivedOn ?? null,
    })),
    deadlines: assessment.deadlines.map((d) => ({ kind: d.kind, at: d.at, source: d.source })),
    alerts: assessment.alerts.map((a) => ({
      kind: a.kind,
      severity: a.severity,
      deadlineKind: a.deadlineKind,
    })),
    checklist: checklistOf(assessment, done, label),
    receivedOn: order.receivedOn ?? null,
    snoozed: order.snoozed ?? [],
    firstSeenAt: order.firstSeenAt,
    updatedAt: order.updatedAt,
  };
}

export async function exportBackup(
  db: BuyerShieldDb,
  ctx: RuleContext,
  settings: Settings,
  /** The texts the file's checklist labels are in (English, lib/i18n-tables.ts). */
  texts: MessageTable,
): Promise<BackupFile> {
  const label = checklistLabels(texts, ctx);
  const [facts, done, reminders] = await Promise.all([
    loadAllFacts(db),
    loadChecklistDone(db),
    db.reminders.toArray(),
  ]);
  facts.sort((a, b) => (a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: ctx.now.toISOString(),
    app: { name: 'Buyer Shield', policyVersion: POLICY_VERSION },
    orders: facts.map((f) =>
      toBackupOrder(f, assessOrder(f, ctx), new Set(done.get(f.order.id) ?? []), ctx.zone, label),
    ),
    settings,
    remindersSent: reminders.map((r) => ({ id: r.id, orderId: r.orderId, at: r.at })),
  };
}

export function backupFileName(now: Date, zone: string): string {
  return `buyer-shield-backup-${dateIn(zone, now.toISOString())}.json`;
}

/**
 * Why a file was refused, as a code the buyer's language words (`import_error_<code>` in
 * public/_locales) with its values; `error` is the technical detail, kept for a bug report.
 */
export type ImportProblem =
  | { code: 'too_big'; values: { size: string } }
  | { code: 'not_json' | 'not_backup' | 'damaged'; values: Record<string, never> }
  | { code: 'wrong_version'; values: { version: string } }
  | { code: 'bad_order' | 'duplicate_order'; values: { index: number; total: number; id: string } };

export type ImportRefusal = { ok: false; error: string; problem: ImportProblem };

export type CheckedBackup =
  | { ok: true; file: v.InferOutput<typeof BackupTopSchema>; orders: BackupOrder[] }
  | ImportRefusal;

const refuse = (error: string, problem: ImportProblem): ImportRefusal => ({ ok: false, error, problem });

const NOTHING = 'Nothing was imported.';

/** Validates a whole backup file; names the first problem found. Writes nothing. */
export function checkBackup(text: string): CheckedBackup {
  if (text.length > MAX_BACKUP_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return refuse(`The file is ${mb} MB; a Buyer Shield backup is at most 25 MB. ${NOTHING}`, {
      code: 'too_big',
      values: { size: mb },
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable';
    return refuse(`The file is not JSON (${why.slice(0, 120)}). ${NOTHING}`, {
      code: 'not_json',
      values: {},
    });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse(`The file is JSON but not a Buyer Shield backup. ${NOTHING}`, {
      code: 'not_backup',
      values: {},
    });
  }
  const raw = json as Record<string, unknown>;
  if (raw.format !== BACKUP_FORMAT) {
    return refuse(`This is not a Buyer Shield backup: "format" must be "${BACKUP_FORMAT}". ${NOTHING}`, {
      code: 'not_backup',
      values: {},
    });
  }
  if (raw.version !== BACKUP_VERSION) {
    const version = String(JSON.stringify(raw.version) ?? '?').slice(0, 20);
    return refuse(
      `This backup is version ${version}; this Buyer Shield reads version ${BACKUP_VERSION}. ${NOTHING}`,
      { code: 'wrong_version', values: { version } },
    );
  }
  const top = v.safeParse(BackupTopSchema, json);
  if (!top.success)
    return refuse(`The backup is damaged: ${describeIssues(top.issues)}. ${NOTHING}`, {
      code: 'damaged',
      values: {},
    });
  const orders: BackupOrder[] = [];
  const seen = new Set<string>();
  const total = top.output.orders.length;
  for (const [i, candidate] of top.output.orders.entries()) {
    const parsed = v.safeParse(BackupOrderSchema, candidate);
    const id = (candidate as { id?: unknown } | null)?.id;
    const which = `Order ${i + 1} of ${total}${typeof id === 'string' ? ` (${id.slice(0, 32)})` : ''}`;
    const values = { index: i + 1, total, id: typeof id === 'string' ? id.slice(0, 32) : '?' };
    if (!parsed.success) {
      return refuse(`${which} is not valid: ${describeIssues(parsed.issues)}. ${NOTHING}`, {
        code: 'bad_order',
        values,
      });
    }
    if (seen.has(parsed.output.id))
      return refuse(`${which} appears twice. ${NOTHING}`, { code: 'duplicate_order', values });
    seen.add(parsed.output.id);
    orders.push(parsed.output);
  }
  return { ok: true, file: top.output, orders };
}

/** Unknown in a file is null; unknown in an observation is a missing key. */
function withoutNulls<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

/** One backup order as the observations a page would have made of it. */
function observationsOf(o: BackupOrder): Observations {
  const {
    site: _s,
    protection,
    packages,
    disputes,
    refunds,
    deadlines: _d,
    alerts: _a,
    checklist: _c,
    firstSeenAt: _f,
    updatedAt: _u,
    ...fields
  } = o;
  const order: OrderObservation = {
    ...withoutNulls(fields),
    // Only a date the page showed is a fact; an estimate is recomputed from the facts.
    ...(protection?.source === 'page'
      ? { protection: { endsOn: protection.endsOn, text: protection.text ?? '' } }
      : {}),
  };
  return {
    orders: [order],
    packages: packages.map((p) => ({ ...p, orderId: o.id })),
    disputes: disputes.map((d) => ({ ...d, orderId: o.id })),
    refunds: refunds.map(({ amountMinor, currency, arrivedOn: _r, ...r }, i) => ({
      ...r,
      id: r.id ?? `${o.id}-refund-${i + 1}`,
      orderId: o.id,
      amount: amountMinor !== null && currency !== null ? { amountMinor, currency } : null,
    })),
  };
}

/**
 * Imports a checked backup in one transaction, through the same merge as a page reading
 * (lib/store/apply.ts): either every order lands or none does. Returns how many orders it held.
 */
export async function importBackup(
  db: BuyerShieldDb,
  text: string,
  importedAt: Date = new Date(),
): Promise<{ ok: true; orders: number } | ImportRefusal> {
  const checked = checkBackup(text);
  if (!checked.ok) return checked;
  const { file, orders } = checked;
  // Every time in the file is capped at the import: a backup dated in the future (a clock
  // ahead, or a forged file) must not make its values look newer than tomorrow's real page.
  const now = importedAt.toISOString();
  await db.transaction('rw', db.allTables, async () => {
    for (const o of orders) {
      const at = notAfter(o.updatedAt ?? file.exportedAt, now);
      await applyObservations(db, observationsOf(o), { source: 'backup', kind: 'json', at }, { now });
      await keepBuyerFacts(db, o, at, now);
    }
    const reminders: ReminderSent[] = (file.remindersSent ?? []).map((r) => ({
      ...r,
      at: notAfter(r.at, now),
    }));
    if (reminders.length) await db.reminders.bulkPut(reminders);
    if (file.settings) await writeSettings(db, file.settings);
  });
  return { ok: true, orders: orders.length };
}

/**
 * What no page says and only the file knows: first sighting, parcel received, money arrived,
 * checklist ticks.
 */
async function keepBuyerFacts(db: BuyerShieldDb, o: BackupOrder, at: string, now: string): Promise<void> {
  if (o.firstSeenAt || o.receivedOn || o.snoozed.length) {
    const stored = await db.orders.get(o.id);
    const firstSeenAt = o.firstSeenAt ? notAfter(o.firstSeenAt, now) : null;
    if (stored && firstSeenAt && firstSeenAt < stored.firstSeenAt)
      await db.orders.update(o.id, { firstSeenAt });
    if (stored && o.receivedOn && !stored.receivedOn)
      await db.orders.update(o.id, { receivedOn: o.receivedOn });
    if (stored && o.snoozed.length && !stored.snoozed?.length)
      await db.orders.update(o.id, { snoozed: o.snoozed });
  }
  for (const [i, r] of o.refunds.entries()) {
    if (r.arrivedOn === null) continue;
    const id = r.id ?? `${o.id}-refund-${i + 1}`;
    const stored = await db.refunds.get(id);
    if (stored && !stored.arrivedOn) await db.refunds.update(id, { arrivedOn: r.arrivedOn });
  }
  const ticks = o.checklist.filter((c) => c.done);
  if (ticks.length) {
    await db.checklist.bulkPut(ticks.map((c) => ({ orderId: o.id, itemId: c.id, done: true, at })));
  }
}
