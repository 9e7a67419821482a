import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const __dirname = dirname(fileURLToPath(import.meta.url));

// Main and preload are built for Electron; the renderer is a set of plain web pages that the
// core serves over HTTP (/control, /output), so the same build runs in Electron and in any browser.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // hub: the embedded audience hub, run by the app in Electron's utilityProcess (out/main/hub.js).
        input: { index: resolve(__dirname, 'src/main/electron/main.ts'), hub: resolve(__dirname, 'src/hub/child.ts') },
        // The native module and socket.io stay as runtime requires.
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: '/',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          control: resolve(__dirname, 'src/renderer/control/index.html'),
          output: resolve(__dirname, 'src/renderer/output/index.html'),
          stage: resolve(__dirname, 'src/renderer/stage/index.html'),
        },
      },
    },
  },
});
