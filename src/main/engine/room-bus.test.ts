import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDLE_PROGRAM, lastGoOf, mainRoomOf, programOf, stageMessageOf } from '../../shared/api/room-bus';
import type { Programme } from '../../shared/domain/programme';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import type { Db } from '../../node/sqlite/database';
import { parseProgrammeFile } from '../programme/programme-file';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { RegieEngine } from './regie-engine';

// Each room its own program bus, stage message and last GO (docs/rooms.md § 2), through the real
// engine (SQLite in a temp folder): a room's command touches its room only, and what the
// journal of before rooms wrote is the main room's.

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
const MAIN = 'grand-auditorium';
const S450 = 'salle-450';
const S800 = 'salle-800';

/** The demo with a manual scene cue in the Salle 450 workshop (the demo's workshops have none). */
const withWorkshopCue: Programme = {
  ...demo,
  sessions: demo.sessions.map((s) =>
    s.id === 'j1-atelier-4b'
      ? { ...s, cues: [{ id: 'a4b-rejoindre', at: { offset: '+00:00' }, action: { type: 'scene', scene: 'join', straightToAir: true }, mode: 'manual' }] }
      : s,
  ),
} as Programme;

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
const realNow = Date.UTC(2026, 10, 28, 12);
const cmd = (command: unknown) => engine.submit({ id: `room-bus-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const restart = () => new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-room-bus-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
  expect(await cmd({ type: 'programme.load', programme: withWorkshopCue })).toMatchObject({ ok: true });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('each room its own program bus', () => {
  it('a TAKE in Salle 450 leaves the main room’s bus and every other room’s as they were', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Plénière : reprise à 14 h' } });
    const main = programOf(engine.state);
    expect(await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Atelier 4B : bienvenue' }, room: S450 })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'program.take', room: S450 })).toMatchObject({ ok: true });

    expect(programOf(engine.state, S450)).toMatchObject({ onAir: { kind: 'message', text: 'Atelier 4B : bienvenue' }, preview: null, take: 1 });
    expect(programOf(engine.state)).toBe(main); // untouched, same object
    expect(programOf(engine.state, MAIN)).toMatchObject({ onAir: { kind: 'holding' }, preview: { kind: 'message', text: 'Plénière : reprise à 14 h' }, take: 0 });
    expect(programOf(engine.state, S800)).toBe(IDLE_PROGRAM);
    // The journal says whose bus it was.
    const events = [...new Journal(db).readAfter(0)].map((r) => JSON.parse(r.payload) as { type: string; room?: string });
    expect(events.filter((e) => e.type.startsWith('program.')).map((e) => [e.type, e.room])).toEqual([
      ['program.previewed', MAIN],
      ['program.previewed', S450],
      ['program.taken', S450],
    ]);
  });

  it('panic in one room leaves the others on air; restore brings that room back', async () => {
    for (const room of [MAIN, S450, S800]) {
      await cmd({ type: 'program.preview', scene: { kind: 'join' }, room });
      await cmd({ type: 'program.take', room });
    }
    expect(await cmd({ type: 'program.panic', to: 'black', room: S800 })).toMatchObject({ ok: true });
    expect(programOf(engine.state, S800)).toMatchObject({ onAir: { kind: 'black' }, panicFrom: { kind: 'join' } });
    expect(programOf(engine.state, S450)).toMatchObject({ onAir: { kind: 'join' }, panicFrom: null });
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'join' }, panicFrom: null });
    // Restore is that room's too: another room has nothing to restore.
    expect(await cmd({ type: 'program.restore', room: S450 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('rien à rétablir') } });
    expect(await cmd({ type: 'program.restore', room: S800 })).toMatchObject({ ok: true });
    expect(programOf(engine.state, S800)).toMatchObject({ onAir: { kind: 'join' }, panicFrom: null });
  });

  it('a lock holds its own room only', async () => {
    await cmd({ type: 'program.lock', locked: true, room: S450 });
    await cmd({ type: 'program.preview', scene: { kind: 'join' }, room: S450 });
    await cmd({ type: 'program.preview', scene: { kind: 'join' } });
    expect(await cmd({ type: 'program.take', room: S450 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('verrouillée') } });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: true });
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'join' }, locked: false });
  });

  it('refuses a room the programme does not have, in French, and writes nothing', async () => {
    const seq = engine.seq;
    expect(await cmd({ type: 'program.take', room: 'salle-999' })).toMatchObject({ ok: false, error: { message: 'salle inconnue : salle-999' } });
    expect(await cmd({ type: 'stage.message', text: 'Pause', room: 'salle-999' })).toMatchObject({ ok: false, error: { message: 'salle inconnue : salle-999' } });
    expect(await cmd({ type: 'program.panic', room: 'Salle 450' })).toMatchObject({ ok: false });
    expect(engine.seq).toBe(seq);
  });

  it('refuses on a room’s screen a question asked in another room (the main room’s, until questions carry their room)', async () => {
    const message: AudienceMessage = {
      type: 'question.ask',
      hubSeq: 1,
      msgId: 'p1:c1',
      receivedAt: 1000,
      origin: 'room',
      participantId: 'participant-00000001',
      text: 'Et après 18 ans ?',
      name: null,
      sessionId: 'j1-seq1',
    };
    await engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub', message }], 'aud:p1:c1');
    const id = engine.state.audience.questions[0]!.id;
    await cmd({ type: 'question.approve', questionId: id });
    const seq = engine.seq;
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id }, room: S450 })).toMatchObject({
      ok: false,
      error: { message: 'cette question a été posée en « Grand Auditorium » : elle ne peut pas être projetée en « Salle 450 »' },
    });
    expect(engine.seq).toBe(seq);
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } })).toMatchObject({ ok: true });
  });

  it('refuses a poll running in another room', async () => {
    await cmd({ type: 'interaction.open', interactionId: 'charge-de-travail' });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'poll', interactionId: 'charge-de-travail' }, room: S800 })).toMatchObject({
      ok: false,
      error: { message: 'ce sondage est lancé en « Grand Auditorium » : il ne peut pas être projeté en « Salle 800 »' },
    });
    // A poll never opened belongs to no room yet: any room may show its question.
    expect(await cmd({ type: 'program.preview', scene: { kind: 'wordcloud', interactionId: 'securite-enfant' }, room: S800 })).toMatchObject({ ok: true });
  });

  it('each room its own stage message', async () => {
    await cmd({ type: 'stage.message', text: 'Plus que 5 minutes', room: S450 });
    await cmd({ type: 'stage.message', text: 'Micro 2 en panne' });
    expect(stageMessageOf(engine.state, S450)).toMatchObject({ text: 'Plus que 5 minutes' });
    expect(stageMessageOf(engine.state)).toMatchObject({ text: 'Micro 2 en panne' });
    expect(stageMessageOf(engine.state, S800)).toBeNull();
    await cmd({ type: 'stage.message', text: null, room: S450 });
    expect(stageMessageOf(engine.state, S450)).toBeNull();
    expect(stageMessageOf(engine.state)).toMatchObject({ text: 'Micro 2 en panne' });
  });

  it('a cue’s scene goes to its session’s room; the GO is that room’s last, and its undo puts that room back', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Atelier 4B' }, room: S450 });
    await cmd({ type: 'program.take', room: S450 });
    expect(await cmd({ type: 'cue.go', cueId: 'a4b-rejoindre', outOfOrder: true })).toMatchObject({ ok: true });
    expect(programOf(engine.state, S450)).toMatchObject({ onAir: { kind: 'join' }, onAirCue: 'a4b-rejoindre' });
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'holding' }, take: 0 });
    expect(lastGoOf(engine.state, S450)).toMatchObject({ cueId: 'a4b-rejoindre', before: { onAir: { kind: 'message', text: 'Atelier 4B' } } });
    expect(lastGoOf(engine.state)).toBeNull();

    expect(await cmd({ type: 'cue.undo', cueId: 'a4b-rejoindre' })).toMatchObject({ ok: true });
    expect(programOf(engine.state, S450)).toMatchObject({ onAir: { kind: 'message', text: 'Atelier 4B' } });
    expect(lastGoOf(engine.state, S450)).toBeNull();
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'holding' }, take: 0 });
  });

  it('comes back as it was after a restart, from the journal and from a snapshot', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'join' }, room: S450 });
    await cmd({ type: 'program.take', room: S450 });
    await cmd({ type: 'program.panic', room: S800 });
    await cmd({ type: 'stage.message', text: 'Salle 800 : on commence', room: S800 });
    const before = engine.state;
    expect(restart().state).toEqual(before);
    const snapshotting = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow, snapshotEvery: 1, snapshotMinIntervalMs: 0 });
    await snapshotting.submit({ id: 'room-bus-snap-1', command: { type: 'log.note', text: 'instantané' } }, 'control-1');
    expect(new Snapshots(db).latest()?.seq).toBe(snapshotting.seq);
    const fromSnapshot = restart().state;
    expect(fromSnapshot.programs).toEqual(before.programs);
    expect(fromSnapshot.stageMessages).toEqual(before.stageMessages);
  });
});

describe('a journal written before rooms', () => {
  /** Events as the code of before wrote them: no room anywhere. */
  function appendOld(...events: object[]) {
    const journal = new Journal(db);
    for (const e of events) {
      const seq = journal.lastSeq() + 1;
      journal.append(seq, { at: realNow, actor: 'control-1', commandId: null, type: (e as { type: string }).type, payload: JSON.stringify(e) });
    }
  }

  it('replays its bus, stage message and GO into the main room’s', async () => {
    appendOld(
      { type: 'program.previewed', scene: { kind: 'join' } },
      { type: 'program.taken', scene: { kind: 'join' }, transition: { kind: 'cut', durationMs: 0 }, swap: false, emptyPreview: true, at: 1 },
      { type: 'program.panicked', to: 'black', at: 2 },
      { type: 'stage.message.set', text: 'Plus que 5 minutes', at: 3 },
    );
    const replayed = restart().state;
    expect(programOf(replayed)).toMatchObject({ onAir: { kind: 'black' }, panicFrom: { kind: 'join' }, take: 2 });
    expect(Object.keys(replayed.programs)).toEqual([MAIN]);
    expect(stageMessageOf(replayed)).toMatchObject({ text: 'Plus que 5 minutes' });
    expect(Object.keys(replayed.stageMessages)).toEqual([MAIN]);
  });

  it('keeps the main room’s screen when another programme names another main room', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'join' } });
    await cmd({ type: 'program.take' });
    expect(mainRoomOf(engine.state)).toBe(MAIN);
    // A programme without rooms: its main room is the place of its first plenary, under another id.
    const other = { ...demo, rooms: undefined, sessions: demo.sessions.map((s) => (s.room === 'Grand Auditorium' ? { ...s, room: 'Amphi A' } : s)) } as Programme;
    expect(await cmd({ type: 'programme.load', programme: other })).toMatchObject({ ok: true });
    expect(mainRoomOf(engine.state)).toBe('amphi-a');
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'join' } });
    expect(engine.state.programs[MAIN]).toBeUndefined();
  });
});
