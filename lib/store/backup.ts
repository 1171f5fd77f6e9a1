/**
 * Backup export and import (docs/backup-format.md). Import validates the whole file before it
 * writes anything, then merges it in one transaction: either every order lands or none does.
 * Merging (not replacing) means importing an older backup never loses newer data.
 */
import * as v from 'valibot';
import { type Assessment, assessOrder, CHECKLIST_TEXTS, POLICY_VERSION, type RuleContext } from '../rules';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  type BackupOrder,
  BackupOrderSchema,
  BackupTopSchema,
  MAX_BACKUP_BYTES,
} from '../schema/backup';
import type {
  DisputeObservation,
  FieldSource,
  OrderFacts,
  OrderObservation,
  PackageObservation,
  RefundObservation,
} from '../schema/model';
import { describeIssues } from '../schema/observations';
import type { Settings } from '../schema/settings';
import type { BuyerShieldDb, ReminderSent } from './db';
import { mergeDispute, mergeOrder, mergePackage, mergeRefund, packageKey } from './merge';
import { loadAllFacts, loadChecklistDone } from './queries';

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

/** The current reason's items, plus any item ticked under another reason (nothing is lost). */
function checklistOf(assessment: Assessment, done: ReadonlySet<string>): BackupOrder['checklist'] {
  const items = assessment.checklist.items.map((i) => ({ id: i.id, label: i.label, done: done.has(i.id) }));
  const listed = new Set(items.map((i) => i.id));
  for (const id of done) {
    if (!listed.has(id)) items.push({ id, label: CHECKLIST_TEXTS[id]?.label ?? id, done: true });
  }
  return items;
}

export function toBackupOrder(
  facts: OrderFacts,
  assessment: Assessment,
  done: ReadonlySet<string>,
  zone: string,
): BackupOrder {
  const { order } = facts;
  return {
    id: order.id,
    site: 'aliexpress',
    status: order.status ?? 'unknown',
    statusText: order.statusText ?? '',
    placedOn: order.placedOn ?? null,
    shippedOn: order.shippedOn ?? null,
    completedOn: order.completedOn ?? null,
    store: order.store ?? null,
    total: order.total ?? null,
    lines: (order.lines ?? []).map((l) => ({ ...l })),
    protection: protectionOf(facts, assessment, zone),
    packages: facts.packages.map((p) => ({
      trackingNumber: p.trackingNumber,
      carrier: p.carrier,
      delivered: p.delivered,
      events: p.events.map((e) => ({ ...e })),
      originNumber: p.originNumber,
      deliveredAt: p.deliveredAt,
      eta: p.eta,
    })),
    disputes: facts.disputes.map(({ orderId: _o, updatedAtLocal: _u, ...d }) => d),
    refunds: facts.refunds.map((r) => ({
      id: r.id,
      amountMinor: r.amount?.amountMinor ?? null,
      currency: r.amount?.currency ?? null,
      status: r.status,
      processedOn: r.processedOn,
      arn: r.arn,
      lineId: r.lineId,
      disputeId: r.disputeId,
      statusText: r.statusText,
      method: r.method,
      arrivedOn: r.arrivedOn ?? null,
      processedAt: r.processedAt ?? null,
    })),
    deadlines: assessment.deadlines.map((d) => ({ kind: d.kind, at: d.at, source: d.source })),
    alerts: assessment.alerts.map((a) => ({
      kind: a.kind,
      severity: a.severity,
      deadlineKind: a.deadlineKind,
    })),
    checklist: checklistOf(assessment, done),
    paidOn: order.paidOn ?? null,
    promisedDeliveryOn: order.promisedDeliveryOn ?? null,
    couponIfLateOn: order.couponIfLateOn ?? null,
    paymentMethod: order.paymentMethod ?? null,
    tags: order.tags ?? [],
    reminderText: order.reminderText ?? null,
    firstSeenAt: order.firstSeenAt,
    updatedAt: order.updatedAt,
  };
}

