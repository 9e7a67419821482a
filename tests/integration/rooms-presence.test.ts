import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOM_ONLY_REFUSAL } from '../../src/hub/admit';
import { TOO_MANY_SOCKETS } from '../../src/hub/participant-channel';
import { newParticipantId, participantSocket, type ParticipantSocket, TestParticipant } from '../../src/hub/testing/clients';
import { roomSecretKey } from '../../src/main/rooms/room-secrets';
import { presenceKeyFor, presenceWindow } from '../../src/node/presence/presence-key';
import type { CoreStatus } from '../../src/shared/api/channel';
import type { JoinAck } from '../../src/shared/protocol/audience-state';
import { spawnCore, type CoreProcess } from './helpers';
import { command, journalAudienceSince, journalLastSeq, listSeats, qaCue, RecordingView, SEQUENCE_4, seatToken, sixWorkshopsProgramme, until } from './rooms-harness';

/**
 * Proof of presence through the régie (issue 17, docs/rooms.md § 4), with the core and its
 * embedded hub as real processes: the keys are the ones the rooms' outputs show, the hub decides
 * who is « dans la salle », a room-only workshop refuses the others with the hub's sentence and the
 * régie's journal never sees their question; one client's 500 connections and 500 minted ids move
 * the counts the desk gets by no more than the limits allow.
 */

const NEW_IDS_PER_MINUTE = 40;
const dir = mkdtempSync(join(tmpdir(), 'pupitre-rooms-presence-'));
let core: CoreProcess;
let desk: RecordingView;
let eventCode: string;
const keys: Record<string, string> = {};
const phones: { close(): void }[] = [];
const views: RecordingView[] = [];

const lastStatus = (): CoreStatus['link'] => (desk.received.filter((m) => m.event === 'status').at(-1)?.payload as CoreStatus | undefined)?.link ?? desk.snapshot!.status.link;
const phone = async (o: Parameters<typeof TestParticipant.join>[2]) => {
  const p = await TestParticipant.join(core.hubPort!, eventCode, o);
  phones.push(p);
  return p;
};
/** A room's secret as the régie keeps it (only to make the key of a window long gone: a photo of an old QR code). */
function secretOf(room: string): string {
  const db = new Database(join(dir, 'pupitre.sqlite3'), { readonly: true });
  try {
    return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(roomSecretKey(room)) as string;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const limits = { newParticipantsPerMinute: NEW_IDS_PER_MINUTE, socketsPerParticipant: 4, joinRate: { perSecond: 10_000, burst: 10_000 }, presenceIntervalMs: 100 };
  core = await spawnCore(dir, ['--hub-limits', JSON.stringify(limits)]);
  desk = new RecordingView(core.port, core.tokens.control);
  views.push(desk);
  await desk.first();
  expect(await command(desk, { type: 'programme.load', programme: sixWorkshopsProgramme() })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'clock.set', clock: { mode: 'rehearsal', at: SEQUENCE_4 } })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'cue.go', cueId: qaCue('salle-450'), outOfOrder: true })).toMatchObject({ ok: true });
  const seats = await listSeats(core.port, core.tokens.control);
  for (const room of ['salle-450', 'salle-800']) {
    const out = new RecordingView(core.port, seatToken(seats, 'output', room));
    views.push(out);
    keys[room] = (await out.first()).presence!.key;
  }
  await until(() => lastStatus().state === 'online' && lastStatus().outboxPending === 0 && lastStatus().eventCode !== null, 'la liaison au hub, ses salles envoyées');
  eventCode = lastStatus().eventCode!;
}, 60_000);

