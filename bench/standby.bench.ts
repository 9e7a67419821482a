/**
 * bench/standby: what the hot standby costs (docs/standby.md).
 *   npm run bench:standby [-- --commands 400 --participants 1000 --rate 2000 --seconds 5 --takes 100 --takeovers 5 --parts abcde]
 *
 * a. Command acknowledgement latency, desk → core → desk, one command at a time (log.note), on a
 *    primary alone, then with a standby following it (each answer then waits for the standby's
 *    commit): p50/p99, and how many answers said « mirrored ».
 * b. Replication lag under a vote burst: a standalone hub, the primary linked to it, a standby
 *    following the primary; `participants` socket.io participants vote at `rate` votes/s for
 *    `seconds`. Both cores' /health seq are read every 20 ms: the lag of a primary seq is the time
 *    from when the primary had it to when the standby had it (± the 20 ms sampling).
 * c. A fresh standby (an empty data folder) catching up on the whole journal from 0: events/s.
 * d. TAKE on the primary → the first frame painted by the standby's /output in Debian's Chromium
 *    that shows it (and by the primary's own /output, in the same run, for comparison): `takes`
 *    TAKEs with a cut, alternating two message scenes; from just before the `program.take` leaves
 *    this process (a desk seat's control channel) to the frame (bench/output-frames.ts ties the
 *    page's clock to Node's). The primary answers the TAKE once the standby has committed it.
 * e. « Prendre la main » → the first command the standby accepts: a fresh pair (and a fresh hub)
 *    each time, the primary killed (SIGKILL), then the remote route POST
 *    /api/remote/take-over?confirm=prendre-la-main with a régie token while a desk seat already
 *    connected to the standby sends a log.note every 2 ms (each refused until it leads); printed:
 *    the route's answer and the first note accepted, `takeovers` times.
 * Real processes (serve, the hub), real SQLite (synchronous=FULL) on this machine's disk, both régies
 * on 127.0.0.1 (a LAN adds its round trip, ~0.3–1 ms wired). Printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { joinPhones } from './join-phones';
import { spawnHub } from '../src/hub/testing/spawn-hub';
import type { Ack } from '../src/shared/protocol/errors';
import { connectView, nextSnapshot, send, spawnCore, type CoreProcess } from '../tests/integration/helpers';
import config from '../playwright.config';
import { nodeNow, watchOutput } from './output-frames';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '400' },
    participants: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    takes: { type: 'string', default: '100' },
    takeovers: { type: 'string', default: '5' },
    parts: { type: 'string', default: 'abcde' },
  },
});
const COMMANDS = Number(values.commands);
const N = Number(values.participants);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const TAKES = Number(values.takes);
const TAKEOVERS = Number(values.takeovers);
const PARTS = values.parts;
const TOKEN = 'bench-standby-token-0123456789abcdef';
const CODE = 'SECOURS';
const POLL = 'bench-standby-poll';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const spread = (xs: readonly number[]) =>
  `n=${xs.length}  p50 ${ms(pct(xs, 50))}   p95 ${ms(pct(xs, 95))}   p99 ${ms(pct(xs, 99))}   max ${ms(Math.max(...xs))}`;

const dir = mkdtempSync(join(tmpdir(), 'pupitre-bench-standby-'));
const children: CoreProcess['child'][] = [];

async function seqOf(port: number): Promise<number> {
  return ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { seq: number }).seq;
}

async function until(test: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timeout');
    await pause(20);
  }
}

async function ackLatencies(core: CoreProcess, label: string): Promise<{ latency: number[]; mirrored: number }> {
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  const latency: number[] = [];
  let mirrored = 0;
  for (let i = 0; i < COMMANDS; i++) {
    const t0 = performance.now();
    const r = await send(seat, { id: `bench-${label}-${String(i).padStart(6, '0')}`, command: { type: 'log.note', text: `note ${i}` } });
    latency.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
    if (r.standby === 'mirrored') mirrored += 1;
  }
  seat.close();
  return { latency, mirrored };
}

const follow = (primary: CoreProcess, hub: string[]) => [
  '--follow',
  `http://127.0.0.1:${primary.port}`,
  '--follow-token',
  primary.followToken,
  ...hub,
];

async function partA(): Promise<void> {
  const primary = await spawnCore(join(dir, 'a-primary'), ['--no-hub']);
  children.push(primary.child);
  const alone = await ackLatencies(primary, 'alone');
  const standby = await spawnCore(join(dir, 'a-standby'), follow(primary, ['--no-hub']));
  children.push(standby.child);
  await until(async () => (await seqOf(standby.port)) === (await seqOf(primary.port)));
  await pause(300); // the primary's gate turns « synced » on the standby's next acknowledgement
  const paired = await ackLatencies(primary, 'paired');
  console.log(`\na. Accusé de réception d’une commande (log.note, une à la fois, ${COMMANDS} commandes)`);
  console.log(`   principale seule       p50 ${ms(pct(alone.latency, 50))}   p99 ${ms(pct(alone.latency, 99))}`);
  console.log(
    `   avec régie de secours  p50 ${ms(pct(paired.latency, 50))}   p99 ${ms(pct(paired.latency, 99))}   (${paired.mirrored}/${COMMANDS} « mirrored »)`,
  );
  await Promise.all([standby.stop(), primary.stop()]);
}

function joinAll(port: number): Promise<Socket[]> {
  return joinPhones(port, CODE, N, 100);
}

async function partBC(): Promise<void> {
  const hub = await spawnHub({
    dataDir: join(dir, 'hub'),
    token: TOKEN,
    eventCode: CODE,
    limits: { addressRate: { perSecond: 1e6, burst: 1e6 }, maxQueue: 100_000 },
  });
  children.push(hub.child);
  const hubArgs = ['--hub-url', `http://127.0.0.1:${hub.port}`, '--hub-token', TOKEN];
  const primary = await spawnCore(join(dir, 'b-primary'), hubArgs);
  children.push(primary.child);
  const standby = await spawnCore(join(dir, 'b-standby'), follow(primary, hubArgs));
  children.push(standby.child);
  const seat = connectView(primary.port, primary.tokens.control);
  await nextSnapshot(seat);
  const r = await send(seat, {
    id: 'bench-standby-poll-open',
    command: {
      type: 'interaction.create',
      open: true,
      interaction: {
        kind: 'poll',
        id: POLL,
        type: 'single',
        question: 'Vote ?',
        options: ['Oui', 'Non', 'Peut-être'],
        hideResultsUntilReveal: false,
      },
    },
  });
  if (!r.ok) throw new Error(r.error.message);
  for (let i = 0; i < 200; i++) {
    const h = (await (await fetch(`http://127.0.0.1:${hub.port}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as {
      appliedSeq: number;
    };
    if (h.appliedSeq >= 1) break;
    await pause(50);
  }
  const sockets = await joinAll(hub.port);
  await until(async () => (await seqOf(standby.port)) === (await seqOf(primary.port)));

  // Sampling both seqs while the votes arrive.
  const primarySamples: { t: number; seq: number }[] = [];
  const standbySamples: { t: number; seq: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [p, s] = await Promise.all([seqOf(primary.port), seqOf(standby.port)]);
      const t = performance.now();
      primarySamples.push({ t, seq: p });
      standbySamples.push({ t, seq: s });
      await pause(20);
    }
  })();
  const total = RATE * SECONDS;
  let sent = 0;
  let accepted = 0;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
      while (sent < due) {
        const v = sent++;
        sockets[v % N]!.timeout(30_000)
          .emitWithAck('poll.vote', { clientMsgId: `v${Math.floor(v / N)}`, pollId: POLL, choices: [v % 3] })
          .then(
            (a: Ack) => (a.ok ? (accepted += 1) : undefined),
            () => undefined,
          );
      }
      if (sent >= total) return done();
      setTimeout(tick, 2);
    };
    tick();
  });
  await pause(2_000);
  await until(async () => (await seqOf(standby.port)) === (await seqOf(primary.port)));
  sampling = false;
  await sampler;
  const lags: number[] = [];
  let j = 0;
  for (const p of primarySamples) {
    while (j < standbySamples.length && standbySamples[j]!.seq < p.seq) j++;
    const s = standbySamples[j];
    if (s) lags.push(Math.max(0, s.t - p.t));
  }
  const events = await seqOf(primary.port);
  console.log(
    `\nb. Retard de la régie de secours pendant une rafale de votes (${N} participants, ${RATE} votes/s pendant ${SECONDS} s, ${accepted} acceptés)`,
  );
  console.log(
    `   retard p50 ${ms(pct(lags, 50))}   p99 ${ms(pct(lags, 99))}   max ${ms(Math.max(...lags))}   (échantillons toutes les ~20 ms : ${lags.length})`,
  );
  sockets.forEach((s) => s.close());
  seat.close();

  // c. A fresh standby from 0.
  await standby.stop();
  const c0 = performance.now();
  const fresh = await spawnCore(join(dir, 'c-standby'), follow(primary, hubArgs));
  children.push(fresh.child);
  const started = performance.now();
  // >=: the primary may journal more meanwhile (votes still in flight when the journal was counted).
  await until(async () => (await seqOf(fresh.port)) >= events).catch(async (err: unknown) => {
    throw new Error(
      `c : la secours neuve est à ${await seqOf(fresh.port)} sur ${events} (principale à ${await seqOf(primary.port)}) : ${String(err)}`,
    );
  });
  const catchUp = performance.now() - started;
  console.log(
    `\nc. Une régie de secours neuve recopie tout le journal (${events} événements) : ${ms(catchUp)} après son démarrage (${Math.round(events / (catchUp / 1000))} événements/s ; démarrage ${ms(started - c0)})`,
  );
  await Promise.all([fresh.stop(), primary.stop()]);
  hub.child.kill('SIGTERM');
}

/** A frame that never comes (an output that does not follow) fails the bench instead of hanging it. */
function within<T>(p: Promise<T>, why: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`${why} en ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

async function partD(): Promise<void> {
  const primary = await spawnCore(join(dir, 'd-primary'), ['--no-hub']);
  children.push(primary.child);
  const standby = await spawnCore(join(dir, 'd-standby'), follow(primary, ['--no-hub']));
  children.push(standby.child);
  const seat = connectView(primary.port, primary.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = async (command: unknown) => {
    const r = await send(seat, { id: `bench-standby-take-${String(n++).padStart(6, '0')}`, command });
    if (!r.ok) throw new Error(`${JSON.stringify(command)}: ${r.error.message}`);
  };
  await cmd({ type: 'program.transition', transition: { kind: 'cut', durationMs: 0 } });
  await until(async () => (await seqOf(standby.port)) === (await seqOf(primary.port)));
  await pause(300); // the primary's gate turns « synced » on the standby's next acknowledgement

  const launch = config.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions ?? {};
  const browser = await chromium.launch(launch);
  try {
    const viewport = { width: 1920, height: 1080 };
    const own = await watchOutput(
      await browser.newPage({ viewport }),
      `http://127.0.0.1:${primary.port}/output?token=${primary.tokens.output}`,
    );
    const mirror = await watchOutput(
      await browser.newPage({ viewport }),
      `http://127.0.0.1:${standby.port}/output?token=${standby.tokens.output}`,
    );
    console.log(
      `\nd. TAKE sur la principale → image peinte par la sortie /output (Chromium, 1920×1080, ${TAKES} TAKE en cut) — charge ${load()}`,
    );
    console.log(
      `   horloges des pages liées à celle de Node : aller-retour ${own.rtt.toFixed(2)} / ${mirror.rtt.toFixed(2)} ms (erreur ≤ la moitié)`,
    );
    const ownMs: number[] = [];
    const mirrorMs: number[] = [];
    const scene = (i: number) => ({
      kind: 'message',
      title: i % 2 === 0 ? 'Pause café' : 'Reprise',
      text:
        i % 2 === 0 ? `Reprise des travaux à 11 h en salle Rhône (${i})` : `Merci de regagner vos places : la table ronde ${i} commence.`,
    });
    for (let take = 1; take <= TAKES; take += 1) {
      await cmd({ type: 'program.preview', scene: scene(take) });
      await pause(40 + (take % 5) * 13); // an operator's pause: both outputs are idle when TAKE comes
      const painted = [own.frameOf(take), mirror.frameOf(take)] as const;
      const sent = nodeNow();
      await cmd({ type: 'program.take' });
      ownMs.push((await within(painted[0], `la sortie de la principale n’a pas peint le TAKE ${take}`)) - own.offset - sent);
      mirrorMs.push((await within(painted[1], `la sortie de la régie de secours n’a pas peint le TAKE ${take}`)) - mirror.offset - sent);
    }
    console.log(`   sortie de la principale      ${spread(ownMs)}`);
    console.log(`   sortie de la régie de secours ${spread(mirrorMs)}`);
    const behind = mirrorMs.map((m, i) => m - ownMs[i]!);
    console.log(`   écart secours − principale, TAKE par TAKE : p50 ${ms(pct(behind, 50))}   p99 ${ms(pct(behind, 99))}`);
  } finally {
    await browser.close();
    seat.close();
    await Promise.all([standby.stop(), primary.stop()]);
  }
}

