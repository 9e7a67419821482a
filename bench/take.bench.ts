/**
 * bench/take: TAKE → the projector's next painted frame that shows the new scene, in Chromium.
 *
 * A real core (child process, demo programme, no hub) and the real /output page in Debian's
 * Chromium at 1920×1080 (playwright.config.ts's flags). Each round: a scene is composed in preview
 * (not measured), then TAKE with a cut. What is measured, per TAKE:
 *   start — Node, just before the `program.take` command is emitted on the control channel
 *           (socket.io, as a desk seat sends it), on Node's clock;
 *   end   — in the page, the first requestAnimationFrame callback after a DOM change (a
 *           MutationObserver arms it) in which the layer of that take is on air (not building) —
 *           the frame that paints it — on the page's clock (performance.timeOrigin + now()).
 * The two clocks are tied by a calibration (the smallest of 30 round trips, its midpoint), so the
 * figure includes: validation, the journal's commit to SQLite (synchronous=FULL), the patch's
 * coalescing (≤ 33 ms), socket.io, React's render, the off-screen build of the new layer, and
 * the frame. Alternates a message and a countdown (different layouts), 200 takes by default.
 * Then the same from the desk: a click on the desk's TAKE button (time taken by the desk page in
 * a capturing `click` listener) to the output's frame, 40 takes by default.
 *   npm run bench:take [-- --takes 200 --desk-takes 40]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';
import { connectView, nextSnapshot, send, spawnCore } from '../tests/integration/helpers';

const { values } = parseArgs({ options: { takes: { type: 'string', default: '200' }, 'desk-takes': { type: 'string', default: '40' } } });
const TAKES = Number(values.takes);
const DESK_TAKES = Number(values['desk-takes']);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
const nodeNow = () => performance.timeOrigin + performance.now();

/** Runs in the output page: for each take, the time of the first frame that paints it, reported to Node. */
const FRAME_WATCH = `(() => {
  const seen = new Set();
  let armed = false;
  const check = () => {
    armed = false;
    const t = performance.timeOrigin + performance.now();
    for (const el of document.querySelectorAll('.program-layer')) {
      const take = Number(el.dataset.take);
      if (el.dataset.layerPhase !== 'building' && !seen.has(take)) {
        seen.add(take);
        window.reportFrame(take, t);
      }
    }
  };
  new MutationObserver(() => {
    if (!armed) { armed = true; requestAnimationFrame(check); }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-layer-phase', 'data-take'] });
})()`;

/** The desk page's clock against Node's: page = node + offset (the midpoint of the fastest round trip). */
async function clockOffset(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity };
  for (let i = 0; i < 30; i += 1) {
    const t0 = nodeNow();
    const t = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = nodeNow();
    if (t1 - t0 < best.rtt) best = { offset: t - (t0 + t1) / 2, rtt: t1 - t0 };
  }
  return best;
}

function report(label: string, xs: number[]): void {
  const f = (x: number) => x.toFixed(1).padStart(6);
  console.log(
    `  ${label.padEnd(46)} n=${xs.length}  p50 ${f(pct(xs, 50))}  p95 ${f(pct(xs, 95))}  p99 ${f(pct(xs, 99))}  max ${f(Math.max(...xs))} ms`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-take-'));
const core = await spawnCore(dir, ['--no-hub']);
const launch = config.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions ?? {};
const browser = await chromium.launch(launch);
try {
  console.log(`bench/take — load average before: ${load()} (1, 5, 15 min)`);
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = async (command: unknown) => {
    const r = await send(seat, { id: `bench-take-${String(n++).padStart(8, '0')}`, command });
    if (!r.ok) throw new Error(`${JSON.stringify(command)}: ${r.error.message}`);
  };
  await cmd({ type: 'program.transition', transition: { kind: 'cut', durationMs: 0 } });

  const origin = `http://127.0.0.1:${core.port}`;
  const output = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
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

  // Node → core → output.
  const out = await clockOffset(output);
  console.log(`  output page clock tied to Node's: round trip ${out.rtt.toFixed(2)} ms (the error is at most half of it)`);
  let take = 0;
  const fromSend: number[] = [];
  for (let i = 0; i < TAKES; i += 1) {
    await cmd({ type: 'program.preview', scene: scenes(i) });
    // A pause between takes, as an operator would leave: the output is idle when TAKE comes.
    await new Promise((r) => setTimeout(r, 40 + (i % 5) * 13));
    take += 1;
    const painted = frameOf(take);
    const sent = nodeNow();
    await cmd({ type: 'program.take' });
    fromSend.push((await painted) - out.offset - sent);
  }
  console.log(`TAKE sent on the control channel → the output's first frame showing the new scene (cut):`);
  report('control channel → painted frame', fromSend);

  // The desk's TAKE button → output.
  if (DESK_TAKES > 0) {
    const desk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await desk.goto(`${origin}/control?token=${core.tokens.control}`);
    await desk.getByTestId('connection-state').and(desk.locator('[data-state="online"]')).waitFor();
    // The click as the desk page sees it (capturing, before React's handler), on the page's clock.
    await desk.evaluate(`(() => {
      window.clicks_ = [];
      document.addEventListener('click', (e) => {
        if (e.target.closest('[data-testid="take"]')) window.clicks_.push(performance.timeOrigin + performance.now());
      }, true);
    })()`);
    const deskClock = await clockOffset(desk);
    const fromClick: number[] = [];
    for (let i = 0; i < DESK_TAKES; i += 1) {
      await cmd({ type: 'program.preview', scene: scenes(i) });
      const button = desk.getByTestId('take');
      await button.and(desk.locator(':enabled')).waitFor();
      await new Promise((r) => setTimeout(r, 40));
      take += 1;
      const painted = frameOf(take);
      await button.click();
      const t = await painted;
      const clicked = Number(await desk.evaluate(`window.clicks_[${i}] ?? NaN`));
      fromClick.push(t - out.offset - (clicked - deskClock.offset));
    }
    console.log(`The desk's TAKE button (click event in the desk page) → the output's first frame showing the new scene (cut):`);
    report('desk click → painted frame', fromClick);
  }
  console.log(`  target: p99 ≤ 50 ms. Load average after: ${load()}`);
  seat.close();
} finally {
  await browser.close();
  core.child.kill('SIGTERM');
  await core.exited;
  rmSync(dir, { recursive: true, force: true });
}
