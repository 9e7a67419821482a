/**
 * `app`: ready, paths, the single-instance lock, the command line, quitting. Quitting follows
 * Electron's order: 'before-quit' (preventable), every window asked to close (a prevented close
 * cancels), 'will-quit' (preventable), 'quit', then the process ends, whatever is still open
 * (Chromium's message loop, not Node's, decides when Electron exits).
 */
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { App, CommandLine, RelaunchOptions } from 'electron';
import { BrowserWindowStandin } from './browser-window';
import { flushThenExit, report } from './channel';
import { newEvent } from './events';

type PathName = Parameters<App['getPath']>[0];

// The members Pupitre uses, with Electron's own signatures: tsc fails when either side drifts.
type AppMembers =
  | 'whenReady'
  | 'isReady'
  | 'quit'
  | 'exit'
  | 'relaunch'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'setAppUserModelId'
  | 'getAppPath'
  | 'getPath'
  | 'setPath'
  | 'getVersion'
  | 'getName'
  | 'isPackaged'
  | 'commandLine';

/** The app's folder: the nearest package.json above the entry script (`electron .` gives it). */
function findAppPath(): string {
  let dir = dirname(resolve(process.argv[1] ?? '.'));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('electron stand-in: no package.json above the entry script');
    dir = up;
  }
  return dir;
}

/** Chromium's switches from the command line, and what it decides before any script (the Ozone platform). */
function initialSwitches(): Map<string, string> {
  const switches = new Map<string, string>();
  for (const arg of process.argv.slice(2)) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m?.[1]) switches.set(m[1], m[2] ?? '');
  }
  // ui::SetOzonePlatformForLinuxIfNeeded (Electron 38+): XDG_SESSION_TYPE picks Wayland or X11.
  if (process.platform === 'linux' && !switches.has('ozone-platform')) {
    switches.set('ozone-platform', process.env.XDG_SESSION_TYPE === 'wayland' ? 'wayland' : 'x11');
  }
  return switches;
}

export class CommandLineStandin implements CommandLine {
  readonly switches = initialSwitches();
  readonly appended = new Map<string, string>();
  appendSwitch(name: string, value = ''): void {
    this.switches.set(name, value);
    this.appended.set(name, value);
  }
  appendArgument(_value: string): void {}
  hasSwitch(name: string): boolean {
    return this.switches.has(name);
  }
  getSwitchValue(name: string): string {
    return this.switches.get(name) ?? '';
  }
  removeSwitch(name: string): void {
    this.switches.delete(name);
  }
}

export class AppStandin extends EventEmitter implements Pick<App, AppMembers> {
  readonly isPackaged = false;
  readonly commandLine = new CommandLineStandin();
  appUserModelId: string | null = null;
  private ready = false;
  private quitting = false;
  private lockFile: string | null = null;
  private readonly appPath = findAppPath();
  private readonly pkg = JSON.parse(readFileSync(join(this.appPath, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
  };
  private readonly paths = new Map<PathName, string>();
  private readonly readyPromise: Promise<void>;

  constructor() {
    super();
    this.readyPromise = new Promise((resolveReady) => {
      // After the whole main bundle has been evaluated, as Electron's 'ready' is.
      setImmediate(() => {
        if (this.quitting) return; // app.exit() before ready: Electron never gets there
        this.emit('will-finish-launching');
        this.ready = true;
        this.emit('ready', newEvent(), {});
        report({ kind: 'ready' });
        resolveReady();
      });
    });
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getName(): string {
    return this.pkg.productName ?? this.pkg.name;
  }

  getVersion(): string {
    return this.pkg.version;
  }

  getAppPath(): string {
    return this.appPath;
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }

  getPath(name: PathName): string {
    const set = this.paths.get(name);
    if (set) return set;
    const home = homedir();
    const appData =
      process.platform === 'win32'
        ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : process.platform === 'darwin'
          ? join(home, 'Library', 'Application Support')
          : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
    switch (name) {
      case 'home':
        return home;
      case 'appData':
        return appData;
      case 'userData':
      case 'sessionData':
        return join(appData, this.getName());
      case 'temp':
        return tmpdir();
      case 'documents':
        return join(home, 'Documents');
      case 'downloads':
        return join(home, 'Downloads');
      case 'desktop':
        return join(home, 'Desktop');
      case 'logs':
        return join(this.getPath('userData'), 'logs');
      case 'exe':
        return process.execPath;
      case 'module':
        return process.execPath;
      default:
        throw new Error(`Failed to get '${name}' path`);
    }
  }

  setPath(name: PathName, path: string): void {
    this.paths.set(name, path);
  }

  /** One instance per userData folder (Electron's ProcessSingleton keeps a lock there too). */
  requestSingleInstanceLock(): boolean {
    const dir = this.getPath('userData');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'StandinSingletonLock');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(file, 'wx');
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        this.lockFile = file;
        return true;
      } catch {
        const holder = Number(readFileSync(file, 'utf8'));
        if (holder && holder !== process.pid && isAlive(holder)) return false;
        rmSync(file, { force: true }); // left by a process that died
      }
    }
    return false;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockFile !== null;
  }

  releaseSingleInstanceLock(): void {
    if (this.lockFile) rmSync(this.lockFile, { force: true });
    this.lockFile = null;
  }

  relaunch(options: RelaunchOptions = {}): void {
    report({ kind: 'relaunch', args: options.args ?? process.argv.slice(1) });
  }

  quit(): void {
    if (this.quitting) return;
    const beforeQuit = newEvent();
    report({ kind: 'quit-step', step: 'before-quit' });
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    setImmediate(() => {
      for (const win of BrowserWindowStandin.getAllWindows()) {
        win.close();
        if (!win.isDestroyed()) {
          this.quitting = false; // a window refused: quitting is cancelled
          return;
        }
      }
      const willQuit = newEvent();
      report({ kind: 'quit-step', step: 'will-quit' });
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        this.quitting = false;
        return;
      }
      report({ kind: 'quit-step', step: 'quit' });
      this.emit('quit', newEvent(), 0);
      this.end(0);
    });
  }

  /** At once: no events, windows destroyed. */
  exit(exitCode = 0): void {
    this.quitting = true;
    for (const win of BrowserWindowStandin.getAllWindows()) win.destroy();
    this.end(exitCode);
  }

  /** A window was destroyed: with none left and nobody listening, Electron quits. */
  windowGone(): void {
    if (this.quitting || BrowserWindowStandin.getAllWindows().length > 0) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  private end(code: number): void {
    this.releaseSingleInstanceLock();
    clearInterval(messageLoop);
    flushThenExit(code);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Chromium's message loop: Electron runs until it quits, whether Node has work or not.
const messageLoop = setInterval(() => undefined, 1 << 30);

export const app = new AppStandin();
