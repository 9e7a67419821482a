/**
 * The control desk's frames in Chromium, measured by the page itself: a PerformanceObserver on
 * `long-animation-frame` (LoAF: every frame over 50 ms, with the scripts that ran in it) and
 * `longtask`, and the gaps between two requestAnimationFrame callbacks (every frame). The desk is
 * open on its questions; the caller keeps questions arriving. Phases: idle (arrivals only),
 * typing a filter, a moderator's keyboard and mouse actions. Used by bench/queue.bench.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';

export type Phase = 'idle' | 'typing' | 'actions';

interface ScriptShare {
  fn: string;
  url: string;
  invoker: string;
  duration: number;
  forcedLayout: number;
}
interface LongFrame {
  phase: string;
  /** When it started, in ms since the phase began. */
  at: number;
  duration: number;
  blocking: number;
  /** Style, layout and paint at the frame's end (ms). */
  render: number;
  scripts: ScriptShare[];
}
interface Recorded {
  /** The render counts by component as each phase began (a build with a counter only). */
  renderMarks?: [string, Record<string, number>][];
  loaf: LongFrame[];
  longtasks: { phase: string; duration: number }[];
  gaps: [string, number][];
}

export interface PhaseFigures {
  phase: Phase;
  frames: number;
  longestGapMs: number;
  p95GapMs: number;
  gapsOver50: number;
  longFrames: number;
  longestLoafMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/** Runs in the page before its own scripts: records into window.__deskFrames, tagged with the current phase. */
const RECORDER = `(() => {
  const rec = { phase: 'load', phaseStart: 0, loaf: [], longtasks: [], gaps: [] };
  window.__deskFrames = rec;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        rec.loaf.push({
          phase: rec.phase,
          at: e.startTime - rec.phaseStart,
          duration: e.duration,
          blocking: e.blockingDuration || 0,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: (e.scripts || []).map((s) => ({ fn: s.sourceFunctionName || '', url: s.sourceURL || '', invoker: s.invoker || '', duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration || 0 })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) { rec.noLoaf = String(e); }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longtasks.push({ phase: rec.phase, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { rec.noLongtask = String(e); }
  let last = 0;
  const tick = (t) => {
    if (last) rec.gaps.push([rec.phase, t - last]);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function setPhase(page: Page, phase: string) {
  // window.__renders: components' render counts, when the views were built with a counter (a profiling build).
  await page.evaluate(
    `(() => { const rec = window.__deskFrames; if (window.__renders) (rec.renderMarks ??= []).push([${JSON.stringify(phase)}, { ...window.__renders }]);` +
      ` rec.phase = ${JSON.stringify(phase)}; rec.phaseStart = performance.now(); })()`,
  );
}

/** Keeps `ms` going in a phase; the moderator's own moves are `act`, repeated until time is up. */
async function during(ms: number, act: () => Promise<void>) {
  const end = Date.now() + ms;
  while (Date.now() < end) await act();
}

/**
 * Serves the views from another build than the core's (`--renderer-dir`, e.g. the views of an
 * earlier commit, for a before/after figure with the same core and the same load).
 */
async function serveViewsFrom(page: Page, dir: string) {
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
  };
  await page.route(/\/(control|output|stage)\/?\?|\/assets\//, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = path.startsWith('/assets/') ? join(dir, path) : join(dir, path.replace(/^\/|\/$/g, ''), 'index.html');
    if (!existsSync(file)) return route.continue();
    await route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] ?? 'application/octet-stream' });
  });
}

export async function measureDeskFrames(
  controlUrl: string,
  opts: {
    seconds: number;
    expectedRows: number;
    rendererDir?: string;
    /** The desk's window (default 1920×1080). */
    viewport?: { width: number; height: number };
    /** Writes a CPU profile of the page (Chrome DevTools' .cpuprofile) over one phase. */
    profile?: { phase: Phase; file: string };
  },
): Promise<{ phases: PhaseFigures[]; topScripts: string[]; longFrames: string[]; renders: Record<string, string>; cpu: Record<string, string>; notes: string[] }> {
  const launchOptions = config.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions ?? {};
  // Pages served by the bench itself count as public ones for Chromium: let them reach the core on 127.0.0.1.
  const args = opts.rendererDir
    ? [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks']
    : (launchOptions.args ?? []);
  const browser = await chromium.launch({ ...launchOptions, args });
  try {
    const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1920, height: 1080 } });
    if (opts.rendererDir) await serveViewsFrom(page, opts.rendererDir);
    await page.addInitScript(RECORDER);
    // The desk opens on its questions (the tab it remembers).
    await page.addInitScript(`try { localStorage.setItem('pupitre.centreTab', 'questions') } catch {}`);
    await page.goto(controlUrl);
    await page.getByTestId('question-list').waitFor({ timeout: 120_000 });
    // The bench's questions belong to no session: show every session's.
    await page.getByTestId('filter-session').selectOption('all');
    await page.waitForFunction(
      `Number(document.querySelector('[data-testid="question-list"]')?.getAttribute('data-count') ?? 0) >= ${opts.expectedRows}`,
      null,
      { timeout: 120_000 },
    );
    await sleep(2000); // the first render of 20,000 questions is not what a moderator lives with

    // The page's main-thread time by kind (Chromium's own counters): steadier than the longest
    // frame on a shared machine, where a frame also waits for a core.
    const perf = await page.context().newCDPSession(page);
    await perf.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuMarks: [string, Record<string, number>][] = [];
    const markCpu = async (phase: string) => {
      const { metrics } = await perf.send('Performance.getMetrics');
      cpuMarks.push([phase, Object.fromEntries(metrics.map((m) => [m.name, m.value]))]);
    };
    const cdp = opts.profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const profiling = async (phase: Phase, start: boolean) => {
      if (!cdp || opts.profile?.phase !== phase) return;
      if (start) await cdp.send('Profiler.start');
      else writeFileSync(opts.profile.file, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    };

    const share = opts.seconds * 1000;
    await setPhase(page, 'idle');
    await markCpu('idle');
    await profiling('idle', true);
    await sleep(share * 0.4);
    await profiling('idle', false);

    await setPhase(page, 'typing');
    await markCpu('typing');
    await profiling('typing', true);
    await page.keyboard.press('f');
    await during(share * 0.25, async () => {
      for (const word of ['jeunes majeurs', 'question 12', 'moyens']) {
        await page.keyboard.type(word, { delay: 110 });
        await sleep(400);
        for (let i = 0; i < word.length; i += 1) await page.keyboard.press('Backspace', { delay: 60 });
      }
    });
    await page.keyboard.press('Escape');
    await profiling('typing', false);

    await setPhase(page, 'actions');
    await markCpu('actions');
    await profiling('actions', true);
    await page.getByTestId('question-list').focus();
    await during(share * 0.35, async () => {
      for (const key of ['a', 'j', 'a', 's', 'j', 'k', 'a']) {
        await page.keyboard.press(key);
        await sleep(250);
      }
      await page.getByTestId('sort-votes').click();
      await sleep(400);
      await page.keyboard.press('2'); // approved
      await sleep(300);
      await page.keyboard.press('s');
      await sleep(300);
      await page.getByTestId('sort-time').click();
      await sleep(300);
      await page.keyboard.press('1'); // back to « À trier »
      await sleep(400);
    });
    await profiling('actions', false);
    await setPhase(page, 'done');
    await markCpu('done');

    const rec = (await page.evaluate('window.__deskFrames')) as Recorded & { noLoaf?: string; noLongtask?: string };
    const notes: string[] = [];
    if (rec.noLoaf) notes.push(`no long-animation-frame entries in this Chromium: ${rec.noLoaf}`);
    if (rec.noLongtask) notes.push(`no longtask entries: ${rec.noLongtask}`);
    const phases = (['idle', 'typing', 'actions'] as const).map((phase): PhaseFigures => {
      const gaps = rec.gaps.filter(([p]) => p === phase).map(([, g]) => g);
      const loaf = rec.loaf.filter((f) => f.phase === phase);
      const tasks = rec.longtasks.filter((f) => f.phase === phase);
      return {
        phase,
        frames: gaps.length,
        longestGapMs: gaps.length ? Math.max(...gaps) : NaN,
        p95GapMs: pct(gaps, 95),
        gapsOver50: gaps.filter((g) => g > 50).length,
        longFrames: loaf.length,
        longestLoafMs: loaf.length ? Math.max(...loaf.map((f) => f.duration)) : 0,
        longTasks: tasks.length,
        longestTaskMs: tasks.length ? Math.max(...tasks.map((f) => f.duration)) : 0,
      };
    });
    // Which scripts the long frames spent their time in (LoAF attribution), summed.
    const byScript = new Map<string, number>();
    for (const f of rec.loaf.filter((x) => x.phase !== 'load' && x.phase !== 'done')) {
      for (const s of f.scripts) {
        const key = `${s.invoker} → ${s.fn || '(anonymous)'} @ ${s.url.replace(/^.*\//, '')}`;
        byScript.set(key, (byScript.get(key) ?? 0) + s.duration);
      }
      byScript.set('(style, layout, paint)', (byScript.get('(style, layout, paint)') ?? 0) + f.render);
    }
    const topScripts = [...byScript.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, ms]) => `${ms.toFixed(0)} ms  ${k}`);
    // Each long frame of the phases, when it came and where its time went.
    const longFrames = rec.loaf
      .filter((f) => f.phase !== 'load' && f.phase !== 'done')
      .map(
        (f) =>
          `${f.phase} +${(f.at / 1000).toFixed(1)} s: ${f.duration.toFixed(0)} ms (render ${f.render.toFixed(0)} ms)` +
          f.scripts.map((x) => `; ${x.duration.toFixed(0)} ms ${x.invoker} → ${x.fn || '(anonymous)'}${x.forcedLayout > 1 ? ` (forced layout ${x.forcedLayout.toFixed(0)} ms)` : ''}`).join(''),
      );
    // The components rendered in each phase, most often first (a build with a counter only).
    const renders: Record<string, string> = {};
    const marks = rec.renderMarks ?? [];
    for (let i = 0; i + 1 < marks.length; i += 1) {
      const [phase, from] = marks[i]!;
      const to = marks[i + 1]![1];
      renders[phase] = Object.entries(to)
        .map(([name, n]) => [name, n - (from[name] ?? 0)] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
    }
    // Main-thread time per second of each phase: tasks in all, of which scripts, layout and style.
    const cpu: Record<string, string> = {};
    for (let i = 0; i + 1 < cpuMarks.length; i += 1) {
      const [phase, a] = cpuMarks[i]!;
      const b = cpuMarks[i + 1]![1];
      const secs = (b.Timestamp ?? 0) - (a.Timestamp ?? 0);
      const per = (k: string) => `${((((b[k] ?? 0) - (a[k] ?? 0)) / secs) * 1000).toFixed(0)} ms/s`;
      cpu[phase] = `tasks ${per('TaskDuration')}, scripts ${per('ScriptDuration')}, layout ${per('LayoutDuration')}, style ${per('RecalcStyleDuration')}`;
    }
    return { phases, topScripts, longFrames, renders, cpu, notes };
  } finally {
    await browser.close();
  }
}