export async function exportBackup(
  db: BuyerShieldDb,
  ctx: RuleContext,
  settings: Settings,
): Promise<BackupFile> {
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
      toBackupOrder(f, assessOrder(f, ctx), new Set(done.get(f.order.id) ?? []), ctx.zone),
    ),
    settings,
    remindersSent: reminders.map((r) => ({ id: r.id, orderId: r.orderId, at: r.at })),
  };
}

export function backupFileName(now: Date, zone: string): string {
  return `buyer-shield-backup-${dateIn(zone, now.toISOString())}.json`;
}

export type CheckedBackup =
  | { ok: true; file: v.InferOutput<typeof BackupTopSchema>; orders: BackupOrder[] }
  | { ok: false; error: string };

const NOTHING = 'Nothing was imported.';

/** Validates a whole backup file; names the first problem found. Writes nothing. */
export function checkBackup(text: string): CheckedBackup {
  if (text.length > MAX_BACKUP_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, error: `The file is ${mb} MB; a Buyer Shield backup is at most 25 MB. ${NOTHING}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, error: `The file is not JSON (${why.slice(0, 120)}). ${NOTHING}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: `The file is JSON but not a Buyer Shield backup. ${NOTHING}` };
  }
  const raw = json as Record<string, unknown>;
  if (raw.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: `This is not a Buyer Shield backup: "format" must be "${BACKUP_FORMAT}". ${NOTHING}`,
    };
  }
  if (raw.version !== BACKUP_VERSION) {
    return {
      ok: false,
      error: `This backup is version ${JSON.stringify(raw.version)}; this Buyer Shield reads version ${BACKUP_VERSION}. ${NOTHING}`,
    };
  }
  const top = v.safeParse(BackupTopSchema, json);
  if (!top.success)
    return { ok: false, error: `The backup is damaged: ${describeIssues(top.issues)}. ${NOTHING}` };
  const orders: BackupOrder[] = [];
  const seen = new Set<string>();
  const total = top.output.orders.length;
  for (const [i, candidate] of top.output.orders.entries()) {
    const parsed = v.safeParse(BackupOrderSchema, candidate);
    const id = (candidate as { id?: unknown } | null)?.id;
    const which = `Order ${i + 1} of ${total}${typeof id === 'string' ? ` (${id.slice(0, 32)})` : ''}`;
    if (!parsed.success) {
      return { ok: false, error: `${which} is not valid: ${describeIssues(parsed.issues)}. ${NOTHING}` };
    }
    if (seen.has(parsed.output.id)) return { ok: false, error: `${which} appears twice. ${NOTHING}` };
    seen.add(parsed.output.id);
    orders.push(parsed.output);
  }
  return { ok: true, file: top.output, orders };
}

