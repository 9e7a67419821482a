/**
 * bench/audience: 2,000 simulated participants against a standalone hub, on loopback.
 *   npx tsx bench/audience.bench.ts [--participants 2000] [--rate 2000] [--seconds 10]
 * The hub runs in its own process (src/hub/cli.ts); the participants (socket.io-client, WebSocket)
 * and a fake régie that acknowledges at once share this process; then the same load through the
 * real régie core (its own process, its SQLite journal). Printed: the join time, the vote
 * throughput reaching the régie and its journal, the vote-to-régie and vote-to-journal latency
 * (p50, p99), the vote-to-answer latency, and the same load against a bare socket.io echo server
 * (no validation, no disk) for comparison.
 * Targets (issue 3): every participant joined within 10 s, no vote lost, p99 under 250 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { newParticipantId } from '../src/hub/testing/clients';
import { spawnHub } from '../src/hub/testing/spawn-hub';
import type { Ack } from '../src/shared/protocol/errors';
import Database from 'better-sqlite3';
import { zonedToEpoch } from '../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send, spawnCore } from '../tests/integration/helpers';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    'echo-server': { type: 'boolean', default: false },
  },
});

function spawnEcho(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/audience.bench.ts', '--echo-server'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as { ready?: boolean; port: number };
      if (msg.ready) resolve({ child, port: msg.port });
    });
  });
}

const TOKEN = 'bench-token-0123456789abcdefghij';
const CODE = 'BENCH';
const N = Number(values.participants);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** The hub forwards audience messages with their msgId; the echo server forwards the vote as sent. */
function keyOf(m: unknown): string {
  if (typeof m !== 'object' || m === null) return '';
  const r = m as Partial<Record<'msgId' | 'clientMsgId', unknown>>;
  return typeof r.msgId === 'string' ? r.msgId : typeof r.clientMsgId === 'string' ? r.clientMsgId : '';
}

interface RunResult {
  joinMs: number;
  sent: number;
  acked: number;
  refused: number;
  received: number;
  sinkLatency: number[];
  ackLatency: number[];
  /** When each vote left (wall clock, to compare with the régie journal's commit times). */
  sentAtWall: Map<string, number>;
}

