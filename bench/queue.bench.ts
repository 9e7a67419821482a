/**
 * bench/queue: the Q&A desk with 20,000 questions in the queue while 10 new ones arrive every
 * second. Prints the action-to-second-seat latency (a moderator approves at one seat; the other
 * seat has the change), p50/p99 — target p99 ≤ 100 ms — and the size of the snapshot a seat
 * receives on connect. Then, with the questions still arriving, the control desk open on its
 * questions in Chromium: its frames for ~20 s, as the page measures them (bench/desk-frames.ts):
 * the longest, the p95 of the frame gaps and the frames over 50 ms — target: none — while idle,
 * while a filter is typed and while a moderator acts. Build the views first (electron-vite build).
 *   npm run bench:queue [-- --questions 20000 --actions 200 --frames-seconds 20]   (0: no browser)
 *   … -- --renderer-dir <dir>: the desk from another build of the views (a before/after figure)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyPatchOps } from '../src/shared/api/apply-patch';
import type { ViewState } from '../src/shared/api/state';
import { DEFAULT_FILTER, type QueueFilter, queueView } from '../src/shared/domain/question-queue';
import { connectView, nextSnapshot, send, spawnCore } from '../tests/integration/helpers';
import { measureDeskFrames } from './desk-frames';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '20000' },
    actions: { type: 'string', default: '200' },
    'frames-seconds': { type: 'string', default: '20' },
    'renderer-dir': { type: 'string' },
  },
});
const N = Number(values.questions);
const ACTIONS = Number(values.actions);
const FRAMES_SECONDS = Number(values['frames-seconds']);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-queue-'));
const core = await spawnCore(dir, ['--no-hub']);
try {
  const a = connectView(core.port, core.tokens.control);
  await nextSnapshot(a);
  let n = 0;
  const cmd = (command: unknown) => send(a, { id: `bench-q-${String(n++).padStart(8, '0')}`, command });

  // 20,000 questions, typed in at the desk (the same path as the audience's, without a hub).
  const t0 = performance.now();
  for (let i = 0; i < N; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, N - i) }, (_, k) =>
        cmd({ type: 'question.add', text: `Question ${i + k} : quels moyens pour les jeunes majeurs ?`, name: null, sessionId: null }),
      ),
    );
  }
  console.log(`bench/queue — load average before: ${load()} (1, 5, 15 min)`);
  console.log(`bench/queue — ${N.toLocaleString('en-US')} questions seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The second seat connects now: the snapshot it gets.
  const b = connectView(core.port, core.tokens.control);
  const t1 = performance.now();
  const snap = await nextSnapshot(b);
  const snapshotMs = performance.now() - t1;
  let state: ViewState = snap.state;
  const ids = state.audience.questions.map((q) => q.id);
  console.log(`  snapshot to a new seat: ${(JSON.stringify(snap).length / 1e6).toFixed(1)} MB in ${snapshotMs.toFixed(0)} ms`);

  // The desk's pure filter-and-sort (src/shared/domain/question-queue.ts), as each keystroke runs it.
  const filters: [string, QueueFilter][] = [
    ['à trier, par heure', DEFAULT_FILTER],
    ['approuvées, par votes', { ...DEFAULT_FILTER, tab: 'approved', sort: 'votes' }],
    ['recherche « jeunes majeurs »', { ...DEFAULT_FILTER, text: 'jeunes majeurs' }],
  ];
  for (const [label, filter] of filters) {
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const t = performance.now();
      queueView(state.audience.questions, filter);
      times.push(performance.now() - t);
    }
    console.log(
      `  filter + sort of ${state.audience.questions.length.toLocaleString('en-US')} (${label}): median ${pct(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms   (target ≤ 50 ms)`,
    );
  }

  // 10 new questions a second keep arriving during the measure.
  const arrivals = setInterval(
    () => void cmd({ type: 'question.add', text: 'Une question de plus ?', name: null, sessionId: null }).catch(() => undefined), // the core may be stopping
    100,
  );
  const waiting = new Map<string, number>();
  const latencies: number[] = [];
  b.on('patch', (p) => {
    state = applyPatchOps(state, p.ops);
    const now = performance.now();
    for (const op of p.ops) {
      if (op.op !== 'questions-upsert') continue;
      for (const q of op.items) {
        const t = waiting.get(q.id);
        if (t !== undefined && q.status === 'approved') {
          latencies.push(now - t);
          waiting.delete(q.id);
        }
      }
    }
  });
  for (let i = 0; i < ACTIONS; i += 1) {
    const id = ids[Math.floor((i * ids.length) / ACTIONS)]!;
    waiting.set(id, performance.now());
    await cmd({ type: 'question.approve', questionId: id });
    await new Promise((r) => setTimeout(r, 20)); // a moderator's pace is far slower; this keeps actions apart
  }
  const deadline = Date.now() + 5000;
  while (waiting.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  console.log(
    `  action → second seat (${latencies.length} approvals, 10 new questions/s arriving): p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms   (target p99 ≤ 100 ms)`,
  );
  if (waiting.size > 0) console.log(`  NOT SEEN by the second seat: ${waiting.size}`);

  // The control desk in Chromium, the questions still arriving.
  if (FRAMES_SECONDS > 0) {
    const controlUrl = `http://127.0.0.1:${core.port}/control?token=${core.tokens.control}`;
    const { phases, topScripts, notes } = await measureDeskFrames(controlUrl, {
      seconds: FRAMES_SECONDS,
      expectedRows: state.audience.questions.filter((q) => q.status === 'incoming').length - 100,
      ...(values['renderer-dir'] ? { rendererDir: values['renderer-dir'] } : {}),
    });
    if (values['renderer-dir']) console.log(`  (the desk's views from ${values['renderer-dir']})`);
    console.log(
      `  the desk in Chromium, questions tab, ${state.audience.questions.length.toLocaleString('en-US')} questions, 10 new/s, ${FRAMES_SECONDS} s (target: longest frame ≤ 50 ms):`,
    );
    for (const f of phases) {
      console.log(
        `    ${f.phase.padEnd(8)} ${String(f.frames).padStart(5)} frames: longest gap ${f.longestGapMs.toFixed(0)} ms, p95 gap ${f.p95GapMs.toFixed(1)} ms, gaps > 50 ms ${f.gapsOver50}; long animation frames ${f.longFrames} (longest ${f.longestLoafMs.toFixed(0)} ms); long tasks ${f.longTasks} (longest ${f.longestTaskMs.toFixed(0)} ms)`,
      );
    }
    const worst = Math.max(...phases.map((f) => Math.max(f.longestGapMs, f.longestLoafMs)));
    console.log(`    longest frame overall: ${worst.toFixed(0)} ms   (target ≤ 50 ms)`);
    for (const line of notes) console.log(`    note: ${line}`);
    if (topScripts.length > 0)
      console.log(`    time in the long frames by script (LoAF):\n${topScripts.map((l) => `      ${l}`).join('\n')}`);
  }
  clearInterval(arrivals);
  console.log(`bench/queue — load average after: ${load()}`);
  a.close();
  b.close();
} finally {
  core.child.kill('SIGTERM');
  await core.exited;
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
