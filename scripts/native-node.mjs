#!/usr/bin/env node
// Builds better-sqlite3 for this Node (install scripts are off in .npmrc, see there).
// Does nothing when a working build is already there. About 1.5 minutes from source.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

function works() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], {
    stdio: 'pipe',
  });
  return r.status === 0;
}

if (works()) process.exit(0);

const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
console.log('Pupitre : compilation de better-sqlite3 pour Node (une seule fois, ~2 min)…');
// prebuild-install first (a prebuilt binary where the network allows), then a build from source.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['run', 'install', '--ignore-scripts=false'], { cwd: pkgDir, stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status !== 0 || !works()) {
  console.error('better-sqlite3 n’a pas pu être compilé : il faut python3, make et un compilateur C++ (build-essential).');
  process.exit(1);
}
