import { minorDigits, moneyFromCent, moneyFromFormatPriceInfo, parsePrice } from '@/lib/aliexpress/money';

describe('parsePrice', () => {
  it.each([
    ['US $6.19', {}, 619, 'USD'],
    ['$25.66', {}, 2566, 'USD'],
    ['R$132,74', {}, 13274, 'BRL'],
    ['-R$5,66', {}, -566, 'BRL'],
    ['€5,73', {}, 573, 'EUR'],
    ['€5.73', {}, 573, 'EUR'],
    ['129,46zł', {}, 12946, 'PLN'],
    ['42,52kr', { lang: 'sv' }, 4252, 'SEK'],
    ['42,52kr', { lang: 'da-DK' }, 4252, 'DKK'],
    ['42,52 kr', { currency: 'NOK' }, 4252, 'NOK'],
    ['₩12,300', {}, 12300, 'KRW'],
    ['CN￥ 235.87', {}, 23587, 'CNY'],
    ['C$30.66', {}, 3066, 'CAD'],
    ['CDN$10.77', {}, 1077, 'CAD'],
    ['AU$12.99', {}, 1299, 'AUD'],
    ['1.234,56 €', {}, 123456, 'EUR'],
    ['US $1,234.56', {}, 123456, 'USD'],
    ['￥1,280', { lang: 'ja' }, 1280, 'JPY'],
    ['1 234,56 руб.', {}, 123456, 'RUB'],
    ['₺1.234,56', {}, 123456, 'TRY'],
    ['₪45.90', {}, 4590, 'ILS'],
    ['US $0.99', {}, 99, 'USD'],
    ['$12.00', { currency: 'CAD' }, 1200, 'CAD'],
    ['١٢٫٥٠ ر.س', {}, 1250, 'SAR'],
  ])('%s → %i %s', (text, hint, amountMinor, currency) => {
    expect(parsePrice(text, hint)).toEqual({ amountMinor, currency });
  });

  it.each(['', 'Free shipping', '42,52kr', 'US $1.00 - 2.00', '12,345.6789 €', 'abc $'])(
    'refuses %j',
    (text) => {
      expect(parsePrice(text)).toBeNull();
    },
  );

  it('takes exponents from Intl', () => {
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
  });
});

describe('exact money fields', () => {
  it('formatPriceInfo display|integer|fraction', () => {
    expect(moneyFromFormatPriceInfo('R$132,74|132|74', 'BRL')).toEqual({
      amountMinor: 13274,
      currency: 'BRL',
    });
    expect(moneyFromFormatPriceInfo('R$1.234,05|1.234|05', 'BRL')).toEqual({
      amountMinor: 123405,
      currency: 'BRL',
    });
    expect(moneyFromFormatPriceInfo('₩12,300|12,300|', 'KRW')).toEqual({
      amountMinor: 12300,
      currency: 'KRW',
    });
    // Issue 17's forms: KRW with the integer part ungrouped and no fraction, PLN with the sign after.
    expect(moneyFromFormatPriceInfo('₩11,110|11110|', 'KRW')).toEqual({
      amountMinor: 11110,
      currency: 'KRW',
    });
    expect(moneyFromFormatPriceInfo('129,46zł|129|46', 'PLN')).toEqual({
      amountMinor: 12946,
      currency: 'PLN',
    });
    expect(moneyFromFormatPriceInfo('-R$5,66|5|66', 'BRL')).toEqual({ amountMinor: -566, currency: 'BRL' });
    expect(moneyFromFormatPriceInfo('R$132,74', 'BRL')).toBeNull();
    expect(moneyFromFormatPriceInfo('R$1|1|00', 'NOPE')).toBeNull();
  });
  it('cent', () => {
    expect(moneyFromCent(6125, 'BRL')).toEqual({ amountMinor: 6125, currency: 'BRL' });
    expect(moneyFromCent('6125', 'BRL')).toEqual({ amountMinor: 6125, currency: 'BRL' });
    expect(moneyFromCent(61.25, 'BRL')).toBeNull();
  });
});
