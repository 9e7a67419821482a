import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));

// The participant page, built alone so that a hub on a remote server serves it with no other file:
// out/participant/index.html + out/participant/assets/*. Relative base ('./'): it works at the
// hub's root and behind a reverse proxy's sub-path. No inline script (the hub's CSP forbids it).
export default defineConfig({
  root: resolve(here, 'src/renderer/participant'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'out/participant'),
    emptyOutDir: true,
    // Phones of the last few years (the venue's audience): Safari 15, Chrome 100.
    target: ['es2021', 'safari15', 'chrome100', 'firefox100'],
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
