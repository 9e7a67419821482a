#!/usr/bin/env node
// `npm start`: the desktop régie (Electron) when it can run here, otherwise the same régie in
// browser mode (`npm run serve`), with one sentence saying why.
//   1. better-sqlite3 for Node (the browser-mode fallback needs it)
//   2. the views, main and preload (electron-vite build) when src/ is newer than out/
//   3. the Electron binary (downloaded once by node_modules/electron/install.js)
//   4. better-sqlite3 for Electron's ABI (scripts/native-electron.mjs, in .cache/)
//   5. Electron on this folder, with PUPITRE_NATIVE_BINDING pointing at that build (on Linux,
//      only with a graphical display: DISPLAY or WAYLAND_DISPLAY)
// PUPITRE_NO_ELECTRON=1 goes straight to browser mode. Arguments after `--` go to the régie
// (in browser mode: --data-dir, --port, --lan, --no-demo, see `npm run serve -- --help`;
// for Electron, --data-dir becomes PUPITRE_DATA_DIR).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, run } from './lib.mjs';
import { buildElectronNative } from './native-electron.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));

const BROWSER_MODE_FR = 'Pupitre démarre en mode navigateur ; ouvrez les adresses ci-dessous dans Chromium ou Firefox.';
const BROWSER_MODE_EN = 'Pupitre starts in browser mode; open the addresses below in Chromium or Firefox.';

/** `--data-dir DIR` (as for `npm run serve`) becomes PUPITRE_DATA_DIR for Electron; other arguments go through. */
function electronArgs(list) {
  const rest = [];
  let dataDir;
  for (let i = 0; i < list.length; i += 1) {
    const a = list[i];
    if (a === '--data-dir' && i + 1 < list.length) dataDir = list[(i += 1)];
    else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else rest.push(a);
  }
  return { rest, dataDir };
}

/** The Electron executable, or null when it is not installed (path.txt or the binary missing). */
function electronBinary() {
  try {
    const path = require('electron'); // node_modules/electron/index.js: the path of the binary
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // "Electron failed to install correctly": no path.txt
  }
}

/** Runs node_modules/electron/install.js (downloads the binary); its output goes to a log, not the terminal. */
function installElectron() {
  const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  console.log(`Pupitre : téléchargement d’Electron ${version} (une seule fois, ~100 Mo)…`);
  mkdirSync('.cache', { recursive: true });
  const log = openSync('.cache/electron-install.log', 'w');
  spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    stdio: ['ignore', log, log],
    timeout: 5 * 60 * 1000,
  });
  closeSync(log);
  return electronBinary();
}

/**
 * Runs a child in its own process group (POSIX) and forwards Ctrl+C and kill to the whole group:
 * the core under `npm run serve` is a grandchild and must get the signal to close its database.
 */
function runForwarding(command, commandArgs, env) {
  const group = process.platform !== 'win32';
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'], env, detached: group });
  let forwarded = false;
  const forward = (signal) => {
    forwarded = true;
    try {
      if (group && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (err) => {
    console.error(`Pupitre n’a pas pu lancer ${command} : ${err.message}`);
    process.exit(1);
  });
  // Stopped by the operator's Ctrl+C (forwarded): a normal end, not an error for npm.
  child.on('exit', (code, signal) => process.exit(code ?? (signal && forwarded ? 0 : 1)));
}

function browserMode(reasonFr, reasonEn) {
  console.log(`\n${reasonFr} : ${BROWSER_MODE_FR}\n${reasonEn}: ${BROWSER_MODE_EN}\n`);
  runForwarding(process.execPath, ['scripts/serve.mjs', ...args], process.env);
}

// 1, 2
run(process.execPath, ['scripts/native-node.mjs']);
ensureBuilt();

if (process.env.PUPITRE_NO_ELECTRON === '1') {
  browserMode('PUPITRE_NO_ELECTRON=1', 'PUPITRE_NO_ELECTRON=1');
} else {
  // 3
  const electron = electronBinary() ?? installElectron();
  if (!electron) {
    browserMode('Electron n’a pas pu être téléchargé (pas d’accès à Internet ?)', 'Electron could not be downloaded (no internet access?)');
  } else {
    // 4
    const native = buildElectronNative();
    if (!native.ok) {
      if (native.offline) {
        browserMode(
          'Le module SQLite pour Electron n’a pas pu être préparé (pas d’accès à Internet pour les en-têtes d’Electron ?)',
          'the SQLite module for Electron could not be built (no internet access for Electron’s headers?)',
        );
      } else {
        console.error(native.message);
        browserMode('Le module SQLite pour Electron n’a pas pu être compilé', 'the SQLite module for Electron could not be built');
      }
    } else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      // Electron cannot open a window (SSH session, server): the browser-mode régie still can.
      browserMode(
        'Pas d’écran graphique ici (ni DISPLAY ni WAYLAND_DISPLAY)',
        'No graphical display here (neither DISPLAY nor WAYLAND_DISPLAY)',
      );
    } else {
      // 5
      const { rest, dataDir } = electronArgs(args);
      const env = { ...process.env, PUPITRE_NATIVE_BINDING: native.binding, ...(dataDir ? { PUPITRE_DATA_DIR: resolve(dataDir) } : {}) };
      delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
      runForwarding(electron, ['.', ...rest], env);
    }
  }
}
