import { type CalendarEvent, calendarFile } from '@/lib/background/ics';

const NOW = new Date('2026-12-02T10:00:00Z');
const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: '8201234567890123-protection_end@buyer-shield',
  at: new Date('2026-12-09T16:00:00Z'),
  summary: 'Open a dispute: Wireless earbuds',
  description: 'Purchase protection ends; the parcel has not arrived.',
  url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8201234567890123',
  ...over,
});

/** Unfolds RFC 5545 continuation lines, so assertions read whole properties. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('calendarFile', () => {
  it('writes one event per open step, in UTC, with the order link and a reminder per lead time', () => {
    const lines = unfold(calendarFile([event()], [7 * 24 * 60, 3 * 24 * 60, 6 * 60], NOW));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20261209T160000Z');
    expect(lines).toContain('SUMMARY:Open a dispute: Wireless earbuds');
    expect(lines).toContain('URL:https://www.aliexpress.com/p/order/detail.html?orderId=8201234567890123');
    // The 7-day reminder would ring on Dec 2 at 16:00, after now: kept. All three are there.
    expect(lines.filter((l) => l.startsWith('TRIGGER:'))).toEqual([
      'TRIGGER:-P7D',
      'TRIGGER:-P3D',
      'TRIGGER:-PT6H',
    ]);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('leaves out steps already closed and reminders that would ring in the past', () => {
    const lines = unfold(
      calendarFile(
        [
          event({ uid: 'past', at: new Date('2026-12-01T00:00:00Z') }),
          event({ at: new Date('2026-12-04T10:00:00Z') }),
        ],
        [7 * 24 * 60, 24 * 60],
        NOW,
      ),
    );
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).not.toContain('UID:past');
    expect(lines.filter((l) => l.startsWith('TRIGGER:'))).toEqual(['TRIGGER:-P1D']);
  });

  it('escapes text so a title with commas, semicolons or newlines cannot break the file', () => {
    const ics = calendarFile([event({ summary: 'Ship the return; box, label\nBEGIN:VEVENT' })], [], NOW);
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY:Ship the return\\; box\\, label\\nBEGIN:VEVENT');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('folds long lines at 75 octets without splitting a character, and ends every line with CRLF', () => {
    const title = 'Открыть спор: беспроводные наушники с шумоподавлением, чёрные, 2 шт.';
    const ics = calendarFile([event({ summary: title })], [], NOW);
    for (const physical of ics.split('\r\n'))
      expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(`SUMMARY:${title.replace(/,/g, '\\,')}`);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('sorts events by when they close, and writes an empty calendar when nothing is open', () => {
    const lines = unfold(
      calendarFile(
        [
          event({ uid: 'late', at: new Date('2026-12-20T00:00:00Z') }),
          event({ uid: 'soon', at: new Date('2026-12-03T00:00:00Z') }),
        ],
        [],
        NOW,
      ),
    );
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:soon', 'UID:late']);
    expect(unfold(calendarFile([], [60], NOW)).filter((l) => l.startsWith('BEGIN:'))).toEqual([
      'BEGIN:VCALENDAR',
    ]);
  });
});
