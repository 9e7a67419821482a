import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { programOf } from '../../shared/api/room-bus';
import { cuesOf } from '../../shared/api/room-cues';
import { qaOf } from '../../shared/api/room-live';
import type { Programme } from '../../shared/domain/programme';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import type { Db } from '../../node/sqlite/database';
import { parseProgrammeFile } from '../programme/programme-file';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { decideRestore, decideTick } from './decide';
import { rebuildState, RegieEngine } from './regie-engine';

// Each room its own cue standby (docs/rooms.md § 2), through the real engine (SQLite in a temp
// folder): two workshops at 16:00, each with its standby, its GO order, its hold and its missed
// cues, while the plenary room keeps its own.

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
const MAIN = 'grand-auditorium';
const S800 = 'salle-800';
const S450 = 'salle-450';

/** The demo with, in workshops 4A (Salle 800) and 4B (Salle 450): Q&A opened by GO at 16:00, the join screen by itself at 16:05, Q&A closed by GO at 17:20. */
const workshopCues = (p: string) => [
  { id: `${p}-qa-ouvrir`, at: { offset: '+00:00' }, action: { type: 'qa.open' }, mode: 'manual' },
  { id: `${p}-rejoindre`, at: { offset: '+00:05' }, action: { type: 'scene', scene: 'join' }, mode: 'auto' },
  { id: `${p}-qa-fermer`, at: { offset: '+01:20' }, action: { type: 'qa.close' }, mode: 'manual' },
];
const programme: Programme = {
  ...demo,
  sessions: demo.sessions.map((s) =>
    s.id === 'j1-atelier-4a' ? { ...s, cues: workshopCues('a4a') } : s.id === 'j1-atelier-4b' ? { ...s, cues: workshopCues('a4b') } : s,
  ),
} as Programme;

