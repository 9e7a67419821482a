/**
 * bench/cluster: one hub node vs three, in the same run, on one redis-server, on loopback.
 *   npm run bench:cluster -- [--participants 1000] [--seconds 5] [--window 500]
 * For each: the nodes as real processes (src/hub/cli.ts --redis), the participants (socket.io-client,
 * WebSocket, spread over the nodes in turn) and a régie (TestRegie: records in memory and
 * acknowledges at once, linked to the first node) in this process. Printed: participants held,
 * join time (200 handshakes in flight), votes acknowledged per second (a closed loop of `window`
 * votes in flight for `seconds`), and vote → régie record and vote → answer latencies.
 * Printed, never asserted. Bounded: the participants and the seconds are options; on a shared
 * 2-core machine the nodes, Redis and the clients compete for the same cores (say so with figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { newParticipantId, TestRegie } from '../src/hub/testing/clients';
import { type HubProcess, spawnHub } from '../src/hub/testing/spawn-hub';
import type { Ack } from '../src/shared/protocol/errors';
import { startRedis } from '../tests/integration/redis-harness';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '5' },
    window: { type: 'string', default: '500' },
  },
});
const N = Number(values.participants);
const SECONDS = Number(values.seconds);
const WINDOW = Number(values.window);
if (![N, SECONDS, WINDOW].every((x) => Number.isFinite(x) && x > 0) || N > 20_000 || SECONDS > 60) {
  console.error('--participants (20 000 au plus), --seconds (60 au plus) et --window : des nombres positifs');
  process.exit(2);
}

const TOKEN = 'bench-cluster-token-0123456789abcdef';
const POLL = 'bench-poll';
// Every simulated phone shares 127.0.0.1: the per-address limits would be the figure measured.
const limits = {
  participantRate: { perSecond: 10_000, burst: 10_000 },
  addressRate: { perSecond: 1_000_000, burst: 1_000_000 },
  joinRate: { perSecond: 1_000_000, burst: 1_000_000 },
  newParticipantsPerMinute: 1_000_000,
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Figures {
  nodes: number;
  held: number;
  joinMs: number;
  acked: number;
  refused: number;
  recorded: number;
  seconds: number;
  toRegie: number[];
  toAnswer: number[];
}

async function scenario(redisUrl: string, nodeCount: number, code: string): Promise<Figures> {
  const dirs: string[] = [];
  const nodes: HubProcess[] = [];
  const sockets: Socket[] = [];
  let regie: TestRegie | null = null;
  try {
    for (let i = 0; i < nodeCount; i += 1) {
      const dataDir = mkdtempSync(join(tmpdir(), `pupitre-bench-cluster-${i}-`));
      dirs.push(dataDir);
      nodes.push(await spawnHub({ dataDir, token: TOKEN, eventCode: code, limits, redis: { url: redisUrl, nodeId: `noeud-${i + 1}` } }));
    }
    regie = await TestRegie.connect(nodes[0]!.port, TOKEN);
    const opened = await regie.command({
      type: 'interaction.open',
      interaction: { kind: 'poll', id: POLL, question: 'Qui ?', options: ['A', 'B', 'C', 'D'], maxChoices: 1 },
    });
    if (!opened.ok) throw new Error(`sondage non ouvert : ${JSON.stringify(opened)}`);

    // The join storm: 200 handshakes in flight, phone i on node i mod nodeCount.
    const ids = Array.from({ length: N }, () => newParticipantId());
    const t0 = performance.now();
    let nextJoin = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        while (nextJoin < N) {
          const i = nextJoin++;
          const s = io(`http://127.0.0.1:${nodes[i % nodeCount]!.port}/participant`, {
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          sockets[i] = s;
          await new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', reject);
          });
          const ack = (await s.timeout(30_000).emitWithAck('join', { eventCode: code, participantId: ids[i], origin: 'remote' })) as Ack;
          if (!ack.ok) throw new Error(`join refusé : ${ack.error.message}`);
        }
      }),
    );
    const joinMs = performance.now() - t0;

    // The votes: a closed loop of WINDOW in flight, one at a time per phone (as a phone does: two
    // of one phone's votes racing could land in either order, and one equal to the vote it
    // replaces is answered « ok » without reaching the régie); phone i's k-th vote differs from its last.
    const busy = new Array<boolean>(N).fill(false);
    const sentAt = new Map<string, number>();
    const toRegie: number[] = [];
    const toAnswer: number[] = [];
    let recorded = 0;
    regie.socket.on('audience', (batch) => {
      const now = performance.now();
      for (const m of batch.messages) {
        const t = sentAt.get(m.msgId);
        if (t === undefined) continue;
        sentAt.delete(m.msgId);
        toRegie.push(now - t);
        recorded += 1;
      }
    });
    const votes = new Array<number>(N).fill(0);
    let cursor = 0;
    let acked = 0;
    let refused = 0;
    let inFlight = 0;
    const tStart = performance.now();
    const end = tStart + SECONDS * 1000;
    await new Promise<void>((resolve) => {
      const sendOne = () => {
        let i = cursor++ % N;
        while (busy[i]) i = cursor++ % N;
        busy[i] = true;
        const k = votes[i]!++;
        const clientMsgId = `v${k}`;
        const t = performance.now();
        sentAt.set(`${ids[i]}:${clientMsgId}`, t);
        inFlight += 1;
        sockets[i]!.timeout(30_000)
          .emitWithAck('poll.vote', { clientMsgId, pollId: POLL, choices: [(i + k) % 4] })
          .then(
            (a: Ack) => {
              toAnswer.push(performance.now() - t);
              if (a.ok) acked += 1;
              else refused += 1;
            },
            () => (refused += 1),
          )
          .finally(() => {
            inFlight -= 1;
            busy[i] = false;
            if (performance.now() < end) sendOne();
            else if (inFlight === 0) resolve();
          });
      };
      for (let w = 0; w < Math.min(WINDOW, N); w += 1) sendOne();
    });
    const seconds = (performance.now() - tStart) / 1000;
    const deadline = performance.now() + 30_000;
    while (recorded < acked && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const held = sockets.filter((s) => s.connected).length;
    return { nodes: nodeCount, held, joinMs, acked, refused, recorded, seconds, toRegie, toAnswer };
  } finally {
    sockets.forEach((s) => s.close());
    regie?.close();
    for (const n of nodes) n.child.kill('SIGTERM');
    await Promise.all(nodes.map((n) => n.exited));
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  }
}

const redis = await startRedis();
const results: Figures[] = [];
try {
  console.log(
    `bench/cluster — ${fmt(N)} participants, ${SECONDS} s de votes, ${WINDOW} en vol, redis-server (AOF, appendfsync always) sur ${redis.url}`,
  );
  results.push(await scenario(redis.url, 1, 'UNNOEUD'));
  results.push(await scenario(redis.url, 3, 'TROISNOEUDS'));
} finally {
  await redis.stop();
}
for (const r of results) {
  console.log(`\n${r.nodes} nœud${r.nodes > 1 ? 's' : ''}`);
  console.log(`  participants tenus   ${fmt(r.held)} / ${fmt(N)}`);
  console.log(`  connexion (join)     ${(r.joinMs / 1000).toFixed(2)} s (${fmt(N / (r.joinMs / 1000))}/s)`);
  console.log(
    `  votes acquittés      ${fmt(r.acked)} en ${r.seconds.toFixed(1)} s : ${fmt(r.acked / r.seconds)}/s (refusés : ${fmt(r.refused)})`,
  );
  console.log(`  reçus par la régie   ${fmt(r.recorded)} — manquants : ${fmt(r.acked - r.recorded)}`);
  console.log(`  vote → régie         p50 ${ms(pct(r.toRegie, 50))}, p99 ${ms(pct(r.toRegie, 99))}, max ${ms(pct(r.toRegie, 100))}`);
  console.log(`  vote → réponse       p50 ${ms(pct(r.toAnswer, 50))}, p99 ${ms(pct(r.toAnswer, 99))}`);
}
