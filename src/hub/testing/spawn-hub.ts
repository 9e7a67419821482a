import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PartialHubLimits } from '../options';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface HubProcess {
  child: ChildProcess;
  port: number;
  hubId: string;
  exited: Promise<number | null>;
}

export interface SpawnHubOptions {
  dataDir: string;
  token: string;
  eventCode: string;
  port?: number;
  limits?: PartialHubLimits;
  /** Host names accepted whatever the port (a proxy in front of the hub). */
  publicHosts?: string[];
  /** A cluster node: its Redis and its name. */
  redis?: { url: string; nodeId: string };
  /** Gives the Redis address in PUPITRE_REDIS_URL (as deploy/systemd does: its password off the command line), not --redis. */
  redisFromEnvironment?: boolean;
}

/** Starts the standalone hub (src/hub/cli.ts) as one real child process and waits for its JSON ready line. */
export async function spawnHub(opts: SpawnHubOptions): Promise<HubProcess> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a second process, which a
  // SIGKILL of the first would leave running.
  const args = [
    '--import',
    'tsx',
    'src/hub/cli.ts',
    '--data-dir',
    opts.dataDir,
    '--port',
    String(opts.port ?? 0),
    '--event-code',
    opts.eventCode,
    '--json',
  ];
  if (opts.limits) args.push('--limits', JSON.stringify(opts.limits));
  for (const h of opts.publicHosts ?? []) args.push('--public-host', h);
  if (opts.redis) args.push(...(opts.redisFromEnvironment ? [] : ['--redis', opts.redis.url]), '--node-id', opts.redis.nodeId);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PUPITRE_HUB_TOKEN: opts.token,
      ...(opts.redis && opts.redisFromEnvironment ? { PUPITRE_REDIS_URL: opts.redis.url } : {}),
    },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  // A hub that dies by itself (not killed by the test) says why in the test's output.
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0) console.error(`hub ${opts.eventCode} (pid ${child.pid}) exited with ${code}:\n${stderr.slice(-3_000)}`);
  });
  const ready = await new Promise<{ port: number; hubId: string }>((res, rej) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { ready?: boolean; port: number; hubId: string };
        if (msg.ready) res(msg);
      } catch {
        /* not our line */
      }
    });
    void exited.then((code) => rej(new Error(`le hub s'est arrêté (${code}) avant d'être prêt : ${stderr}`)));
  });
  return { child, port: ready.port, hubId: ready.hubId, exited };
}
