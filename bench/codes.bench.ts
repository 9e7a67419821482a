/**
 * bench/codes: importing the personal codes of a big event — 50,000 lines « Nom;Prénom;Courriel;Code
 * personnel » (about 3 MB) — through the régie's real CodesDesk, engine, journal and outbox (the
 * wiring of core.ts). Prints the time of each step and the longest stall of the event loop
 * while it runs (a 1 ms timer's largest gap, and perf_hooks' p99/max): what the views, the hub link
 * and the cue clock would wait. Also as Windows-1252 and UTF-16. No assertion: figures.
 * `npm run bench:codes` (`-- --codes 10000` for a quick look).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CodesDesk } from '../src/main/codes/codes-desk';
import { parseCodesFile } from '../src/main/codes/personal-codes-csv';
import { hashCodes } from '../src/main/codes/code-hashes';
import { RegieEngine } from '../src/main/engine/regie-engine';
import { Journal } from '../src/main/store/journal';
import { Outbox } from '../src/main/store/outbox';
import { openRegieDatabase } from '../src/main/store/regie-database';
import { Settings } from '../src/main/store/settings';
import { Snapshots } from '../src/main/store/snapshots';

const { values } = parseArgs({ options: { codes: { type: 'string', default: '50000' } } });
const N = Number(values.codes);
const text = ['Nom;Prénom;Courriel;Code personnel', ...Array.from({ length: N }, (_, i) => `Lefèvre-${i};Hélène;helene.lefevre${i}@exemple.fr;PNE-${String(i).padStart(6, '0')}`)].join('\r\n');
const utf8 = new TextEncoder().encode(text);
const cp1252 = Uint8Array.from(text, (c) => c.charCodeAt(0)); // the text is Latin-1 only
const utf16 = new Uint8Array(2 + text.length * 2);
utf16.set([0xff, 0xfe]);
for (let i = 0; i < text.length; i += 1) {
  utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
  utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
}

/** Runs `f` while measuring the event loop's longest gap (a 1 ms timer) and perf_hooks' histogram. */
async function stalls<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; gap: number; cpuGap: number; p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let gap = 0;
  // On a shared machine the wall clock's gap is also the wait for a core: the CPU spent between two ticks is the block itself.
  let cpuGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    gap = Math.max(gap, now - last);
    cpuGap = Math.max(cpuGap, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  }, 1);
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(timer);
  h.disable();
  return { value, ms, gap, cpuGap, p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

const f1 = (x: number) => x.toFixed(1).padStart(7);
console.log(`bench/codes — ${N.toLocaleString('fr-FR')} codes, ${(utf8.byteLength / 1024 / 1024).toFixed(1)} Mo ; ${cpus().length} cœurs, charge ${loadavg()[0]!.toFixed(2)}`);

for (const [name, bytes] of [
  ['UTF-8', utf8],
  ['Windows-1252', cp1252],
  ['UTF-16 LE', utf16],
] as const) {
  const t0 = performance.now();
  const parsed = parseCodesFile(bytes);
  const parseMs = performance.now() - t0;
  if (!parsed.ok) throw new Error(parsed.message);
  console.log(`  lecture ${name.padEnd(12)} ${f1(parseMs)} ms (${parsed.report.codes} codes, ${parsed.report.encoding}) — d'un bloc`);
}

const salt = 'bench-salt-0123456789abcd';
const hashing = await stalls(() => hashCodes(salt, Array.from({ length: N }, (_, i) => `PNE${i}`)));
console.log(`  hachage seul        ${f1(hashing.ms)} ms, plus long blocage ${f1(hashing.gap)} ms (CPU ${f1(hashing.cpuGap)} ms)`);

for (let run = 1; run <= 3; run += 1) {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-codes-'));
  const db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
  const settings = new Settings(db);
  const outbox = new Outbox(db);
  let commitMs = 0;
  const desk: CodesDesk = new CodesDesk({ engine: () => engine, settings: () => settings, db: () => db });
  const engine: RegieEngine = new RegieEngine(new Journal(db), new Snapshots(db), {
    onEvent: (event, _after, meta) => {
      const t = performance.now();
      for (const c of desk.commandsFor(event)) outbox.append(outbox.lastSeq() + 1, c, meta.at);
      commitMs += performance.now() - t;
    },
  });
  const r = await stalls(() => desk.importFile(utf8, 'bench'));
  if (!r.value.ok) throw new Error(r.value.message);
  const rows = outbox.lastSeq();
  console.log(
    `  import ${run} (route → outbox) ${f1(r.ms)} ms ; plus long blocage ${f1(r.gap)} ms mur, ${f1(r.cpuGap)} ms CPU (perf_hooks p99 ${f1(r.p99)}, max ${f1(r.max)}) ; ${rows} lignes d'outbox écrites en ${f1(commitMs)} ms`,
  );
  engine.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