afterAll(() => {
  phones.forEach((p) => p.close());
  views.forEach((v) => v.close());
  core?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('proof of presence, through the régie', () => {
  it('a phone with an expired key or another room’s key is « à distance », and the room-only workshop refuses it; the régie’s journal never sees it', async () => {
    const expired = presenceKeyFor(secretOf('salle-450'), 'salle-450', presenceWindow(Date.now()) - 2);
    const old = await phone({ room: 'salle-450', key: expired, origin: 'room' });
    const elsewhere = await phone({ room: 'salle-450', key: keys['salle-800']!, origin: 'room' });
    const present = await phone({ room: 'salle-450', key: keys['salle-450']! });
    expect(present.place).toMatchObject({ room: 'salle-450', origin: 'room' });

    const lastSeq = journalLastSeq(dir);
    for (const [p, text] of [
      [old, 'Avec une clé périmée, pour la 450'],
      [elsewhere, 'Avec la clé de la 800, pour la 450'],
    ] as const) {
      expect(p.place).toMatchObject({ room: 'salle-450', origin: 'remote' });
      expect(await p.ask(text)).toEqual({ ok: false, error: { code: 'room_only', message: ROOM_ONLY_REFUSAL } });
    }
    // The one present asks; once its question is in the régie's queue, the refused ones never came.
    expect(await present.ask('Présente en Salle 450 : et les fratries ?')).toEqual({ ok: true });
    await until(() => desk.state!.audience.questions.some((q) => q.text === 'Présente en Salle 450 : et les fratries ?'), 'la question à la régie');
    const q = desk.state!.audience.questions.find((x) => x.text === 'Présente en Salle 450 : et les fratries ?')!;
    expect(q).toMatchObject({ room: 'salle-450', origin: 'room' });
    expect(desk.state!.audience.questions.map((x) => x.text)).toEqual(['Présente en Salle 450 : et les fratries ?']);
    // The régie journaled the present phone's question and nothing of the refused ones (the cues
    // of the six workshops may journal their own events meanwhile: only audience messages count).
    const received = journalAudienceSince(dir, lastSeq);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('et les fratries');
    expect(desk.wire()).not.toContain('clé périmée');
    expect(desk.wire()).not.toContain('clé de la 800');
  });

  it('one client opening 500 connections and minting 500 participant ids moves the desk’s counts by at most what the limits allow', async () => {
    await until(() => lastStatus().participants.room + lastStatus().participants.remote === 3, 'les trois téléphones comptés');
    const base = lastStatus().participants;
    expect(base).toMatchObject({ room: 1, remote: 2 });
    const sockets: ParticipantSocket[] = [];
    const joinAll = (ids: string[], extra: Record<string, string> = {}) =>
      Promise.all(
        ids.map(async (participantId) => {
          const s = participantSocket(core.hubPort!);
          sockets.push(s);
          await new Promise<void>((resolve, reject) => (s.once('connect', resolve), s.once('connect_error', reject)));
          return (await s.timeout(20_000).emitWithAck('join', { eventCode, participantId, origin: 'room', ...extra })) as JoinAck;
        }),
      );
    try {
      // 500 sockets under one id, with Salle 450's key: one person more « dans la salle », four sockets at most.
      const one = newParticipantId();
      const same = await joinAll(Array.from({ length: 500 }, () => one), { room: 'salle-450', key: keys['salle-450']! });
      expect(same.filter((a) => a.ok)).toHaveLength(4);
      expect(same.find((a) => !a.ok)).toEqual({ ok: false, error: { code: 'limit', message: TOO_MANY_SOCKETS } });
      await until(() => lastStatus().participants.room === base.room + 1, 'la présence au pupitre');

      // 500 new ids saying « room » without a key: at most the minute's allowance more, all « à distance ».
      const minted = await joinAll(Array.from({ length: 500 }, () => newParticipantId()), { room: 'salle-450' });
      const accepted = minted.filter((a) => a.ok).length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(NEW_IDS_PER_MINUTE + 1);
      await until(() => lastStatus().participants.remote === base.remote + accepted, 'les comptes au pupitre après le flot');
      await new Promise((r) => setTimeout(r, 400)); // a few presence rounds more: nothing else arrives
      const after = lastStatus().participants;
      expect(after).toMatchObject({ room: base.room + 1, remote: base.remote + accepted });
      expect(after.room + after.remote - (base.room + base.remote)).toBeLessThanOrEqual(1 + NEW_IDS_PER_MINUTE + 1);
    } finally {
      sockets.forEach((s) => s.close());
    }
  });
});
