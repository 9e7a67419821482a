/**
 * bench/take's storm, in its own process (so that it does not share bench/take's event loop, which
 * times the TAKEs): waves of `--phones` fresh phones join the hub as fast as it takes them (200
 * handshakes in flight), back to back with `--pause` seconds between waves, while the phones
 * already in vote at `--rate` votes/s in all (each vote unlike the phone's previous one, so each
 * reaches the régie's journal). A wave's phones leave once the next wave is in. It runs at nice 19:
 * the phones are not on the régie's machine in reality. Started by
 * bench/take.bench.ts; stops when its stdin closes. Prints JSON lines: each wave's join window
 * (wall clock), then the totals.
 *   node --import tsx bench/take-storm.ts --port HUB_PORT --code EVENT_CODE --poll POLL_ID [--phones 2000 --rate 2000 --pause 2]
 */
import { getPriority, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { newParticipantId } from '../src/hub/testing/clients';
import type { Ack } from '../src/shared/protocol/errors';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    code: { type: 'string' },
    poll: { type: 'string' },
    phones: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '2000' },
    pause: { type: 'string', default: '2' },
    options: { type: 'string', default: '4' },
  },
});
const PORT = Number(values.port);
const CODE = values.code ?? '';
const POLL = values.poll ?? '';
const PHONES = Number(values.phones);
const RATE = Number(values.rate);
const PAUSE_MS = Number(values.pause) * 1000;
const OPTIONS = Number(values.options);
const CONCURRENT_JOINS = 200;
const MAX_PER_PHONE = 2;

interface Phone {
  socket: Socket;
  index: number;
  votes: number;
}

const wall = () => performance.timeOrigin + performance.now();
const say = (line: Record<string, unknown>) => process.stdout.write(JSON.stringify(line) + '\n');

let stopped = false;
/** The phones in, that vote: the previous wave's and those of the wave joining now. */
let live: Phone[] = [];
const totals = { joined: 0, joinFailed: 0, sent: 0, acked: 0, refused: 0, unanswered: 0, waves: 0 };
const refusals = new Map<string, number>();

async function joinOne(index: number): Promise<Phone | null> {
  const socket = io(`http://127.0.0.1:${PORT}/participant`, { transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (await socket
      .timeout(30_000)
      .emitWithAck('join', { eventCode: CODE, participantId: newParticipantId(), origin: index % 4 === 0 ? 'remote' : 'room' })) as {
      ok: boolean;
    };
    if (!ack.ok) throw new Error('join refusé');
    return { socket, index, votes: 0 };
  } catch {
    socket.close();
    totals.joinFailed += 1;
    return null;
  }
}

/** One wave: PHONES fresh phones, CONCURRENT_JOINS handshakes in flight. */
async function wave(): Promise<Phone[]> {
  const phones: Phone[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT_JOINS }, async () => {
      while (next < PHONES && !stopped) {
        const p = await joinOne(next++);
        if (p) {
          phones.push(p);
          live.push(p);
        }
      }
    }),
  );
  return phones;
}

async function joinLoop(): Promise<void> {
  while (!stopped) {
    const start = wall();
    say({ type: 'joining', start });
    const phones = await wave();
    const end = wall();
    totals.joined += phones.length;
    totals.waves += 1;
    say({ type: 'wave', start, end, joined: phones.length, joinMs: end - start });
    // The previous wave leaves once this one is in.
    const staying = new Set(phones);
    const leaving = live.filter((p) => !staying.has(p));
    live = phones;
    leaving.forEach((p) => p.socket.close());
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  live.forEach((p) => p.socket.close());
}

/**
 * RATE votes a second over the phones in, round robin, at most MAX_PER_PHONE a second each (under
 * the hub's per-participant limit: while the first wave is still joining, the rate ramps up).
 */
function voteLoop(): Promise<void> {
  let last = performance.now();
  let budget = 0;
  let cursor = 0;
  return new Promise((resolve) => {
    const tick = () => {
      if (stopped) return resolve();
      const now = performance.now();
      const phones = live;
      budget += ((now - last) / 1000) * Math.min(RATE, phones.length * MAX_PER_PHONE);
      last = now;
      for (; budget >= 1 && phones.length > 0; budget -= 1) {
        const p = phones[cursor++ % phones.length]!;
        const k = p.votes++;
        totals.sent += 1;
        p.socket
          .timeout(30_000)
          .emitWithAck('poll.vote', { clientMsgId: `v${k}`, pollId: POLL, choices: [(k + p.index) % OPTIONS] })
          .then(
            (a: Ack) => {
              if (a.ok) totals.acked += 1;
              else {
                totals.refused += 1;
                refusals.set(a.error.code, (refusals.get(a.error.code) ?? 0) + 1);
              }
            },
            () => (totals.unanswered += 1), // its phone left with its wave, or no answer in 30 s
          );
      }
      setTimeout(tick, 2);
    };
    tick();
  });
}

// The phones are not on the régie's machine in reality: here they take only the CPU left over
// (nice 19), so that the figures measure the régie and its hub, not the load generator beside them.
try {
  setPriority(19);
} catch {
  // Not allowed here: the storm runs at normal priority (the bench says so).
}

const started = wall();
say({ type: 'started', at: started, nice: getPriority() });
const loops = Promise.all([joinLoop(), voteLoop()]);
process.stdin.resume();
process.stdin.on('end', () => (stopped = true));
process.stdin.on('close', () => (stopped = true));
await loops;
say({ type: 'done', seconds: (wall() - started) / 1000, ...totals, refusals: Object.fromEntries(refusals) });
process.exit(0);
