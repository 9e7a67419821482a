import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../src/main/core';
import { silentLogger } from '../../src/node/log/logger';
import { startHub, type RunningHub } from '../../src/hub/hub';
import { type HubProcess, spawnHub } from '../../src/hub/testing/spawn-hub';
import { newParticipantId, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { Ack } from '../../src/shared/protocol/errors';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { repoRoot } from './helpers';
import { type RedisServer, startRedis } from './redis-harness';

/**
 * A cluster of three hub nodes on a real redis-server, the régie (a real core, its journal in
 * SQLite) linked to one of them through `--hub-url a,b,c`. Participants are spread across the
 * nodes; in the middle of a burst a node is killed with SIGKILL (one the régie is not linked to,
 * then the one it is linked to), then redis-server itself. Each time every message a phone got
 * an acknowledgement for is in the régie's journal exactly once.
 */

const TOKEN = 'cluster-test-token-0123456789abcdef';
const PARTICIPANTS = 300;
const PER_PARTICIPANT = 6;
const IN_FLIGHT = 2;
const POLL = 'grappe';
// Every phone shares 127.0.0.1 here: the per-address limits are tested apart (below).
const limits = {
  participantRate: { perSecond: 10_000, burst: 10_000 },
  addressRate: { perSecond: 1_000_000, burst: 1_000_000 },
  joinRate: { perSecond: 1_000_000, burst: 1_000_000 },
  newParticipantsPerMinute: 1_000_000,
  presenceIntervalMs: 200,
  patchDelayMs: 5,
};

type Msg = { event: 'question.ask' | 'poll.vote'; body: Record<string, unknown> };

async function until<T>(get: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dirs: string[] = [];
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `pupitre-cluster-${name}-`));
  dirs.push(d);
  return d;
};

