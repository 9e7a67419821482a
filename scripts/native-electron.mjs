#!/usr/bin/env node
// better-sqlite3 for Electron's ABI, in .cache/electron-native/<electron version>/, next to (never
// over) the Node build in node_modules that the tests and `npm run serve` use. Prints the path of
// better_sqlite3.node. Does nothing when the stamp says it is already there.
//
//   1. the prebuilt binary better-sqlite3 publishes for this Electron (prebuild-install
//      --runtime electron --target <version>: win32, darwin and linux, x64 and arm64), seconds;
//   2. failing that, a build from source with node-gyp against Electron's headers (~2 min), which
//      needs a C++ toolchain: toolchainHint() says which one, per platform.
// With no internet and nothing cached, it fails at once with one French sentence and exit code 1.
//
// For tests and mirrors: npm_config_better_sqlite3_binary_host (prebuild-install's mirror),
// PUPITRE_ELECTRON_HEADERS_URL (Electron's headers), PUPITRE_NATIVE_CACHE (instead of .cache/electron-native).
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const STAMP = 'pupitre-electron-native.json';
const MIN_SIZE = 100 * 1024; // a real better_sqlite3.node is ~2 MB (SQLite is inside)

export function electronNativeInfo(env = process.env) {
  const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
  const abiFile = join(root, 'node_modules/electron/abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  const sqlitePkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqlitePkgDir, 'package.json'), 'utf8')).version;
  const cacheRoot = env.PUPITRE_NATIVE_CACHE ? resolve(env.PUPITRE_NATIVE_CACHE) : join(root, '.cache', 'electron-native');
  const dir = join(cacheRoot, electronPkg.version, 'better-sqlite3');
  return {
    electronVersion: electronPkg.version,
    abi,
    sqlitePkgDir,
    sqliteVersion,
    dir,
    binding: join(dir, 'build', 'Release', 'better_sqlite3.node'),
    stampFile: join(dir, STAMP),
    logFile: join(dir, '..', 'native-build.log'),
  };
}

/**
 * The architecture of the Electron that node_modules/electron/install.js downloads: npm's arch
 * when set, and arm64 for an x64 Node running under Rosetta on Apple silicon (install.js does the same).
 */
export function electronArch(platform, arch, env) {
  if (env.npm_config_arch) return env.npm_config_arch;
  if (platform === 'darwin' && arch === 'x64' && process.platform === 'darwin') {
    const r = spawnSync('sysctl', ['-in', 'sysctl.proc_translated'], { encoding: 'utf8' });
    if (r.stdout?.trim() === '1') return 'arm64';
  }
  return arch;
}

/** What to install for a build from source, in French, per platform. */
export function toolchainHint(platform) {
  switch (platform) {
    case 'win32':
      return 'installez les « Build Tools for Visual Studio » (charge de travail « Développement Desktop en C++ ») et Python 3';
    case 'darwin':
      return 'installez les outils en ligne de commande de Xcode (« xcode-select --install »)';
    default:
      return 'il faut python3, make et g++ (sous Debian ou Ubuntu : « apt install python3 make g++ »)';
  }
}

function wantedStamp(info, platform, arch) {
  return { electron: info.electronVersion, abi: info.abi, betterSqlite3: info.sqliteVersion, platform, arch };
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

function isBuilt(info, platform, arch) {
  if (!existsSync(info.stampFile) || !builtFor(info)) return false;
  try {
    const stamp = JSON.parse(readFileSync(info.stampFile, 'utf8'));
    const wanted = wantedStamp(info, platform, arch);
    return Object.entries(wanted).every(([k, v]) => stamp[k] === v);
  } catch {
    return false;
  }
}

/**
 * node-gyp and prebuild-install take npm_config_* variables as options, over the command line.
 * `npm start` passes the user's npm config (here ~/.npmrc has nodedir=/usr): a nodedir would
 * silently compile against Node's headers instead of Electron's. Proxy settings and mirrors stay.
 */
function cleanEnv(env) {
  const out = { ...env };
  const drop = /^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source|target_arch|target_platform|arch|platform)$/i;
  for (const key of Object.keys(out)) {
    if (drop.test(key) || /^npm_package_config_node_gyp_/i.test(key)) delete out[key];
  }
  return out;
}

const NETWORK_ERROR =
  /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|FetchError|socket hang up|request to https?:\/\/\S+ failed|certificate/i;
const DOWNLOAD_ERROR = /(status code|response) downloading|downloading tarball|Could not download|404 Not Found|403 Forbidden/i;

/** Electron's headers already in node-gyp's cache (a build from source then needs no network). */
function headersCached(version, env, platform) {
  const home = env.HOME || env.USERPROFILE || homedir();
  const devDir =
    env.npm_config_devdir ||
    (platform === 'win32'
      ? join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'node-gyp', 'Cache')
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches', 'node-gyp')
        : join(env.XDG_CACHE_HOME || join(home, '.cache'), 'node-gyp'));
  return existsSync(join(devDir, version, 'installVersion'));
}

