import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CODE_TAKEN } from '../../src/hub/join-decision';
import { TOO_MANY_SOCKETS } from '../../src/hub/participant-channel';
import { newParticipantId, participantSocket, type ParticipantSocket, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import { type HubProcess, spawnHub } from '../../src/hub/testing/spawn-hub';
import { currentPresenceKey, hashPersonalCode, newRoomSecret, presenceKeyFor, presenceWindow } from '../../src/node/presence/presence-key';
import type { JoinAck } from '../../src/shared/protocol/audience-state';
import type { RegieCommand } from '../../src/shared/protocol/regie-commands';

/**
 * Rooms and proof of presence against a real hub process (docs/rooms.md § 4): each phone gets its
 * room's data only, the hub decides who is « dans la salle » (never the phone), a personal code
 * holds one phone at a time, the place survives a hub restart, counts are of people and bounded
 * by the limits, and /health keeps its figures for the régie.
 */
const TOKEN = 'rooms-test-token-0123456789abcdef';
const CODE = 'ATELIERS';
const SALT = 'sel-des-assises-2026';
const SECRETS = { pleniere: newRoomSecret(), 'salle-450': newRoomSecret(), 'salle-800': newRoomSecret() };
type Room = keyof typeof SECRETS;
const ROOMS: RegieCommand = {
  type: 'rooms.set',
  rooms: [
    { id: 'pleniere', name: 'Grand Auditorium', main: true, secret: SECRETS.pleniere },
    { id: 'salle-450', name: 'Salle 450', main: false, secret: SECRETS['salle-450'] },
    { id: 'salle-800', name: 'Salle 800', main: false, secret: SECRETS['salle-800'] },
  ],
};
const key = (room: Room, secretOf: Room = room) => currentPresenceKey(SECRETS[secretOf], room, Date.now());
const limits = { patchDelayMs: 5, votesIntervalMs: 20, presenceIntervalMs: 100, participantRate: { perSecond: 1000, burst: 1000 } };

let dir: string;
let hub: HubProcess;
let regie: TestRegie;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);
const phone = (o: Parameters<typeof TestParticipant.join>[2] = {}) => TestParticipant.join(hub.port, CODE, o).then(track);

