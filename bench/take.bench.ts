/**
 * bench/take: TAKE → the projector's next painted frame that shows the new scene, in Chromium,
 * quiet and during an audience storm, with the embedded hub in its own process and inside the core.
 *
 * A real core (child process, demo programme, its embedded hub) and the real /output page in
 * Debian's Chromium at 1920×1080 (playwright.config.ts's flags). Each round: a scene is composed in
 * preview (not measured), then TAKE with a cut. What is measured, per TAKE:
 *   start — Node, just before the `program.take` command is emitted on the control channel
 *           (socket.io, as a desk seat sends it), on Node's clock;
 *   end   — in the page, the first requestAnimationFrame callback after a DOM change (a
 *           MutationObserver arms it) in which the layer of that take is on air (not building) —
 *           the frame that paints it — on the page's clock (performance.timeOrigin + now()).
 * The two clocks are tied by a calibration (the smallest of 30 round trips, its midpoint), so the
 * figure includes: validation, the journal's commit to SQLite (synchronous=FULL), the patch's
 * coalescing (≤ 33 ms), socket.io, React's render, the off-screen build of the new layer, and
 * the frame. Alternates a message and a countdown (different layouts).
 *
 * For each hub mode (`--modes process,inline`: the hub in its own process, as shipped, then inside
 * the core's process with `--hub-in-process`, the comparison; list them more than once, e.g.
 * `process,inline,process,inline`, to alternate against a shared machine's changing load: the
 * medians are printed), on a fresh core:
 *   1. quiet: `--takes` TAKEs (200), and the first mode also `--desk-takes` (40) from the desk's
 *      TAKE button (a capturing `click` listener in the desk page) to the output's frame;
 *   2. storm: bench/take-storm.ts in its own process (at nice 19: the phones are not on the
 *      régie's machine in reality, so they take only the CPU left over): waves of `--phones` (2,000) fresh phones
 *      join back to back (2 s apart) while `--rate` (2,000) votes/s go to a poll, each vote
 *      journaled by the régie; meanwhile `--storm-takes` TAKEs (200). The TAKEs sent while a wave
 *      was joining are also shown apart.
 * Throughout: the core's GET /health answer time (every 100 ms, from this process), and the CPU
 * the core's and the hub's processes used (/proc/PID/stat). The hub's per-address limit is lifted
 * (every phone here is 127.0.0.1). The machine's load average is printed before each phase.
 *   npm run bench:take [-- --takes 200 --desk-takes 40 --storm-takes 200 --phones 2000 --rate 2000 --modes process,inline]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type Browser, chromium, type Page } from '@playwright/test';
import config from '../playwright.config';
import { TestParticipant } from '../src/hub/testing/clients';
import { connectView, nextSnapshot, send, spawnCore } from '../tests/integration/helpers';
import { clockOffset, FRAME_WATCH, nodeNow } from './output-frames';

const { values } = parseArgs({
  options: {
    takes: { type: 'string', default: '200' },
    'desk-takes': { type: 'string', default: '40' },
    'storm-takes': { type: 'string', default: '200' },
    phones: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '2000' },
    modes: { type: 'string', default: 'process,inline' },
  },
});
const TAKES = Number(values.takes);
const DESK_TAKES = Number(values['desk-takes']);
const STORM_TAKES = Number(values['storm-takes']);
const PHONES = Number(values.phones);
const RATE = Number(values.rate);
type Mode = 'process' | 'inline';
const MODES = values.modes.split(',').map((m): Mode => {
  if (m !== 'process' && m !== 'inline') throw new Error(`--modes : « ${m} » ? (process, inline)`);
  return m;
});
const POLL = 'bench-take-storm';
// Every phone here comes from 127.0.0.1: the per-address limit is lifted (the per-participant one stays).
const LIMITS = { addressRate: { perSecond: 1e6, burst: 1e6 }, maxQueue: 100_000 };

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const f = (x: number) => x.toFixed(1).padStart(6);
function report(label: string, xs: number[]): void {
  if (xs.length === 0) return console.log(`  ${label.padEnd(52)} n=0`);
  console.log(
    `  ${label.padEnd(52)} n=${String(xs.length).padEnd(4)} p50 ${f(pct(xs, 50))}  p95 ${f(pct(xs, 95))}  p99 ${f(pct(xs, 99))}  max ${f(Math.max(...xs))} ms`,
  );
}

/** GET /health every `everyMs`, timed from here. */
function probeHealth(port: number, everyMs = 100): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      await (await fetch(`http://127.0.0.1:${port}/health`)).arrayBuffer();
      times.push(performance.now() - t0);
      await pause(everyMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return times;
    },
  };
}

