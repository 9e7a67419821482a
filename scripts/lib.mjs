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
