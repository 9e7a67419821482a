/**
 * bench/live: polls and word clouds live, in Chromium.   npm run bench:live [-- --participants 2000 --rate 2000 --seconds 10 --runs 20]
 *
 * a. Vote → projector. A standalone hub (its own process, limits per address lifted: every
 *    participant is 127.0.0.1 here) and the real régie core (its own process, SQLite journal);
 *    2,000 socket.io participants in this process; the projector page (/output, the poll scene on
 *    air) in Debian's Chromium. The poll is a multiple choice of 10 options made on the spot;
 *    participant i's k-th vote ticks options 0…k, so every vote adds exactly one tick to the sum of
 *    the bars' counts: the n-th vote sent is on screen once that sum reaches n. In the page, a
 *    requestAnimationFrame loop reads the sum of the rows' counts from the DOM the scene renders
 *    and keeps (performance.timeOrigin + performance.now(), sum) when it changes. Latency of vote n
 *    = the first frame whose sum ≥ n − the wall time the vote left this process. It includes the
 *    hub (validation, SQLite), the link, the régie's journal commit, the view patches (tallies at
 *    most ~30 a second: that throttle is part of it), React and the frame.
 * b. Word-cloud layout, in the same Chromium: the project's layout (word-cloud-layout.ts, the
 *    projector's canvas measurement) against d3-cloud, 300 distinct French words, the same font
 *    sizes, padding and box, built with vite into .cache/bench-live/.
 *    Also timed: the case the projector meets live, 10 new words added to a cloud of 290 already
 *    laid out (the previous layout given, the same measure reused, as WordCloud.tsx does).
 * Targets (issue 6): p99 ≤ 500 ms; layout ≤ 50 ms.
 * Part b alone: npm run bench:live -- --layout-only   (or BENCH_LAYOUT_ONLY=1).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type LaunchOptions, type Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { build } from 'vite';
import playwrightConfig from '../playwright.config';
import { joinPhones } from './join-phones';
import { spawnHub } from '../src/hub/testing/spawn-hub';
import type { Ack } from '../src/shared/protocol/errors';
import { connectView, nextSnapshot, send, spawnCore } from '../tests/integration/helpers';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '20' },
    // Only part b (the word-cloud layout): no hub, no core, no participants.
    'layout-only': { type: 'boolean', default: false },
  },
});
const LAYOUT_ONLY = values['layout-only'] || process.env.BENCH_LAYOUT_ONLY === '1';
const N = Number(values.participants);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const RUNS = Number(values.runs);
const OPTIONS = 10;
const TOKEN = 'bench-live-token-0123456789abcdef';
const CODE = 'LIVE';
const POLL = 'bench-flash';

const now = () => performance.timeOrigin + performance.now();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR');
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: readonly number[], p: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** The launch flags of the e2e tests (playwright.config.ts), so the bench runs the same Chromium. */
function launchOptions(): LaunchOptions {
  const use = playwrightConfig.projects?.find((p) => p.name === 'chromium')?.use as { launchOptions?: LaunchOptions } | undefined;
  return { headless: true, ...(use?.launchOptions ?? {}) };
}

interface Frame {
  t: number;
  sum: number;
}

/**
 * Records, on every animation frame, the sum of the poll rows' counts when it changes. A string:
 * tsx would wrap a function's inner names in a helper the page does not have.
 */
