import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The hub process's entry as a source file, for the core's Node launcher (run through tsx: the core
 * runs from source under `npm run serve` and in the tests). In the Electron app the entry is the
 * built out/main/hub.js (electron.vite.config.ts), started as a utilityProcess.
 */
export function hubChildSource(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'child.ts');
}
