#!/usr/bin/env node
// `npm start`: the desktop régie (Electron) when it can run here, otherwise the same régie in
// browser mode (`npm run serve`), with one sentence saying why.
//   1. better-sqlite3 for Node (the browser-mode fallback needs it)
//   2. the views, main, preload and the participant page when src/ is newer than out/
//   3. the Electron binary: there, or downloaded once by node_modules/electron/install.js when
//      it can be (its zip already in @electron/get's cache, or the download host answering)
//   4. better-sqlite3 for Electron's ABI (scripts/native-electron.mjs: prebuilt, else compiled)
//   5. Electron on this folder, with PUPITRE_NATIVE_BINDING pointing at that build. On Linux it
//      needs a graphical session (DISPLAY or WAYLAND_DISPLAY); in a Wayland session the shell
//      restarts itself under X11 unless PUPITRE_WAYLAND=1 (src/main/platform/display-server.ts).
// PUPITRE_NO_ELECTRON=1 goes straight to browser mode. Arguments after `--` go to the régie
// (in browser mode: --data-dir, --port, --lan, --no-demo, see `npm run serve -- --help`;
// for Electron, --data-dir becomes PUPITRE_DATA_DIR).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadProbeTarget, electronZipCached, ensureBuilt, run, startPlan, stopPlan } from './lib.mjs';
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

/** Whether a TCP connection to the download host (or the proxy) opens within a few seconds. */
function canReach({ host, port }, timeoutMs = 4000) {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Runs node_modules/electron/install.js (downloads the binary); its output goes to a log, not the terminal. */
function installElectron(version, fromCache) {
  console.log(
    fromCache
      ? `Pupitre : installation d’Electron ${version} depuis le cache de téléchargement…`
      : `Pupitre : téléchargement d’Electron ${version} (une seule fois, ~100 Mo)…`,
  );
  mkdirSync('.cache', { recursive: true });
  const log = openSync('.cache/electron-install.log', 'w');
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: ['ignore', log, log], timeout: 10 * 60 * 1000 });
  closeSync(log);
  return electronBinary();
}

/**
 * Runs a child and stops it with the operator's Ctrl+C (scripts/lib.mjs stopPlan): on POSIX the
 * signal goes to its whole process group; on Windows the console already gave it to the child,
 * so this waits for it to close its database, and ends it only after a grace period.
 */
function runForwarding(command, commandArgs, env) {
  const plan = stopPlan(process.platform);
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'], env, detached: plan.forward });
  let stopping = false;
  const stop = (signal) => {
    if (plan.forward) {
      stopping = true;
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      return;
    }
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error('Pupitre ne s’est pas arrêté à temps : arrêt forcé.');
      child.kill();
    }, plan.graceMs).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) process.on(signal, () => stop(signal));
  child.on('error', (err) => {
    console.error(`Pupitre n’a pas pu lancer ${command} : ${err.message}`);
    process.exit(1);
  });
  // Stopped by the operator's Ctrl+C: a normal end, not an error for npm.
  child.on('exit', (code, signal) => process.exit(code ?? (signal && stopping ? 0 : 1)));
}

function browserMode(reasonFr, reasonEn) {
  console.log(`\n${reasonFr} : ${BROWSER_MODE_FR}\n${reasonEn}: ${BROWSER_MODE_EN}\n`);
  runForwarding(process.execPath, ['scripts/serve.mjs', ...args], process.env);
}

// 1, 2
run(process.execPath, ['scripts/native-node.mjs']);
ensureBuilt();

// 3
const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
let electron = electronBinary();
const cachedZip =
  !electron && electronZipCached({ version, platform: process.platform, arch: process.arch, env: process.env, home: homedir() });
const facts = { platform: process.platform, env: process.env, binary: Boolean(electron), cachedZip, reachable: null };
let plan = startPlan(facts);
if (plan.mode === 'probe') plan = startPlan({ ...facts, reachable: await canReach(downloadProbeTarget(process.env)) });
if (plan.mode === 'install') {
  electron = installElectron(version, cachedZip);
  if (!electron) {
    plan = {
      mode: 'browser',
      reasonFr: `Le téléchargement d’Electron ${version} a échoué (détails : .cache/electron-install.log)`,
      reasonEn: `the download of Electron ${version} failed (details: .cache/electron-install.log)`,
    };
  }
}

if (plan.mode === 'browser') {
  browserMode(plan.reasonFr, plan.reasonEn);
} else if (electron) {
  // 4
  const native = buildElectronNative();
  if (!native.ok) {
    console.error(native.message);
    browserMode('Le module SQLite pour Electron n’est pas prêt', 'the SQLite module for Electron is not ready');
  } else {
    // 5
    const { rest, dataDir } = electronArgs(args);
    const env = { ...process.env, PUPITRE_NATIVE_BINDING: native.binding, ...(dataDir ? { PUPITRE_DATA_DIR: resolve(dataDir) } : {}) };
    delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
    runForwarding(electron, ['.', ...rest], env);
  }
}