const FRAME_RECORDER = `
  window.benchFrames = [];
  let last = -1;
  const tick = () => {
    let sum = 0;
    for (const row of document.querySelectorAll('[data-testid="poll-row"]')) sum += Number(row.getAttribute('data-count') || 0);
    if (sum !== last) {
      last = sum;
      window.benchFrames.push({ t: performance.timeOrigin + performance.now(), sum });
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(FRAME_RECORDER);
}

const framesOf = (page: Page) => page.evaluate('window.benchFrames') as Promise<Frame[]>;

async function joinAll(port: number): Promise<{ sockets: Socket[]; joinMs: number }> {
  const t0 = performance.now();
  const sockets = await joinPhones(port, CODE, N, 200);
  return { sockets, joinMs: performance.now() - t0 };
}

interface VoteRun {
  joinMs: number;
  sent: number;
  accepted: number;
  refused: number;
  latency: number[];
  unseen: number;
  frames: number;
  sendSeconds: number;
}

async function voteToProjector(dir: string, children: ChildProcess[], page: Page): Promise<VoteRun> {
  const hub = await spawnHub({
    dataDir: join(dir, 'hub'),
    token: TOKEN,
    eventCode: CODE,
    limits: { addressRate: { perSecond: 1e6, burst: 1e6 }, maxQueue: 100_000 },
  });
  children.push(hub.child);
  const core = await spawnCore(join(dir, 'regie'), ['--hub-url', `http://127.0.0.1:${hub.port}`, '--hub-token', TOKEN]);
  children.push(core.child);
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = async (command: unknown) => {
    const r = await send(seat, { id: `bench-live-${String(n++).padStart(4, '0')}`, command });
    if (!r.ok) throw new Error(`${JSON.stringify(command)} refusé : ${r.error.message}`);
  };
  // Made on the spot, opened at once: ten options, up to ten ticked, results shown live.
  const options = Array.from({ length: OPTIONS }, (_, i) => `Option ${i + 1}`);
  await cmd({
    type: 'interaction.create',
    open: true,
    interaction: {
      kind: 'poll',
      id: POLL,
      type: 'multiple',
      question: 'Quelles priorités pour demain ?',
      options,
      maxChoices: OPTIONS,
      hideResultsUntilReveal: false,
    },
  });
  for (let i = 0; i < 200; i += 1) {
    const h = (await (await fetch(`http://127.0.0.1:${hub.port}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { appliedSeq: number };
    if (h.appliedSeq >= 1) break;
    await pause(50);
  }
  await cmd({ type: 'program.preview', scene: { kind: 'poll', interactionId: POLL } });
  await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
  await page.goto(`http://127.0.0.1:${core.port}/output?token=${core.tokens.output}`);
  await page.waitForSelector('[data-testid="output-stage"][data-scene="poll"][data-state="idle"]');
  await page.waitForSelector('[data-testid="poll-row"]');
  await recordFrames(page);

  const { sockets, joinMs } = await joinAll(hub.port);
  const total = Math.min(RATE * SECONDS, N * OPTIONS);
  const sentAt: number[] = [];
  let accepted = 0;
  let refused = 0;
  let inFlight = 0;
  const sendOne = (v: number) => {
    const s = sockets[v % N]!;
    const k = Math.floor(v / N);
    sentAt[v] = now();
    inFlight += 1;
    s.timeout(30_000)
      .emitWithAck('poll.vote', { clientMsgId: `v${k}`, pollId: POLL, choices: Array.from({ length: k + 1 }, (_, c) => c) })
      .then(
        (a: Ack) => (a.ok ? (accepted += 1) : (refused += 1)),
        () => (refused += 1),
      )
      .finally(() => (inFlight -= 1));
  };
  const t0 = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
      while (sentAt.length < due) sendOne(sentAt.length);
      if (sentAt.length >= total) return done();
      setTimeout(tick, 2);
    };
    tick();
  });
  const sendSeconds = (performance.now() - t0) / 1000;
  const deadline = Date.now() + 60_000;
  while (inFlight > 0 && Date.now() < deadline) await pause(20);
  // Until the projector shows every accepted tick (or a minute passes).
  let frames: Frame[] = [];
  while (Date.now() < deadline) {
    frames = await framesOf(page);
    if ((frames.at(-1)?.sum ?? 0) >= accepted) break;
    await pause(100);
  }
  sockets.forEach((s) => s.close());
  seat.close();

  const latency: number[] = [];
  let f = 0;
  let unseen = 0;
  for (let v = 0; v < sentAt.length; v += 1) {
    while (f < frames.length && frames[f]!.sum < v + 1) f += 1;
    const frame = frames[f];
    if (!frame) {
      unseen += 1;
      continue;
    }
    latency.push(frame.t - sentAt[v]!);
  }
  return { joinMs, sent: sentAt.length, accepted, refused, latency, unseen, frames: frames.length, sendSeconds };
}

/** What the page (bench/live/layout-page.js) returns. */
interface LayoutRun {
  ms: number;
  placed: number;
}
interface LayoutBenchResult {
  words: number;
  box: { width: number; height: number };
  scale: number;
  pupitre: LayoutRun[];
  d3: LayoutRun[];
  /** Measuring the 300 words alone (a fresh measure each run). */
  measure: LayoutRun[];
  /** 10 words added to a cloud of 290. */
  incremental: LayoutRun[];
  /** Placed words that moved during the incremental runs (must be 0). */
  moved: number;
}

async function layoutInChromium(page: Page): Promise<LayoutBenchResult> {
  const outDir = resolve('.cache/bench-live');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: resolve('bench/live/layout-page.js'), formats: ['iife'], name: 'LayoutBench', fileName: () => 'layout-page.js' },
    },
  });
  await page.setContent('<!doctype html><html lang="fr"><body></body></html>');
  await page.addScriptTag({ path: join(outDir, 'layout-page.js') });
  return page.evaluate(`window.runLayoutBench(${RUNS}, 1600, 760)`) as Promise<LayoutBenchResult>;
}