let redis: RedisServer;
afterAll(async () => {
  await redis?.stop();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
beforeAll(async () => {
  redis = await startRedis();
});

describe('three nodes, the régie linked to one: kill -9 of a node, of the régie’s node, of redis-server', () => {
  const nodes: HubProcess[] = [];
  let core: RunningCore;
  let code: string;
  let n = 0;
  const phones: TestParticipant[] = [];
  const cmd = (command: unknown) => core.engine.submit({ id: `cl-${String(n++).padStart(6, '0')}`, command }, 'control-1');
  const alive = (node: HubProcess) => node.child.exitCode === null && node.child.signalCode === null;
  const urlOf = (node: HubProcess) => `http://127.0.0.1:${node.port}`;
  const regieNode = () => nodes.find((nd) => urlOf(nd) === core.link?.current.hubUrl);
  const journaled = () =>
    core.db.prepare("SELECT json_extract(payload, '$.message.msgId') AS id FROM journal WHERE type = 'audience.received'").pluck().all() as string[];
  /** Every message acknowledged to a phone, in any round. */
  const acked = new Set<string>();

  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) {
      nodes.push(
        await spawnHub({ dataDir: tempDir(`node-${i}`), token: TOKEN, eventCode: 'GRAPPE', limits, redis: { url: redis.url, nodeId: `noeud-${i}` } }),
      );
    }
    expect(new Set(nodes.map((nd) => nd.hubId)).size).toBe(1); // one backlog, one hub id
    core = await startCore({
      dataDir: tempDir('core'),
      rendererDir: join(repoRoot, 'none'),
      resourcesDir: join(repoRoot, 'resources'),
      port: 0,
      logger: silentLogger,
      hub: { mode: 'remote', url: nodes.map(urlOf).join(','), token: TOKEN },
    });
    await until(() => core.link?.current.state === 'online', 'lien en ligne');
    code = core.link!.current.eventCode!;
    expect(
      await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:30' }, 'Europe/Paris') } }),
    ).toMatchObject({ ok: true });
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true })).toMatchObject({ ok: true });
    const poll = { kind: 'poll', id: POLL, type: 'single', question: 'Qui ?', options: ['A', 'B', 'C', 'D'] };
    expect(await cmd({ type: 'interaction.create', open: true, interaction: poll })).toMatchObject({ ok: true });
    // Spread across the nodes: participant p on node p mod 3.
    for (let p = 0; p < PARTICIPANTS; p += 1) {
      phones.push(await TestParticipant.join(nodes[p % 3]!.port, code, { participantId: newParticipantId(), origin: 'remote' }));
    }
    // Every phone, whatever its node, sees what the régie opened (a broadcast through the adapter).
    await until(() => phones.every((ph) => ph.state?.qa.open && ph.state.interaction?.id === POLL), 'Q&R et sondage sur chaque nœud');
    await until(() => core.link!.current.participants.remote === PARTICIPANTS, 'la présence de toute la grappe à la régie');
  }, 120_000);
  afterAll(async () => {
    phones.forEach((ph) => ph.close());
    await core?.close();
    for (const nd of nodes) if (alive(nd)) nd.child.kill('SIGTERM');
    await Promise.all(nodes.map((nd) => nd.exited));
  });

  /** Round r's messages of participant p: questions, and every third a vote unlike the one before. */
  const script = (r: number, p: number): Msg[] =>
    Array.from({ length: PER_PARTICIPANT }, (_, i): Msg => {
      const clientMsgId = `r${r}-m${i}`;
      if (i % 3 === 0) return { event: 'poll.vote', body: { clientMsgId, pollId: POLL, choices: [(r + i + p) % 4] } };
      return { event: 'question.ask', body: { clientMsgId, text: `Manche ${r}, question ${i} du participant ${p}` } };
    });

  /**
   * A burst of round `r`: IN_FLIGHT messages in flight per phone; once a third are acknowledged,
   * `fault()` (a kill). Then each phone whose node is gone joins a live one, and every phone sends
   * again, one at a time, what was not acknowledged (a refusal `unavailable` or no answer: again).
   */
  async function burstWithFault(r: number, fault: () => Promise<void>): Promise<void> {
    const scripts = phones.map((_, p) => script(r, p));
    const idOf = (p: number, m: Msg) => `${phones[p]!.participantId}:${String(m.body.clientMsgId)}`;
    const total = PARTICIPANTS * PER_PARTICIPANT;
    const next = phones.map(() => 0);
    const inFlight = phones.map(() => 0);
    let faulted = false;
    const refusals: Ack[] = [];
    await new Promise<void>((resolve) => {
      const pump = (p: number) => {
        while (!faulted && next[p]! < PER_PARTICIPANT && inFlight[p]! < IN_FLIGHT) {
          const m = scripts[p]![next[p]!++]!;
          inFlight[p]! += 1;
          phones[p]!.socket.timeout(10_000)
            .emitWithAck(m.event, m.body)
            .then(
              (ack: Ack) => {
                inFlight[p]! -= 1;
                if (ack.ok) acked.add(idOf(p, m));
                else refusals.push(ack);
                const done = [...acked].filter((id) => id.includes(`:r${r}-`)).length;
                if (!faulted && done >= total / 3) {
                  faulted = true;
                  resolve();
                } else pump(p);
              },
              () => undefined, // no answer (its node died): sent again below
            );
        }
      };
      phones.forEach((_, p) => pump(p));
    });
    await fault();
    // Only « try again » refusals (a node or Redis going away): nothing a phone did wrong.
    expect(refusals.every((a) => !a.ok && ['unavailable', 'busy'].includes(a.error.code))).toBe(true);

    const live = () => nodes.filter(alive);
    await Promise.all(
      phones.map(async (phone, p) => {
        let current = phone;
        for (const m of scripts[p]!) {
          const id = idOf(p, m);
          for (let attempt = 0; !acked.has(id); attempt += 1) {
            if (attempt > 60) throw new Error(`jamais accepté : ${id}`);
            if (!current.socket.connected) {
              current.close();
              const alive = live();
              if (alive.length === 0) throw new Error('plus aucun nœud vivant (un nœud ne doit pas mourir d’une panne de Redis)');
              const to = alive[p % alive.length]!;
              current = await TestParticipant.join(to.port, code, { participantId: phone.participantId, origin: 'remote', timeoutMs: 5_000 }).catch(
                () => current,
              );
              phones[p] = current;
              if (!current.socket.connected) {
                await sleep(200);
                continue;
              }
            }
            const ack = (await current.socket.timeout(5_000).emitWithAck(m.event, m.body).catch(() => null)) as Ack | null;
            if (ack?.ok) acked.add(id);
            else await sleep(100);
          }
        }
      }),
    );
    expect([...acked].filter((id) => id.includes(`:r${r}-`))).toHaveLength(total);

    await until(() => journaled().length >= acked.size, 'tout au journal de la régie', 90_000);
    await until(() => core.link?.current.state === 'online' && core.link.current.hubBacklog === 0, 'lien à jour', 30_000);
    const ids = journaled();
    expect(ids).toHaveLength(acked.size); // nothing twice
    expect(new Set(ids)).toEqual(acked); // nothing missing, nothing else
  }

  it('kill -9 of a node the régie is not linked to: its phones go to the others, each acknowledged message journaled once', async () => {
    const victim = nodes.find((nd) => nd !== regieNode())!;
    await burstWithFault(1, async () => {
      victim.child.kill('SIGKILL');
      await victim.exited;
    });
    expect(alive(victim)).toBe(false);
  }, 180_000);

  it('kill -9 of the node the régie is linked to: the link fails over, exactly once holds', async () => {
    const victim = regieNode()!;
    expect(victim).toBeDefined();
    await burstWithFault(2, async () => {
      victim.child.kill('SIGKILL');
      await victim.exited;
    });
    expect(core.link!.current.hubUrl).not.toBe(urlOf(victim));
    expect(alive(nodes.find((nd) => urlOf(nd) === core.link!.current.hubUrl)!)).toBe(true);
  }, 180_000);

  it('redis-server killed and restarted mid-burst (AOF, appendfsync always): nothing acknowledged is lost', async () => {
    await burstWithFault(3, async () => {
      await redis.kill();
      await sleep(500);
      await redis.start();
    });
  }, 180_000);
});

