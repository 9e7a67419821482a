import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../node/sqlite/database';
import type { AudienceMessage } from '../shared/protocol/audience-messages';
import type { ParticipantAction } from '../shared/protocol/participant-messages';
import { hubMigrations } from './hub-migrations';
import { HubStore } from './hub-store';
import { type Committed, HubWriter } from './hub-writer';
import { Places } from './places';

const alice = { participantId: 'alice-0123456789ab', origin: 'room' as const, room: 'main' };
const ask = (clientMsgId: string, text = 'Une question'): ParticipantAction => ({ type: 'question.ask', msg: { clientMsgId, text } });

class FlakyStore extends HubStore {
  failAppends = false;
  transactions = 0;
  override append(message: AudienceMessage): void {
    if (this.failAppends) throw new Error('disque plein');
    super.append(message);
  }
  override transaction<T>(fn: () => T): T {
    this.transactions += 1;
    return super.transaction(fn);
  }
}

let dir: string;
let db: Db;
let store: FlakyStore;
let committed: Committed[];
let errors: unknown[];
const newWriter = (maxQueue = 1000) =>
  new HubWriter(store, new Places(store, 1_000, 3_600_000), {
    maxQueue,
    maxBatch: 500,
    now: () => 1_000,
    onCommitted: (c) => committed.push(c),
    onError: (e) => errors.push(e),
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-writer-'));
  db = openDatabase(join(dir, 'hub.sqlite3'), { migrations: hubMigrations });
  store = new FlakyStore(db);
  committed = [];
  errors = [];
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openQa(writer: HubWriter, seq = 1): Promise<void> {
  await writer.submitResume('regie-0001');
  expect(await writer.submitRegie(seq, { type: 'qa.open', sessionId: null, roomOnly: false })).toMatchObject({ ok: true });
}

describe('HubWriter', () => {
  it('commits what arrives in one turn in one transaction, answers after, numbers in order', async () => {
    const writer = newWriter();
    await openQa(writer);
    const before = store.transactions;
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => writer.submitParticipant(ask(`m${i}`), alice)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(store.transactions - before).toBe(1);
    expect(writer.hubSeq).toBe(300);
    const rows = store.readAfter(0, 1000).map((r) => JSON.parse(r) as AudienceMessage);
    expect(rows.map((r) => r.hubSeq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(rows[0]).toMatchObject({ msgId: `${alice.participantId}:m0`, receivedAt: 1_000 });
    expect(committed.at(-1)).toMatchObject({ appended: true });
  });

  it('takes a message id once, even twice in the same batch', async () => {
    const writer = newWriter();
    await openQa(writer);
    const [a, b] = await Promise.all([writer.submitParticipant(ask('same'), alice), writer.submitParticipant(ask('same'), alice)]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true, duplicate: true });
    expect(await writer.submitParticipant(ask('same'), alice)).toEqual({ ok: true, duplicate: true });
    expect(writer.hubSeq).toBe(1);
  });

  it('a failed transaction counts nothing of its batch: every sender hears so, memory stays as it was', async () => {
    const writer = newWriter();
    await openQa(writer);
    await writer.submitParticipant(ask('ok-1'), alice);
    store.failAppends = true;
    const failed = await Promise.all([
      writer.submitParticipant(ask('lost-1'), alice),
      writer.submitParticipant({ type: 'question.upvote', msg: { clientMsgId: 'u', questionId: 'q' } }, alice),
      writer.submitRegie(2, { type: 'notice.show', text: 'Pause' }),
    ]);
    expect(failed[0]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(failed[2]).toMatchObject({ ok: false, appliedSeq: 1, error: { code: 'unavailable' } });
    expect(errors).toHaveLength(1);
    expect(writer.hubSeq).toBe(1);
    expect(writer.appliedSeq).toBe(1);
    expect(writer.board.notice).toBeNull();
    expect(store.counts()).toMatchObject({ backlog: 1, msgIds: 1 });
    store.failAppends = false;
    expect(await writer.submitParticipant(ask('lost-1'), alice)).toEqual({ ok: true });
    expect(await writer.submitRegie(2, { type: 'notice.show', text: 'Pause' })).toMatchObject({ ok: true, appliedSeq: 2 });
  });

  it('says busy when its queue is full, without queueing', async () => {
    const writer = newWriter(3);
    await openQa(writer);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => writer.submitParticipant(ask(`b${i}`), alice)));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers[4]).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(writer.hubSeq).toBe(3);
  });

  it('applies régie seqs once and in order; a content error uses its seq; a new régie starts over', async () => {
    const writer = newWriter();
    expect(await writer.submitResume('regie-0001')).toBe(0);
    expect(await writer.submitRegie(1, { type: 'notice.show', text: 'A' })).toEqual({ ok: true, appliedSeq: 1, duplicate: false });
    expect(await writer.submitRegie(1, { type: 'notice.show', text: 'B' })).toEqual({ ok: true, appliedSeq: 1, duplicate: true });
    expect(writer.board.notice).toBe('A');
    expect(await writer.submitRegie(3, { type: 'notice.clear' })).toMatchObject({
      ok: false,
      appliedSeq: 1,
      error: { code: 'out_of_order' },
    });
    expect(await writer.submitRegie(2, { code: 'invalid', message: 'commande inconnue' })).toMatchObject({ ok: false, appliedSeq: 2 });
    expect(await writer.submitRegie(3, { type: 'notice.clear' })).toMatchObject({ ok: true, appliedSeq: 3 });
    expect(await writer.submitResume('regie-0001')).toBe(3);
    expect(await writer.submitResume('regie-0002')).toBe(0);
    expect(await writer.submitRegie(1, { type: 'notice.show', text: 'C' })).toMatchObject({ ok: true, appliedSeq: 1, duplicate: false });
  });

  it('a new writer on the same database finds the board, the seqs and the counts', async () => {
    const writer = newWriter();
    await openQa(writer);
    await writer.submitRegie(2, { type: 'question.publish', questionId: 'q1', text: 'Publiée' });
    await writer.submitParticipant({ type: 'question.upvote', msg: { clientMsgId: 'u1', questionId: 'q1' } }, alice);
    await writer.submitParticipant(ask('a1'), alice);
    writer.close();
    const again = newWriter();
    expect(again.board).toEqual(writer.board);
    expect(again.hubSeq).toBe(2);
    expect(again.appliedSeq).toBe(2);
    expect(again.votesOf('q1')).toBe(1);
    expect(await again.submitParticipant({ type: 'question.upvote', msg: { clientMsgId: 'u2', questionId: 'q1' } }, alice)).toMatchObject({
      ok: false,
      error: { code: 'already_done' },
    });
  });

  it('after close, refuses politely', async () => {
    const writer = newWriter();
    writer.close();
    expect(await writer.submitParticipant(ask('late'), alice)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('HubStore.prune', () => {
  it('removes acknowledged old rows only, and old message ids', () => {
    const put = (hubSeq: number, at: number) => {
      store.append({
        hubSeq,
        msgId: `p:${hubSeq}`,
        receivedAt: at,
        origin: 'room',
        participantId: 'p'.repeat(16),
        type: 'question.upvote',
        questionId: 'q',
      });
      store.recordMsg(`p:${hubSeq}`, hubSeq, at);
    };
    [1, 2, 3, 4].forEach((s) => put(s, s * 100));
    // acked up to 3, keep rows newer than 250: rows 1 and 2 go; 3 is too recent, 4 is not acked.
    expect(store.prune(3, 250, 150)).toBe(2 + 1);
    expect(store.readAfter(0, 10).map((r) => (JSON.parse(r) as AudienceMessage).hubSeq)).toEqual([3, 4]);
    expect(store.hasMsg('p:1')).toBe(false);
    expect(store.hasMsg('p:2')).toBe(true);
    expect(store.oldestHubSeq()).toBe(3);
  });
});
