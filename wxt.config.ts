import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// AliExpress hosts we read. aliexpress.ru is matched too, only so the popup can say it is not
// supported yet (DESIGN.md): it is a different front-end and is never read.
export const ALIEXPRESS_HOSTS = ['*://*.aliexpress.com/*', '*://*.aliexpress.us/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ALIEXPRESS_HOSTS,
    action: { default_title: 'Buyer Shield' },
  },
  zip: { excludeSources: ['tests/**', 'docs/**', '*.log', '.bench/**'] },
  vite: () => ({ plugins: [preact()] }),
});
