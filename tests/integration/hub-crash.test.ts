import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newParticipantId, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import { spawnHub, type HubProcess } from '../../src/hub/testing/spawn-hub';
import type { Ack } from '../../src/shared/protocol/errors';

const TOKEN = 'crash-test-token-0123456789abcdef';
const CODE = 'CRASH';
const PARTICIPANTS = 100;
const PER_PARTICIPANT = 50; // 5,000 messages in all
const IN_FLIGHT = 4; // per participant
const KILL_AFTER = 2_000; // acknowledged messages
const limits = { participantRate: { perSecond: 10_000, burst: 10_000 }, addressRate: { perSecond: 100_000, burst: 100_000 } };

type Msg = { event: 'question.ask' | 'poll.vote' | 'question.upvote'; body: Record<string, unknown> };

/** The messages of participant `p`: mostly questions, some votes (each unlike the previous), upvotes of 3 published questions. */
function script(p: number): Msg[] {
  return Array.from({ length: PER_PARTICIPANT }, (_, i): Msg => {
    const clientMsgId = `c${i}`;
    if (i % 10 === 3) return { event: 'poll.vote', body: { clientMsgId, pollId: 'crash-poll', choices: [((i / 10 + p) % 3) | 0] } };
    if (i === 7 || i === 17 || i === 27) return { event: 'question.upvote', body: { clientMsgId, questionId: `pub-${(i - 7) / 10}` } };
    return { event: 'question.ask', body: { clientMsgId, text: `Question ${i} du participant ${p} : et après 18 ans ?` } };
  });
}

const dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-crash-'));
const hubs: HubProcess[] = [];
const closers: { close(): void }[] = [];
afterAll(() => {
  closers.forEach((c) => c.close());
  hubs.forEach((h) => h.child.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

describe('the hub killed with SIGKILL during a burst of 5,000 messages', () => {
  it('loses nothing it acknowledged to a participant, and the régie gets each message once', async () => {
    const first = await spawnHub({ dataDir: dir, token: TOKEN, eventCode: CODE, limits });
    hubs.push(first);
    const regie = await TestRegie.connect(first.port, TOKEN, { regieId: 'crash-regie-0001' });
    closers.push(regie);
    let seq = 0;
    for (const command of [
      { type: 'qa.open', sessionId: 'pleniere', roomOnly: false },
      {
        type: 'interaction.open',
        interaction: { kind: 'poll', id: 'crash-poll', question: 'Qui ?', options: ['A', 'B', 'C'], maxChoices: 1 },
      },
      ...[0, 1, 2].map((i) => ({ type: 'question.publish', questionId: `pub-${i}`, text: `Publiée ${i}` })),
    ]) {
      expect(await regie.command(command, ++seq)).toMatchObject({ ok: true });
    }

    const ids = Array.from({ length: PARTICIPANTS }, () => newParticipantId());
    const scripts = ids.map((_, p) => script(p));
    const acked = new Set<string>(); // msgIds the hub answered ok
    const next = ids.map(() => 0);
    const participants = await Promise.all(
      ids.map((participantId, p) => TestParticipant.join(first.port, CODE, { participantId, origin: p % 2 ? 'room' : 'remote' })),
    );
    closers.push(...participants);

    // The burst: each participant keeps IN_FLIGHT messages in flight; SIGKILL once KILL_AFTER are acknowledged.
    let killed = false;
    const refusals: Ack[] = [];
    await new Promise<void>((resolve) => {
      const pump = (p: number) => {
        const who = participants[p]!;
        while (!killed && next[p]! < PER_PARTICIPANT && inFlight[p]! < IN_FLIGHT) {
          const m = scripts[p]![next[p]!++]!;
          inFlight[p]! += 1;
          who.socket
            .timeout(5_000)
            .emitWithAck(m.event, m.body)
            .then(
              (ack: Ack) => {
                inFlight[p]! -= 1;
                if (ack.ok) acked.add(`${ids[p]}:${String(m.body.clientMsgId)}`);
                else refusals.push(ack);
                if (!killed && acked.size >= KILL_AFTER) {
                  killed = true;
                  first.child.kill('SIGKILL');
                  resolve();
                } else pump(p);
              },
              () => undefined, // in flight when the hub died: resent below
            );
        }
      };
      const inFlight = ids.map(() => 0);
      ids.forEach((_, p) => pump(p));
    });
    await first.exited;
    expect(refusals).toEqual([]);
    const ackedBeforeKill = new Set(acked);
    const sentBeforeKill = next.reduce((a, b) => a + b, 0);
    expect(sentBeforeKill).toBeGreaterThan(ackedBeforeKill.size); // some were in flight when it died

    // Everything acknowledged is on disk.
    const db = new Database(join(dir, 'hub.sqlite3'), { readonly: true });
    const stored = new Set(db.prepare('SELECT msg_id FROM msg_ids').pluck().all() as string[]);
    db.close();
    for (const id of ackedBeforeKill) expect(stored.has(id)).toBe(true);

    // Restart on the same data; the régie and the phones come back and resend what is not acknowledged.
    const second = await spawnHub({ dataDir: dir, token: TOKEN, eventCode: CODE, limits });
    hubs.push(second);
    expect(second.hubId).toBe(first.hubId);
    regie.close();
    const regie2 = await TestRegie.connect(second.port, TOKEN, { regieId: 'crash-regie-0001', afterHubSeq: regie.lastHubSeq });
    closers.push(regie2);
    for (const [msgId, m] of regie.committed) regie2.committed.set(msgId, m);
    participants.forEach((p) => p.close());
    const again = await Promise.all(
      ids.map((participantId, p) => TestParticipant.join(second.port, CODE, { participantId, origin: p % 2 ? 'room' : 'remote' })),
    );
    closers.push(...again);
    let duplicates = 0;
    await Promise.all(
      again.map(async (who, p) => {
        for (const m of scripts[p]!) {
          const msgId = `${ids[p]}:${String(m.body.clientMsgId)}`;
          if (ackedBeforeKill.has(msgId)) continue;
          const ack = (await who.socket.timeout(10_000).emitWithAck(m.event, m.body)) as Ack;
          expect(ack.ok).toBe(true);
          if (ack.ok && ack.duplicate) duplicates += 1;
          acked.add(msgId);
        }
      }),
    );
    expect(acked.size).toBe(PARTICIPANTS * PER_PARTICIPANT);
    expect(duplicates).toBe(stored.size - ackedBeforeKill.size); // committed but unacknowledged when it died

    // The régie has every message exactly once (by msgId), with distinct hubSeqs 1..N.
    await regie2.waitFor(() => regie2.committed.size >= acked.size, 30_000);
    expect(new Set(regie2.committed.keys())).toEqual(acked);
    const seqs = [...regie2.committed.values()].map((m) => m.hubSeq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: acked.size }, (_, i) => i + 1));
    // The upvotes of one participant per question stayed one each.
    expect([...regie2.committed.values()].filter((m) => m.type === 'question.upvote')).toHaveLength(PARTICIPANTS * 3);
  });
});