function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-live-'));
  const children: ChildProcess[] = [];
  const browser = await chromium.launch(launchOptions());
  try {
    console.log(
      LAYOUT_ONLY
        ? `bench/live (mise en page seule) — nuage de 300 mots, ${RUNS} passes`
        : `bench/live — ${fmt(N)} participants, ${fmt(RATE)} votes/s pendant ${SECONDS} s ; nuage de 300 mots, ${RUNS} passes`,
    );
    const votes = LAYOUT_ONLY
      ? null
      : await voteToProjector(dir, children, await browser.newPage({ viewport: { width: 1920, height: 1080 } }));
    const layoutPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const layout = await layoutInChromium(layoutPage);

    const ours = layout.pupitre.map((r) => r.ms);
    const theirs = layout.d3.map((r) => r.ms);
    const added = layout.incremental.map((r) => r.ms);
    const voteRows = (votes: VoteRun): [string, string, string][] => {
      const p50 = pct(votes.latency, 50);
      const p99 = pct(votes.latency, 99);
      return [
        ['Connexions', `${fmt(N)} en ${(votes.joinMs / 1000).toFixed(1)} s`, ''],
        ['Votes envoyés', `${fmt(votes.sent)} en ${votes.sendSeconds.toFixed(1)} s (${fmt(votes.sent / votes.sendSeconds)}/s)`, ''],
        ['Votes acceptés / refusés', `${fmt(votes.accepted)} / ${fmt(votes.refused)}`, ''],
        ['Images du projecteur où le total change', fmt(votes.frames), ''],
        ['Vote → projecteur p50', `${p50.toFixed(0)} ms`, ''],
        ['Vote → projecteur p99', `${p99.toFixed(0)} ms`, p99 <= 500 ? 'OK (≤ 500 ms)' : 'NON (> 500 ms)'],
        ['Vote → projecteur max', `${pct(votes.latency, 100).toFixed(0)} ms`, ''],
        ['Votes jamais vus à l’écran', fmt(votes.unseen), votes.unseen === 0 ? 'OK' : 'NON'],
      ];
    };
    const rows: [string, string, string][] = [
      ...(votes ? voteRows(votes) : []),
      [
        `Nuage Pupitre (${layout.words} mots, ${layout.box.width}×${layout.box.height})`,
        `médiane ${median(ours).toFixed(1)} ms, max ${Math.max(...ours).toFixed(1)} ms`,
        median(ours) <= 50 ? 'OK (≤ 50 ms)' : 'NON (> 50 ms)',
      ],
      ['  mots placés', `${layout.pupitre[0]?.placed ?? 0} / ${layout.words} (échelle ${layout.scale.toFixed(2)})`, ''],
      ['  dont mesure du texte seule (canvas)', `médiane ${median(layout.measure.map((r) => r.ms)).toFixed(1)} ms`, ''],
      [
        'Nuage d3-cloud (mêmes mots, tailles, boîte)',
        `médiane ${median(theirs).toFixed(1)} ms, max ${Math.max(...theirs).toFixed(1)} ms`,
        '',
      ],
      [
        '  mots placés',
        `${Math.min(...layout.d3.map((r) => r.placed))}–${Math.max(...layout.d3.map((r) => r.placed))} / ${layout.words}`,
        '',
      ],
      [
        'Nuage Pupitre, +10 mots à 290 déjà placés',
        `médiane ${median(added).toFixed(1)} ms, max ${Math.max(...added).toFixed(1)} ms`,
        layout.moved === 0 ? 'aucun mot déplacé' : `NON : ${layout.moved} mots déplacés`,
      ],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log('');
    for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
    console.log(
      '\nLatence : de l’envoi du vote (horloge murale de ce processus) à la première image du projecteur (requestAnimationFrame,\n' +
        'performance.timeOrigin + now) dont la somme des décomptes affichés l’inclut ; comprend hub, lien, journal de la régie,\n' +
        'correctifs des vues (≤ ~30/s) et rendu React. Mise en page : calcul complet à partir de zéro, mesure du texte comprise ;\n' +
        '+10 mots : la mise en page précédente (290 mots) et la mesure déjà faite sont reprises, comme au projecteur.',
    );
  } finally {
    await browser.close();
    children.forEach((c) => c.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

void main();
