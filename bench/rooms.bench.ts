/**
 * bench/rooms: six workshops at once (issue 17), printed, never asserted.
 *
 * A real core (child process, its embedded hub in its own process) with séquence 4 live (the
 * demo's six workshops, each Q&A opened by its cue, on the rehearsal clock), and the simulator in
 * its own process filling every room: `--phones` (300) phones per room, each « dans la salle » with
 * its room's key (read from the room's output, as a phone scans it), `--rate` (10) questions/s per
 * room, for `--seconds` (50). Measured meanwhile:
 *   - each room seat (its moderator desk's socket): bytes (JSON of the payloads) and patches per
 *     second it receives;
 *   - the central desk in Chromium (bench/desk-frames.ts, as bench:queue measures it): its longest
 *     frame while the six rooms take questions;
 *   - question → Salle 450's output painted: every 2 s, Salle 450's seat approves one of its new
 *     questions, sends it to the preview and TAKEs it; from the TAKE's emission (Node) to the first
 *     frame of the output page (Chromium, 1920×1080) that paints that take (bench/take.bench.ts's
 *     MutationObserver + requestAnimationFrame, the clocks tied by the fastest of 30 round trips).
 * Bounded: about 30 s of setup + `--seconds` + the frames' share. The load average is printed.
 *   npm run bench:rooms [-- --phones 300 --rate 10 --seconds 50 --frames-seconds 20 --viewport 1366x768]
 *     [--desk-room salle-450 (the room the desk drives)] [--renderer-dir DIR (views of another build)]
 *     [--profile FILE.cpuprofile --profile-phase idle]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import type { CoreStatus, Patch } from '../src/shared/api/channel';
import { repoRoot, spawnCore } from '../tests/integration/helpers';
import { command, listSeats, qaCue, RecordingView, SEQUENCE_4, seatAddress, seatToken, sixWorkshopsProgramme, until, WORKSHOPS } from '../tests/integration/rooms-harness';
import { measureDeskFrames, type Phase } from './desk-frames';
import { clockOffset, FRAME_WATCH, nodeNow } from './output-frames';

const { values } = parseArgs({
  options: {
    phones: { type: 'string', default: '300' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '50' },
    'frames-seconds': { type: 'string', default: '20' },
    // The laptop the desk is laid out for; 1920x1080 for a large screen.
    viewport: { type: 'string', default: '1366x768' },
    // Another build of the views (an earlier commit's, for a before/after with the same core).
    'renderer-dir': { type: 'string' },
    // A CPU profile of the desk over one phase (idle, typing, actions), to open in Chrome's DevTools.
    profile: { type: 'string' },
    // The room the central desk drives (its queue shown): a busy workshop, or the quiet main room.
    'desk-room': { type: 'string', default: 'salle-450' },
    'profile-phase': { type: 'string', default: 'idle' },
  },
});
const [VIEW_W, VIEW_H] = values.viewport.split('x').map(Number) as [number, number];
const PHONES = Number(values.phones);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const FRAMES_SECONDS = Number(values['frames-seconds']);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));


const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-rooms-'));
const limits = { addressRate: { perSecond: 100_000, burst: 100_000 }, joinRate: { perSecond: 100_000, burst: 100_000 }, newParticipantsPerMinute: 100_000 };
const core = await spawnCore(dir, ['--hub-limits', JSON.stringify(limits)]);
const views: RecordingView[] = [];
const launchOptions = config.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions ?? {};
const browser = await chromium.launch(launchOptions);
try {
  console.log(`bench:rooms — ${WORKSHOPS.length} rooms × ${PHONES} phones, ${RATE} questions/s per room, ${SECONDS} s; load average ${load()}`);
  const desk = new RecordingView(core.port, core.tokens.control);
  views.push(desk);
  await desk.first();
  await command(desk, { type: 'programme.load', programme: sixWorkshopsProgramme() });
  await command(desk, { type: 'clock.set', clock: { mode: 'rehearsal', at: SEQUENCE_4 } });
  for (const room of WORKSHOPS) {
    await pause(1100); // two GOs within 1 s are a double press
    await command(desk, { type: 'cue.go', cueId: qaCue(room), outOfOrder: true });
  }
  const seats = await listSeats(core.port, core.tokens.control);
  const roomSeats = Object.fromEntries(WORKSHOPS.map((room) => [room, new RecordingView(core.port, seatToken(seats, 'room', room))]));
  views.push(...Object.values(roomSeats));
  await Promise.all(Object.values(roomSeats).map((v) => v.first()));
  const keys: string[] = [];
  for (const room of WORKSHOPS) {
    const out = new RecordingView(core.port, seatToken(seats, 'output', room));
    views.push(out);
    keys.push(`${room}=${(await out.first()).presence!.key}`);
  }
  const link = () => (desk.received.filter((m) => m.event === 'status').at(-1)?.payload as CoreStatus | undefined)?.link;
  await until(() => link()?.state === 'online' && link()?.outboxPending === 0 && !!link()?.eventCode, 'la liaison au hub', 60_000);

  // Salle 450's output in Chromium, its frames watched.
  const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const painted = new Map<number, number>();
  await output.exposeFunction('reportFrame', (take: number, t: number) => void (painted.has(take) || painted.set(take, t)));
  await output.addInitScript(FRAME_WATCH);
  await output.goto(seatAddress(seats, 'output', 'salle-450'));
  await output.getByTestId('output-stage').waitFor();
  const offset = await clockOffset(output);

  // The six rooms fill (the simulator in its own process).
  const sim = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/hub/simulator/cli.ts', '--url', `http://127.0.0.1:${core.hubPort}`, '--event-code', link()!.eventCode!, '--rooms', WORKSHOPS.join(','), '--room-keys', keys.join(','),
      '--participants', String(PHONES), '--room-share', '1', '--join-per-s', String(PHONES), '--questions-per-min', String(RATE * 60), '--votes-per-s', '0', '--upvotes-per-s', '0', '--words-per-s', '0',
      '--duration', String(SECONDS), '--json'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let simOut = '';
  sim.stdout.on('data', (d: Buffer) => (simOut += d.toString()));
  const simDone = new Promise<void>((resolve) => sim.once('exit', () => resolve()));
  await pause(Math.min(10_000, (SECONDS * 1000) / 4)); // the joins, then the steady state
  const mark = Object.fromEntries(WORKSHOPS.map((room) => [room, roomSeats[room]!.received.length]));
  const t0 = Date.now();

  // Salle 450's TAKEs, and the central desk's frames, while the rooms take questions.
  const takes: { take: number; sentAt: number }[] = [];
  const seat450 = roomSeats['salle-450']!;
  const taking = (async () => {
    const used = new Set<string>();
    while (Date.now() - t0 < (SECONDS * 1000) * 0.6) {
      const q = seat450.state!.audience.questions.find((x) => x.status === 'incoming' && x.flags.length === 0 && !used.has(x.id));
      if (q) {
        used.add(q.id);
        await command(seat450, { type: 'question.approve', questionId: q.id });
        await command(seat450, { type: 'program.preview', scene: { kind: 'question', questionId: q.id }, room: 'salle-450' });
        const before = seat450.state!.programs['salle-450']?.take ?? 0;
        const sentAt = nodeNow();
        const r = await command(seat450, { type: 'program.take', transition: { kind: 'cut', durationMs: 0 }, room: 'salle-450' });
        if (r.ok) takes.push({ take: before + 1, sentAt });
      }
      await pause(2000);
    }
  })();
  const frames = FRAMES_SECONDS > 0 ? measureDeskFrames(
        // The central desk driving one busy workshop (the desk shows the queue of the room it drives).
        `http://127.0.0.1:${core.port}/control?token=${core.tokens.control}&room=${values['desk-room']}`, {
          seconds: FRAMES_SECONDS,
          expectedRows: (WORKSHOPS as readonly string[]).includes(values['desk-room']) ? 1 : 0,
          // The same built views (out/renderer), served by the bench: desk-frames' string predicate needs a page without the core's CSP.
          rendererDir: values['renderer-dir'] ?? join(repoRoot, 'out', 'renderer'),
          viewport: { width: VIEW_W, height: VIEW_H },
          ...(values.profile ? { profile: { phase: values['profile-phase'] as Phase, file: values.profile } } : {}),
        }) : null;
  const [, deskFrames] = await Promise.all([taking, frames]);
  await simDone;
  const elapsed = (Date.now() - t0) / 1000;

  console.log(`\n  each room seat, over ${elapsed.toFixed(0)} s of steady load (load average ${load()}):`);
  for (const room of WORKSHOPS) {
    const got = roomSeats[room]!.received.slice(mark[room]);
    const patches = got.filter((m) => m.event === 'patch');
    const bytes = got.reduce((n, m) => n + JSON.stringify(m.payload).length, 0);
    const questions = roomSeats[room]!.state!.audience.questions.length;
    console.log(`    ${room.padEnd(10)} ${(patches.length / elapsed).toFixed(1).padStart(5)} patches/s  ${(bytes / elapsed / 1024).toFixed(1).padStart(6)} KiB/s  (${questions} questions in its queue; ops/patch ${(patches.reduce((n, m) => n + (m.payload as Patch).ops.length, 0) / Math.max(1, patches.length)).toFixed(1)})`);
  }
  if (deskFrames) {
    const worst = Math.max(...deskFrames.phases.map((f) => Math.max(f.longestGapMs, f.longestLoafMs)));
    for (const f of deskFrames.phases)
      console.log(
        `  central desk ${f.phase.padEnd(8)} ${String(f.frames).padStart(5)} frames: longest gap ${f.longestGapMs.toFixed(0)} ms, p95 gap ${f.p95GapMs.toFixed(1)} ms, long animation frames ${f.longFrames} (longest ${f.longestLoafMs.toFixed(0)} ms); main thread: ${deskFrames.cpu[f.phase] ?? '?'}`,
      );
    console.log(`  central desk's longest frame (${VIEW_W}×${VIEW_H}, driving ${values['desk-room']}): ${worst.toFixed(0)} ms`);
    for (const line of deskFrames.longFrames) console.log(`    long frame, ${line}`);
    for (const line of deskFrames.notes) console.log(`    note: ${line}`);
    for (const [phase, line] of Object.entries(deskFrames.renders)) console.log(`    renders while ${phase}: ${line}`);
  }
  await pause(500);
  const lat = takes.flatMap(({ take, sentAt }) => (painted.has(take) ? [painted.get(take)! - offset.offset - sentAt] : []));
  console.log(
    `  question TAKE → Salle 450's output painted: n=${lat.length} p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms (clock tie ±${(offset.rtt / 2).toFixed(1)} ms)`,
  );
  try {
    const bilan = JSON.parse(simOut) as { rooms: Record<string, { participants: { joined: number }; messages: Record<string, { accepted: number }> }> };
    console.log(`  simulator: ${Object.entries(bilan.rooms).map(([r, s]) => `${r} ${s.participants.joined} joined, ${s.messages['question.ask']?.accepted ?? 0} questions`).join('; ')}`);
  } catch {
    console.log('  simulator: no bilan');
  }
  console.log(`  load average at the end: ${load()}`);
} finally {
  views.forEach((v) => v.close());
  await browser.close();
  core.child.kill('SIGTERM');
  await core.exited;
  rmSync(dir, { recursive: true, force: true });
}
