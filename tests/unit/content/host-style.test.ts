/**
 * Every badge, banner and panel draws with the same CSS: one sheet, parsed once and adopted by
 * every shadow root (issue 16, the page's cost), or a `<style>` copy where a content script cannot
 * adopt one.
 */
import { makeHost } from '@/lib/content/page-ui';

const sheetText = (root: ShadowRoot): string =>
  root.adoptedStyleSheets.length > 0
    ? [...(root.adoptedStyleSheets[0]?.cssRules ?? [])].map((r) => r.cssText).join('\n')
    : (root.querySelector('style')?.textContent ?? '');

describe('the in-page hosts share one style sheet', () => {
  it('gives each shadow root the badge styles, from one sheet object', () => {
    const a = makeHost('badge').root;
    const b = makeHost('banner').root;
    expect(sheetText(a)).toContain('.bs-badge');
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
    // Nothing but what the components render goes into the root.
    expect(a.childNodes).toHaveLength(0);
  });

  it('falls back to a style element where a sheet cannot be adopted', () => {
    const real = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new Error('not from a content script');
      },
    });
    try {
      const { root } = makeHost('badge');
      expect(root.firstChild?.nodeName).toBe('STYLE');
      expect(sheetText(root)).toContain('.bs-badge');
    } finally {
      if (real) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', real);
    }
  });
});