async function until(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function health(port: number, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/health`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  return (await res.json()) as Record<string, unknown>;
}

async function stop(p: HubProcess): Promise<void> {
  p.child.kill('SIGTERM');
  await p.exited;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-hub-rooms-'));
  hub = await spawnHub({ dataDir: join(dir, 'hub'), token: TOKEN, eventCode: CODE, limits });
  regie = await TestRegie.connect(hub.port, TOKEN, { regieId: 'regie-rooms-0001' });
  for (const c of [
    ROOMS,
    { type: 'qa.open', sessionId: 'atelier-450', roomOnly: true, room: 'salle-450' },
    { type: 'qa.open', sessionId: 'atelier-800', roomOnly: false, room: 'salle-800' },
    { type: 'question.publish', questionId: 'q-450', text: 'Question de la salle 450', room: 'salle-450' },
    { type: 'question.publish', questionId: 'q-800', text: 'Question de la salle 800', room: 'salle-800' },
    { type: 'interaction.open', interaction: { kind: 'poll', id: 'sondage-800', question: 'Qui ?', options: ['A', 'B'], maxChoices: 1 }, room: 'salle-800' },
    { type: 'codes.add', salt: SALT, hashes: [hashPersonalCode(SALT, 'AB12-CD34')] },
  ] satisfies RegieCommand[]) {
    expect(await regie.command(c)).toMatchObject({ ok: true });
  }
});
afterEach(() => {
  open.splice(0).forEach((x) => x.close());
});
afterAll(async () => {
  regie.close();
  await stop(hub);
  rmSync(dir, { recursive: true, force: true });
});

describe('two rooms on one hub', () => {
  it('each phone gets its room’s questions, polls and Q&A only, on the wire; the régie gets each message’s room', async () => {
    const in450 = await phone({ room: 'salle-450', key: key('salle-450') });
    const in800 = await phone({ room: 'salle-800', key: key('salle-800') });
    expect(in450.place).toEqual({ room: 'salle-450', origin: 'room', identified: false, chosen: true });
    expect(in450.state).toMatchObject({ qa: { open: true, roomOnly: true, sessionId: 'atelier-450' }, interaction: null });
    expect(in450.state?.questions.map((q) => q.id)).toEqual(['q-450']);
    expect(in800.state).toMatchObject({ interaction: { id: 'sondage-800' }, qa: { sessionId: 'atelier-800' } });

    // Changes after the join go to their room only.
    await regie.command({ type: 'question.publish', questionId: 'q-450-b', text: 'Seconde de la 450', room: 'salle-450' });
    await regie.command({ type: 'results.reveal', results: { kind: 'poll', interactionId: 'sondage-800', counts: [1, 0], total: 1 }, room: 'salle-800' });
    await regie.command({ type: 'notice.show', text: 'Pause à 16 h' });
    await until(() => in450.state?.questions.length === 2 && in800.state?.results !== null, 'les changements de chaque salle');
    await until(() => in450.state?.notice === 'Pause à 16 h' && in800.state?.notice === 'Pause à 16 h', 'l’annonce dans les deux salles');
    const wire450 = in450.wire.join('\n');
    const wire800 = in800.wire.join('\n');
    for (const other of ['q-800', 'Question de la salle 800', 'sondage-800']) expect(wire450).not.toContain(other);
    for (const other of ['q-450', 'Question de la salle 450', 'Seconde de la 450', 'atelier-450']) expect(wire800).not.toContain(other);

    expect(await in450.ask('Depuis la 450')).toEqual({ ok: true });
    expect(await in800.vote('sondage-800', [1])).toEqual({ ok: true });
    await regie.waitFor(() => [...regie.committed.values()].some((m) => m.type === 'poll.vote' && m.participantId === in800.participantId));
    const mine = [...regie.committed.values()].filter((m) => m.participantId === in450.participantId || m.participantId === in800.participantId);
    expect(mine.map((m) => [m.type, m.room, m.origin])).toEqual([
      ['question.ask', 'salle-450', 'room'],
      ['poll.vote', 'salle-800', 'room'],
    ]);
  });

  it('a phone with an expired key or another room’s key is à distance, and a room-only workshop refuses it in French', async () => {
    const w = presenceWindow(Date.now());
    const expired = await phone({ room: 'salle-450', key: presenceKeyFor(SECRETS['salle-450'], 'salle-450', w - 2), origin: 'room' });
    const otherRoom = await phone({ room: 'salle-450', key: key('salle-800'), origin: 'room' });
    const sentence = 'Les questions de cet atelier sont réservées aux personnes présentes dans la salle.';
    for (const p of [expired, otherRoom]) {
      expect(p.place).toMatchObject({ room: 'salle-450', origin: 'remote' });
      expect(await p.ask('Je suis dans la salle, promis')).toEqual({ ok: false, error: { code: 'room_only', message: sentence } });
    }
    // Salle 800's Q&A is open to remote attendees: the same phone asks there.
    const remote800 = await phone({ room: 'salle-800' });
    expect(await remote800.ask('À distance, pour la 800')).toEqual({ ok: true });
  });

  it('a personal code holds one phone at a time: a second phone is refused until the régie releases it', async () => {
    const first = await phone({ code: 'ab12cd34' });
    expect(first.place).toMatchObject({ origin: 'remote', identified: true });
    const second = track(new TestParticipant(participantSocket(hub.port), newParticipantId(), 'remote', CODE));
    second.joinWith = { code: 'AB12-CD34' };
    expect(await second.rejoin()).toEqual({ ok: false, error: { code: 'already_done', message: CODE_TAKEN, field: 'code' } });
    // The first phone reloads: still its code.
    first.close();
    const again = await phone({ participantId: first.participantId });
    expect(again.place).toMatchObject({ identified: true });
    expect(await regie.command({ type: 'code.release', hash: hashPersonalCode(SALT, 'AB12CD34') })).toMatchObject({ ok: true });
    expect(await second.rejoin()).toMatchObject({ ok: true });
    expect(second.place).toMatchObject({ identified: true });
  });

  it('a phone keeps its room and its presence across a hub restart (SQLite), without its key', async () => {
    const id = newParticipantId();
    const before = await phone({ participantId: id, room: 'salle-450', key: key('salle-450') });
    expect(before.place).toMatchObject({ room: 'salle-450', origin: 'room' });
    before.close();
    regie.close();
    await stop(hub);
    hub = await spawnHub({ dataDir: join(dir, 'hub'), token: TOKEN, eventCode: CODE, limits });
    regie = await TestRegie.connect(hub.port, TOKEN, { regieId: 'regie-rooms-0001', seq: regie.seq });
    const after = await phone({ participantId: id });
    expect(after.place).toEqual({ room: 'salle-450', origin: 'room', identified: false, chosen: true });
    expect(after.state?.qa).toMatchObject({ roomOnly: true, sessionId: 'atelier-450' });
    expect(await after.ask('Après le redémarrage')).toEqual({ ok: true });
  });

  it('/health says only that the hub is up; the figures need the régie’s token', async () => {
    await phone({ room: 'salle-800', key: key('salle-800') });
    expect(await health(hub.port)).toEqual({ ok: true });
    expect(await health(hub.port, 'un-autre-jeton-0123456789abcdef')).toEqual({ ok: true });
    const figures = await health(hub.port, TOKEN);
    expect(figures).toMatchObject({ ok: true, participants: { room: 1 }, rooms: { 'salle-800': { room: 1, remote: 0 } }, codes: 1 });
    expect(figures).toHaveProperty('refused');
    expect(figures).toHaveProperty('hubSeq');
    expect(figures).toHaveProperty('process.rssMiB');
    expect((figures.process as { rssMiB: number }).rssMiB).toBeGreaterThan(10);
  });
});

describe('honest counts', () => {
  it('one client opening 500 connections and minting 500 participant ids changes the counts by at most what the limits allow', async () => {
    const NEW_IDS = 40;
    const flooded = await spawnHub({
      dataDir: join(dir, 'flood'),
      token: TOKEN,
      eventCode: CODE,
      limits: { ...limits, newParticipantsPerMinute: NEW_IDS, socketsPerParticipant: 4, joinRate: { perSecond: 10_000, burst: 10_000 } },
    });
    const watcher = await TestRegie.connect(flooded.port, TOKEN, { regieId: 'regie-flood-0001' });
    await watcher.command(ROOMS);
    const sockets: ParticipantSocket[] = [];
    const joinAll = (ids: string[], extra: Record<string, string> = {}) =>
      Promise.all(
        ids.map(async (participantId) => {
          const s = participantSocket(flooded.port);
          sockets.push(s);
          await new Promise<void>((resolve, reject) => (s.once('connect', resolve), s.once('connect_error', reject)));
          return (await s.timeout(20_000).emitWithAck('join', { eventCode: CODE, participantId, origin: 'room', ...extra })) as JoinAck;
        }),
      );
    try {
      const counts = async () => (await health(flooded.port, TOKEN)).participants as { room: number; remote: number };
      expect(await counts()).toEqual({ room: 0, remote: 0 });

      // 500 sockets under one participant id, with the room's key: one person, four sockets at most.
      const one = newParticipantId();
      const same = await joinAll(Array.from({ length: 500 }, () => one), { room: 'pleniere', key: key('pleniere') });
      expect(same.filter((a) => a.ok)).toHaveLength(4);
      expect(same.find((a) => !a.ok)).toEqual({ ok: false, error: { code: 'limit', message: TOO_MANY_SOCKETS } });
      await until(() => watcher.presence.at(-1)?.room === 1, 'la présence à la régie');
      expect(await counts()).toEqual({ room: 1, remote: 0 });

      // 500 new ids from the same address, saying « room » without a key: at most NEW_IDS more, all remote.
      const minted = await joinAll(Array.from({ length: 500 }, () => newParticipantId()));
      const accepted = minted.filter((a) => a.ok).length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(NEW_IDS + 1); // + the refill during the storm (40 a minute)
      expect(minted.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      const after = await counts();
      expect(after.room).toBe(1);
      expect(after.remote).toBe(accepted);
      expect(after.remote).toBeLessThanOrEqual(NEW_IDS + 1);
      await until(() => watcher.presence.at(-1)?.remote === accepted, 'la présence à la régie après le flot');
      expect(watcher.presence.at(-1)?.rooms).toEqual({ pleniere: { room: 1, remote: accepted } });
    } finally {
      sockets.forEach((s) => s.close());
      watcher.close();
      await stop(flooded);
    }
  });
});
