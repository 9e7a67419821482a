import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/hub';
import type { HubOptions } from '../../src/hub/options';
import { newParticipantId, participantSocket, regieSocket, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { AudienceMessage } from '../../src/shared/protocol/audience-messages';
import type { Interaction } from '../../src/shared/protocol/interactions';
import { currentPresenceKey, newRoomSecret } from '../../src/node/presence/presence-key';

const TOKEN = 'regie-token-for-tests-0123456789';
const CODE = 'ASSISES';
let dir: string;
let hub: RunningHub;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);

const options = (extra: Partial<HubOptions> = {}): HubOptions => ({
  dataDir: join(dir, 'hub'),
  port: 0,
  regieToken: TOKEN,
  eventCode: CODE,
  participantDir: join(dir, 'page'),
  // Rate limits have their own tests (hub-hostile): here every participant shares 127.0.0.1.
  limits: {
    votesIntervalMs: 30,
    patchDelayMs: 5,
    participantRate: { perSecond: 1000, burst: 1000 },
    addressRate: { perSecond: 10_000, burst: 10_000 },
  },
  ...extra,
});
const join_ = (o: { origin?: 'room' | 'remote'; participantId?: string; room?: string; key?: string } = {}) =>
  TestParticipant.join(hub.port, CODE, o).then(track);
/** The plenary room's secret: a phone that joins with its current key is « dans la salle ». */
const SECRET = newRoomSecret();
const ROOMS = { type: 'rooms.set', rooms: [{ id: 'pleniere', name: 'Grand Auditorium', main: true, secret: SECRET }] } as const;
/** A phone that scanned the plenary's QR code (its origin, whatever it says, is the hub's decision). */
const inRoom = (o: { participantId?: string } = {}) =>
  join_({ ...o, origin: 'remote', room: 'pleniere', key: currentPresenceKey(SECRET, 'pleniere', Date.now()) });
const regie = (o: Parameters<typeof TestRegie.connect>[2] = {}) => TestRegie.connect(hub.port, TOKEN, o).then(track);

