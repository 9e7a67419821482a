import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programOf } from '../../src/shared/api/room-bus';
import { cuesOf } from '../../src/shared/api/room-cues';
import { qaOf } from '../../src/shared/api/room-live';
import { spawnCore, type CoreProcess } from './helpers';
import {
  command,
  journalRows,
  journalRowsBy,
  listSeats,
  MAIN_ROOM,
  qaCue,
  RecordingView,
  SEQUENCE_4,
  seatToken,
  sixWorkshopsProgramme,
  until,
  WORKSHOP_POLLS,
  type SeatEntryWithToken,
} from './rooms-harness';

/**
 * Issue 17, the room moderator's seat live (docs/rooms.md § 3), with a real core process: Salle
 * 450's seat makes and runs its own poll, GOes its room's cues and watches its room's screen
 * through its own token; everything it tries on another room, the plenary or the programme is
 * refused in French and writes nothing (the journal's rows counted in the database).
 */

const dir = mkdtempSync(join(tmpdir(), 'pupitre-seat-live-'));
let core: CoreProcess;
let desk: RecordingView;
let seat450: RecordingView;
let seats: SeatEntryWithToken[];
const views: RecordingView[] = [];
const view = (token: string, room?: string) => {
  const v = new RecordingView(core.port, token, room);
  views.push(v);
  return v;
};
const POLL = 'vif-450';
/** The seat's name: the journal's actor of what it does. */
const SEAT_450 = 'Salle 450 — animation';

beforeAll(async () => {
  core = await spawnCore(dir);
  desk = view(core.tokens.control);
  await desk.first();
  expect(await command(desk, { type: 'programme.load', programme: sixWorkshopsProgramme() })).toMatchObject({ ok: true });
  expect(await command(desk, { type: 'clock.set', clock: { mode: 'rehearsal', at: SEQUENCE_4 } })).toMatchObject({ ok: true });
  seats = await listSeats(core.port, core.tokens.control);
  seat450 = view(seatToken(seats, 'room', 'salle-450'));
  await seat450.first();
}, 60_000);

