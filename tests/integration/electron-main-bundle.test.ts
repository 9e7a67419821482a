/**
 * The BUILT desktop main bundle (out/main/index.js, as `npm start` and the installers run it),
 * run under plain Node with the electron stand-in (tests/electron-standin): it loads, its imports
 * resolve, the core starts on the demo, and the shell calls Electron's API as typed — windows,
 * displays, the preload, IPC, menus, quitting. What only a real Electron run proves (Chromium
 * painting the pages, real windows on a real OS, the preload in a real sandbox) is tests/electron.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleRun, ensureBuilt, mainBundle, preloadPath, repoRoot } from '../electron-standin/harness';
import type { DisplaySpec, Happening, StandinState, WindowState } from '../electron-standin/protocol';

const laptop: DisplaySpec = { id: 1, label: 'Built-in Retina Display', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true };
const projector: DisplaySpec = { id: 2, label: 'EPSON PJ', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const mac = process.platform === 'darwin';
const quitPath = mac ? ['Pupitre', 'Quitter Pupitre'] : ['Fichier', 'Quitter'];

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const isWindowCall =
  (windowId: number, method: string, args?: unknown[]) =>
  (h: Happening): h is Extract<Happening, { kind: 'window-call' }> =>
    h.kind === 'window-call' &&
    h.windowId === windowId &&
    h.method === method &&
    (!args || JSON.stringify(h.args) === JSON.stringify(args));
const isDialog = (h: Happening): h is Extract<Happening, { kind: 'dialog' }> => h.kind === 'dialog';

function windowAt(state: StandinState, path: string): WindowState {
  const win = state.windows.find((w) => new URL(w.url || 'about:blank', 'http://x').pathname === path);
  if (!win) throw new Error(`no window at ${path}: ${JSON.stringify(state.windows.map((w) => w.url))}`);
  return win;
}

/** The journal closed cleanly: no WAL left behind (SQLite removes it when the last connection closes), and it reopens whole. */
function expectClosedCleanly(dataDir: string): number {
  for (const name of ['pupitre.sqlite3', 'hub.sqlite3']) {
    expect(existsSync(join(dataDir, name)), name).toBe(true);
    expect(existsSync(join(dataDir, `${name}-wal`)), `${name}-wal left behind`).toBe(false);
  }
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT count(*) AS n FROM journal').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Each run starts Node on the whole bundle (exceljs, pdfkit, faker…): slow on a shared 2-core machine, so a generous bound. */
const RUN_TIMEOUT = 240_000;

const log = (dataDir: string) => readFileSync(join(dataDir, 'logs', 'pupitre.log'), 'utf8');

const work = mkdtempSync(join(tmpdir(), 'pupitre-standin-'));
const home = join(work, 'home');
const dataDir = join(work, 'data');
const runs: BundleRun[] = [];
function start(options: Partial<ConstructorParameters<typeof BundleRun>[0]> = {}): BundleRun {
  const run = new BundleRun({ dataDir, home, displays: [laptop, projector], ...options });
  runs.push(run);
  return run;
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => {
  for (const run of runs) run.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the built bundles', () => {
  it(
    'every bundle in out/ parses (node --check): main, preload, the views and the participant page',
    () => {
      const bundles = [
        mainBundle,
        preloadPath,
        ...filesUnder(join(repoRoot, 'out', 'renderer'), /\.js$/),
        ...filesUnder(join(repoRoot, 'out', 'participant'), /\.js$/),
      ];
      expect(bundles.length).toBeGreaterThan(4);
      for (const file of bundles) {
        const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
        expect(r.status, `${file}: ${r.stderr}`).toBe(0);
      }
    },
    RUN_TIMEOUT,
  );

  it('the main bundle declares `require` at most once (electron-vite’s shim), and CommonJS goes through loadCommonJs', () => {
    const source = readFileSync(mainBundle, 'utf8');
    expect(source.match(/^\s*(?:const|let|var)\s+require\s*=/gm)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(source.match(/\bcreateRequire\(/g)?.length ?? 0).toBeLessThanOrEqual(2); // the shim's and loadCommonJs
  });

  it('the preload is CommonJS and requires nothing but electron (a sandboxed preload gets nothing else)', () => {
    const source = readFileSync(preloadPath, 'utf8');
    expect([...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('the desktop shell, from the built bundle', () => {
  let run: BundleRun;
  let control: WindowState;
  let output: WindowState;

  beforeAll(async () => {
    run = start();
    await run.waitFor('the two windows', (h): h is Happening => h.kind === 'window-created' && h.windowId === 2);
    // Both pages loaded and painted once: the control window is shown, the output goes fullscreen.
    await run.windowCall('the control window shown', 1, 'show');
    await run.windowCall('the output fullscreen', 2, 'setFullScreen', 0, [true]);
    const state = await run.state();
    control = windowAt(state, '/control');
    output = windowAt(state, '/output');
  }, RUN_TIMEOUT);

  it('starts the core on the demo and loads the core’s /control and /output, with their tokens, over HTTP', async () => {
    expect(control.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/control\?token=[\w-]{16,}$/);
    expect(output.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/output\?token=[\w-]{16,}$/);
    expect(new URL(control.url).origin).toBe(new URL(output.url).origin);
    for (const win of [control, output]) {
      expect(win.lastLoad).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/html/) });
      const res = await fetch(win.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root"');
    }
    expect(log(dataDir)).toContain('demo programme loaded');
    // The embedded hub serves the participant page (out/participant) to the phones.
    const joinUrl = /"joinUrls":\[[^\]]*"(http:\/\/127\.0\.0\.1:\d+\/\?e=\w+)"/.exec(log(dataDir))?.[1];
    expect(joinUrl).toBeDefined();
    const page = await fetch(joinUrl ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script[^>]+src="[^"]*assets\//);
  });

  it('opens both windows with least privilege; only the control window gets the preload, out/preload/index.cjs', () => {
    const secure = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    };
    expect(control.options.webPreferences).toMatchObject({ ...secure, preload: preloadPath });
    expect(existsSync(preloadPath)).toBe(true);
    expect(output.options.webPreferences).toMatchObject({ ...secure, backgroundThrottling: false });
    expect(output.options.webPreferences).not.toHaveProperty('preload');
    expect(control.hasWindowOpenHandler && output.hasWindowOpenHandler).toBe(true);
  });

  it('the preload, run as in a sandbox, exposes the native bridge, answered by the main process over IPC', async () => {
    const bridge = { type: 'preload-call', windowId: control.id, api: 'pupitreNative' } as const;
    expect(await run.command(bridge)).toEqual(['appVersion', 'displays', 'identifyDisplays', 'platform', 'setOutputDisplay']);
    expect(await run.command({ ...bridge, method: 'appVersion' })).toBe(version);
    const displays = await run.command<Array<{ id: number; primary: boolean; output: boolean }>>({ ...bridge, method: 'displays' });
    expect(displays.map((d) => [d.id, d.primary, d.output])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    // Arguments are validated in the main process.
    await expect(run.command({ ...bridge, method: 'setOutputDisplay', args: ['x'] })).rejects.toThrow(/écran invalide/);
    expect(await run.command({ type: 'preload-call', windowId: output.id, api: 'pupitreNative' })).toBeNull();
  });

  it('« Identifier les écrans » shows each display’s number on it, without script or focus, then takes them away', async () => {
    const mark = run.mark;
    await run.command({ type: 'preload-call', windowId: control.id, api: 'pupitreNative', method: 'identifyDisplays' });
    const loads = run.happenings
      .slice(mark)
      .filter((h): h is Extract<Happening, { kind: 'window-call' }> => h.kind === 'window-call' && h.method === 'loadURL');
    expect(loads).toHaveLength(2);
    const created = run.happenings
      .slice(mark)
      .filter((h): h is Extract<Happening, { kind: 'window-created' }> => h.kind === 'window-created');
    for (const { options } of created) {
      expect(options).toMatchObject({
        focusable: false,
        frame: false,
        alwaysOnTop: true,
        webPreferences: { javascript: false, sandbox: true, contextIsolation: true },
      });
      expect(options.webPreferences).not.toHaveProperty('preload');
    }
    const pages = loads.map((h) => decodeURIComponent(String(h.args[0]).replace(/^data:text\/html;charset=utf-8,/, '')));
    expect(pages[0]).toMatch(/<b>1<\/b><div>Built-in Retina Display<\/div><div>1920×1080 — écran de la régie/);
    expect(pages[1]).toMatch(/<b>2<\/b><div>EPSON PJ<\/div><div>1920×1080 — sortie projecteur/);
    // Gone once the call returns; the control and output windows stay.
    const state = await run.state();
    expect(state.windows.map((w) => w.id).sort()).toEqual([control.id, output.id].sort());
    const shown = run.happenings
      .slice(mark)
      .filter((h) => h.kind === 'window-call' && h.method === 'showInactive' && h.windowId > output.id);
    expect(shown).toHaveLength(2);
  });

  it('puts the output fullscreen on the projector display and the control window on the operator’s', async () => {
    const state = await run.state();
    const out = windowAt(state, '/output');
    expect(out).toMatchObject({ visible: true, fullScreen: true, bounds: projector.bounds, menuRemoved: true });
    expect(out.options).toMatchObject({ frame: false, show: false });
    const ctl = windowAt(state, '/control');
    expect(ctl.visible).toBe(true);
    expect(ctl.bounds.x + ctl.bounds.width).toBeLessThanOrEqual(laptop.bounds.width);
    // The projector never sleeps while Pupitre runs.
    expect(state.powerSaveBlockers).toEqual([expect.objectContaining({ type: 'prevent-display-sleep', started: true })]);
    expect(state.appUserModelId).toBe('fr.pupitre.regie');
  });

  it('follows a hot-plug: projector unplugged → the output hides; plugged back → fullscreen on it again', async () => {
    let mark = run.mark;
    await run.command({ type: 'display-remove', id: projector.id });
    await run.waitFor('the output hidden', isWindowCall(output.id, 'hide'), mark);
    let out = windowAt(await run.state(), '/output');
    // The system moved it onto the operator's screen: it must not show there.
    expect(out.visible).toBe(false);

    mark = run.mark;
    await run.command({ type: 'display-add', display: projector });
    await run.waitFor('the output fullscreen again', isWindowCall(output.id, 'setFullScreen', [true]), mark);
    out = windowAt(await run.state(), '/output');
    expect(out).toMatchObject({ visible: true, fullScreen: true, bounds: projector.bounds });
    expect(log(dataDir)).toMatch(/output plan .*"reason":"display-removed".*"mode":"hidden"/);
  });

  it('the desk’s « open the output » link brings up the output window; every other window.open is denied', async () => {
    const before = (await run.state()).windows.length;
    const mark = run.mark;
    expect(await run.command({ type: 'window-open', windowId: control.id, url: output.url })).toEqual({ action: 'deny' });
    await run.waitFor('the output brought to the front', isWindowCall(output.id, 'moveTop'), mark);
    expect(await run.command({ type: 'window-open', windowId: control.id, url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(await run.command({ type: 'window-open', windowId: control.id, url: control.url })).toEqual({ action: 'deny' });
    expect((await run.state()).windows.length).toBe(before);
    expect(log(dataDir)).toContain('window.open denied');
  });

  it('blocks navigation away from the core and grants no permission but the clipboard write to the core', async () => {
    expect(await run.command({ type: 'navigate', windowId: control.id, url: 'https://example.org/' })).toEqual({ prevented: true });
    const origin = new URL(control.url).origin;
    expect(
      await run.command({ type: 'permission', windowId: control.id, permission: 'clipboard-sanitized-write', origin: `${origin}/control` }),
    ).toEqual({
      requested: true,
      checked: true,
    });
    expect(await run.command({ type: 'permission', windowId: control.id, permission: 'media', origin: `${origin}/control` })).toEqual({
      requested: false,
      checked: false,
    });
  });

  it('has the platform’s application menu, and « Quitter » asks first: « Annuler » keeps the show running', async () => {
    const state = await run.state();
    expect(state.menu?.[0]?.label).toBe(mac ? 'Pupitre' : 'Fichier');
    let mark = run.mark;
    await run.command({ type: 'menu-click', path: quitPath });
    const asked = await run.waitFor('the quit question', isDialog, mark);
    expect(asked.options).toMatchObject({ message: 'Quitter Pupitre\u00a0?', buttons: ['Quitter', 'Annuler'], defaultId: 1, cancelId: 1 });
    await run.command({ type: 'dialog-answer', dialogId: asked.dialogId, response: 1 });
    expect((await run.state()).windows.map((w) => new URL(w.url).pathname).sort()).toEqual(['/control', '/output']);

    // « Quitter »: the core closes, then the app quits, in Electron's order, exit code 0.
    mark = run.mark;
    await run.command({ type: 'menu-click', path: quitPath });
    const again = await run.waitFor('the quit question again', isDialog, mark);
    await run.command({ type: 'dialog-answer', dialogId: again.dialogId, response: 0 });
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const steps = run.happenings.filter((h) => h.kind === 'quit-step').map((h) => (h.kind === 'quit-step' ? h.step : ''));
    expect(steps.slice(-3)).toEqual(['before-quit', 'will-quit', 'quit']);
    expect(log(dataDir)).toMatch(/quitting \{"reason":"operator"\}[\s\S]*core stopped/);
    expect(expectClosedCleanly(dataDir)).toBeGreaterThan(0);
  });
});

describe('closing cleanly when the system or a signal ends Pupitre', () => {
  const started = async (run: BundleRun) => {
    await run.windowCall('the control window shown', 1, 'show');
    return run;
  };

  it(
    'a system shutdown (powerMonitor) is delayed while the core closes; the journal reopens where it was',
    async () => {
      const run = await started(start());
      expect(log(dataDir)).toMatch(/core starting \{"seq":[1-9]/); // the same journal, not a new demo
      // A second Pupitre on the same data folder quits at once, opening nothing.
      const second = start();
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.happenings.some((h) => h.kind === 'window-created')).toBe(false);

      expect(await run.command({ type: 'power-shutdown' })).toEqual({ prevented: true });
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(log(dataDir)).toMatch(/quitting \{"reason":"system-shutdown"\}[\s\S]*core stopped/);
      expectClosedCleanly(dataDir);
    },
    RUN_TIMEOUT,
  );

  it(
    'Windows ending the session closes the core without asking',
    async () => {
      const run = await started(start());
      await run.command({ type: 'session-end', windowId: 1, phase: 'query' });
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(run.happenings.some(isDialog)).toBe(false);
      expect(log(dataDir)).toMatch(/quitting \{"reason":"windows-query-session-end"\}[\s\S]*core stopped/);
      expectClosedCleanly(dataDir);
    },
    RUN_TIMEOUT,
  );

  // Windows delivers no SIGTERM (kill() terminates at once): there, Ctrl+C and the session end above close it.
  it.skipIf(process.platform === 'win32')(
    'SIGTERM (or Ctrl+C) closes the core without asking',
    async () => {
      const run = await started(start());
      run.child.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(log(dataDir)).toMatch(/quitting \{"reason":"SIGTERM"\}[\s\S]*core stopped/);
      expectClosedCleanly(dataDir);
    },
    RUN_TIMEOUT,
  );
});

describe('starting elsewhere', () => {
  it.runIf(process.platform === 'linux')(
    'in a Wayland session, starts itself again under X11 before opening anything',
    async () => {
      const run = start({ env: { XDG_SESSION_TYPE: 'wayland' } });
      const relaunch = await run.waitFor('the relaunch', (h): h is Extract<Happening, { kind: 'relaunch' }> => h.kind === 'relaunch');
      expect(relaunch.args).toEqual([mainBundle, '--ozone-platform=x11']);
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(run.happenings.some((h) => h.kind === 'window-created' || h.kind === 'ready')).toBe(false);
    },
    RUN_TIMEOUT,
  );

  it(
    'a core that cannot start (a damaged database) says so in French, and exits with 1',
    async () => {
      const damaged = join(work, 'damaged');
      mkdirSync(damaged);
      writeFileSync(join(damaged, 'pupitre.sqlite3'), 'not a database, '.repeat(512));
      const run = start({ dataDir: damaged });
      const box = await run.waitFor('the error box', (h): h is Extract<Happening, { kind: 'error-box' }> => h.kind === 'error-box');
      expect(box.title).toBe('Pupitre n’a pas pu démarrer');
      expect(await run.exited).toEqual({ code: 1, signal: null });
    },
    RUN_TIMEOUT,
  );
});
