import { request } from 'node:https';
import { request as plainRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubProcess, spawnHub } from '../../src/hub/testing/spawn-hub';
import { newParticipantId, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { Ack } from '../../src/shared/protocol/errors';
import { type Balancer, balancerMissing, startBalancer } from './haproxy-harness';
import { type RedisServer, startRedis } from './redis-harness';

/**
 * deploy/haproxy/pupitre.cfg, run by Debian's HAProxy in front of three hub nodes on a real
 * redis-server: phones join through it (TLS ended at the balancer) over WebSocket and over
 * polling only (sticky by cookie), their limits are counted under their own address (the
 * balancer's X-Forwarded-For, believed from the balancer only), and when a node is killed with
 * SIGKILL mid-burst its phones come back through the balancer to the others: every message a phone
 * got an acknowledgement for is in the régie's record exactly once.
 */

const missing = balancerMissing();
const TOKEN = 'balancer-test-token-0123456789abcdef';
const CODE = 'REPARTI';
const PER_TRANSPORT = 24;
const PER_PHONE = 6;
// The balancer reaches the nodes from 127.0.0.2, the phones come from 127.0.0.1.
const BALANCER_SOURCE = '127.0.0.2';
const limits = {
  participantRate: { perSecond: 10_000, burst: 10_000 },
  addressRate: { perSecond: 1_000_000, burst: 1_000_000 },
  // A join's token comes back after 100 s: the bucket of an address that joined stays in Redis for the test.
  joinRate: { perSecond: 0.01, burst: 1_000_000 },
  newParticipantsPerMinute: 1_000_000,
  trustedProxies: [BALANCER_SOURCE],
  presenceIntervalMs: 200,
  patchDelayMs: 5,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(get: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await sleep(20);
  }
}

/** A GET through the balancer: its status, Location and body. */
function get(url: string, ca?: string): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = (url.startsWith('https:') ? request : plainRequest)(url, { ca }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(missing !== null)(
  `three nodes behind HAProxy (deploy/haproxy/pupitre.cfg)${missing ? ` — ignoré : ${missing}` : ''}`,
  () => {
    let redis: RedisServer;
    let balancer: Balancer;
    let regie: TestRegie;
    const nodes: HubProcess[] = [];
    const dirs: string[] = [];
    type Phone = { p: TestParticipant; transport: 'websocket' | 'polling' };
    const phones: Phone[] = [];
    const alive = (node: HubProcess) => node.child.exitCode === null && node.child.signalCode === null;

    const viaBalancer = (transport: Phone['transport'], participantId: string, headers?: Record<string, string>) =>
      TestParticipant.join(0, CODE, {
        url: balancer.url,
        ca: balancer.ca,
        transports: [transport],
        participantId,
        origin: 'remote',
        timeoutMs: 5_000,
        ...(headers ? { headers } : {}),
      });

    beforeAll(async () => {
      redis = await startRedis();
      for (let i = 0; i < 3; i += 1) {
        const dataDir = mkdtempSync(join(tmpdir(), `pupitre-balancer-node-${i}-`));
        dirs.push(dataDir);
        nodes.push(
          await spawnHub({
            dataDir,
            token: TOKEN,
            eventCode: CODE,
            limits,
            publicHosts: ['127.0.0.1'],
            redis: { url: redis.url, nodeId: `noeud-${i + 1}` },
            // As deploy/systemd gives it: in the environment.
            redisFromEnvironment: true,
          }),
        );
      }
      balancer = await startBalancer(
        nodes.map((n) => `127.0.0.1:${n.port}`),
        { publicHost: '127.0.0.1', source: BALANCER_SOURCE },
      );
      // The régie talks to the nodes themselves (--hub-url a,b,c), not through the balancer.
      regie = await TestRegie.connect(nodes[0]!.port, TOKEN);
      expect(await regie.command({ type: 'qa.open', sessionId: 's', roomOnly: false })).toMatchObject({ ok: true });
      for (let i = 0; i < PER_TRANSPORT; i += 1) {
        // Half the phones forge an X-Forwarded-For: the balancer drops it.
        const forged = i % 2 === 0 ? { 'X-Forwarded-For': '203.0.113.7' } : undefined;
        phones.push({ p: await viaBalancer('websocket', newParticipantId(), forged), transport: 'websocket' });
        phones.push({ p: await viaBalancer('polling', newParticipantId(), forged), transport: 'polling' });
      }
    }, 120_000);
    afterAll(async () => {
      phones.forEach((ph) => ph.p.close());
      regie?.close();
      await balancer?.stop();
      for (const n of nodes) if (alive(n)) n.child.kill('SIGTERM');
      await Promise.all(nodes.map((n) => n.exited));
      await redis?.stop();
      dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
    });

    it('TLS ends at the balancer, plain HTTP is sent to https, /health answers through it', async () => {
      const health = await get(`${balancer.url}/health`, balancer.ca);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toEqual({ ok: true });
      const plain = await get(`http://127.0.0.1:${balancer.httpPort}/health`);
      expect(plain.status).toBe(301);
      expect(plain.location).toMatch(/^https:\/\//);
    });

    it('polling phones stay on polling (sticky by cookie), and every phone sees the board', async () => {
      for (const ph of phones) expect(ph.p.socket.io.engine.transport.name).toBe(ph.transport);
      await until(() => phones.every((ph) => ph.p.state?.qa.open), 'Q&R ouvert sur chaque téléphone');
      // A polling phone holds the balancer's cookie (without it, its next request could reach another node).
      const polling = phones.find((ph) => ph.transport === 'polling')!;
      const jar = (polling.p.socket.io.engine as unknown as { _cookieJar?: { cookies: Iterable<[string, unknown]> } })._cookieJar;
      expect([...(jar?.cookies ?? [])].map(([name]) => name)).toContain('PUPITRE_NOEUD');
    });

    it('per-address limits count a phone under its own address (X-Forwarded-For from the balancer only), never a forged one', async () => {
      const client = new Redis(redis.url);
      try {
        const keys = await client.keys('*rate:j:*');
        const addresses = keys.map((k) => k.slice(k.indexOf('rate:j:') + 'rate:j:'.length));
        expect(addresses).toEqual(['127.0.0.1']); // not the balancer's 127.0.0.2, not the forged 203.0.113.7
      } finally {
        client.disconnect();
      }
    });

    it('kill -9 of a node mid-burst: its phones come back through the balancer, each acknowledged message recorded once', async () => {
      const acked = new Set<string>();
      const idOf = (ph: Phone, i: number) => `${ph.p.participantId}:b${i}`;
      const message = (ph: Phone, i: number) => ({
        clientMsgId: `b${i}`,
        text: `Question ${i} de ${ph.p.participantId} (${ph.transport})`,
      });
      const victim = nodes[1]!;
      let killed = false;
      // First pass: each phone sends its messages one after the other; a third of the way, the kill.
      await Promise.all(
        phones.map(async (ph) => {
          for (let i = 0; i < PER_PHONE; i += 1) {
            const ack = (await ph.p.socket
              .timeout(5_000)
              .emitWithAck('question.ask', message(ph, i))
              .catch(() => null)) as Ack | null;
            if (ack?.ok) acked.add(idOf(ph, i));
            if (!killed && acked.size >= (phones.length * PER_PHONE) / 3) {
              killed = true;
              victim.child.kill('SIGKILL');
            }
            if (!ph.p.socket.connected) return;
          }
        }),
      );
      await victim.exited;
      expect(alive(victim)).toBe(false);
      await sleep(500);
      const lost = phones.filter((ph) => !ph.p.socket.connected);
      // The victim held phones of both kinds (leastconn spread them).
      expect(lost.some((ph) => ph.transport === 'websocket')).toBe(true);
      expect(lost.some((ph) => ph.transport === 'polling')).toBe(true);

      // Then each phone sends again what was not acknowledged, joining again through the balancer when cut off.
      await Promise.all(
        phones.map(async (ph) => {
          for (let i = 0; i < PER_PHONE; i += 1) {
            for (let attempt = 0; !acked.has(idOf(ph, i)); attempt += 1) {
              if (attempt > 40) throw new Error(`jamais accepté : ${idOf(ph, i)}`);
              if (!ph.p.socket.connected) {
                ph.p.close();
                const again = await viaBalancer(ph.transport, ph.p.participantId).catch(() => null);
                if (!again) {
                  await sleep(250);
                  continue;
                }
                ph.p = again;
              }
              const ack = (await ph.p.socket
                .timeout(5_000)
                .emitWithAck('question.ask', message(ph, i))
                .catch(() => null)) as Ack | null;
              if (ack?.ok) acked.add(idOf(ph, i));
              else await sleep(100);
            }
          }
        }),
      );
      expect(acked.size).toBe(phones.length * PER_PHONE);
      for (const ph of phones) expect(ph.p.socket.io.engine.transport.name).toBe(ph.transport);

      await regie.waitFor(() => regie.committed.size >= acked.size, 60_000);
      await sleep(300);
      expect(new Set(regie.committed.keys())).toEqual(acked);
      expect(regie.deliveries).toHaveLength(acked.size); // each once
    }, 120_000);
  },
);