afterAll(async () => {
  views.forEach((v) => v.close());
  await core?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends each command as Salle 450's seat: every one refused in French, the journal unchanged. */
async function refusedAll(list: object[]): Promise<void> {
  const rows = journalRowsBy(dir, SEAT_450);
  for (const c of list) {
    const r = await command(seat450, c);
    expect(r, JSON.stringify(c)).toMatchObject({ ok: false });
    if (!r.ok && r.error.code === 'forbidden') expect(r.error.message, JSON.stringify(c)).toMatch(/^«\u00a0Salle 450 — animation\u00a0» /);
    else if (!r.ok) expect(r.error.message, JSON.stringify(c)).toMatch(/[a-zàéè]/);
  }
  expect(journalRowsBy(dir, SEAT_450)).toBe(rows);
}

describe('a room seat runs its own polls and clouds (real core process)', () => {
  it('makes a poll for its room, opens it, shows its results on its room’s bus; the plenary and Salle 800 see none of it', async () => {
    const rows = journalRows(dir);
    const made = await command(seat450, {
      type: 'interaction.create',
      interaction: { kind: 'poll', id: POLL, type: 'single', question: 'Ce bilan de santé, vous l’avez déjà vu ?', options: ['Oui', 'Non'] },
      open: true,
      room: 'salle-450',
    });
    expect(made).toMatchObject({ ok: true });
    expect(journalRows(dir)).toBeGreaterThan(rows);
    await until(() => desk.state!.live.interactions[POLL]?.status === 'open', 'le sondage ouvert');
    expect(desk.state!.live.interactions[POLL]).toMatchObject({ room: 'salle-450' });
    expect(desk.state!.programme!.interactions!.find((i) => i.id === POLL)?.room).toBe('salle-450');
    expect(await command(seat450, { type: 'program.preview', scene: { kind: 'poll', interactionId: POLL }, room: 'salle-450' })).toMatchObject({ ok: true });
    expect(await command(seat450, { type: 'program.take', room: 'salle-450' })).toMatchObject({ ok: true });
    expect(await command(seat450, { type: 'interaction.close', interactionId: POLL })).toMatchObject({ ok: true });
    expect(await command(seat450, { type: 'interaction.reveal', interactionId: POLL })).toMatchObject({ ok: true });
    await until(() => programOf(desk.state!, 'salle-450').onAir?.kind === 'poll', 'le sondage à l’écran de la Salle 450');
    for (const room of ['salle-800', MAIN_ROOM]) expect(JSON.stringify(programOf(desk.state!, room)), room).not.toContain(POLL);
  });

  it('refuses, writing nothing, its interaction commands on another room or on the plenary', async () => {
    // The plenary's own prepared poll (the demo's), Salle 800's, one made for Salle 800.
    const plenaryPoll = desk.state!.programme!.interactions!.find((i) => i.id === 'charge-de-travail')!.id;
    await refusedAll([
      { type: 'interaction.create', interaction: { kind: 'poll', id: 'intrus-800', type: 'yesno', question: 'Ici ?' }, open: true, room: 'salle-800' },
      { type: 'interaction.create', interaction: { kind: 'poll', id: 'intrus-main', type: 'yesno', question: 'Ici ?' }, open: true },
      { type: 'interaction.create', interaction: { kind: 'poll', id: 'intrus-x', type: 'yesno', question: 'Ici ?', room: 'salle-800' }, open: false, room: 'salle-450' },
      { type: 'interaction.open', interactionId: WORKSHOP_POLLS['salle-800'] },
      { type: 'interaction.open', interactionId: WORKSHOP_POLLS['salle-800'], room: 'salle-450' },
      { type: 'interaction.open', interactionId: plenaryPoll },
      { type: 'interaction.open', interactionId: plenaryPoll, room: 'salle-450' },
      { type: 'interaction.reveal', interactionId: plenaryPoll },
      { type: 'program.preview', scene: { kind: 'poll', interactionId: WORKSHOP_POLLS['salle-800'] }, room: 'salle-450' },
      { type: 'program.preview', scene: { kind: 'poll', interactionId: POLL }, room: 'salle-800' },
      { type: 'program.preview', scene: { kind: 'poll', interactionId: POLL } },
      { type: 'words.ban', cloudId: plenaryPoll, word: 'zut' },
    ]);
    expect(desk.state!.programme!.interactions!.some((i) => i.id.startsWith('intrus'))).toBe(false);
    // The régie may open Salle 800's poll; Salle 450's seat then still may not close it.
    expect(await command(desk, { type: 'interaction.open', interactionId: WORKSHOP_POLLS['salle-800'] })).toMatchObject({ ok: true });
    await refusedAll([{ type: 'interaction.close', interactionId: WORKSHOP_POLLS['salle-800'] }]);
  });
});

describe('a room seat runs its room’s cues (real core process)', () => {
  it('GOes, holds, moves and undoes its own room’s cues; the out-of-order GO needs the confirmation', async () => {
    const cue = qaCue('salle-450');
    // 16:05, its cue is planned at 16:05 (the harness's): in order. A GO of the cue named.
    await until(() => seat450.state !== null, 'l’état');
    const rows = journalRows(dir);
    expect(await command(seat450, { type: 'cue.go', cueId: cue })).toMatchObject({ ok: true });
    expect(journalRows(dir)).toBeGreaterThan(rows);
    await until(() => qaOf(desk.state!, 'salle-450').open, 'les questions de la Salle 450 ouvertes');
    expect(qaOf(desk.state!, 'salle-800').open).toBe(false);
    expect(qaOf(desk.state!, MAIN_ROOM).open).toBe(false);
    // Its room's poll cue is 25 minutes early: refused without the confirmation, writing nothing.
    await new Promise((r) => setTimeout(r, 1100)); // not a double press
    const early = await refusedOne({ type: 'cue.go', cueId: 'j1-atelier-4b-sondage' });
    expect(early).toMatch(/./);
    // Hold and release its room's cues.
    for (const c of [{ type: 'cue.hold', room: 'salle-450' }, { type: 'cue.release', room: 'salle-450' }]) {
      const r = await command(seat450, c);
      expect(r.ok ? 'ok' : r.error.message, JSON.stringify(c)).toBe('ok');
    }
    // Its standby moves are its own to ask: the engine answers (its one waiting cue has no neighbour), not the seat's rights.
    const move = await command(seat450, { type: 'cue.next', room: 'salle-450' });
    expect(move).toMatchObject({ ok: false, error: { message: 'pas de réplique après celle-ci' } });
    // Undo its GO: its room's Q&A closes again.
    expect(await command(seat450, { type: 'cue.undo', cueId: cue })).toMatchObject({ ok: true });
    await until(() => !qaOf(desk.state!, 'salle-450').open, 'le GO annulé');
    expect(cuesOf(desk.state!, 'salle-450').held).toBe(false);
  });

  it('refuses, writing nothing, other rooms’ cues, the main room’s standby, the reset and the programme', async () => {
    await refusedAll([
      { type: 'cue.go', cueId: qaCue('salle-800'), outOfOrder: true },
      { type: 'cue.go', cueId: qaCue('salle-800'), outOfOrder: true, room: 'salle-450' },
      { type: 'cue.go' },
      { type: 'cue.go', room: MAIN_ROOM },
      { type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true },
      { type: 'cue.hold' },
      { type: 'cue.hold', room: 'salle-800' },
      { type: 'cue.release', room: MAIN_ROOM },
      { type: 'cue.next' },
      { type: 'cue.previous', room: 'salle-800' },
      { type: 'cue.skip', cueId: qaCue('salle-800') },
      { type: 'cue.rearm', cueId: 'j1-seq1-questions-ouvrir' },
      { type: 'cue.undo', cueId: 'j1-seq1-questions-ouvrir' },
      { type: 'cue.reset' },
      { type: 'edit.cue.save', sessionId: 'j1-atelier-4b', cue: { id: 'c-x', at: { offset: '+00:05' }, action: { type: 'qa.open' } } },
      { type: 'edit.cue.delete', cueId: qaCue('salle-450') },
      { type: 'edit.interaction.delete', interactionId: POLL },
      { type: 'edit.lock', locked: true },
      { type: 'delay.set', sessionId: 'j1-atelier-4b', minutes: 10 },
    ]);
  });
});

describe('a room seat’s program monitor (real core process)', () => {
  it('its own token opens its room’s output read-only, and no other room’s nor the main one', async () => {
    const token = seatToken(seats, 'room', 'salle-450');
    const monitor = new RecordingView(core.port, token);
    (monitor.socket.auth as Record<string, string>).view = 'output';
    views.push(monitor);
    const snap = await monitor.first();
    expect(snap).toMatchObject({ role: 'output', seat: { kind: 'output', room: 'salle-450' } });
    expect(Object.keys(snap.state.programs)).toEqual(['salle-450']);
    expect(programOf(snap.state, 'salle-450').onAir).toMatchObject({ kind: 'poll', interactionId: POLL });
    expect(snap.presence).toMatchObject({ room: 'salle-450' });
    for (const room of ['salle-800', MAIN_ROOM]) {
      const other = new RecordingView(core.port, token, room);
      (other.socket.auth as Record<string, string>).view = 'output';
      views.push(other);
      await expect(other.first()).rejects.toThrow(/ce poste est celui de la salle salle-450/);
    }
    const rows = journalRows(dir);
    expect(await command(monitor, { type: 'program.panic', room: 'salle-450' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(journalRows(dir)).toBe(rows);
  });
});

/** One command as Salle 450's seat, refused, writing nothing: its reason. */
async function refusedOne(c: object): Promise<string> {
  const rows = journalRows(dir);
  const r = await command(seat450, c);
  expect(r, JSON.stringify(c)).toMatchObject({ ok: false });
  expect(journalRows(dir)).toBe(rows);
  return r.ok ? '' : r.error.message;
}
