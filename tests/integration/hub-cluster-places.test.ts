import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/hub';
import { CODE_TAKEN, CODE_UNKNOWN } from '../../src/hub/join-decision';
import { redisKeys } from '../../src/hub/redis/redis-keys';
import { newParticipantId, participantSocket, type ParticipantSocket, TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import { currentPresenceKey, hashPersonalCode, newRoomSecret } from '../../src/node/presence/presence-key';
import type { JoinAck } from '../../src/shared/protocol/audience-state';
import type { RegieCommand } from '../../src/shared/protocol/regie-commands';
import { type RedisServer, startRedis } from './redis-harness';

/**
 * Personal codes and places on a cluster (issue 19 § 3, issue 17 § 3): two nodes in this process on
 * a real redis-server. A code is one phone at a time whatever node each phone joined (one script
 * decides), a node started after the codes were sent knows them, a release on one node frees the
 * code on the other, and a phone's proven room follows it to another node.
 */
const TOKEN = 'places-test-token-0123456789abcdef';
const SALT = 'sel-des-assises-2026';
const SECRET_450 = newRoomSecret();
const ROOMS: RegieCommand = {
  type: 'rooms.set',
  rooms: [
    { id: 'pleniere', name: 'Grand Auditorium', main: true, secret: newRoomSecret() },
    { id: 'salle-450', name: 'Salle 450', main: false, secret: SECRET_450 },
  ],
};
const RACES = 40;
const codeOf = (i: number) => `CODE${String(i).padStart(4, '0')}`;
const limits = { presenceIntervalMs: 100, patchDelayMs: 5, participantRate: { perSecond: 1000, burst: 1000 }, addressRate: { perSecond: 1e6, burst: 1e6 }, joinRate: { perSecond: 1e6, burst: 1e6 }, newParticipantsPerMinute: 1e6 };

let redis: RedisServer;
let inspect: Redis;
const hubs: RunningHub[] = [];
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(x: T): T => (open.push(x), x);

beforeAll(async () => {
  redis = await startRedis();
  inspect = new Redis(redis.url);
});
afterAll(async () => {
  open.forEach((x) => x.close());
  await Promise.all(hubs.map((h) => h.close()));
  inspect?.disconnect();
  await redis?.stop();
});

const node = async (eventCode: string, nodeId: string) => {
  const h = await startHub({ port: 0, regieToken: TOKEN, eventCode, limits, redis: { url: redis.url, nodeId } });
  hubs.push(h);
  return h;
};

/** A phone's join as the page sends it, answered (ok or refused) rather than thrown. */
async function rawJoin(port: number, eventCode: string, participantId: string, extra: Record<string, string>): Promise<JoinAck> {
  const s: ParticipantSocket = track(participantSocket(port));
  await new Promise<void>((resolve, reject) => (s.once('connect', resolve), s.once('connect_error', reject)));
  return (await s.timeout(20_000).emitWithAck('join', { eventCode, participantId, origin: 'remote', ...extra })) as JoinAck;
}

describe('personal codes and places shared by two nodes', () => {
  it('the same code given on two phones through two nodes at once: exactly one holds it, every time', async () => {
    const a = await node('CODES', 'a');
    const b = await node('CODES', 'b');
    const regie = track(await TestRegie.connect(a.port, TOKEN));
    const hashes = Array.from({ length: RACES }, (_, i) => hashPersonalCode(SALT, codeOf(i)));
    expect(await regie.command({ type: 'codes.add', salt: SALT, hashes })).toMatchObject({ ok: true });
    // Node b has read the command (its board revision) before the phones come.
    await new Promise((r) => setTimeout(r, 200));
    const keys = redisKeys('CODES');
    for (let i = 0; i < RACES; i += 1) {
      const [idA, idB] = [newParticipantId(), newParticipantId()];
      const [onA, onB] = await Promise.all([rawJoin(a.port, 'CODES', idA, { code: codeOf(i) }), rawJoin(b.port, 'CODES', idB, { code: codeOf(i) })]);
      expect([onA, onB].filter((x) => x.ok), `course n° ${i}`).toHaveLength(1);
      expect(onA.ok ? onB : onA).toMatchObject({ ok: false, error: { code: 'already_done', message: CODE_TAKEN, field: 'code' } });
      const winner = onA.ok ? idA : idB;
      const hash = hashPersonalCode(SALT, codeOf(i));
      expect(await inspect.hget(keys.codes, hash)).toBe(winner);
      expect(await inspect.hget(keys.codeHeld, winner)).toBe(hash);
    }
  });

  it('a node started after the codes were sent accepts a valid code and knows who holds the others', async () => {
    const a = await node('LATE', 'a');
    const regie = track(await TestRegie.connect(a.port, TOKEN));
    await regie.command({ type: 'codes.add', salt: SALT, hashes: [hashPersonalCode(SALT, 'AB12CD34'), hashPersonalCode(SALT, 'EF56GH78')] });
    const onA = track(await TestParticipant.join(a.port, 'LATE', { code: 'EF56-GH78' }));
    expect(onA.place).toMatchObject({ identified: true });

    const late = await node('LATE', 'late');
    const fresh = track(await TestParticipant.join(late.port, 'LATE', { code: 'ab12-cd34' }));
    expect(fresh.place).toMatchObject({ identified: true });
    expect(await rawJoin(late.port, 'LATE', newParticipantId(), { code: 'EF56GH78' })).toMatchObject({ ok: false, error: { message: CODE_TAKEN } });
    expect(await rawJoin(late.port, 'LATE', newParticipantId(), { code: 'ZZZZ9999' })).toMatchObject({ ok: false, error: { message: CODE_UNKNOWN } });
  });

  it('a release on one node frees the code on the other; a cleared list is unknown everywhere', async () => {
    const a = await node('RELEASE', 'a');
    const b = await node('RELEASE', 'b');
    const regie = track(await TestRegie.connect(a.port, TOKEN));
    const hash = hashPersonalCode(SALT, 'AB12CD34');
    await regie.command({ type: 'codes.add', salt: SALT, hashes: [hash] });
    track(await TestParticipant.join(a.port, 'RELEASE', { code: 'AB12CD34' }));
    const second = newParticipantId();
    expect(await rawJoin(b.port, 'RELEASE', second, { code: 'AB12CD34' })).toMatchObject({ ok: false, error: { message: CODE_TAKEN } });
    expect(await regie.command({ type: 'code.release', hash })).toMatchObject({ ok: true });
    expect(await rawJoin(b.port, 'RELEASE', second, { code: 'AB12CD34' })).toMatchObject({ ok: true });
    // And now the first phone, on its node, is the second phone.
    expect(await rawJoin(a.port, 'RELEASE', newParticipantId(), { code: 'AB12CD34' })).toMatchObject({ ok: false, error: { message: CODE_TAKEN } });

    expect(await regie.command({ type: 'codes.clear' })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(await rawJoin(b.port, 'RELEASE', newParticipantId(), { code: 'AB12CD34' })).toMatchObject({ ok: false, error: { message: CODE_UNKNOWN } });
  });

  it('a phone proven in a room on one node is still « dans la salle » on another after its node died, for the place memory time', async () => {
    const a = await node('PLACE', 'a');
    const b = await node('PLACE', 'b');
    const regie = track(await TestRegie.connect(b.port, TOKEN));
    expect(await regie.command(ROOMS)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 200));
    const id = newParticipantId();
    const before = track(await TestParticipant.join(a.port, 'PLACE', { participantId: id, room: 'salle-450', key: currentPresenceKey(SECRET_450, 'salle-450', Date.now()) }));
    expect(before.place).toMatchObject({ room: 'salle-450', origin: 'room' });
    before.close();
    await a.close();
    hubs.splice(hubs.indexOf(a), 1);

    // No room, no key: a reload on another node.
    const after = track(await TestParticipant.join(b.port, 'PLACE', { participantId: id }));
    expect(after.place).toEqual({ room: 'salle-450', origin: 'room', identified: false, chosen: true });
    // Back to its room without the key (it turned): still in the room.
    const reload = track(await TestParticipant.join(b.port, 'PLACE', { participantId: id, room: 'salle-450' }));
    expect(reload.place).toMatchObject({ room: 'salle-450', origin: 'room' });
    // Redis forgets it when the SQLite hub would: placeMemoryMs (12 h by default) after it was proved.
    const ttl = await inspect.pttl(redisKeys('PLACE').place(id));
    expect(ttl).toBeGreaterThan(12 * 3_600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3_600_000);
  });
});
