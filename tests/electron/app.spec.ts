/**
 * The real desktop app, driven by Playwright's _electron: control and output windows on the
 * core, least privilege in the pages, pop-ups and navigation denied (the desk's « open the
 * output » link brings up the output window instead), the output surviving the control window,
 * a single instance per data folder, quitting with a question.
 *
 * Needs the Electron binary (node_modules/electron/dist, downloaded by `npm start` or
 * `node node_modules/electron/install.js`) and better-sqlite3 for it (scripts/native-electron.mjs:
 * better-sqlite3's prebuilt binary, or compiled against Electron's headers). On a machine with no
 * internet neither can be had: the tests are then reported as skipped, with that reason, and
 * tests/integration/electron-main-bundle.test.ts runs the built bundle under the electron
 * stand-in instead. On Linux CI, run under a display (xvfb-run; .github/workflows/ci.yml).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, type Page, _electron as electron, expect, test } from '@playwright/test';
import type { NativeBridge } from '../../src/shared/api/native';

/**
 * What the tests touch of a page's globals (this project is typed without the DOM library).
 * Callbacks given to evaluate() run in the page: they cast globalThis inline, never call helpers.
 */
type PageGlobals = {
  pupitreNative?: NativeBridge;
  open(url: string, target?: string): unknown;
  location: { href: string };
  __pupitreMarker?: string;
};

