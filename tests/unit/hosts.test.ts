// @vitest-environment node
/**
 * The match lists are written out (lib/aliexpress/hosts.ts says why): each must still be every
 * AliExpress host with each of its paths, so a page on aliexpress.us is never left without the
 * badges a buyer on aliexpress.com gets, and the capture must run wherever an isolated script does.
 */
import {
  CONTENT_MATCHES,
  HOST_PERMISSIONS,
  HOSTS,
  ORDER_LIST_MATCHES,
  ORDER_PAGE_MATCHES,
  REFUND_PAGE_MATCHES,
} from '@/lib/aliexpress/hosts';

const every = (paths: string[]) => HOSTS.flatMap((h) => paths.map((p) => `${h}${p}`)).sort();

describe('match lists', () => {
  it('are every host with each of the pages’ paths, over https, nothing else', () => {
    expect([...HOST_PERMISSIONS].sort()).toEqual(every(['/*']));
    expect([...ORDER_LIST_MATCHES].sort()).toEqual(every(['/p/order/index.html*']));
    expect([...ORDER_PAGE_MATCHES].sort()).toEqual(every(['/p/order/detail.html*', '/p/tracking/*']));
    expect([...REFUND_PAGE_MATCHES].sort()).toEqual(
      every(['/p/refund-dispute/*', '/p/refund-amount/*', '/p/reverse-pages/*', '/issue/*']),
    );
    expect([...CONTENT_MATCHES].sort()).toEqual(
      every([
        '/p/order/*',
        '/p/tracking/*',
        '/p/refund-dispute/*',
        '/p/refund-amount/*',
        '/p/reverse-pages/*',
        '/issue/*',
      ]),
    );
  });

  it('run the capture on every page an isolated script runs on', () => {
    const covered = (m: string) =>
      CONTENT_MATCHES.some((c) => c.endsWith('*') && m.startsWith(c.slice(0, -1)));
    for (const m of [...ORDER_LIST_MATCHES, ...ORDER_PAGE_MATCHES, ...REFUND_PAGE_MATCHES])
      expect(covered(m), m).toBe(true);
  });
});
