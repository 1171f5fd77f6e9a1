/** The badge's short date (lib/format.ts formatDay): the day and month alone, in the buyer's zone. */
import { describe, expect, it } from 'vitest';
import { formatDay } from '@/lib/format';

const AT = '2026-12-05T16:00:00.000Z';

describe('the short day of a badge headline', () => {
  it.each([
    ['en', 'UTC', 'Dec 5'],
    ['es', 'UTC', '5 dic'],
    ['pt-BR', 'UTC', '5 de dez.'],
    ['fr', 'UTC', '5 déc.'],
    ['de', 'UTC', '5. Dez.'],
    ['ru', 'UTC', '5 дек.'],
    ['pl', 'UTC', '5 gru'],
  ])('%s', (locale, zone, day) => {
    expect(formatDay(AT, locale, zone)).toBe(day);
  });

  it("is the buyer's day: 16:00 UTC is already the next day in Kiritimati (UTC+14)", () => {
    expect(formatDay(AT, 'en', 'Pacific/Kiritimati')).toBe('Dec 6');
  });
});