function observationsOf(o: BackupOrder) {
  const order: OrderObservation = {
    id: o.id,
    status: o.status,
    statusText: o.statusText,
    placedOn: o.placedOn ?? undefined,
    paidOn: o.paidOn ?? undefined,
    shippedOn: o.shippedOn ?? undefined,
    completedOn: o.completedOn ?? undefined,
    store: o.store ?? undefined,
    total: o.total ?? undefined,
    lines: o.lines.map((l) => ({
      id: l.id,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      variant: l.variant ?? null,
      imageUrl: l.imageUrl ?? null,
      productId: l.productId ?? null,
    })),
    tags: o.tags,
    // Only a date the page showed is a fact; an estimate is recomputed from the facts.
    protection:
      o.protection?.source === 'page'
        ? { endsOn: o.protection.endsOn, text: o.protection.text ?? '' }
        : undefined,
    promisedDeliveryOn: o.promisedDeliveryOn ?? undefined,
    couponIfLateOn: o.couponIfLateOn ?? undefined,
    paymentMethod: o.paymentMethod ?? undefined,
    reminderText: o.reminderText ?? undefined,
  };
  const packages: PackageObservation[] = o.packages.map((p) => ({
    orderId: o.id,
    trackingNumber: p.trackingNumber,
    originNumber: p.originNumber ?? null,
    carrier: p.carrier,
    eta: p.eta ?? null,
    delivered: p.delivered,
    deliveredAt: p.deliveredAt ?? null,
    events: p.events.map((e) => ({ at: e.at, code: e.code, stage: e.stage ?? null, text: e.text })),
  }));
  const disputes: DisputeObservation[] = o.disputes.map((d) => ({
    id: d.id,
    orderId: o.id,
    lineId: d.lineId,
    kind: d.kind,
    status: d.status,
    statusText: d.statusText,
    openedAt: d.openedAt,
    updatedAt: d.updatedAt ?? null,
    closedAt: d.closedAt ?? null,
    reason: d.reason ?? null,
    solution: d.solution ?? null,
    amount: d.amount ?? null,
    sellerProposal: d.sellerProposal ?? null,
    platformProposal: d.platformProposal ?? null,
    returnAgreedOn: d.returnAgreedOn ?? null,
    returnShippedOn: d.returnShippedOn ?? null,
  }));
  const refunds: RefundObservation[] = o.refunds.map((r, i) => ({
    id: r.id ?? `${o.id}-refund-${i + 1}`,
    orderId: o.id,
    lineId: r.lineId ?? null,
    disputeId: r.disputeId ?? null,
    amount:
      r.amountMinor !== null && r.currency !== null
        ? { amountMinor: r.amountMinor, currency: r.currency }
        : null,
    status: r.status,
    statusText: r.statusText ?? null,
    processedOn: r.processedOn,
    arn: r.arn,
    method: r.method ?? null,
    arrivedOn: r.arrivedOn ?? null,
    processedAt: r.processedAt ?? null,
  }));
  return { order, packages, disputes, refunds };
}

/** Imports a checked backup in one transaction. Returns how many orders it held. */
export async function importBackup(
  db: BuyerShieldDb,
  text: string,
): Promise<{ ok: true; orders: number } | { ok: false; error: string }> {
  const checked = checkBackup(text);
  if (!checked.ok) return checked;
  const { file, orders } = checked;
  await db.transaction('rw', db.allTables, async () => {
    for (const o of orders) {
      const at = o.updatedAt ?? file.exportedAt;
      const source: FieldSource = { source: 'backup', kind: 'json', at };
      const obs = observationsOf(o);
      const order = mergeOrder(await db.orders.get(o.id), obs.order, source);
      if (order) {
        if (o.firstSeenAt && o.firstSeenAt < order.firstSeenAt) order.firstSeenAt = o.firstSeenAt;
        await db.orders.put(order);
      }
      for (const p of obs.packages) {
        const merged = mergePackage(await db.packages.get(packageKey(p.orderId, p.trackingNumber)), p, at);
        if (merged) await db.packages.put(merged);
      }
      for (const d of obs.disputes) {
        const merged = mergeDispute(await db.disputes.get(d.id), d, at);
        if (merged) await db.disputes.put(merged);
      }
      for (const r of obs.refunds) {
        const merged = mergeRefund(await db.refunds.get(r.id), r, at);
        if (merged) await db.refunds.put(merged);
      }
      const ticks = o.checklist.filter((c) => c.done);
      if (ticks.length) {
        await db.checklist.bulkPut(ticks.map((c) => ({ orderId: o.id, itemId: c.id, done: true, at })));
      }
    }
    const reminders: ReminderSent[] = file.remindersSent ?? [];
    if (reminders.length) await db.reminders.bulkPut(reminders);
    if (file.settings) {
      await db.settings.bulkPut(Object.entries(file.settings).map(([key, value]) => ({ key, value })));
    }
  });
  return { ok: true, orders: orders.length };
}