/** Connects N participants, then sends votes at `rate`/s for `seconds` (or as fast as a window allows when rate is 0). */
async function run(
  port: number,
  sink: Socket | null,
  opts: { rate: number; seconds: number; join: boolean; window?: number; pollId?: string },
): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  const sentAtWall = new Map<string, number>();
  const sinkLatency: number[] = [];
  let received = 0;
  sink?.on('audience', (batch: { messages: unknown[] }) => {
    const now = performance.now();
    for (const m of batch.messages) {
      const t = sentAt.get(keyOf(m));
      if (t !== undefined) {
        sinkLatency.push(now - t);
        sentAt.delete(keyOf(m));
        received += 1;
      }
    }
    const last = batch.messages[batch.messages.length - 1] as { hubSeq?: number } | undefined;
    if (last?.hubSeq !== undefined) sink.emit('ack', { upToHubSeq: last.hubSeq });
  });

  // Join: at most 200 handshakes in flight.
  const t0 = performance.now();
  const ids = Array.from({ length: N }, () => newParticipantId());
  const sockets: Socket[] = new Array<Socket>(N);
  let nextJoin = 0;
  await Promise.all(
    Array.from({ length: 200 }, async () => {
      while (nextJoin < N) {
        const i = nextJoin++;
        const s = io(`http://127.0.0.1:${port}/participant`, { transports: ['websocket'], forceNew: true, reconnection: false });
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        if (opts.join) {
          const ack = (await s
            .timeout(30_000)
            .emitWithAck('join', { eventCode: CODE, participantId: ids[i], origin: i % 3 ? 'room' : 'remote' })) as { ok: boolean };
          if (!ack.ok) throw new Error('join refusé');
        }
        sockets[i] = s;
      }
    }),
  );
  const joinMs = performance.now() - t0;

  // Vote: participant i's k-th vote is option (i + k) % 4, never the same twice in a row.
  const votes = new Array<number>(N).fill(0);
  const ackLatency: number[] = [];
  let sent = 0;
  let acked = 0;
  let refused = 0;
  let inFlight = 0;
  let cursor = 0;
  const sendOne = () => {
    const i = cursor++ % N;
    const s = sockets[i]!;
    const k = votes[i]!++;
    const clientMsgId = `v${k}`;
    const msgId = `${ids[i]}:${clientMsgId}`;
    const t = performance.now();
    sentAt.set(msgId, t);
    sentAtWall.set(msgId, Date.now());
    sent += 1;
    inFlight += 1;
    // The echo server forwards the vote itself: it carries its msgId there.
    const body = { clientMsgId: opts.join ? clientMsgId : msgId, pollId: opts.pollId ?? 'bench-poll', choices: [(i + k) % 4] };
    s.timeout(30_000)
      .emitWithAck('poll.vote', body)
      .then(
        (a: Ack) => {
          inFlight -= 1;
          ackLatency.push(performance.now() - t);
          if (a.ok) acked += 1;
          else refused += 1;
        },
        () => (inFlight -= 1),
      );
  };
  const tStart = performance.now();
  const end = tStart + opts.seconds * 1000;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (now >= end) return resolve();
      if (opts.rate > 0) {
        const due = Math.floor(((now - tStart) / 1000) * opts.rate);
        while (sent < due) sendOne();
      } else {
        while (inFlight < (opts.window ?? 2000)) sendOne();
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  const deadline = performance.now() + 30_000;
  while ((inFlight > 0 || (sink && received < acked)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  sockets.forEach((s) => s.close());
  sink?.off('audience');
  return { joinMs, sent, acked, refused, received, sinkLatency, ackLatency, sentAtWall };
}

function print(label: string, r: RunResult, sendSeconds: number): void {
  console.log(`\n${label}`);
  console.log(`  connexions      ${fmt(N)} en ${(r.joinMs / 1000).toFixed(2)} s`);
  console.log(`  votes envoyés   ${fmt(r.sent)} (${fmt(r.sent / sendSeconds)}/s), acceptés ${fmt(r.acked)}, refusés ${fmt(r.refused)}`);
  console.log(`  reçus en régie  ${fmt(r.received)} (${fmt(r.received / sendSeconds)}/s) — perdus : ${fmt(r.acked - r.received)}`);
  console.log(
    `  vote → régie    p50 ${pct(r.sinkLatency, 50).toFixed(1)} ms, p99 ${pct(r.sinkLatency, 99).toFixed(1)} ms, max ${pct(r.sinkLatency, 100).toFixed(1)} ms`,
  );
  console.log(`  vote → réponse  p50 ${pct(r.ackLatency, 50).toFixed(1)} ms, p99 ${pct(r.ackLatency, 99).toFixed(1)} ms`);
}

/**
 * The whole chain: participants → hub process → the real régie core (its own process) → its
 * SQLite journal. The latency is the vote's send time to the journal row's commit time.
 */
async function throughTheRegie(dir: string, children: ChildProcess[]): Promise<RunResult> {
  const hub = await spawnHub({
    dataDir: join(dir, 'hub-regie'),
    token: TOKEN,
    eventCode: CODE,
    limits: { addressRate: { perSecond: 1e6, burst: 1e6 }, maxQueue: 100_000 },
  });
  children.push(hub.child);
  const regieDir = join(dir, 'regie');
  const core = await spawnCore(regieDir, ['--hub-url', `http://127.0.0.1:${hub.port}`, '--hub-token', TOKEN]);
  children.push(core.child);
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  await send(seat, { id: 'bench-clock-1', command: { type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } } });
  const go = await send(seat, { id: 'bench-go-0001', command: { type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' } });
  if (!go.ok) throw new Error(`GO refusé : ${go.error.message}`);
  for (let i = 0; i < 200; i += 1) {
    const h = (await (await fetch(`http://127.0.0.1:${hub.port}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { appliedSeq: number };
    if (h.appliedSeq >= 1) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const r = await run(hub.port, null, { rate: RATE, seconds: SECONDS, join: true, pollId: 'charge-de-travail' });
  // Wait for the journal to hold every accepted vote, then read the commit times.
  const db = new Database(join(regieDir, 'pupitre.sqlite3'), { readonly: true });
  const rows = db.prepare("SELECT json_extract(payload, '$.message.msgId') AS id, at FROM journal WHERE type = 'audience.received'");
  let committed: { id: string; at: number }[] = [];
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    committed = rows.all() as { id: string; at: number }[];
    if (committed.length >= r.acked) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  db.close();
  seat.close();
  const latency = committed.flatMap((c) => {
    const t = r.sentAtWall.get(c.id);
    return t === undefined ? [] : [c.at - t];
  });
  return { ...r, received: new Set(committed.map((c) => c.id)).size, sinkLatency: latency };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-audience-'));
  const children: ChildProcess[] = [];
  try {
    console.log(`bench/audience — ${N} participants, ${RATE} votes/s pendant ${SECONDS} s, boucle locale`);
    // Every participant comes from 127.0.0.1 here: the per-address limit is lifted; the per-participant one stays.
    const hub = await spawnHub({
      dataDir: dir,
      token: TOKEN,
      eventCode: CODE,
      limits: { addressRate: { perSecond: 1e6, burst: 1e6 }, maxQueue: 100_000 },
    });
    children.push(hub.child);
    const regie = io(`http://127.0.0.1:${hub.port}/regie`, { auth: { token: TOKEN }, transports: ['websocket'], forceNew: true });
    await new Promise((r) => regie.once('connect', () => r(null)));
    await regie.emitWithAck('resume', { protocol: 1, regieId: 'bench-regie-0001', afterHubSeq: 0 });
    await regie.emitWithAck('command', {
      seq: 1,
      command: {
        type: 'interaction.open',
        interaction: { kind: 'poll', id: 'bench-poll', question: 'Bench ?', options: ['A', 'B', 'C', 'D'], maxChoices: 1 },
      },
    });
    const hubRun = await run(hub.port, regie, { rate: RATE, seconds: SECONDS, join: true });
    print(`Hub (validation, SQLite, régie qui acquitte aussitôt) — ${RATE} votes/s visés`, hubRun, SECONDS);
    // A second round at full speed: how much the hub takes with 2,000 votes in flight.
    await regie.emitWithAck('command', {
      seq: 2,
      command: {
        type: 'interaction.open',
        interaction: { kind: 'poll', id: 'bench-poll', question: 'Bench 2 ?', options: ['A', 'B', 'C', 'D'], maxChoices: 1 },
      },
    });
    const hubMax = await run(hub.port, regie, { rate: 0, seconds: 5, join: true, window: 2000 });
    print('Hub — au maximum (2 000 votes en vol)', hubMax, 5);
    regie.close();
    hub.child.kill('SIGTERM');
    await hub.exited;

    const journalRun = await throughTheRegie(dir, children);
    print(`Hub + régie réelle (journal SQLite, acquittement après commit) — ${RATE} votes/s visés`, journalRun, SECONDS);

    const echo = await spawnEcho();
    children.push(echo.child);
    const sink = io(`http://127.0.0.1:${echo.port}/sink`, { transports: ['websocket'], forceNew: true });
    await new Promise((r) => sink.once('connect', () => r(null)));
    const echoRun = await run(echo.port, sink, { rate: RATE, seconds: SECONDS, join: false });
    print(`socket.io nu (écho, sans validation ni disque) — ${RATE} messages/s visés`, echoRun, SECONDS);
    const echoMax = await run(echo.port, sink, { rate: 0, seconds: 5, join: false, window: 2000 });
    print('socket.io nu — au maximum (2 000 messages en vol)', echoMax, 5);
    sink.close();

    const ok =
      journalRun.joinMs < 10_000 &&
      journalRun.received === journalRun.acked &&
      journalRun.acked === journalRun.sent &&
      pct(journalRun.sinkLatency, 99) < 250;
    console.log(`\nObjectifs : ${N} connectés en moins de 10 s, aucun vote perdu, p99 < 250 ms → ${ok ? 'atteints' : 'NON ATTEINTS'}`);
  } finally {
    children.forEach((c) => c.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

// ── Child mode: a bare socket.io server that acknowledges each event and forwards it to a sink. ──
if (values['echo-server']) {
  const http = createServer();
  const ioServer = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
  const sinks = ioServer.of('/sink');
  ioServer.of('/participant').on('connection', (socket) => {
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (typeof ack === 'function') (ack as (r: Ack) => void)({ ok: true });
      if (event !== 'join') sinks.emit('audience', { messages: [args[0]] });
    });
  });
  http.listen(0, '127.0.0.1', () => {
    const addr = http.address();
    process.stdout.write(JSON.stringify({ ready: true, port: typeof addr === 'object' && addr ? addr.port : 0 }) + '\n');
  });
} else {
  await main();
}
