/**
 * bench/soak: does memory level off over a long show?
 *   npm run bench:soak [-- --participants 2000 --minutes 120 --sample-seconds 60 --cycle-seconds 90]
 *
 * A standalone hub and the régie core, each its own process as at the venue, and the simulator
 * (its own process) with `--participants` phones at a plenary's rates. This process drives the
 * régie through the same session over and over, accelerated: Q&A open all along; a poll opened,
 * closed, its results TAKEn; a word cloud opened, closed, TAKEn; questions approved and TAKEn one
 * after the other. Every `--sample-seconds`: each process's RSS (from /proc), its JS heap and
 * external memory (from its /health, behind the régie's token), the journal's size. Printed as it
 * goes and summed up at the end: the growth of each figure in the first and the second half of the
 * run (memory that levels off grows in the first half and barely in the second). Printed, never
 * asserted. The standby of issue 18 is not in it yet: it joins when follower mode lands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnHub } from '../src/hub/testing/spawn-hub';
import type { ProcessFigures } from '../src/node/process-figures';
import type { Snapshot } from '../src/shared/api/channel';
import { connectView, nextSnapshot, send, spawnCore } from '../tests/integration/helpers';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '2000' },
    minutes: { type: 'string', default: '120' },
    'sample-seconds': { type: 'string', default: '60' },
    'cycle-seconds': { type: 'string', default: '90' },
  },
});
const PARTICIPANTS = Number(values.participants);
const MINUTES = Number(values.minutes);
const SAMPLE_S = Number(values['sample-seconds']);
const CYCLE_S = Number(values['cycle-seconds']);
const TOKEN = 'bench-soak-token-0123456789abcdef';
const CODE = 'SOAK';
const repoRoot = resolve(import.meta.dirname, '..');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;

/** Resident memory of a process, in MiB, from the kernel (the figure a machine runs out of). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return round(kb / 1024);
}

async function healthOf(port: number, token: string): Promise<{ process?: ProcessFigures; journalMiB?: number; hubSeq?: number; seq?: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as never;
}

interface Sample {
  minute: number;
  coreRss: number;
  coreHeap: number;
  coreExternal: number;
  hubRss: number;
  hubHeap: number;
  hubExternal: number;
  journalMiB: number;
  seq: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-soak-'));
  const children: ChildProcess[] = [];
  try {
    const hub = await spawnHub({
      dataDir: join(dir, 'hub'),
      token: TOKEN,
      eventCode: CODE,
      // Every simulated phone comes from 127.0.0.1: the per-address limits are lifted (as docs/audience-hub.md says for rehearsals).
      limits: { addressRate: { perSecond: 1e6, burst: 1e6 }, maxQueue: 100_000 },
    });
    children.push(hub.child);
    const core = await spawnCore(join(dir, 'regie'), ['--hub-url', `http://127.0.0.1:${hub.port}`, '--hub-token', TOKEN]);
    children.push(core.child);
    const seat = connectView(core.port, core.tokens.control);
    let state = (await nextSnapshot(seat)).state;
    let n = 0;
    // A command lost to a dropped desk connection (a machine this loaded can miss a heartbeat) is
    // counted and the run goes on: the socket reconnects by itself.
    let lost = 0;
    const cmd = async (command: unknown) => {
      try {
        const r = await send(seat, { id: `soak-${String(n++).padStart(6, '0')}`, command });
        if (!r.ok) console.warn(`  (refusé : ${(command as { type: string }).type} — ${r.error.message})`);
        return r.ok;
      } catch (err) {
        lost += 1;
        console.warn(`  (sans réponse : ${(command as { type: string }).type} — ${String(err)})`);
        return false;
      }
    };
    const fresh = async (): Promise<Snapshot['state']> => {
      const next = nextSnapshot(seat);
      seat.emit('resync');
      const timeout = new Promise<null>((r) => setTimeout(() => r(null), 30_000));
      state = (await Promise.race([next, timeout]))?.state ?? state;
      return state;
    };

    const simulator = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/hub/simulator/cli.ts',
        '--url',
        `http://127.0.0.1:${hub.port}`,
        '--event-code',
        CODE,
        '--participants',
        String(PARTICIPANTS),
        '--join-per-s',
        '400',
        '--questions-per-min',
        '120',
        '--votes-per-s',
        '200',
        '--words-per-s',
        '40',
        '--upvotes-per-s',
        '20',
        '--duration',
        String(MINUTES * 60 + 30),
        '--ack-timeout-ms',
        '30000',
        '--json',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(simulator);
    let simulatorReport = '';
    simulator.stdout?.on('data', (d: Buffer) => (simulatorReport += d.toString()));

    console.log(`bench:soak — ${PARTICIPANTS} participants, ${MINUTES} min, a sample every ${SAMPLE_S} s, a session every ${CYCLE_S} s`);
    console.log('minute | core RSS  heap  ext | hub RSS  heap  ext | journal MiB | journal seq');
    const samples: Sample[] = [];
    const t0 = Date.now();
    const sample = async () => {
      const [c, h] = await Promise.all([healthOf(core.port, core.tokens.control), healthOf(hub.port, TOKEN)]);
      const s: Sample = {
        minute: round((Date.now() - t0) / 60_000),
        coreRss: rssOf(core.child.pid!),
        coreHeap: c.process?.heapUsedMiB ?? NaN,
        coreExternal: c.process?.externalMiB ?? NaN,
        hubRss: rssOf(hub.child.pid!),
        hubHeap: h.process?.heapUsedMiB ?? NaN,
        hubExternal: h.process?.externalMiB ?? NaN,
        journalMiB: c.journalMiB ?? NaN,
        seq: c.seq ?? NaN,
      };
      samples.push(s);
      console.log(
        `${String(s.minute).padStart(6)} | ${String(s.coreRss).padStart(8)} ${String(s.coreHeap).padStart(5)} ${String(s.coreExternal).padStart(4)} | ${String(s.hubRss).padStart(7)} ${String(s.hubHeap).padStart(5)} ${String(s.hubExternal).padStart(4)} | ${String(s.journalMiB).padStart(11)} | ${s.seq}`,
      );
    };
    await sample();
    const sampler = setInterval(() => void sample().catch((err: unknown) => console.warn(`  (échantillon manqué : ${String(err)})`)), SAMPLE_S * 1000);

    // The session, again and again until the time is up.
    // Q&A opens as at the venue, by a cue of the first plenary (added here, GOne at once).
    await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq1', cue: { id: 'soak-questions', at: { offset: '+00:00' }, action: { type: 'qa.open' } } });
    await cmd({ type: 'cue.go', cueId: 'soak-questions', outOfOrder: true });
    let cycle = 0;
    const end = t0 + MINUTES * 60_000;
    while (Date.now() < end) {
      cycle += 1;
      const third = (CYCLE_S * 1000) / 3;
      const poll = `soak-poll-${cycle}`;
      await cmd({
        type: 'interaction.create',
        open: true,
        interaction: { kind: 'poll', id: poll, type: 'single', question: `Sondage ${cycle} ?`, options: ['Oui', 'Non', 'Sans avis'], hideResultsUntilReveal: false },
      });
      await cmd({ type: 'program.preview', scene: { kind: 'poll', interactionId: poll } });
      await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
      await pause(third);
      await cmd({ type: 'interaction.close', interactionId: poll });
      const cloud = `soak-cloud-${cycle}`;
      await cmd({ type: 'interaction.create', open: true, interaction: { kind: 'wordcloud', id: cloud, prompt: `Un mot pour la session ${cycle}`, maxWordsPerParticipant: 3, maxWordLength: 25 } });
      await cmd({ type: 'program.preview', scene: { kind: 'wordcloud', interactionId: cloud } });
      await cmd({ type: 'program.take', transition: { kind: 'fade', durationMs: 300 } });
      await pause(third);
      await cmd({ type: 'interaction.close', interactionId: cloud });
      // Questions: approve what came, put a few on air one after the other.
      const pending = (await fresh()).audience.questions.filter((q) => q.status === 'incoming' && q.flags.length === 0).slice(0, 20);
      for (const q of pending) await cmd({ type: 'question.approve', questionId: q.id });
      for (const q of pending.slice(0, 5)) {
        await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: q.id } });
        await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
        await cmd({ type: 'question.answered', questionId: q.id, answered: true });
        await pause(third / 5);
      }
    }
    clearInterval(sampler);
    await sample();
    seat.close();

    const half = samples.filter((s) => s.minute <= MINUTES / 2).at(-1) ?? samples[0]!;
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const growth = (k: keyof Sample) => `${round(half[k] - first[k])} then ${round(last[k] - half[k])}`;
    console.log(`\n${cycle} sessions in ${round((Date.now() - t0) / 60_000)} min; growth (MiB) over the first half, then the second:`);
    console.log(`  core: RSS ${growth('coreRss')} · JS heap ${growth('coreHeap')} · external ${growth('coreExternal')}`);
    console.log(`  hub:  RSS ${growth('hubRss')} · JS heap ${growth('hubHeap')} · external ${growth('hubExternal')}`);
    console.log(`  journal: ${first.journalMiB} → ${last.journalMiB} MiB, ${last.seq - first.seq} events; desk commands without an answer: ${lost}`);
    simulator.kill('SIGINT');
    await new Promise((r) => simulator.once('exit', r));
    const report = simulatorReport.trim().split('\n').at(-1);
    if (report) console.log(`  simulator: ${report.slice(0, 600)}`);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
