import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real redis-server for one test file: on a free loopback port, its AOF in a temporary folder
 * (`appendfsync always`, as docs/cluster.md configures it: an acknowledged write is on disk),
 * no RDB snapshots. `kill()` is a SIGKILL (a crash, a power cut of the process), `start()` again
 * on the same port and folder replays the AOF.
 */
export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
  /** Starts it again (same port, same AOF). */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-redis-'));
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const c = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, '--logfile', ''],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = c;
    exited = new Promise((res) => c.once('exit', () => res()));
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server n'a pas démarré en 10 s : ${out.slice(-1000)}`)), 10_000);
      c.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server s'est arrêté (${code}) : ${out.slice(-1000)}`));
      });
      c.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  };

  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    start,
    stop: async () => {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const late = setTimeout(() => child?.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(late);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
