#!/usr/bin/env node
// `npm run purge -- --data-dir DOSSIER --oui`: make sure the native module is built, then run the
// RGPD purge of a data folder (Pupitre and the hub stopped; no views, no network).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { run } from './lib.mjs';

run(process.execPath, ['scripts/native-node.mjs']);
if (!existsSync('node_modules/tsx/dist/cli.mjs')) {
  console.error('Dépendances absentes : lancez « npm install » d’abord.');
  process.exit(1);
}
// One process (tsx as a loader), so that signals reach the purge itself.
const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/purge.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
