#!/usr/bin/env node
// `npm run serve`: make sure the native module and the views are built, then run the core alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureBuilt, run } from './lib.mjs';

run(process.execPath, ['scripts/native-node.mjs']);
ensureBuilt();
const tsx = 'node_modules/tsx/dist/cli.mjs';
if (!existsSync(tsx)) {
  console.error('Dépendances absentes : lancez « npm install » d’abord.');
  process.exit(1);
}
// One process (tsx as a loader), so that signals reach the core itself.
const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/serve.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
