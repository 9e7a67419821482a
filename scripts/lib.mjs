// Small helpers shared by the scripts (start, serve, test-all).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return r;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds main, preload and the views when out/ is missing or older than src/; the participant page likewise. */
export function ensureBuilt() {
  const newest = newestMtime('src');
  const marker = 'out/renderer/control/index.html';
  if (!(existsSync(marker) && existsSync('out/main/index.js') && statSync(marker).mtimeMs >= newest)) {
    console.log('Pupitre : construction des vues (electron-vite build)…');
    run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build']);
  }
  // The participant page has its own build (a hub on a remote server serves out/participant alone).
  const page = 'out/participant/index.html';
  if (!(existsSync(page) && statSync(page).mtimeMs >= newest)) {
    console.log('Pupitre : construction de la page des participants (vite build -c vite.participant.config.ts)…');
    run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.participant.config.ts', '--logLevel', 'warn']);
  }
}

// ── `npm start`'s decisions, as pure functions (tests/integration/electron-start.test.ts) ──

/** Linux needs a graphical session for a window; Windows and macOS always have one. */
export function desktopPossible(platform, env) {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Desktop app, first a download of Electron, or the browser mode with the reason (one sentence,
 * French and English). `reachable`: whether the download host answered; null: not asked yet, and
 * 'probe' says it must be asked (Electron missing, its zip not cached): nothing announces a
 * download that cannot happen.
 */
export function startPlan({ platform, env, binary, cachedZip, reachable }) {
  if (env.PUPITRE_NO_ELECTRON === '1') return { mode: 'browser', reasonFr: 'PUPITRE_NO_ELECTRON=1', reasonEn: 'PUPITRE_NO_ELECTRON=1' };
  if (!desktopPossible(platform, env)) {
    return {
      mode: 'browser',
      reasonFr: 'Pas d’écran graphique ici (ni DISPLAY ni WAYLAND_DISPLAY)',
      reasonEn: 'No graphical display here (neither DISPLAY nor WAYLAND_DISPLAY)',
    };
  }
  if (binary) return { mode: 'electron' };
  if (cachedZip || reachable) return { mode: 'install' };
  if (reachable === null) return { mode: 'probe' };
  return {
    mode: 'browser',
    reasonFr: 'Electron n’est pas encore installé et ne peut pas être téléchargé d’ici (pas d’accès à Internet)',
    reasonEn: 'Electron is not installed yet and cannot be downloaded from here (no internet access)',
  };
}

/** Where the Electron download goes first: the mirror or GitHub, or the HTTPS proxy in between. */
export function downloadProbeTarget(env) {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.npm_config_https_proxy;
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror;
  const url = proxy || mirror || 'https://github.com/';
  try {
    const u = new URL(url);
    return { host: u.hostname, port: Number(u.port) || (u.protocol === 'http:' ? 80 : 443) };
  } catch {
    return { host: 'github.com', port: 443 };
  }
}

/** @electron/get's cache folder (where `node node_modules/electron/install.js` looks first). */
export function electronCacheRoot(platform, env, home) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron');
}

/** The zip of this Electron already downloaded once (install.js then needs no network). */
export function electronZipCached({ version, platform, arch, env, home }) {
  const cacheRoot = electronCacheRoot(platform, env, home);
  const name = `electron-v${version}-${platform}-${arch}.zip`;
  if (!existsSync(cacheRoot)) return false;
  return readdirSync(cacheRoot, { withFileTypes: true }).some((d) => d.isDirectory() && existsSync(join(cacheRoot, d.name, name)));
}

/**
 * What `npm start` does with the operator's Ctrl+C. POSIX: forward the signal to the child's
 * process group (the core under `npm run serve` is a grandchild). Windows: Ctrl+C already reached
 * every process of the console, the child included, and child.kill() would end it at once
 * (TerminateProcess) before it closes its database: wait for it, and end it only after a grace
 * longer than the quit flow's own limit (10 s).
 */
export function stopPlan(platform) {
  return platform === 'win32' ? { forward: false, graceMs: 15_000 } : { forward: true, graceMs: 0 };
}
