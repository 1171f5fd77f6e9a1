import { classifyUrl } from '@/lib/aliexpress/page-kind';
import { PAGE_KINDS } from '@/lib/schema/model';
import { PAGE_KIND_EXAMPLES } from './page-kind-examples';

describe('classifyUrl', () => {
  for (const kind of PAGE_KINDS) {
    it(`${kind}: has examples, each claimed by exactly this kind`, () => {
      const examples = PAGE_KIND_EXAMPLES[kind];
      expect(examples.length).toBeGreaterThan(0);
      for (const href of examples) {
        expect(classifyUrl(new URL(href)), href).toBe(kind);
        const claimedBy = PAGE_KINDS.filter((k) => PAGE_KIND_EXAMPLES[k].includes(href));
        expect(claimedBy, href).toEqual([kind]);
      }
    });
  }

  it.each([
    'https://aliexpress.ru/order-list',
    'https://aliexpress.ru/order-list/5123456789012345',
    'https://trade.aliexpress.ru/orderList.htm',
    'https://www.aliexpress.ru/p/order/index.html',
  ])('aliexpress.ru buyer page %s is unsupported_ru', (href) => {
    expect(classifyUrl(new URL(href))).toBe('unsupported_ru');
  });

  it.each([
    'https://www.aliexpress.com/item/1005745176332016.html',
    'https://www.aliexpress.com/',
    'https://login.aliexpress.com/?return_url=https%3A%2F%2Fwww.aliexpress.com%2Fp%2Forder%2Findex.html',
    'https://www.aliexpress.com/p/reverse-pages/start.html',
    'https://www.aliexpress.com/p/order/snapshot.html',
    'https://www.aliexpress.com/p/tax-ui/index.html?orderId=8212313961591322',
    'https://www.aliexpress.com.evil.example/p/order/index.html',
    'https://aliexpress.com.evil.example/p/order/index.html',
    'https://evilaliexpress.com/p/order/index.html',
    'https://www.aliexpress.co/p/order/index.html',
    'https://a.b.aliexpress.com/p/order/index.html',
    'https://www.example.com/p/order/index.html?x=aliexpress.com',
    'https://aliexpress.ru/item/1005745176332016.html',
    'https://trade.aliexpress.com/orderList.htm',
    'ftp://www.aliexpress.com/p/order/index.html',
    'https://www.amazon.com/gp/your-account/order-history',
  ])('%s is not a page we read', (href) => {
    expect(classifyUrl(new URL(href))).toBeNull();
  });
});
