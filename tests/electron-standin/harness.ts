/**
 * The test's side: runs the BUILT main bundle (out/main/index.js) under plain Node with the
 * electron stand-in (register.mjs), plays the operating system and the operator through
 * protocol.ts, and collects what the bundle did. Waits on what happens, never on time.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, DisplaySpec, Happening, StandinState, ToStandin, ToTest } from './protocol';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const mainBundle = join(repoRoot, 'out', 'main', 'index.js');
export const preloadPath = join(repoRoot, 'out', 'preload', 'index.cjs');
const register = join(repoRoot, 'tests', 'electron-standin', 'register.mjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; run alone, this builds what is missing or older than src/. */
export function ensureBuilt(): void {
  const src = newestMtime(join(repoRoot, 'src'));
  const fresh = (file: string) => existsSync(file) && statSync(file).mtimeMs >= src;
  const build = (args: string[]) => {
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  };
  if (!fresh(mainBundle) || !fresh(preloadPath) || !fresh(join(repoRoot, 'out', 'renderer', 'control', 'index.html'))) {
    build(['node_modules/electron-vite/bin/electron-vite.js', 'build']);
  }
  if (!fresh(join(repoRoot, 'out', 'participant', 'index.html'))) {
    build(['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.participant.config.ts', '--logLevel', 'warn']);
  }
}

export interface RunOptions {
  /** PUPITRE_DATA_DIR (the test's temporary folder). */
  dataDir: string;
  /** HOME and XDG_CONFIG_HOME: nothing of the run lands in the real user's folders. */
  home: string;
  env?: Record<string, string>;
  args?: string[];
  displays?: DisplaySpec[];
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class BundleRun {
  readonly child: ChildProcess;
  readonly happenings: Happening[] = [];
  output = '';
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;
  private nextId = 1;
  private readonly replies = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly watchers = new Set<() => void>();

  constructor(options: RunOptions) {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !/^(ELECTRON_RUN_AS_NODE|XDG_SESSION_TYPE|WAYLAND_DISPLAY|PUPITRE_WAYLAND)$/.test(k)) env[k] = v;
    }
    Object.assign(env, {
      HOME: options.home,
      XDG_CONFIG_HOME: options.home,
      APPDATA: options.home,
      PUPITRE_DATA_DIR: options.dataDir,
      ...(options.displays ? { PUPITRE_STANDIN_DISPLAYS: JSON.stringify(options.displays) } : {}),
      ...options.env,
    });
    this.child = spawn(process.execPath, ['--import', register, mainBundle, ...(options.args ?? [])], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.on('message', (m: ToTest) => {
      if (m.type === 'happening') {
        this.happenings.push(m.happening);
        for (const w of [...this.watchers]) w();
      } else {
        const pending = this.replies.get(m.reply.id);
        this.replies.delete(m.reply.id);
        if (m.reply.ok) pending?.resolve(m.reply.value);
        else pending?.reject(new Error(m.reply.error));
      }
    });
    this.exited = new Promise((res) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const w of [...this.watchers]) w();
        for (const p of this.replies.values()) p.reject(new Error(`the bundle exited (${code ?? signal}) before answering`));
        this.replies.clear();
        res(this.exit);
      }),
    );
  }

  get mark(): number {
    return this.happenings.length;
  }

  /** The first happening from index `since` on that matches; fails when the bundle exits first. */
  waitFor<H extends Happening>(what: string, match: (h: Happening) => h is H, since = 0): Promise<H> {
    return new Promise((res, rej) => {
      const check = () => {
        const found = this.happenings.slice(since).find(match);
        if (found) {
          this.watchers.delete(check);
          res(found);
        } else if (this.exit) {
          this.watchers.delete(check);
          rej(new Error(`the bundle exited (${this.exit.code ?? this.exit.signal}) before ${what}.\n${this.tail()}`));
        }
      };
      this.watchers.add(check);
      check();
    });
  }

  windowCall(what: string, windowId: number, method: string, since = 0, args?: unknown[]) {
    return this.waitFor(
      what,
      (h): h is Extract<Happening, { kind: 'window-call' }> =>
        h.kind === 'window-call' &&
        h.windowId === windowId &&
        h.method === method &&
        (!args || JSON.stringify(h.args) === JSON.stringify(args)),
      since,
    );
  }

  command<T = unknown>(command: Command): Promise<T> {
    if (this.exit) return Promise.reject(new Error('the bundle has exited'));
    const id = this.nextId++;
    return new Promise<T>((res, rej) => {
      this.replies.set(id, { resolve: (v) => res(v as T), reject: rej });
      this.child.send({ type: 'command', id, command } satisfies ToStandin);
    });
  }

  state(): Promise<StandinState> {
    return this.command<StandinState>({ type: 'state' });
  }

  /** The end of what the bundle printed (its log echoes there in dev), for failure messages. */
  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}