function runLogged(args, cwd, env, log, timeoutMs) {
  const fd = openSync(log, 'a');
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', fd, fd], timeout: timeoutMs });
  closeSync(fd);
  return r;
}

function readLog(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** prebuild-install, as better-sqlite3's own install script runs it, for Electron. */
function tryPrebuilt(info, env, platform, arch) {
  const bin = require.resolve('prebuild-install/bin.js', { paths: [info.sqlitePkgDir] });
  const args = [bin, '--runtime=electron', `--target=${info.electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose'];
  const r = runLogged(args, info.dir, env, info.logFile, 3 * 60 * 1000);
  return r.status === 0 && builtFor(info);
}

/**
 * Returns { ok: true, binding, source: 'prebuilt' | 'compiled' | 'cached' } or
 * { ok: false, offline, message } (message: one French sentence).
 */
export function buildElectronNative({ quiet = false, env = process.env, platform = process.platform, arch: nodeArch = process.arch } = {}) {
  const info = electronNativeInfo(env);
  const arch = electronArch(platform, nodeArch, env);
  if (isBuilt(info, platform, arch)) return { ok: true, binding: info.binding, source: 'cached' };

  const say = (m) => {
    if (!quiet) console.log(m);
  };
  const childEnv = cleanEnv(env);
  rmSync(info.dir, { recursive: true, force: true });
  mkdirSync(info.dir, { recursive: true });
  writeFileSync(info.logFile, '');
  cpSync(join(info.sqlitePkgDir, 'package.json'), join(info.dir, 'package.json'));
  const stamp = (source) => writeFileSync(info.stampFile, JSON.stringify({ ...wantedStamp(info, platform, arch), source }, null, 2) + '\n');

  // 1. The prebuilt binary.
  if (tryPrebuilt(info, childEnv, platform, arch)) {
    stamp('prebuilt');
    say(`Pupitre : module SQLite précompilé pour Electron ${info.electronVersion} installé.`);
    return { ok: true, binding: info.binding, source: 'prebuilt' };
  }
  const prebuiltLog = readLog(info.logFile);
  if (NETWORK_ERROR.test(prebuiltLog) && !headersCached(info.electronVersion, env, platform)) {
    // Nothing to download from here and nothing cached: no compilation announced that cannot run.
    return {
      ok: false,
      offline: true,
      message: `Le module SQLite pour Electron ${info.electronVersion} n’a pas pu être téléchargé (pas d’accès à Internet ?), ni compilé faute des en-têtes d’Electron.`,
    };
  }

  // 2. From source.
  say(
    `Pupitre : pas de module SQLite précompilé pour Electron ${info.electronVersion} (${platform}-${arch}) : compilation (une seule fois, ~2 min)…`,
  );
  for (const part of ['src', 'deps', 'binding.gyp']) cpSync(join(info.sqlitePkgDir, part), join(info.dir, part), { recursive: true });
  const nodeGyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js');
  const headersUrl = env.PUPITRE_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
  const before = readLog(info.logFile).length;
  const r = runLogged(
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${info.electronVersion}`,
      `--arch=${arch}`,
      `--dist-url=${headersUrl}`,
    ],
    info.dir,
    childEnv,
    info.logFile,
    15 * 60 * 1000,
  );
  if (r.status === 0 && builtFor(info)) {
    stamp('compiled');
    return { ok: true, binding: info.binding, source: 'compiled' };
  }
  const output = readLog(info.logFile).slice(before);
  const configured = existsSync(join(info.dir, 'build', 'Makefile')) || existsSync(join(info.dir, 'build', 'binding.sln'));
  if (r.error?.code === 'ETIMEDOUT') {
    return {
      ok: false,
      offline: false,
      message: `La compilation de better-sqlite3 pour Electron a dépassé 15 minutes et a été arrêtée (journal : ${info.logFile}).`,
    };
  }
  if (!configured && (NETWORK_ERROR.test(output) || DOWNLOAD_ERROR.test(output))) {
    return {
      ok: false,
      offline: NETWORK_ERROR.test(output),
      message: `Les en-têtes d’Electron ${info.electronVersion} n’ont pas pu être téléchargés (${headersUrl}) : better-sqlite3 n’a pas été compilé pour Electron (journal : ${info.logFile}).`,
    };
  }
  if (r.status === 0) {
    return {
      ok: false,
      offline: false,
      message: `better-sqlite3 a été compilé, mais pas pour Electron ${info.electronVersion} (ABI ${info.abi}) : vérifiez qu’aucune option nodedir ne traîne dans la configuration npm (journal : ${info.logFile}).`,
    };
  }
  return {
    ok: false,
    offline: false,
    message: `better-sqlite3 n’a pas pu être compilé pour Electron ${info.electronVersion} : ${toolchainHint(platform)} (journal : ${info.logFile}).`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = buildElectronNative();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(result.binding);
}