/** CPU seconds a process has used (user + system), from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // CLK_TCK is 100 on Linux
}

interface StormTotals {
  joined: number;
  joinFailed: number;
  sent: number;
  acked: number;
  refused: number;
  unanswered: number;
  waves: number;
  seconds: number;
  refusals: Record<string, number>;
}

/** bench/take-storm.ts in its own process; `stop()` closes its stdin and returns its totals. */
async function startStorm(hubPort: number, code: string) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/take-storm.ts',
      '--port',
      String(hubPort),
      '--code',
      code,
      '--poll',
      POLL,
      '--phones',
      String(PHONES),
      '--rate',
      String(RATE),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waves: { start: number; end: number; joinMs: number; joined: number }[] = [];
  const starts: number[] = [];
  let resolveStarted: () => void = () => {};
  const started = new Promise<void>((r) => (resolveStarted = r));
  const done = new Promise<StormTotals>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = JSON.parse(line) as { type: string } & Record<string, unknown>;
      if (m.type === 'started') {
        if (m.nice !== 19) console.log(`  (the storm runs at nice ${String(m.nice)}, not 19: it competes with the régie for the CPU)`);
        resolveStarted();
      } else if (m.type === 'joining') starts.push(Number(m.start));
      else if (m.type === 'wave') waves.push(m as unknown as (typeof waves)[number]);
      else if (m.type === 'done') resolve(m as unknown as StormTotals);
    });
  });
  await started;
  return {
    pid: child.pid!,
    waves,
    /** Whether a wave was joining at `t` (a wave still joining when the storm stopped has no end). */
    joining: (t: number) => starts.some((s) => t >= s && t <= (waves.find((w) => w.start === s)?.end ?? Infinity)),
    async stop() {
      child.stdin.end();
      return done;
    },
  };
}

interface ModeResult {
  mode: Mode;
  quiet: number[];
  desk: number[];
  storm: number[];
  stormJoining: number[];
  stormVoting: number[];
  healthQuiet: number[];
  healthStorm: number[];
  cpu: { seconds: number; core: number; hub: number | null; storm: number };
  totals: StormTotals;
  waves: { joinMs: number; joined: number }[];
  /** The 1-minute load average when the quiet and the storm phases began. */
  load: { quiet: number; storm: number };
}