async function takeOverOnce(round: number): Promise<{ answer: number; accepted: number; refused: number }> {
  const hub = await spawnHub({ dataDir: join(dir, `e-hub-${round}`), token: TOKEN, eventCode: CODE });
  children.push(hub.child);
  const hubArgs = ['--hub-url', `http://127.0.0.1:${hub.port}`, '--hub-token', TOKEN];
  const primary = await spawnCore(join(dir, `e-primary-${round}`), hubArgs);
  children.push(primary.child);
  const standby = await spawnCore(join(dir, `e-standby-${round}`), follow(primary, hubArgs));
  children.push(standby.child);
  try {
    const desk = connectView(primary.port, primary.tokens.control);
    await nextSnapshot(desk);
    for (let i = 0; i < 20; i++) {
      const r = await send(desk, { id: `bench-standby-e${round}-${i}`, command: { type: 'log.note', text: `avant ${i}` } });
      if (!r.ok) throw new Error(r.error.message);
    }
    desk.close();
    await until(async () => (await seqOf(standby.port)) === (await seqOf(primary.port)));
    const seat = connectView(standby.port, standby.tokens.control);
    await nextSnapshot(seat);
    primary.child.kill('SIGKILL');
    await primary.exited;

    let n = 0;
    let refused = 0;
    let accepted = NaN;
    const t0 = performance.now();
    const polling = (async () => {
      for (;;) {
        const r = await send(seat, {
          id: `bench-standby-e${round}-after-${String(n++).padStart(6, '0')}`,
          command: { type: 'log.note', text: 'la secours mène ?' },
        });
        if (r.ok) return void (accepted = performance.now() - t0);
        refused += 1;
        if (performance.now() - t0 > 30_000) throw new Error(`toujours refusée après 30 s : ${r.error.message}`);
        await pause(2);
      }
    })();
    const took = await fetch(`http://127.0.0.1:${standby.port}/api/remote/take-over?confirm=prendre-la-main`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${standby.tokens.control}` },
    });
    const answer = performance.now() - t0;
    const body = (await took.json()) as { ok: boolean; message?: string };
    if (!body.ok) throw new Error(`prise de main refusée : ${body.message}`);
    await polling;
    seat.close();
    return { answer, accepted, refused };
  } finally {
    await standby.stop();
    hub.child.kill('SIGTERM');
  }
}

async function partE(): Promise<void> {
  console.log(
    `\ne. « Prendre la main » → première commande acceptée (principale tuée par SIGKILL juste avant ; une paire et un hub neufs à chaque fois) — charge ${load()}`,
  );
  const accepted: number[] = [];
  for (let round = 1; round <= TAKEOVERS; round++) {
    const r = await takeOverOnce(round);
    accepted.push(r.accepted);
    console.log(
      `   ${round}. réponse de la route ${ms(r.answer)}   première note acceptée ${ms(r.accepted)}   (${r.refused} notes refusées avant) — charge ${load()}`,
    );
  }
  console.log(
    `   première commande acceptée : min ${ms(Math.min(...accepted))}   médiane ${ms(pct(accepted, 50))}   max ${ms(Math.max(...accepted))}`,
  );
}

try {
  console.log(`bench/standby — charge moyenne avant : ${load()} (1, 5, 15 min)`);
  if (PARTS.includes('a')) await partA();
  if (PARTS.includes('b')) await partBC();
  if (PARTS.includes('d')) await partD();
  if (PARTS.includes('e')) await partE();
  console.log(`\ncharge moyenne après : ${load()}`);
} finally {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
}
