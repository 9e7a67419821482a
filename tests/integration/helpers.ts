import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ServerToViewEvents, Snapshot, ViewToServerEvents } from '../../src/shared/api/channel';
import type { CommandResult } from '../../src/shared/api/results';

export const repoRoot = resolve(import.meta.dirname, '../..');

export type ViewSocket = Socket<ServerToViewEvents, ViewToServerEvents>;

export interface CoreProcess {
  child: ChildProcess;
  port: number;
  hubPort: number | null;
  /** The embedded hub's process id when it started (null: no embedded hub). */
  hubPid: number | null;
  joinUrls: string[];
  tokens: { control: string; output: string };
  /** The token a standby follows this core with (docs/standby.md). */
  followToken: string;
  exited: Promise<number | null>;
  /**
   * SIGTERM, then waits for the exit; a core still there after `ms` is killed and the stall is an
   * error with the end of its log (a test that hangs on a shutdown says where, not just « timeout »).
   */
  stop(ms?: number): Promise<void>;
}

/** Starts `serve` as a real child process and waits for its JSON "ready" line. */
export async function spawnCore(dataDir: string, extraArgs: string[] = []): Promise<CoreProcess> {
  // `--import tsx` runs the core in this very process: a SIGKILL reaches the core itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/serve.ts', '--data-dir', dataDir, '--port', '0', '--hub-port', '0', '--hub-host', '127.0.0.1', '--json', ...extraArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  type Ready = { port: number; tokens: { control: string; output: string }; hubPort: number | null; hubPid?: number | null; joinUrls: string[]; followToken: string };
  const ready = await new Promise<Ready>((res, rej) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as Ready & { ready?: boolean };
        if (msg.ready) res(msg);
      } catch {
        /* not our line */
      }
    });
    void exited.then((code) => rej(new Error(`core exited (${code}) before ready: ${stderr}`)));
  });
  const stop = async (ms = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((res) => (timer = setTimeout(() => res('late'), ms)));
    const outcome = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (outcome !== 'late') return;
    child.kill('SIGKILL');
    await exited;
    throw new Error(`the core did not stop within ${ms} ms of SIGTERM; its last output:\n${stderr.slice(-2_000)}`);
  };
  return { child, port: ready.port, tokens: ready.tokens, hubPort: ready.hubPort, hubPid: ready.hubPid ?? null, joinUrls: ready.joinUrls, followToken: ready.followToken, exited, stop };
}

export function connectView(port: number, token: string, opts: { origin?: string } = {}): ViewSocket {
  return io(`http://127.0.0.1:${port}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(opts.origin ? { extraHeaders: { Origin: opts.origin } } : {}),
  });
}

export function nextSnapshot(socket: ViewSocket): Promise<Snapshot> {
  return new Promise((res) => socket.once('snapshot', res));
}

export function connectError(socket: ViewSocket): Promise<Error> {
  return new Promise((res) => socket.once('connect_error', res));
}

export function send(socket: ViewSocket, envelope: unknown): Promise<CommandResult> {
  return socket.timeout(20_000).emitWithAck('command', envelope) as Promise<CommandResult>;
}
