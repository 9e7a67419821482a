/**
 * Electron's utilityProcess, played by a Node child process: `fork` starts the module with
 * child_process.fork and gives it `process.parentPort` (parent-port.mjs), so the child runs the
 * same code path as under Electron (src/hub/child.ts talks to parentPort, not process.send).
 */
import { type ChildProcess, fork as forkNode } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ForkOptions, UtilityProcess, utilityProcess as ElectronUtilityProcess } from 'electron';

const parentPort = fileURLToPath(new URL('../parent-port.mjs', import.meta.url));

export const forkedUtilities: UtilityProcessStandin[] = [];

export class UtilityProcessStandin extends EventEmitter implements Pick<UtilityProcess, 'pid' | 'stdout' | 'stderr' | 'postMessage' | 'kill'> {
  private readonly child: ChildProcess;
  pid: number | undefined;
  stdout: Readable | null;
  stderr: Readable | null;

  constructor(
    readonly modulePath: string,
    args: string[],
    readonly options: ForkOptions,
  ) {
    super();
    this.child = forkNode(modulePath, args, {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: { ...(options.env ?? process.env) },
      execArgv: ['--import', parentPort, ...(options.execArgv ?? [])],
      stdio: options.stdio === 'inherit' ? ['inherit', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.pid = this.child.pid;
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    // Electron reports the exit code only; a signal shows as a code.
    this.child.on('exit', (code, signal) => {
      this.pid = undefined;
      this.emit('exit', code ?? (signal ? 1 : 0));
    });
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
}

export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: ForkOptions = {}) => {
    const child = new UtilityProcessStandin(modulePath, args, options);
    forkedUtilities.push(child);
    // The events (on/once) are Node's EventEmitter's: the members the shell uses are typed above.
    return child as unknown as UtilityProcess;
  },
} satisfies Pick<typeof ElectronUtilityProcess, 'fork'>;
