import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/conformance/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', './tests/unit/setup.ts'],
    // Rules are table-tested under several pinned zones inside the tests themselves; the
    // default zone is pinned so nothing depends on the machine's.
    env: { TZ: 'UTC' },
    // The in-page CSS as the build inlines it (lib/content/page-ui.tsx), so tests see real styles.
    css: { include: [/page-ui\.css/] },
  },
});
