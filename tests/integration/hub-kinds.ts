import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startHub, type RunningHub } from '../../src/hub/hub';
import type { HubOptions } from '../../src/hub/options';
import { type RedisServer, startRedis } from './redis-harness';

/**
 * The two kinds of hub, for the protocol tests both must pass (describe.each): the embedded
 * kind (one process, its SQLite file) and one node of a cluster (its state in a real
 * redis-server started for the test file). Each `start` gives a hub with nothing stored.
 */
export interface HubKind {
  name: 'sqlite' | 'redis';
  setup(): Promise<void>;
  start(opts: Omit<HubOptions, 'dataDir' | 'dbPath' | 'redis'>): Promise<RunningHub>;
  teardown(): Promise<void>;
}

export function hubKinds(): HubKind[] {
  let dir = '';
  let n = 0;
  const sqlite: HubKind = {
    name: 'sqlite',
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-kind-'));
    },
    start: (opts) => startHub({ ...opts, dataDir: join(dir, `hub-${(n += 1)}`) }),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  };
  let server: RedisServer | null = null;
  const redis: HubKind = {
    name: 'redis',
    setup: async () => {
      server = await startRedis();
    },
    start: async (opts) => {
      if (!server) throw new Error('redis-server non démarré');
      // A fresh hub: the previous test's state goes (its hub is no longer used).
      const client = new Redis(server.url);
      await client.flushall();
      client.disconnect();
      return startHub({ ...opts, redis: { url: server.url, nodeId: `node-${(n += 1)}` } });
    },
    teardown: async () => server?.stop(),
  };
  return [sqlite, redis];
}