const paris = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');
let dir: string;
let db: Db;
let realNow: number;
let engine: RegieEngine;
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `cue-rooms-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const advance = (ms: number) => (realNow += ms);
const tick = () => engine.submitSystem('régie:horloge', decideTick);
const run = (cueId: string) => engine.state.cues.runs[cueId];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-cue-rooms-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  realNow = Date.UTC(2026, 11, 7, 12);
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
  expect(await cmd({ type: 'programme.load', programme })).toMatchObject({ ok: true });
  // Rehearsal at 15:59:30 on day 1; the first start watches from now (nothing before is an alarm).
  expect(await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('15:59') + 30_000 } })).toMatchObject({ ok: true });
  await engine.submitSystem('régie:démarrage', decideRestore);
  advance(31_000); // 16:00:01
  await tick();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('each room its own cue standby', () => {
  it('puts each workshop’s due cue on its own standby, and the main room keeps its own', () => {
    expect(cuesOf(engine.state, S800).standby).toBe('a4a-qa-ouvrir');
    expect(cuesOf(engine.state, S450).standby).toBe('a4b-qa-ouvrir');
    // The main room's standby is one of its own cues, never a workshop's.
    const main = cuesOf(engine.state, MAIN).standby;
    expect(main).not.toBeNull();
    expect(main).not.toMatch(/^a4[ab]-/);
    expect(cuesOf(engine.state)).toBe(cuesOf(engine.state, MAIN));
  });

  it('a GO in each room is in order, one right after the other: each room its GO order and its double press', async () => {
    expect(await cmd({ type: 'cue.go', room: S800 })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'cue.go', room: S450 })).toMatchObject({ ok: true });
    expect(run('a4a-qa-ouvrir')).toMatchObject({ status: 'fired', trigger: 'go' });
    expect(run('a4b-qa-ouvrir')).toMatchObject({ status: 'fired', trigger: 'go' });
    expect(run('a4a-qa-ouvrir')).not.toHaveProperty('outOfOrder');
    expect(run('a4b-qa-ouvrir')).not.toHaveProperty('outOfOrder');
    expect(qaOf(engine.state, S800).open).toBe(true);
    expect(qaOf(engine.state, S450).open).toBe(true);
    expect(qaOf(engine.state, MAIN).open).toBe(false);
    // Each playhead went on in its own room.
    expect(cuesOf(engine.state, S800).standby).toBe('a4a-rejoindre');
    expect(cuesOf(engine.state, S450).standby).toBe('a4b-rejoindre');
    // A second GO in the same room within a second is a double press; the journal says whose room.
    expect(await cmd({ type: 'cue.go', room: S800 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/deux appuis/) } });
    const events = [...new Journal(db).readAfter(0)].map((r) => JSON.parse(r.payload) as { type: string; cueId?: string; room?: string });
    expect(events.filter((e) => e.type === 'cue.go').map((e) => [e.cueId, e.room])).toEqual([
      ['a4a-qa-ouvrir', S800],
      ['a4b-qa-ouvrir', S450],
    ]);
  });

  it('a GO on a workshop’s due cue is in order while another room has an older cue waiting, and leaves that room’s standby', async () => {
    advance(60_000); // 16:01: Salle 800's 16:00 cue still waits
    expect(await cmd({ type: 'cue.go', cueId: 'a4b-qa-ouvrir' })).toMatchObject({ ok: true });
    expect(run('a4b-qa-ouvrir')).not.toHaveProperty('outOfOrder');
    expect(cuesOf(engine.state, S800).standby).toBe('a4a-qa-ouvrir');
    // A cue named with another room than its own is refused, nothing written.
    const seq = engine.seq;
    expect(await cmd({ type: 'cue.go', cueId: 'a4a-qa-ouvrir', room: S450 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Salle 800.*Salle 450/) } });
    expect(engine.seq).toBe(seq);
    // Within a room the order holds: closing 4A's Q&A before opening it skips a cue of its session.
    const skip = await cmd({ type: 'cue.go', cueId: 'a4a-qa-fermer' });
    expect(skip).toMatchObject({ ok: false, error: { message: expect.stringMatching(/hors ordre.*a4a-qa-ouvrir/) } });
  });

  it('holding one room: its auto cue is missed, the other room’s fires on its own', async () => {
    expect(await cmd({ type: 'cue.hold', room: S800 })).toMatchObject({ ok: true });
    expect(cuesOf(engine.state, S800).held).toBe(true);
    expect(cuesOf(engine.state, S450).held).toBe(false);
    expect(cuesOf(engine.state, MAIN).held).toBe(false);
    advance(5 * 60_000); // 16:05:01
    await tick();
    expect(run('a4b-rejoindre')).toMatchObject({ status: 'fired', trigger: 'auto' });
    expect(programOf(engine.state, S450).preview).toEqual({ kind: 'join' });
    expect(run('a4a-rejoindre')).toMatchObject({ status: 'missed', reason: 'held' });
    expect(programOf(engine.state, S800).preview).toBeNull();
    // Released, nothing fires late; 4A's missed cue is 4A's to fire by hand.
    expect(await cmd({ type: 'cue.release', room: S800 })).toMatchObject({ ok: true });
    advance(1000);
    await tick();
    expect(run('a4a-rejoindre')).toMatchObject({ status: 'missed' });
    // (4A's Q&A first: within the room, a GO that skips a cue of the session asks for a confirmation.)
    expect(await cmd({ type: 'cue.go', cueId: 'a4a-rejoindre' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/hors ordre/) } });
    expect(await cmd({ type: 'cue.go', room: S800 })).toMatchObject({ ok: true });
    advance(1000);
    expect(await cmd({ type: 'cue.go', cueId: 'a4a-rejoindre' })).toMatchObject({ ok: true });
    expect(programOf(engine.state, S800).preview).toEqual({ kind: 'join' });
  });

  it('missed within a room: a restart after the workshops’ auto cues flags each in its room, and each room’s playheads come back', async () => {
    expect(await cmd({ type: 'cue.next', room: S450 })).toMatchObject({ ok: true }); // 4B's standby moved by hand
    expect(cuesOf(engine.state, S450)).toMatchObject({ standby: 'a4b-rejoindre', standbyPinned: true });
    const before = engine.state.cues;
    // Closed at 16:00, opened again at 16:10.
    advance(10 * 60_000);
    engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
    expect(engine.state.cues).toEqual(before);
    await engine.submitSystem('régie:démarrage', decideRestore);
    expect(run('a4a-rejoindre')).toMatchObject({ status: 'missed', reason: 'closed' });
    expect(run('a4b-rejoindre')).toMatchObject({ status: 'missed', reason: 'closed' });
    // 4A's standby stays on its 16:00 cue (still to do); 4B's pinned one, missed, waits for a GO.
    expect(cuesOf(engine.state, S800).standby).toBe('a4a-qa-ouvrir');
    expect(cuesOf(engine.state, S450).standby).toBe('a4b-rejoindre');
    const events = [...new Journal(db).readAfter(0)].map((r) => JSON.parse(r.payload) as { type: string; cueId?: string; room?: string });
    expect(events.filter((e) => e.type === 'cue.missed').map((e) => [e.cueId, e.room])).toEqual([
      ['a4a-rejoindre', S800],
      ['a4b-rejoindre', S450],
    ]);
    // Journal alone and snapshot agree.
    expect(rebuildState(new Journal(db), null).state.cues).toEqual(engine.state.cues);
  });

  it('undoes a workshop’s GO in its room: the cue back on that room’s standby, the others’ untouched', async () => {
    expect(await cmd({ type: 'cue.go', room: S450 })).toMatchObject({ ok: true });
    const main = cuesOf(engine.state, MAIN);
    expect(await cmd({ type: 'cue.undo', cueId: 'a4b-qa-ouvrir' })).toMatchObject({ ok: true });
    expect(qaOf(engine.state, S450).open).toBe(false);
    expect(cuesOf(engine.state, S450)).toMatchObject({ standby: 'a4b-qa-ouvrir', standbyPinned: true });
    expect(cuesOf(engine.state, MAIN)).toEqual(main);
    expect(cuesOf(engine.state, S800).standby).toBe('a4a-qa-ouvrir');
  });
});