async function runMode(mode: Mode, browser: Browser, withDesk: boolean): Promise<ModeResult> {
  const dir = mkdtempSync(join(tmpdir(), `pupitre-bench-take-${mode}-`));
  const core = await spawnCore(dir, ['--hub-limits', JSON.stringify(LIMITS), ...(mode === 'inline' ? ['--hub-in-process'] : [])]);
  const hubPid = core.hubPid!;
  const pages: Page[] = [];
  try {
    console.log(
      `\n── Hub ${mode === 'process' ? 'in its own process (as shipped)' : 'inside the core’s process (--hub-in-process)'} — core pid ${core.child.pid}, hub pid ${hubPid}`,
    );
    const seat = connectView(core.port, core.tokens.control);
    await nextSnapshot(seat);
    let n = 0;
    const cmd = async (command: unknown) => {
      const r = await send(seat, { id: `bench-take-${String(n++).padStart(8, '0')}`, command });
      if (!r.ok) throw new Error(`${JSON.stringify(command)}: ${r.error.message}`);
    };
    await cmd({ type: 'program.transition', transition: { kind: 'cut', durationMs: 0 } });
    await cmd({
      type: 'interaction.create',
      open: true,
      interaction: { kind: 'poll', id: POLL, type: 'single', question: 'Tempête ?', options: ['A', 'B', 'C', 'D'] },
    });
    const code = core.joinUrls[0]!.split('e=')[1]!;
    const probe = await TestParticipant.join(core.hubPort!, code);
    for (let i = 0; i < 500 && probe.state?.interaction?.id !== POLL; i += 1) await pause(20);
    probe.close();

    const origin = `http://127.0.0.1:${core.port}`;
    const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    pages.push(output);
    const frames = new Map<number, (t: number) => void>();
    const early = new Map<number, number>();
    await output.exposeFunction('reportFrame', (take: number, t: number) => {
      const waiting = frames.get(take);
      if (waiting) waiting(t);
      else early.set(take, t);
    });
    await output.goto(`${origin}/output?token=${core.tokens.output}`);
    await output.getByTestId('output-stage').and(output.locator('[data-state="idle"]')).waitFor();
    await output.evaluate(FRAME_WATCH);
    const frameOf = (take: number) =>
      new Promise<number>((resolve) => {
        const t = early.get(take);
        if (t !== undefined) return resolve(t);
        frames.set(take, resolve);
      });
    const scenes = (i: number) =>
      i % 2 === 0
        ? { kind: 'message', title: `Information ${i}`, text: `Reprise des travaux à 14 h en salle ${i} : merci de regagner vos places.` }
        : { kind: 'countdown', until: Date.now() + 3_600_000, caption: `Atelier ${i}` };
    const out = await clockOffset(output);
    console.log(`  output page clock tied to Node's: round trip ${out.rtt.toFixed(2)} ms (the error is at most half of it)`);

    let take = 0;
    /** `count` TAKEs from the control channel; each latency with its send time. */
    const takes = async (count: number) => {
      const got: { sent: number; ms: number }[] = [];
      for (let i = 0; i < count; i += 1) {
        await cmd({ type: 'program.preview', scene: scenes(i) });
        // A pause between takes, as an operator would leave: the output is idle when TAKE comes.
        await pause(40 + (i % 5) * 13);
        take += 1;
        const painted = frameOf(take);
        const sent = nodeNow();
        await cmd({ type: 'program.take' });
        got.push({ sent, ms: (await painted) - out.offset - sent });
      }
      return got;
    };

    // 1. Quiet.
    const loadQuiet = loadavg()[0]!;
    console.log(`  quiet — load average ${load()} (1, 5, 15 min)`);
    let health = probeHealth(core.port);
    const quiet = (await takes(TAKES)).map((t) => t.ms);
    const healthQuiet = await health.stop();
    report('quiet: control channel → painted frame', quiet);
    report('quiet: GET /health answer', healthQuiet);

    const desk: number[] = [];
    if (withDesk && DESK_TAKES > 0) {
      const deskPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      pages.push(deskPage);
      await deskPage.goto(`${origin}/control?token=${core.tokens.control}`);
      await deskPage.getByTestId('connection-state').and(deskPage.locator('[data-state="online"]')).waitFor();
      // The click as the desk page sees it (capturing, before React's handler), on the page's clock.
      await deskPage.evaluate(`(() => {
        window.clicks_ = [];
        document.addEventListener('click', (e) => {
          if (e.target.closest('[data-testid="take"]')) window.clicks_.push(performance.timeOrigin + performance.now());
        }, true);
      })()`);
      const deskClock = await clockOffset(deskPage);
      for (let i = 0; i < DESK_TAKES; i += 1) {
        await cmd({ type: 'program.preview', scene: scenes(i) });
        const button = deskPage.getByTestId('take');
        await button.and(deskPage.locator(':enabled')).waitFor();
        await pause(40);
        take += 1;
        const painted = frameOf(take);
        await button.click();
        const t = await painted;
        const clicked = Number(await deskPage.evaluate(`window.clicks_[${i}] ?? NaN`));
        desk.push(t - out.offset - (clicked - deskClock.offset));
      }
      report('quiet: desk click → painted frame', desk);
      await deskPage.close();
    }

    // 2. Storm.
    const loadStorm = loadavg()[0]!;
    console.log(`  storm (${PHONES} phones a wave, ${RATE} votes/s) — load average ${load()}`);
    const storm = await startStorm(core.hubPort!, code);
    const cpu0 = {
      t: performance.now(),
      core: cpuSeconds(core.child.pid!),
      hub: mode === 'process' ? cpuSeconds(hubPid) : 0,
      storm: cpuSeconds(storm.pid),
    };
    health = probeHealth(core.port);
    const stormTakes = await takes(STORM_TAKES);
    const healthStorm = await health.stop();
    const cpu1 = {
      t: performance.now(),
      core: cpuSeconds(core.child.pid!),
      hub: mode === 'process' ? cpuSeconds(hubPid) : 0,
      storm: cpuSeconds(storm.pid),
    };
    const totals = await storm.stop();
    const seconds = (cpu1.t - cpu0.t) / 1000;
    const result: ModeResult = {
      mode,
      quiet,
      desk,
      storm: stormTakes.map((t) => t.ms),
      stormJoining: stormTakes.filter((t) => storm.joining(t.sent)).map((t) => t.ms),
      stormVoting: stormTakes.filter((t) => !storm.joining(t.sent)).map((t) => t.ms),
      healthQuiet,
      healthStorm,
      cpu: {
        seconds,
        core: (cpu1.core - cpu0.core) / seconds,
        hub: mode === 'process' ? (cpu1.hub - cpu0.hub) / seconds : null,
        storm: (cpu1.storm - cpu0.storm) / seconds,
      },
      totals,
      waves: storm.waves.map((w) => ({ joinMs: w.joinMs, joined: w.joined })),
      load: { quiet: loadQuiet, storm: loadStorm },
    };
    report('storm: control channel → painted frame', result.storm);
    report('  sent while a wave was joining', result.stormJoining);
    report('  sent between waves (votes only)', result.stormVoting);
    report('storm: GET /health answer', healthStorm);
    const joins = result.waves.map((w) => `${w.joined} in ${(w.joinMs / 1000).toFixed(1)} s`).join(', ');
    console.log(`  waves: ${joins || 'none finished'}`);
    console.log(
      `  votes: ${totals.sent} sent in ${totals.seconds.toFixed(0)} s (${Math.round(totals.sent / totals.seconds)}/s), ${totals.acked} accepted, ${totals.refused} refused ${JSON.stringify(totals.refusals)}, ${totals.unanswered} unanswered (their phone left with its wave)`,
    );
    console.log(
      `  CPU during the storm (${seconds.toFixed(0)} s): core ${(result.cpu.core * 100).toFixed(0)} %${result.cpu.hub === null ? ' (hub included)' : `, hub process ${(result.cpu.hub * 100).toFixed(0)} %`}, the storm's phones ${(result.cpu.storm * 100).toFixed(0)} % (of one core each) — load average after ${load()}`,
    );
    seat.close();
    return result;
  } finally {
    for (const p of pages) await p.close().catch(() => undefined);
    core.child.kill('SIGTERM');
    await core.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

const launch = config.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions ?? {};
const browser = await chromium.launch(launch);
try {
  console.log(`bench/take — load average before: ${load()} (1, 5, 15 min); modes ${MODES.join(', ')}`);
  const results: ModeResult[] = [];
  for (const [i, mode] of MODES.entries()) results.push(await runMode(mode, browser, i === 0));
  console.log('\nSummary — TAKE (control channel) → painted frame, and GET /health, in ms (p50 / p99); core CPU during the storm:');
  for (const r of results) {
    const pp = (xs: number[]) => (xs.length ? `${pct(xs, 50).toFixed(0)} / ${pct(xs, 99).toFixed(0)}` : '—');
    console.log(
      `  hub ${r.mode === 'process' ? 'own process' : 'in the core'} (load ${r.load.quiet.toFixed(1)} → ${r.load.storm.toFixed(1)}): TAKE quiet ${pp(r.quiet)}, storm ${pp(r.storm)} (joining ${pp(r.stormJoining)}); /health quiet ${pp(r.healthQuiet)}, storm ${pp(r.healthStorm)} (max ${Math.max(...r.healthStorm).toFixed(0)}); core CPU ${(r.cpu.core * 100).toFixed(0)} %${r.cpu.hub === null ? '' : ` + hub ${(r.cpu.hub * 100).toFixed(0)} %`}, ${Math.round(r.totals.acked / r.totals.seconds)} votes/s accepted`,
    );
  }
  if (results.length > MODES.filter((m, i) => MODES.indexOf(m) === i).length) {
    // Modes run more than once (alternated, against the machine's changing load): the medians of each figure.
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const h = Math.floor(s.length / 2);
      return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
    };
    for (const mode of ['process', 'inline'] as const) {
      const rs = results.filter((r) => r.mode === mode);
      if (rs.length < 2) continue;
      const m = (get: (r: ModeResult) => number) => median(rs.map(get)).toFixed(0);
      console.log(
        `  median of ${rs.length} runs, hub ${mode === 'process' ? 'own process' : 'in the core'}: TAKE p99 quiet ${m((r) => pct(r.quiet, 99))}, storm ${m((r) => pct(r.storm, 99))}; /health p99 storm ${m((r) => pct(r.healthStorm, 99))}; core CPU ${m((r) => r.cpu.core * 100)} %`,
      );
    }
  }
  console.log(`  target: TAKE p99 ≤ 50 ms quiet, and the storm moving it by at most a frame. Load average after: ${load()}`);
} finally {
  await browser.close();
}
process.exit(0);
