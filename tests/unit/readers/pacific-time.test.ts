/**
 * AliExpress's clock: `yyyy-MM-dd HH:mm:ss` texts are US Pacific time with daylight saving; the
 * epochs beside them are exact, unless scrambled (the Brazilian fixtures). The seller capture's
 * pairs are the proof: every text must read to its own epoch (to the second).
 */
import {
  aliexpressInstant,
  epochToInstant,
  pacificTimeToInstant,
  stepInstant,
} from '@/lib/aliexpress/pacific-time';
import { sharedData } from '../../support/shared-data';

const captures = sharedData('aliexpress-captures');
const fixtures = sharedData('aliexpress-fixtures');

interface SellerLine {
  gmtCreate: string;
  gmtCreateTimestamp: number;
  tradeOrderGmtCreate: string;
  tradeOrderGmtCreateTimestamp: number;
}

function sellerLines(): SellerLine[] {
  const entries = JSON.parse(captures.text('seller-reverse-list-zh-cny.json')) as Array<{
    sellerReverseOrderLines: SellerLine[];
  }>;
  return entries.flatMap((e) => e.sellerReverseOrderLines);
}

/** US Pacific daylight time in the capture's period (2024-11 → 2026-01), by the US rule. */
function isPdt(utc: number): boolean {
  const pdt = [
    ['2024-03-10T10:00:00Z', '2024-11-03T09:00:00Z'],
    ['2025-03-09T10:00:00Z', '2025-11-02T09:00:00Z'],
  ] as const;
  return pdt.some(([a, b]) => utc >= Date.parse(a) && utc < Date.parse(b));
}

describe.skipIf(!captures.present)(
  captures.title('the seller capture: text and epoch name the same instant'),
  () => {
    it('has the 15 cases the README describes', () => {
      expect(sellerLines()).toHaveLength(15);
    });

    it('reads every case-creation text as Pacific time: its epoch to the second, −8 h in winter, −7 h in summer', () => {
      const offsets = new Set<number>();
      for (const l of sellerLines()) {
        const epochSecond = Math.floor(l.gmtCreateTimestamp / 1000) * 1000;
        expect(pacificTimeToInstant(l.gmtCreate)).toBe(new Date(epochSecond).toISOString());
        const offsetH = (Date.parse(`${l.gmtCreate.replace(' ', 'T')}Z`) - epochSecond) / 3_600_000;
        expect(offsetH).toBe(isPdt(l.gmtCreateTimestamp) ? -7 : -8);
        offsets.add(offsetH);
      }
      expect([...offsets].sort()).toEqual([-7, -8]);
    });

    it('reads the trade orders’ creation texts the same way', () => {
      for (const l of sellerLines()) {
        const epochSecond = Math.floor(l.tradeOrderGmtCreateTimestamp / 1000) * 1000;
        expect(pacificTimeToInstant(l.tradeOrderGmtCreate)).toBe(new Date(epochSecond).toISOString());
      }
    });

    it('takes the exact epoch (milliseconds) when it agrees with its text', () => {
      for (const l of sellerLines()) {
        const exact = new Date(l.gmtCreateTimestamp).toISOString();
        expect(stepInstant(l as unknown as Record<string, unknown>, 'gmtCreate')).toBe(exact);
        expect(aliexpressInstant(l.tradeOrderGmtCreateTimestamp, l.tradeOrderGmtCreate)).toBe(
          new Date(l.tradeOrderGmtCreateTimestamp).toISOString(),
        );
      }
    });
  },
);

describe.skipIf(!fixtures.present)(fixtures.title('the Brazilian refund list: scrambled epochs'), () => {
  it('recognises each epoch that disagrees with its own text and reads the text instead', () => {
    const body = JSON.parse(fixtures.text('refund-list.json'));
    const lines = body.data.module.items.flatMap(
      (i: { reverseOrderLines: unknown[] }) => i.reverseOrderLines,
    );
    // Hand-read from the file: text (Pacific) and the epoch beside it.
    expect(
      lines.map((l: Record<string, unknown>) => [stepInstant(l, 'gmtCreate'), stepInstant(l, 'gmtModified')]),
    ).toEqual([
      ['2022-03-24T04:19:58.000Z', '2022-03-27T09:19:10.000Z'], // PDT: "2022-03-23 21:19:58", "2022-03-27 02:19:10"
      ['2022-01-29T13:37:04.000Z', '2022-01-29T13:38:19.000Z'], // PST: "2022-01-29 05:37:04", "… 05:38:19"
      ['2021-12-10T10:08:25.000Z', '2021-12-10T10:16:50.000Z'], // PST: "2021-12-10 02:08:25", "… 02:16:50"
    ]);
    // The epochs were plausible on their own: it is the disagreement that rejects them.
    for (const l of lines) expect(epochToInstant(l.gmtCreate)).not.toBeNull();
  });
});

describe('pacificTimeToInstant', () => {
  it.each([
    ['2026-01-16 15:12:01', '2026-01-16T23:12:01.000Z'], // PST
    ['2025-08-04 11:49:05', '2025-08-04T18:49:05.000Z'], // PDT
    ['2026-03-08 01:59:59', '2026-03-08T09:59:59.000Z'], // last PST second
    ['2026-03-08 03:00:00', '2026-03-08T10:00:00.000Z'], // first PDT second
    ['2026-11-01 00:59:00', '2026-11-01T07:59:00.000Z'], // PDT before the fall back
    ['2026-11-01 02:00:00', '2026-11-01T10:00:00.000Z'], // PST after it
    ['2026-12-31 23:30:00', '2027-01-01T07:30:00.000Z'], // the buyer's next year in UTC
    ['2026-07-01T08:00', '2026-07-01T15:00:00.000Z'],
  ])('%s → %s', (text, instant) => {
    expect(pacificTimeToInstant(text)).toBe(instant);
  });

  it.each([
    '',
    '2026-02-30 10:00:00',
    '2026-01-01 24:00:00',
    '2026-01-01',
    'Jan 1, 2026 10:00',
    1768605121609,
    null,
  ])('refuses %j', (text) => {
    expect(pacificTimeToInstant(text)).toBeNull();
  });
});

describe('aliexpressInstant', () => {
  it('keeps an epoch that matches its text in another whole zone offset (the epoch is exact)', () => {
    // The same instant written in China time (UTC+8).
    expect(aliexpressInstant(1768605121609, '2026-01-17 07:12:01')).toBe('2026-01-16T23:12:01.609Z');
  });

  it('drops an epoch off by minutes, hours or days from its text', () => {
    expect(aliexpressInstant(1768605121609 + 5 * 60_000, '2026-01-16 15:12:01')).toBe(
      '2026-01-16T23:12:01.000Z',
    );
    expect(aliexpressInstant(1768605121609 - 3 * 86_400_000, '2026-01-16 15:12:01')).toBe(
      '2026-01-16T23:12:01.000Z',
    );
  });

  it('uses an epoch alone when plausible, and nothing when not', () => {
    expect(aliexpressInstant('1768605121609')).toBe('2026-01-16T23:12:01.609Z');
    expect(aliexpressInstant(42)).toBeNull();
    expect(aliexpressInstant(null, undefined)).toBeNull();
  });
});
