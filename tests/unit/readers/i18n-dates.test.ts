import { parseDisplayDate, parseMonthDayNear } from '@/lib/aliexpress/i18n-dates';

/** Builds the expected display text with Intl too — the point is that every language round-trips. */
function intlText(lang: string, month: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(2026, 6, 15),
  );
}

describe('parseDisplayDate', () => {
  it.each([
    ['Jul 15, 2026', 'en'],
    ['Order date: Jul 15, 2026', 'en'],
    ['15 de jul. de 2026', 'pt'],
    ['15 de julio de 2026', 'es'],
    ['15 juil. 2026', 'fr'],
    ['15. Juli 2026', 'de'],
    ['15 lug 2026', 'it'],
    ['15 lipca 2026', 'pl'],
    ['15 jul. 2026', 'nl'],
    ['15 июля 2026 г.', 'ru'],
    ['2026년 7월 15일', 'ko'],
    ['2026年7月15日', 'ja'],
    ['15 Temmuz 2026', 'tr'],
    ['15 ביולי 2026', 'he'],
    ['15 يوليو 2026', 'ar'],
    ['2026-07-15', undefined],
    ['15.07.2026', 'de'],
    ['15/07/2026', 'fr'],
    ['7/15/2026', 'en'],
    ['Sept 15, 2026'.replace('Sept', 'Jul'), 'en'],
  ])('%s (%s) → 2026-07-15', (text, lang) => {
    expect(parseDisplayDate(text, lang)).toBe('2026-07-15');
  });

  it.each(['en', 'es', 'pt', 'fr', 'de', 'it', 'pl', 'nl', 'ru', 'ko', 'ja', 'tr', 'he', 'ar'])(
    'reads Intl long and short dates in %s, with and without a hint',
    (lang) => {
      for (const style of ['long', 'short'] as const) {
        const text = intlText(lang, style);
        expect(parseDisplayDate(text, lang), text).toBe('2026-07-15');
        expect(parseDisplayDate(text.replace(/\./g, ''), lang), text).toBe('2026-07-15');
      }
    },
  );

  it('prefers the day next to the month over amounts in the sentence', () => {
    expect(parseDisplayDate('Apply for R$5.00 coupon code if delayed by Aug 3, 2026')).toBe('2026-08-03');
    expect(parseDisplayDate('Sept 4, 2026')).toBe('2026-09-04');
  });

  it.each(['', 'Completed', 'Feb 30, 2026', 'Jul 15', '2026-13-01', 'Out for delivery'])(
    'refuses %j',
    (text) => {
      expect(parseDisplayDate(text, 'en')).toBeNull();
    },
  );

  it('reads the same text by its language each time it is asked (a long list repeats its dates)', () => {
    // 3/4/2026 is 4 March in en-US and 3 April elsewhere; asked in turns, each keeps its own answer.
    for (let i = 0; i < 3; i += 1) {
      expect(parseDisplayDate('3/4/2026', 'en')).toBe('2026-03-04');
      expect(parseDisplayDate('3/4/2026', 'fr')).toBe('2026-04-03');
      expect(parseDisplayDate('3/4/2026')).toBe('2026-04-03');
      expect(parseDisplayDate('Feb 30, 2026', 'en')).toBeNull();
    }
  });

  it('knows month names in their in-date forms, built from Intl', () => {
    expect(parseDisplayDate('15 de julho de 2026', 'pt')).toBe('2026-07-15');
    expect(parseDisplayDate('15 июля 2026 г.', 'ru')).toBe('2026-07-15');
    expect(parseDisplayDate('15 lipca 2026', 'pl')).toBe('2026-07-15');
  });
});

describe('parseMonthDayNear', () => {
  it('places a yearless date in the nearest year', () => {
    expect(parseMonthDayNear('Tue | Jul. 28 18:39', '2026-08-01T00:00:00.000Z', 'en')).toBe('2026-07-28');
    expect(parseMonthDayNear('Jan. 3', '2026-12-20T00:00:00.000Z', 'en')).toBe('2027-01-03');
    expect(parseMonthDayNear('7월 28일', '2026-08-01', 'ko')).toBe('2026-07-28');
  });
});