describe('two nodes in this process, their state in Redis', () => {
  const hubs: RunningHub[] = [];
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
  afterAll(async () => {
    open.forEach((x) => x.close());
    await Promise.all(hubs.map((h) => h.close()));
  });
  const twoNodes = async (eventCode: string, extra: object = {}) => {
    const opts = { port: 0, regieToken: TOKEN, eventCode, limits: { presenceIntervalMs: 100, patchDelayMs: 5, ...extra } };
    const a = await startHub({ ...opts, redis: { url: redis.url, nodeId: 'a' } });
    const b = await startHub({ ...opts, redis: { url: redis.url, nodeId: 'b' } });
    hubs.push(a, b);
    const regie = track(await TestRegie.connect(a.port, TOKEN));
    return { a, b, regie };
  };

  it('a retry sent to two nodes counts once (a vote, a question, an upvote)', async () => {
    const { a, b, regie } = await twoNodes('RETRY', {
      participantRate: { perSecond: 1000, burst: 1000 },
      addressRate: { perSecond: 1e6, burst: 1e6 },
    });
    await regie.command({ type: 'qa.open', sessionId: 's', roomOnly: false });
    await regie.command({ type: 'question.publish', questionId: 'q-1', text: 'Publiée' });
    await regie.command({ type: 'interaction.open', interaction: { kind: 'poll', id: 'p-1', question: 'Qui ?', options: ['A', 'B'], maxChoices: 1 } });
    const participantId = newParticipantId();
    const onA = track(await TestParticipant.join(a.port, 'RETRY', { participantId }));
    const onB = track(await TestParticipant.join(b.port, 'RETRY', { participantId }));
    await until(() => onB.state?.interaction?.id === 'p-1' && onB.state.questions.length === 1, 'le tableau sur le nœud b');
    const same = async (event: 'poll.vote' | 'question.ask' | 'question.upvote', body: Record<string, unknown>) => {
      const answers = (await Promise.all([onA, onB].map((ph) => ph.socket.timeout(10_000).emitWithAck(event, body)))) as Ack[];
      expect(answers.every((x) => x.ok)).toBe(true);
      return answers;
    };
    for (let i = 0; i < 20; i += 1) {
      await same('poll.vote', { clientMsgId: `v${i}`, pollId: 'p-1', choices: [i % 2] });
      await same('question.ask', { clientMsgId: `q${i}`, text: `La même question ${i}, envoyée deux fois` });
    }
    await same('question.upvote', { clientMsgId: 'u1', questionId: 'q-1' });
    // Two different upvotes of the same question, one on each node at once: one counts.
    const both = (await Promise.all([onA.upvote('q-1'), onB.upvote('q-1')])) as Ack[];
    expect(both.every((x) => !x.ok && x.error.code === 'already_done')).toBe(true);

    await regie.waitFor(() => regie.committed.size === 41);
    await sleep(300);
    expect(regie.deliveries).toHaveLength(41); // each once: 20 votes, 20 questions, 1 upvote
    const counts = await a.counts();
    expect(counts).toMatchObject({ msgIds: 41, votes: 1, upvotes: 1 });
    // The phones on both nodes see one upvote.
    await until(() => onA.state?.questions[0]?.votes === 1 && onB.state?.questions[0]?.votes === 1, 'le soutien compté une fois partout');
  });

  it('fencing holds across nodes: once a régie at epoch 2 resumed on one node, a régie at epoch 1 is refused by the other', async () => {
    const opts = { port: 0, regieToken: TOKEN, eventCode: 'FENCE', limits: { presenceIntervalMs: 100, patchDelayMs: 5 } };
    const a = await startHub({ ...opts, redis: { url: redis.url, nodeId: 'a' } });
    const b = await startHub({ ...opts, redis: { url: redis.url, nodeId: 'b' } });
    hubs.push(a, b);
    const leader = track(await TestRegie.connect(a.port, TOKEN, { regieId: 'regie-secours-0001', epoch: 2 }));
    expect(leader.resumeAck).toMatchObject({ ok: true });
    const former = track(await TestRegie.connect(b.port, TOKEN, { regieId: 'regie-principale-01', epoch: 1 }));
    expect(former.resumeAck).toMatchObject({ ok: false, error: { code: 'fenced' } });
    // Nor can it command anything on either node.
    expect(await former.command({ type: 'qa.open', sessionId: 's', roomOnly: false })).toMatchObject({ ok: false });
    const again = track(await TestRegie.connect(a.port, TOKEN, { regieId: 'regie-principale-01', epoch: 1 }));
    expect(again.resumeAck).toMatchObject({ ok: false, error: { code: 'fenced' } });
    // The leader, at the same epoch, resumes on the other node too (a failover).
    const moved = track(await TestRegie.connect(b.port, TOKEN, { regieId: 'regie-secours-0001', epoch: 2 }));
    expect(moved.resumeAck).toMatchObject({ ok: true });
  });

  it('one participant flooding through two nodes is limited as on one node', async () => {
    // Defaults: 5/s, burst 10 per participant.
    const { a, b, regie } = await twoNodes('FLOOD');
    await regie.command({ type: 'qa.open', sessionId: 's', roomOnly: false });
    const participantId = newParticipantId();
    const onA = track(await TestParticipant.join(a.port, 'FLOOD', { participantId }));
    const onB = track(await TestParticipant.join(b.port, 'FLOOD', { participantId }));
    await until(() => onA.state?.qa.open && onB.state?.qa.open, 'Q&R ouvert sur les deux nœuds');
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? onA : onB).ask(`flot ${i}`)));
    const elapsed = (Date.now() - t0) / 1000;
    const accepted = results.filter((r) => r.ok).length;
    // The two joins took two tokens of the participant's burst of 10: what is left, and the refill.
    expect(accepted).toBeGreaterThanOrEqual(7);
    expect(accepted).toBeLessThanOrEqual(10 + Math.ceil(elapsed * 5) + 1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
