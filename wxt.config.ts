import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/aliexpress/hosts';
import { packLocales } from './scripts/locales';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: HOST_PERMISSIONS,
    action: { default_title: 'Buyer Shield' },
    // Firefox only: a fixed add-on id (IndexedDB and storage survive reinstalls) and the
    // declaration, required by addons.mozilla.org, that nothing is collected (`web-ext lint`).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'buyer-shield@buyer-shield.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['tests/**', 'docs/**', '*.log', '.bench/**'] },
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: [
        // Sizes (issue 16): Dexie's package entry wraps its ES5 UMD build (dist/dexie.js); its
        // own modern ES module build is the same library, 1.6 KB gzip smaller in the worker.
        // The wrapper only guards against two copies of Dexie in one page, and the worker has one.
        {
          find: /^dexie$/,
          replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)),
        },
      ],
    },
  }),
  hooks: {
    // Sizes (issue 16): the locale tables ship packed, from the readable sources
    // (scripts/locales.ts).
    'build:publicAssets': (_wxt, files) => packLocales(files),
    // The polyfill serves the extension's own pages. The worker and the content scripts need
    // none of it (issue 16, sizes: 2.7 KB gzip of background.js): Chrome's MV3 and Firefox's
    // APIs are promise-based, which WXT's plain `browser` exposes, and the worker answers
    // messages through `sendResponse` (entrypoints/background.ts), which both browsers have.
    // Content scripts run inside AliExpress pages on a size budget (BENCHMARKS.md), nor do they
    // take Preact: their few components (badge, banner, refresh panel) are rendered by
    // lib/content/dom-render.ts through the tiny JSX runtime lib/content/dom-jsx.ts.
    'vite:build:extendConfig': (entrypoints, config) => {
      const contentScripts = entrypoints.every((e) => e.type === 'content-script');
      if (!contentScripts && !entrypoints.every((e) => e.type === 'background')) return;
      const jsxRuntime = fileURLToPath(new URL('./lib/content/dom-jsx.ts', import.meta.url));
      // Nor WXT's content-script context: lib/content/page-context.ts is the part of it we use.
      const context = fileURLToPath(new URL('./lib/content/page-context.ts', import.meta.url));
      const jsx = contentScripts
        ? [
            { find: /^preact\/jsx-(dev-)?runtime$/, replacement: jsxRuntime },
            { find: /^wxt\/utils\/content-script-context$/, replacement: context },
          ]
        : [];
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = {
          ...config.resolve,
          alias: [...jsx, ...alias.filter((a) => a.find !== 'wxt/browser')],
        };
      } else {
        const rest = { ...((alias ?? {}) as Record<string, string>) };
        delete rest['wxt/browser'];
        config.resolve = {
          ...config.resolve,
          alias: [...jsx, ...Object.entries(rest).map(([find, replacement]) => ({ find, replacement }))],
        };
      }
    },
  },
});
