/**
 * bench/journal: how fast the régie's journal takes events, and how long a restart takes.
 *   npm run bench:journal
 * Prints events/s for one command per transaction (each with its own fsync) and for group
 * commits, and the time to rebuild the state from 100,000 journal events (with and without
 * the latest snapshot). Targets (issue 2): >= 20,000 events/s grouped, rebuild <= 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildState, RegieEngine } from '../src/main/engine/regie-engine';
import { openRegieDatabase } from '../src/main/store/regie-database';
import { Journal } from '../src/main/store/journal';
import { Snapshots } from '../src/main/store/snapshots';

const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
let counter = 0;
const envelope = () => ({ id: `bench-${String(counter++).padStart(8, '0')}`, command: { type: 'log.note', text: `Question ou note n° ${counter} : que devient l’enfant après 18 ans ?` } });

async function singleAppends(n: number): Promise<number> {
  const db = openRegieDatabase(join(dir, 'single.sqlite3'));
  const engine = new RegieEngine(new Journal(db), new Snapshots(db));
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1) await engine.submit(envelope(), 'bench'); // one at a time: one transaction each
  const s = (performance.now() - t0) / 1000;
  db.close();
  return n / s;
}

async function groupCommits(n: number, inFlight: number): Promise<number> {
  const db = openRegieDatabase(join(dir, `group-${inFlight}.sqlite3`));
  const engine = new RegieEngine(new Journal(db), new Snapshots(db));
  const t0 = performance.now();
  for (let i = 0; i < n; i += inFlight) {
    await Promise.all(Array.from({ length: Math.min(inFlight, n - i) }, () => engine.submit(envelope(), 'bench')));
  }
  const s = (performance.now() - t0) / 1000;
  db.close();
  return n / s;
}

async function rebuild(n: number): Promise<{ withSnapshot: number; fromZero: number }> {
  const path = join(dir, 'rebuild.sqlite3');
  const db = openRegieDatabase(path);
  const engine = new RegieEngine(new Journal(db), new Snapshots(db));
  for (let i = 0; i < n; i += 2000) await Promise.all(Array.from({ length: Math.min(2000, n - i) }, () => engine.submit(envelope(), 'bench')));
  engine.close();
  db.close();

  const db2 = openRegieDatabase(path);
  let t0 = performance.now();
  const restarted = new RegieEngine(new Journal(db2), new Snapshots(db2));
  const withSnapshot = performance.now() - t0;
  t0 = performance.now();
  const replayed = rebuildState(new Journal(db2), null);
  const fromZero = performance.now() - t0;
  if (replayed.seq !== restarted.seq || replayed.state.notesTotal !== n) throw new Error('rebuild mismatch');
  db2.close();
  return { withSnapshot, fromZero };
}

const single = await singleAppends(2_000);
const g100 = await groupCommits(50_000, 100);
const g1000 = await groupCommits(100_000, 1000);
const r = await rebuild(100_000);
console.log('bench/journal (better-sqlite3, WAL, synchronous=FULL)');
console.log(`  single appends (1 command per transaction): ${fmt(single)} events/s`);
console.log(`  group commit, 100 in flight:               ${fmt(g100)} events/s`);
console.log(`  group commit, 1,000 in flight:             ${fmt(g1000)} events/s   (target >= 20,000)`);
console.log(`  restart on 100,000 events, from snapshot:  ${r.withSnapshot.toFixed(1)} ms`);
console.log(`  replay of 100,000 events from zero:        ${fmt(r.fromZero)} ms   (target <= 2,000)`);
rmSync(dir, { recursive: true, force: true });
