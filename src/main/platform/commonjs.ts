import { createRequire } from 'node:module';

/**
 * The one way the main process loads a CommonJS package or resolves a package's file.
 *
 * Why not `const require = createRequire(…)` in each file: electron-vite's ESM shim adds its own
 * `const require` to the built main bundle whenever the bundle seems to call require, and two
 * declarations of `require` in one module are a syntax error: the app does not start (electron-vite
 * issue #921). This binding has another name, so that nothing of ours declares `require`;
 * eslint forbids declaring `require` or calling createRequire anywhere else in src/main, and
 * tests/electron-standin runs the built bundle.
 */
export const loadCommonJs = createRequire(import.meta.url);
