/** Where the shell finds its parts, in dev (the repository) and packaged (electron-builder). */
import { app } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * PUPITRE_DATA_DIR moves the data folder (tests, a second show on the same PC). It must be
 * applied before `ready` and before the single-instance lock, which is taken per data folder.
 */
export function applyDataDirOverride(): void {
  const dir = process.env.PUPITRE_DATA_DIR;
  if (dir) app.setPath('userData', resolve(dir));
}

export interface ShellPaths {
  /** Database, logs, remembered display. */
  dataDir: string;
  /** The built views the core serves (out/renderer, inside app.asar when packaged). */
  rendererDir: string;
  /** The built participant page, served by the embedded audience hub. */
  participantDir: string;
  /** The demo programme and other resources (extraResources when packaged). */
  resourcesDir: string;
  /** The sandboxed preload, CommonJS (out/preload/index.cjs). */
  preload: string;
  /** better_sqlite3.node built for Electron's ABI (dev only: `npm start` sets it). */
  nativeBinding: string | undefined;
}

export function shellPaths(): ShellPaths {
  const appPath = app.getAppPath();
  return {
    dataDir: app.getPath('userData'),
    rendererDir: join(appPath, 'out', 'renderer'),
    participantDir: join(appPath, 'out', 'participant'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(appPath, 'resources'),
    // This file is bundled into out/main/index.js: the preload sits next door.
    preload: join(dirname(fileURLToPath(import.meta.url)), '..', 'preload', 'index.cjs'),
    // Packaged, electron-builder has rebuilt better-sqlite3 for Electron: its own binary is right.
    nativeBinding: app.isPackaged ? undefined : process.env.PUPITRE_NATIVE_BINDING || undefined,
  };
}