const poll: Interaction = {
  kind: 'poll',
  id: 'poll-1',
  question: 'Qui décide ?',
  options: ['Le juge', 'L’ASE', 'La famille'],
  maxChoices: 1,
};
const cloud: Interaction = { kind: 'cloud', id: 'cloud-1', prompt: 'Un mot pour l’enfance', maxWordsPerParticipant: 3 };

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: hub.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const until = async (cond: () => boolean, ms = 10_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition jamais atteinte');
    await new Promise((r) => setTimeout(r, 10));
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-'));
  mkdirSync(join(dir, 'page'));
  writeFileSync(join(dir, 'page', 'index.html'), '<!doctype html><title>participants</title>');
  hub = await startHub(options());
});
afterEach(() => {
  open.splice(0).forEach((x) => x.close());
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('joining', () => {
  it('refuses a wrong event code and any action before join, then joins with the state', async () => {
    const s = track(participantSocket(hub.port));
    await new Promise((r) => s.once('connect', () => r(null)));
    const early = await s.emitWithAck('question.ask', { clientMsgId: 'a1', text: 'trop tôt' });
    expect(early).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const wrong = await s.emitWithAck('join', { eventCode: 'AUTRE', participantId: newParticipantId(), origin: 'room' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_event', message: expect.stringContaining('code') } });
    const ok = await s.emitWithAck('join', { eventCode: 'assises', participantId: newParticipantId(), origin: 'remote' });
    expect(ok).toMatchObject({
      ok: true,
      protocol: 1,
      state: { qa: { open: false }, interaction: null, questions: [] },
      mine: { vote: null, upvoted: [], words: [] },
    });
  });
});

describe('the audience reaches the régie', () => {
  it('forwards questions, votes and words in hubSeq order, with origin and msgId', async () => {
    const r = await regie();
    expect(r.resumeAck).toMatchObject({ ok: true, appliedSeq: 0, eventCode: CODE });
    const before = hub.stats().hubSeq;
    expect(await r.command({ type: 'qa.open', sessionId: 'pleniere-1', roomOnly: false })).toEqual({
      ok: true,
      appliedSeq: 1,
      duplicate: false,
    });
    expect((await r.command({ type: 'interaction.open', interaction: poll })).ok).toBe(true);
    // The rooms come after: what the régie opened in the main room of before stays the main room's.
    expect((await r.command(ROOMS)).ok).toBe(true);

    const room = await inRoom();
    // It says it is in the room: the hub does not believe it (no key).
    const remote = await join_({ origin: 'room' });
    expect(room.state?.interaction).toEqual(poll);
    expect(await room.ask('Que devient l’enfant après 18 ans ?', { name: '  Marie  ' })).toEqual({ ok: true });
    expect(await remote.ask('<script>alert(1)</script> & « guillemets »')).toEqual({ ok: true });
    expect(await room.vote('poll-1', [2])).toEqual({ ok: true });
    expect(await remote.vote('poll-1', [0])).toEqual({ ok: true });
    expect((await r.command({ type: 'interaction.open', interaction: cloud })).ok).toBe(true);
    expect(await room.words('cloud-1', ['Écoute', 'lien'])).toEqual({ ok: true });

    await r.waitFor(() => r.lastHubSeq >= before + 5);
    const got = r.deliveries.filter((m) => m.hubSeq > before);
    expect(got.map((m) => m.hubSeq)).toEqual([1, 2, 3, 4, 5].map((i) => before + i));
    expect(got.map((m) => m.type)).toEqual(['question.ask', 'question.ask', 'poll.vote', 'poll.vote', 'words.send']);
    expect(got[0]).toMatchObject({
      origin: 'room',
      room: 'pleniere',
      participantId: room.participantId,
      msgId: expect.stringMatching(new RegExp(`^${room.participantId}:`)),
      text: 'Que devient l’enfant après 18 ans ?',
      name: 'Marie',
      sessionId: 'pleniere-1',
    });
    expect(got[1]).toMatchObject({ origin: 'remote', room: 'pleniere', text: '<script>alert(1)</script> & « guillemets »', name: null });
    expect(got[2]).toMatchObject({ type: 'poll.vote', pollId: 'poll-1', choices: [2], rating: null, replaces: null });
    expect(got[4]).toMatchObject({ type: 'words.send', cloudId: 'cloud-1', words: ['Écoute', 'lien'] });
    expect(got.every((m) => typeof m.receivedAt === 'number' && m.receivedAt > 0)).toBe(true);
  });

  it('a new vote replaces the previous one (forwarded with `replaces`); the same vote again changes nothing', async () => {
    const r = await regie();
    await r.command(
      { type: 'interaction.open', interaction: { ...poll, id: 'poll-2', maxChoices: 2 } },
      r.resumeAck?.ok ? r.resumeAck.appliedSeq + 1 : 1,
    );
    const p = await join_();
    const start = hub.stats().hubSeq;
    expect(await p.vote('poll-2', [0])).toEqual({ ok: true });
    expect(await p.vote('poll-2', [1, 0])).toEqual({ ok: true });
    expect(await p.vote('poll-2', [0, 1])).toEqual({ ok: true }); // same choices: nothing new
    expect(hub.stats().hubSeq).toBe(start + 2);
    expect(await p.vote('poll-2', [0, 1, 2])).toMatchObject({ ok: false, error: { code: 'invalid', message: '2 réponses au plus' } });
    expect(await p.vote('poll-2', [7])).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await p.vote('poll-1', [0])).toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(await p.send('poll.vote', { pollId: 'poll-2', rating: 3 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await r.waitFor(() => r.lastHubSeq >= start + 2);
    const [first, second] = r.deliveries.filter((m) => m.hubSeq > start) as Extract<AudienceMessage, { type: 'poll.vote' }>[];
    expect(second).toMatchObject({ choices: [0, 1], replaces: first?.msgId });
    // A reloaded page learns its vote.
    const again = await join_({ participantId: p.participantId });
    expect(again.joinAck).toMatchObject({ ok: true, mine: { vote: { pollId: 'poll-2', choices: [0, 1], rating: null } } });
    const seq = r.resumeAck?.ok ? r.resumeAck.appliedSeq + 2 : 2;
    await r.command({ type: 'interaction.close', interactionId: 'poll-2' }, seq);
    expect(await p.vote('poll-2', [1])).toMatchObject({ ok: false, error: { code: 'closed', message: expect.stringContaining('clos') } });
  });

  it('a retry with the same clientMsgId is taken once', async () => {
    const r = await regie();
    const seq = (r.resumeAck?.ok ? r.resumeAck.appliedSeq : 0) + 1;
    await r.command({ type: 'qa.open', sessionId: null, roomOnly: false }, seq);
    const p = await join_();
    const start = hub.stats().hubSeq;
    const msg = { clientMsgId: 'retry-1', text: 'Une seule fois' };
    expect(await p.socket.emitWithAck('question.ask', msg)).toEqual({ ok: true });
    expect(await p.socket.emitWithAck('question.ask', msg)).toEqual({ ok: true, duplicate: true });
    const both = await Promise.all([
      p.socket.emitWithAck('question.ask', { ...msg, clientMsgId: 'retry-2' }),
      p.socket.emitWithAck('question.ask', { ...msg, clientMsgId: 'retry-2' }),
    ]);
    expect(both).toEqual([{ ok: true }, { ok: true, duplicate: true }]);
    expect(hub.stats().hubSeq).toBe(start + 2);
  });
});

describe('questions, upvotes and words', () => {
  it('upvotes once per participant, and every phone sees the count', async () => {
    const r = await regie();
    let seq = r.resumeAck?.ok ? r.resumeAck.appliedSeq : 0;
    await r.command({ type: 'question.publish', questionId: 'q-1', text: 'Que devient l’enfant après 18 ans ?', name: 'Marie' }, ++seq);
    const a = await join_();
    const b = await join_();
    await until(() => a.state?.questions.some((q) => q.id === 'q-1') ?? false);
    expect(await a.upvote('q-1')).toEqual({ ok: true });
    expect(await a.upvote('q-1')).toMatchObject({ ok: false, error: { code: 'already_done' } });
    expect(await b.upvote('q-1')).toEqual({ ok: true });
    expect(await b.upvote('q-inconnue')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await until(
      () => a.state?.questions.find((q) => q.id === 'q-1')?.votes === 2 && b.state?.questions.find((q) => q.id === 'q-1')?.votes === 2,
    );
    const c = await join_({ participantId: a.participantId });
    expect(c.joinAck).toMatchObject({
      ok: true,
      mine: { upvoted: ['q-1'] },
      state: { questions: [{ id: 'q-1', votes: 2, name: 'Marie' }] },
    });
    // Withdrawn: gone from the phones, no more upvotes.
    await r.command({ type: 'question.withdraw', questionId: 'q-1' }, ++seq);
    await until(() => a.state?.questions.length === 0);
    expect(await b.upvote('q-1')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('limits words per participant per cloud and refuses the same word twice', async () => {
    const r = await regie();
    let seq = r.resumeAck?.ok ? r.resumeAck.appliedSeq : 0;
    await r.command({ type: 'interaction.open', interaction: { ...cloud, id: 'cloud-2' } }, ++seq);
    const p = await join_();
    expect(await p.words('cloud-2', ['confiance', 'écoute'])).toEqual({ ok: true });
    expect(await p.words('cloud-2', ['Confiance'])).toMatchObject({
      ok: false,
      error: { code: 'already_done', message: 'vous avez déjà envoyé « Confiance »' },
    });
    expect(await p.words('cloud-2', ['lien', 'temps'])).toMatchObject({
      ok: false,
      error: { code: 'limit', message: expect.stringContaining('il vous en reste 1') },
    });
    expect(await p.words('cloud-2', ['lien'])).toEqual({ ok: true });
    expect(await p.words('cloud-2', ['plus'])).toMatchObject({ ok: false, error: { code: 'limit' } });
    expect(await p.words('cloud-1', ['ailleurs'])).toMatchObject({ ok: false, error: { code: 'closed' } });
  });

  it('takes questions from the room only when the Q&A says so, and none when it is closed', async () => {
    const r = await regie();
    let seq = r.resumeAck?.ok ? r.resumeAck.appliedSeq : 0;
    await r.command(ROOMS, ++seq);
    await r.command({ type: 'qa.open', sessionId: 'atelier-3', roomOnly: true }, ++seq);
    const present = await inRoom();
    const away = await join_({ origin: 'room' });
    expect(await present.ask('Dans la salle')).toEqual({ ok: true });
    expect(await away.ask('À distance')).toMatchObject({
      ok: false,
      error: { code: 'room_only', message: 'Les questions de cet atelier sont réservées aux personnes présentes dans la salle.' },
    });
    expect(await present.ask('Ancienne session', { sessionId: 'pleniere-1' })).toMatchObject({ ok: false, error: { code: 'closed' } });
    await r.command({ type: 'qa.close' }, ++seq);
    expect(await present.ask('Trop tard')).toMatchObject({
      ok: false,
      error: { code: 'closed', message: 'les questions sont fermées pour le moment' },
    });
  });
});

describe('delivery to the régie: ack, resume, duplicates', () => {
  it('a régie that reconnects with resume gets exactly the messages after its last ack', async () => {
    const first = await regie({ autoAck: false });
    let seq = first.resumeAck?.ok ? first.resumeAck.appliedSeq : 0;
    await first.command({ type: 'qa.open', sessionId: null, roomOnly: false }, ++seq);
    const p = await join_();
    const start = hub.stats().hubSeq;
    for (let i = 0; i < 20; i += 1) expect(await p.ask(`question ${i}`)).toEqual({ ok: true });
    await first.waitFor(() => first.lastHubSeq >= start + 20);
    first.ack(start + 12); // committed the first 12 only
    await until(() => hub.stats().ackedHubSeq === start + 12);
    first.close();

    const second = await regie({ afterHubSeq: start + 12 });
    await second.waitFor(() => second.lastHubSeq >= start + 20);
    expect(second.deliveries.map((m) => m.hubSeq)).toEqual(Array.from({ length: 8 }, (_, i) => start + 13 + i));
    expect(second.deliveries.map((m) => (m.type === 'question.ask' ? m.text : ''))).toEqual(
      Array.from({ length: 8 }, (_, i) => `question ${12 + i}`),
    );
    await until(() => hub.stats().unacked === 0);
  });

  it('applies a régie command once (same seq), refuses one out of order, and a bad one still uses its seq', async () => {
    const r = await regie();
    const base = r.resumeAck?.ok ? r.resumeAck.appliedSeq : 0;
    const notice = { type: 'notice.show', text: 'Reprise à 14 h 30' } as const;
    expect(await r.command(notice, base + 1)).toEqual({ ok: true, appliedSeq: base + 1, duplicate: false });
    expect(await r.command({ type: 'notice.show', text: 'autre' }, base + 1)).toEqual({ ok: true, appliedSeq: base + 1, duplicate: true });
    expect(await r.command(notice, base + 3)).toMatchObject({ ok: false, appliedSeq: base + 1, error: { code: 'out_of_order' } });
    expect(await r.command({ type: 'notice.show', text: 'x'.repeat(1000) }, base + 2)).toMatchObject({
      ok: false,
      appliedSeq: base + 2,
      error: { code: 'too_large' },
    });
    expect(await r.command({ type: 'projector.explode' }, base + 3)).toMatchObject({
      ok: false,
      appliedSeq: base + 3,
      error: { code: 'invalid' },
    });
    expect(await r.command({ type: 'notice.clear' }, base + 4)).toMatchObject({ ok: true, appliedSeq: base + 4 });
    const p = await join_();
    expect(p.state?.notice).toBeNull();
    expect(await r.command(notice, base + 5)).toMatchObject({ ok: true });
    await until(() => p.state?.notice === 'Reprise à 14 h 30');
    expect(hub.stats().appliedSeq).toBe(base + 5);
  });

  it('a new régie (another regieId) starts its seqs again; a second connection replaces the first', async () => {
    const a = await regie();
    expect(a.resumeAck).toMatchObject({ ok: true });
    const b = await regie({ regieId: 'another-regie-0002' });
    expect(b.resumeAck).toMatchObject({ ok: true, appliedSeq: 0 });
    await until(() => !a.socket.connected);
    expect(await b.command({ type: 'notice.clear' }, 1)).toMatchObject({ ok: true, appliedSeq: 1, duplicate: false });
  });

  it('sends presence counts (distinct participants, room and remote)', async () => {
    const r = await regie();
    await r.command(ROOMS, (r.resumeAck?.ok ? r.resumeAck.appliedSeq : 0) + 1);
    const id = newParticipantId();
    await inRoom({ participantId: id });
    await inRoom({ participantId: id });
    await join_({ origin: 'room' });
    await r.waitFor(() => r.presence.some((p) => p.room === 1 && p.remote === 1));
    expect(r.presence.at(-1)?.rooms).toEqual({ pleniere: { room: 1, remote: 1 } });
  });
});

describe('a hub restart on the same database', () => {
  it('restores what the phones see, the counts, the seqs and the unacknowledged backlog', async () => {
    const r = await regie({ autoAck: false, regieId: 'restart-regie-01' });
    let seq = 0;
    await r.command({ type: 'qa.open', sessionId: 's-9', roomOnly: false }, ++seq);
    await r.command({ type: 'interaction.open', interaction: { ...poll, id: 'poll-r' } }, ++seq);
    await r.command({ type: 'question.publish', questionId: 'q-r', text: 'Persistante ?' }, ++seq);
    await r.command({ type: 'notice.show', text: 'Pause à 16 h' }, ++seq);
    const p = await join_();
    const start = hub.stats().hubSeq;
    expect(await p.upvote('q-r')).toEqual({ ok: true });
    expect(await p.vote('poll-r', [1])).toEqual({ ok: true });
    expect(await p.ask('Avant redémarrage')).toEqual({ ok: true });
    await r.waitFor(() => r.lastHubSeq >= start + 3);
    r.ack(start + 1);
    await until(() => hub.stats().ackedHubSeq === start + 1);
    const before = { state: p.state, hubId: hub.hubId };
    r.close();
    p.close();
    await hub.close();

    hub = await startHub(options());
    expect(hub.hubId).toBe(before.hubId);
    expect(hub.stats()).toMatchObject({ hubSeq: start + 3, ackedHubSeq: start + 1, appliedSeq: seq });
    const q = await join_({ participantId: p.participantId });
    expect(q.joinAck).toMatchObject({
      ok: true,
      state: {
        interaction: { id: 'poll-r' },
        qa: { open: true, sessionId: 's-9' },
        notice: 'Pause à 16 h',
        questions: [{ id: 'q-r', votes: 1 }],
      },
      mine: { vote: { pollId: 'poll-r', choices: [1] }, upvoted: ['q-r'] },
    });
    expect(await q.upvote('q-r')).toMatchObject({ ok: false, error: { code: 'already_done' } });
    expect(await q.vote('poll-r', [1])).toEqual({ ok: true }); // unchanged: nothing new
    const r2 = await regie({ regieId: 'restart-regie-01', afterHubSeq: start + 1 });
    expect(r2.resumeAck).toMatchObject({ ok: true, appliedSeq: seq, hubSeq: start + 3 });
    await r2.waitFor(() => r2.lastHubSeq >= start + 3);
    expect(r2.deliveries.map((m) => m.type)).toEqual(['poll.vote', 'question.ask']);
    expect(await r2.command({ type: 'notice.clear' }, seq)).toMatchObject({ ok: true, duplicate: true });
  });
});

describe('access', () => {
  it('refuses a wrong or missing régie token, and a foreign page origin', async () => {
    for (const token of ['pas-le-bon-jeton', '']) {
      const s = track(regieSocket(hub.port, token));
      const err = await new Promise<Error>((r) => s.once('connect_error', r));
      expect(err.message).toBe('jeton de régie invalide');
    }
    const foreign = track(participantSocket(hub.port, { pageOrigin: 'http://evil.example' }));
    const err = await new Promise<Error>((r) => foreign.once('connect_error', r));
    expect(err).toBeInstanceOf(Error);
    const own = await TestParticipant.join(hub.port, CODE, { pageOrigin: `http://127.0.0.1:${hub.port}` }).then(track);
    expect(own.joinAck?.ok).toBe(true);
  });

  it('a participant cannot send régie events', async () => {
    const p = await join_();
    for (const event of ['command', 'resume', 'ack', 'interaction.open']) {
      const r = await p.socket.emitWithAck(event as 'join', { seq: 1, command: { type: 'qa.open', sessionId: null, roomOnly: false } });
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    }
  });

  it('serves /health, the participant page, and a French 404; refuses a foreign Host', async () => {
    // The public learns the hub is up, nothing more; the figures need the régie's token.
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
    expect(JSON.parse((await get('/health', { Authorization: 'Bearer pas-le-bon-jeton-0123456789' })).body)).toEqual({ ok: true });
    const figures = JSON.parse((await get('/health', { Authorization: `Bearer ${TOKEN}` })).body) as Record<string, unknown>;
    expect(figures).toMatchObject({ ok: true, protocol: 1, hubSeq: expect.any(Number), participants: expect.any(Object), refused: expect.any(Object) });
    const page = await get('/');
    expect(page).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    expect(page.body).toContain('participants');
    expect((await get('/nulle-part')).status).toBe(404);
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/health', { Host: `evil.example:${hub.port}` })).status).toBe(421);
    expect((await get('/health', { Host: '127.0.0.1:1' })).status).toBe(421);

    const bare = await startHub(options({ dataDir: join(dir, 'bare'), participantDir: join(dir, 'absent') }));
    try {
      const res = await new Promise<{ status: number; body: string }>((resolve) => {
        request({ host: '127.0.0.1', port: bare.port, path: '/' }, (r) => {
          let body = '';
          r.on('data', (d: Buffer) => (body += d.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        }).end();
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatch(/page des participants n’est pas installée/);
    } finally {
      await bare.close();
    }
  });
});
