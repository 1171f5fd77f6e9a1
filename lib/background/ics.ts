/**
 * "Add to calendar": the open deadlines as an iCalendar file (RFC 5545) the buyer downloads and
 * opens in their own calendar. One event per step, at the moment it closes, with a reminder at
 * each of the buyer's lead times. Nothing is sent anywhere: the file is built here and saved
 * through a local download link.
 */
import { orderLink } from '../aliexpress/links';
import type { Translate } from '../i18n';
import type { Assessment } from '../rules';
import type { OrderFacts } from '../schema/model';

export interface CalendarEvent {
  /** Stable across exports, so that importing a newer file updates the same events. */
  uid: string;
  /** When the step's window closes. */
  at: Date;
  /** What to do, e.g. "Open a dispute: Wireless earbuds". */
  summary: string;
  /** Why, and which order. Plain text. */
  description: string;
  /** The AliExpress page where the buyer acts. */
  url: string | null;
}

const CRLF = '\r\n';

/** `20261202T101500Z`: UTC, so the file means the same instant in every calendar and zone. */
function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
function text(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + one space), never inside a
 * UTF-8 character.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A minute count as an RFC 5545 duration before the event: `-P3D`, `-PT6H`, `-PT90M`. */
function before(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `-P${minutes / (24 * 60)}D`;
  if (minutes % 60 === 0) return `-PT${minutes / 60}H`;
  return `-PT${minutes}M`;
}

/**
 * The whole file. Events already closed at `now` are left out (the calendar is for what is
 * ahead); a lead time that would ring before `now` is left out of that event too.
 */
export function calendarFile(events: CalendarEvent[], leadTimesMinutes: number[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Buyer Shield//Deadlines//EN',
    'CALSCALE:GREGORIAN',
  ];
  const ahead = events
    .filter((e) => e.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of ahead) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(e.uid)}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(e.at)}`,
      `DTEND:${stamp(e.at)}`,
      `SUMMARY:${text(e.summary)}`,
      `DESCRIPTION:${text(e.url ? `${e.description}\n${e.url}` : e.description)}`,
    );
    if (e.url) lines.push(`URL:${e.url}`);
    for (const m of [...new Set(leadTimesMinutes)].sort((a, b) => b - a)) {
      if (e.at.getTime() - m * 60_000 <= now.getTime()) continue;
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${text(e.summary)}`,
        `TRIGGER:${before(m)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

/**
 * One event per open step: each line's primary next step that has a closing moment, once per
 * step even when several lines share it (an order-level step), titled with what to do and the
 * item, and linked to the order's AliExpress page.
 */
export function calendarEvents(
  orders: { facts: OrderFacts; assessment: Assessment }[],
  t: Translate,
): CalendarEvent[] {
  const events = new Map<string, CalendarEvent>();
  for (const { facts, assessment } of orders) {
    const orderId = facts.order.id;
    for (const line of assessment.lines) {
      const step = line.step;
      if (!step?.deadlineAt || events.has(step.id)) continue;
      const item = line.title ?? facts.order.lines?.[0]?.title ?? t('calendar_order', { id: orderId });
      events.set(step.id, {
        uid: `${step.id}@buyer-shield`,
        at: new Date(step.deadlineAt),
        summary: `${t(`alert_${step.kind}_title`, step.values)} · ${item}`,
        description: [
          t(`alert_${step.kind}_action`, step.values),
          t(`alert_${step.kind}_why`, step.values),
          t('calendar_order', { id: orderId }),
        ].join('\n'),
        url: orderLink(orderId)?.href ?? null,
      });
    }
  }
  return [...events.values()];
}