/** A download the export test saw in the main process (what the shell set for the save dialog). */
type DownloadRecord = {
  url: string;
  file: string;
  title: string | undefined;
  defaultPath: string | undefined;
  state: string;
  path: string;
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP_REASON = 'skipped: Electron binary not available (it cannot be downloaded on a machine with no internet)';

/** node_modules/electron/path.txt names the binary inside node_modules/electron/dist. */
function findElectron(): string | null {
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electronPath = findElectron();

/** The environment for Electron: ours, minus what would turn it into Node, plus the test's data folder. */
function electronEnv(dataDir: string, nativeBinding: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, PUPITRE_DATA_DIR: dataDir, PUPITRE_NATIVE_BINDING: nativeBinding };
}

// Chromium refuses to start as root with its OS sandbox (CI containers); the pages keep
// sandbox: true, contextIsolation and no Node either way (that is what the tests check).
const chromiumArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

function buildElectronNative(): string {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'native-electron.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/native-electron.mjs failed: ${r.stderr.trim() || r.stdout.trim()}`);
  const binding = r.stdout.trim().split('\n').at(-1) ?? '';
  if (!existsSync(binding)) throw new Error(`no better_sqlite3.node for Electron at "${binding}"`);
  return binding;
}

function ensureBuilt(): void {
  if (existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'renderer', 'control', 'index.html'))) return;
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stderr}`);
}

/** The Playwright page of the window that shows this path of the core (/control, /output). */
async function windowAt(app: ElectronApplication, path: string): Promise<Page> {
  const find = () => app.windows().find((w) => w.url().includes(path));
  await expect.poll(() => find() !== undefined, { message: `a window showing ${path}`, timeout: 30_000 }).toBe(true);
  const page = find();
  if (!page) throw new Error(`no window at ${path}`);
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** URL, crash state and readiness of each window, seen from the main process. */
function windowStates(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow }) =>
    Promise.all(
      BrowserWindow.getAllWindows().map(async (w) => ({
        url: w.webContents.getURL(),
        crashed: w.webContents.isCrashed(),
        visible: w.isVisible(),
        ready:
          w.webContents.isCrashed() || w.webContents.isLoading()
            ? 'loading'
            : String(await w.webContents.executeJavaScript('document.readyState')),
      })),
    ),
  );
}

/** Crashes the renderer of the window showing `path` (main process side). */
function crashWindow(app: ElectronApplication, path: string) {
  return app.evaluate(({ BrowserWindow }, p) => {
    const win = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().includes(p));
    if (!win) throw new Error(`no window at ${p}`);
    win.webContents.forcefullyCrashRenderer();
  }, path);
}

/** Replaces the quit question with a recorded answer: 0 = « Quitter », 1 = « Annuler ». */
function answerQuitDialog(app: ElectronApplication, response: 0 | 1) {
  return app.evaluate(({ dialog }, answer) => {
    const g = globalThis as { __pupitreDialogs?: unknown[] };
    g.__pupitreDialogs = [];
    Object.assign(dialog, {
      showMessageBox: async (...args: unknown[]) => {
        g.__pupitreDialogs?.push(args.at(-1));
        return { response: answer, checkboxChecked: false };
      },
    });
  }, response);
}

function askedDialogs(app: ElectronApplication) {
  return app.evaluate(
    () => (globalThis as { __pupitreDialogs?: Array<{ message?: string; detail?: string; buttons?: string[] }> }).__pupitreDialogs ?? [],
  );
}

function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

test.describe('desktop shell (Electron)', () => {
  test.skip(!electronPath, SKIP_REASON);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let dataDir = '';
  let nativeBinding = '';
  let logFile = '';

  test.beforeAll(async () => {
    test.setTimeout(6 * 60_000); // the first run compiles better-sqlite3 for Electron (~2 min)
    ensureBuilt();
    nativeBinding = buildElectronNative();
    dataDir = mkdtempSync(join(tmpdir(), 'pupitre-electron-'));
    logFile = join(dataDir, 'logs', 'pupitre.log');
    app = await electron.launch({
      ...(electronPath ? { executablePath: electronPath } : {}),
      args: [...chromiumArgs, '.'],
      cwd: root,
      env: electronEnv(dataDir, nativeBinding),
      timeout: 60_000,
    });
  });

  test.afterAll(async () => {
    if (app) {
      await answerQuitDialog(app, 0).catch(() => undefined);
      const closed = app.close().then(() => true);
      const late = new Promise<false>((r) => setTimeout(() => r(false), 20_000));
      if (!(await Promise.race([closed, late]))) app.process().kill();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the control window on the core, showing the event', async () => {
    const control = await windowAt(app, '/control');
    expect(control.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/control\?token=/);
    await expect(control).toHaveTitle(/Pupitre/);
    await expect(control.getByText(/Assises/).first()).toBeVisible();
  });

  test('opens the output window on the same core', async () => {
    const output = await windowAt(app, '/output');
    expect(output.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/output\?token=/);
    const urls = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()));
    expect(urls.some((u) => u.includes('/control'))).toBe(true);
    expect(urls.some((u) => u.includes('/output'))).toBe(true);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect(origins.size).toBe(1);
  });

  test('pages get no Node; only the control window gets the native bridge', async () => {
    const control = await windowAt(app, '/control');
    const output = await windowAt(app, '/output');
    const probe = () => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      bridge: typeof (globalThis as unknown as PageGlobals).pupitreNative,
    });
    // contextBridge.exposeInMainWorld throws without contextIsolation: the bridge proves it is on.
    expect(await control.evaluate(probe)).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: 'object' });
    expect(await output.evaluate(probe)).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: 'undefined' });

    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(await control.evaluate(() => (globalThis as unknown as PageGlobals).pupitreNative?.appVersion())).toBe(version);
    const displays = await control.evaluate(() => (globalThis as unknown as PageGlobals).pupitreNative?.displays());
    expect(displays?.length).toBeGreaterThanOrEqual(1);
    expect(displays?.filter((d) => d.primary)).toHaveLength(1);
    // Arguments are validated in the main process: a bad one is refused, not obeyed.
    await expect(
      control.evaluate(() => (globalThis as unknown as PageGlobals).pupitreNative?.setOutputDisplay('x' as unknown as number)),
    ).rejects.toThrow(/écran invalide/);
  });

  test('window.open is denied, to other sites and to the core alike', async () => {
    const control = await windowAt(app, '/control');
    const before = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(await control.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.org/', '_blank') === null)).toBe(true);
    expect(
      await control.evaluate(
        () => (globalThis as unknown as PageGlobals).open((globalThis as unknown as PageGlobals).location.href, '_blank') === null,
      ),
    ).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(before);
    await expect.poll(() => readFileSync(logFile, 'utf8')).toContain('window.open denied');
  });

  test('the desk’s « open the output » link brings up the output window, never a new one', async () => {
    const control = await windowAt(app, '/control');
    const outputVisible = () =>
      app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()
          .find((w) => w.webContents.getURL().includes('/output'))
          ?.isVisible(),
      );
    // Closed by the operator (Alt+F4 hides it), then asked for again from the desk.
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()
        .find((w) => w.webContents.getURL().includes('/output'))
        ?.close(),
    );
    await expect.poll(outputVisible).toBe(false);
    const before = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    await control.getByTestId('open-output').click();
    await expect.poll(outputVisible).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(before);
    await expect.poll(() => readFileSync(logFile, 'utf8')).toContain('window.open of the output: showing the output window');
  });

  test('navigation away from the core is blocked', async () => {
    const control = await windowAt(app, '/control');
    await control.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
    });
    await expect.poll(() => readFileSync(logFile, 'utf8')).toContain('navigation blocked');
    expect(control.url()).toContain('/control');
  });

  test('closing the control window asks first; « Annuler » keeps Pupitre running', async () => {
    await answerQuitDialog(app, 1);
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()
        .find((w) => w.webContents.getURL().includes('/control'))
        ?.close(),
    );
    await expect.poll(async () => (await askedDialogs(app)).length).toBe(1);
    const [asked] = await askedDialogs(app);
    expect(asked?.message).toContain('Quitter Pupitre');
    expect(asked?.detail).toContain('La sortie projecteur sera fermée.');
    expect(asked?.buttons).toEqual(['Quitter', 'Annuler']);
    const urls = (await windowStates(app)).map((w) => w.url);
    expect(urls.some((u) => u.includes('/control'))).toBe(true);
    expect(urls.some((u) => u.includes('/output'))).toBe(true);
  });

  test('a second Pupitre on the same data folder quits at once', async () => {
    const second = spawn(electronPath ?? '', [...chromiumArgs, '.'], {
      cwd: root,
      env: electronEnv(dataDir, nativeBinding),
      stdio: 'ignore',
    });
    expect(await waitForExit(second, 30_000)).toBe(0);
    expect((await windowStates(app)).length).toBeGreaterThanOrEqual(2);
  });

  test('the output carries on through a reload and a crash of the control window', async () => {
    const output = await windowAt(app, '/output');
    await output.evaluate(() => {
      (globalThis as unknown as PageGlobals).__pupitreMarker = 'same page';
    });

    const control = await windowAt(app, '/control');
    await control.reload();
    await expect(control.getByText(/Assises/).first()).toBeVisible();

    await crashWindow(app, '/control');
    await expect
      .poll(async () => (await windowStates(app)).find((w) => w.url.includes('/control')), { timeout: 30_000 })
      .toMatchObject({ crashed: false, ready: 'complete' });
    expect(readFileSync(logFile, 'utf8')).toContain('control renderer gone, reloading');

    expect(await output.evaluate(() => (globalThis as unknown as PageGlobals).__pupitreMarker)).toBe('same page');
  });

  test('the output comes back by itself after its renderer crashes', async () => {
    await crashWindow(app, '/output');
    await expect.poll(() => readFileSync(logFile, 'utf8'), { timeout: 30_000 }).toContain('output renderer gone, reloading');
    await expect
      .poll(async () => (await windowStates(app)).find((w) => w.url.includes('/output')), { timeout: 30_000 })
      .toMatchObject({ crashed: false, ready: 'complete' });
  });
  test('an export from the desk goes through the native save dialog’s options and lands in the file', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'pupitre-electron-export-'));
    // Beside the shell's own will-download handler (it sets the save dialog's options), the test
    // answers the dialog: a save path set before the download starts means no dialog is shown.
    await app.evaluate(({ session }, dir) => {
      const g = globalThis as {
        __pupitreDownloads?: DownloadRecord[];
      };
      g.__pupitreDownloads = [];
      session.defaultSession.on('will-download', (_event, item) => {
        const options = item.getSaveDialogOptions();
        const record = {
          url: item.getURL(),
          file: item.getFilename(),
          title: options.title,
          defaultPath: options.defaultPath,
          state: 'progressing',
          path: `${dir}/${item.getFilename()}`,
        };
        g.__pupitreDownloads?.push(record);
        item.setSavePath(record.path);
        item.once('done', (_e, state) => {
          record.state = state;
        });
      });
    }, saveDir);

    const control = await windowAt(app, '/control');
    await control.getByTestId('export-button').click();
    await expect(control.getByTestId('export-dialog')).toBeVisible();
    await control.getByTestId('export-format-csv').check();
    await control.getByTestId('export-submit').click();
    const downloads = () =>
      app.evaluate(
        () =>
          (
            globalThis as {
              __pupitreDownloads?: DownloadRecord[];
            }
          ).__pupitreDownloads ?? [],
      );
    await expect.poll(async () => (await downloads()).at(-1)?.state, { timeout: 30_000 }).toBe('completed');
    const done = (await downloads()).at(-1)!;
    expect(done.url.startsWith('blob:http://127.0.0.1:')).toBe(true);
    expect(done.file).toMatch(/^pupitre-questions-.*\.csv$/);
    expect(done.title).toBe('Enregistrer l’export de Pupitre');
    expect(done.defaultPath?.endsWith(done.file)).toBe(true);
    // The file is the CSV the core made: UTF-8 with a BOM, semicolons.
    const bytes = readFileSync(done.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(';');
    rmSync(saveDir, { recursive: true, force: true });
  });
});
