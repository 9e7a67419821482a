#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI in .cache/electron-native/<electron version>/, next to
// (never over) the Node build in node_modules that the tests and `npm run serve` use.
// Prints the path of better_sqlite3.node. Does nothing when the stamp says it is already built.
//
// Needs Electron's headers from https://electronjs.org/headers (downloaded once by node-gyp into
// its cache): on a machine with no internet it fails with one French sentence and exit code 1.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const STAMP = 'pupitre-electron-native.json';
const MIN_SIZE = 100 * 1024; // a real better_sqlite3.node is ~2 MB (SQLite is inside)

export function electronNativeInfo() {
  const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
  const abiFile = join(root, 'node_modules/electron/abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  const sqlitePkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqlitePkgDir, 'package.json'), 'utf8')).version;
  const dir = join(root, '.cache', 'electron-native', electronPkg.version, 'better-sqlite3');
  return {
    electronVersion: electronPkg.version,
    abi,
    sqlitePkgDir,
    sqliteVersion,
    dir,
    binding: join(dir, 'build', 'Release', 'better_sqlite3.node'),
    stampFile: join(dir, STAMP),
    logFile: join(dir, '..', 'node-gyp.log'),
  };
}

function wantedStamp(info) {
  return {
    electron: info.electronVersion,
    abi: info.abi,
    betterSqlite3: info.sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };
}

/**
 * A native addon exports `node_register_module_v<ABI>`: looking for Electron's ABI in the file
 * tells an Electron build from a Node build without loading it (Node cannot load it).
 */
function builtFor(info) {
  if (!existsSync(info.binding) || statSync(info.binding).size < MIN_SIZE) return false;
  if (!info.abi) return true;
  return readFileSync(info.binding).includes(`node_register_module_v${info.abi}`);
}

function isBuilt(info) {
  if (!existsSync(info.stampFile) || !builtFor(info)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(info.stampFile, 'utf8'))) === JSON.stringify(wantedStamp(info));
  } catch {
    return false;
  }
}

/**
 * node-gyp takes every npm_config_* variable as an option, and wins over the command line.
 * `npm start` passes the user's npm config (here ~/.npmrc has nodedir=/usr): a nodedir would
 * silently compile against Node's headers instead of Electron's. Proxy settings stay.
 */
function cleanEnv() {
  const env = { ...process.env };
  const drop = /^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source|target_arch|target_platform)$/i;
  for (const key of Object.keys(env)) {
    if (drop.test(key) || /^npm_package_config_node_gyp_/i.test(key)) delete env[key];
  }
  return env;
}

const NETWORK_ERROR =
  /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|FetchError|socket hang up|request to https?:\/\/\S+ failed|certificate/i;

/** Returns { ok: true, binding } or { ok: false, offline, message } (message: one French sentence). */
export function buildElectronNative({ quiet = false } = {}) {
  const info = electronNativeInfo();
  if (isBuilt(info)) return { ok: true, binding: info.binding, built: false };

  const say = (m) => {
    if (!quiet) console.log(m);
  };
  say(`Pupitre : compilation de better-sqlite3 pour Electron ${info.electronVersion} (une seule fois, ~2 min)…`);
  rmSync(info.dir, { recursive: true, force: true });
  mkdirSync(info.dir, { recursive: true });
  for (const part of ['src', 'deps', 'binding.gyp', 'package.json']) {
    cpSync(join(info.sqlitePkgDir, part), join(info.dir, part), { recursive: true });
  }

  const nodeGyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js');
  const log = openSync(info.logFile, 'w');
  const r = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${info.electronVersion}`,
      `--dist-url=${process.env.PUPITRE_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers'}`,
    ],
    { cwd: info.dir, env: cleanEnv(), stdio: ['ignore', log, log], timeout: 15 * 60 * 1000 },
  );
  closeSync(log);

  if (r.status === 0 && builtFor(info)) {
    writeFileSync(info.stampFile, JSON.stringify(wantedStamp(info), null, 2) + '\n');
    return { ok: true, binding: info.binding, built: true };
  }
  const output = existsSync(info.logFile) ? readFileSync(info.logFile, 'utf8') : '';
  let message;
  let offline = false;
  if (r.error?.code === 'ETIMEDOUT') {
    message = `La compilation de better-sqlite3 pour Electron a dépassé 15 minutes et a été arrêtée (journal : ${info.logFile}).`;
  } else if (
    NETWORK_ERROR.test(output) &&
    !existsSync(join(info.dir, 'build', 'Makefile')) &&
    !existsSync(join(info.dir, 'build', 'binding.sln'))
  ) {
    offline = true;
    message = `Les en-têtes d’Electron ${info.electronVersion} n’ont pas pu être téléchargés depuis electronjs.org (pas d’accès à Internet ?) : better-sqlite3 n’a pas été compilé pour Electron.`;
  } else if (r.status === 0) {
    message = `better-sqlite3 a été compilé, mais pas pour Electron ${info.electronVersion} (ABI ${info.abi}) : vérifiez qu’aucune option nodedir ne traîne dans la configuration npm (journal : ${info.logFile}).`;
  } else {
    message = `better-sqlite3 n’a pas pu être compilé pour Electron ${info.electronVersion} : il faut python3, make et un compilateur C++ (journal : ${info.logFile}).`;
  }
  return { ok: false, offline, message };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = buildElectronNative();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(result.binding);
}
