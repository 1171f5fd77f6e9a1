// Bundles tests/bench/node-entry.ts (readers, rules) for Node: `vite build --config tests/bench/vite.config.mjs`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@': root } },
  ssr: { noExternal: true },
  build: {
    ssr: path.join(root, 'tests/bench/node-entry.ts'),
    outDir: path.join(root, '.bench/node'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'node-entry.mjs' } },
  },
});
