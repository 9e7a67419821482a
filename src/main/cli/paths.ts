import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, seen from this file (src/main/cli). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Where a headless régie keeps its data unless told otherwise: the same folder as Electron's
 * userData for "Pupitre", so that the app and `npm run serve` share one journal.
 */
export function defaultDataDir(): string {
  if (process.env.PUPITRE_DATA_DIR) return process.env.PUPITRE_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Pupitre');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Pupitre');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Pupitre');
}
