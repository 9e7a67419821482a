import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cuesOf } from '../../shared/api/room-cues';
import type { CueEngineState } from '../../shared/domain/cue-events';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { SNAPSHOT_FORMAT, Snapshots } from '../store/snapshots';
import { decideTick } from './decide';
import { rebuildState, RegieEngine } from './regie-engine';

/**
 * Journals written with one cue standby for the whole show (tests/fixtures/journal-rooms-v0,
 * journal-bus-v1, each made by its script on the code of its time): their `cue.*` events carry no
 * room, their snapshots (format 1) one playhead. Today's code finds that playhead in the main
 * room — from the journal alone and from the snapshot upgraded step by step — and goes on.
 */

const MAIN = 'grand-auditorium';
const fixture = (name: string) => new URL(`../../../tests/fixtures/${name}/`, import.meta.url);

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = undefined;
  dir = undefined;
});

function open(name: string): Db {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-cue-rooms-replay-'));
  copyFileSync(new URL('pupitre.sqlite3', fixture(name)), join(dir, 'pupitre.sqlite3'));
  db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
  return db;
}

const cueEvents = (d: Db) =>
  [...new Journal(d).readAfter(0)].map((r) => JSON.parse(r.payload) as { type: string; room?: string }).filter((e) => e.type.startsWith('cue.'));

describe('a journal of one cue standby', () => {
  it('rooms-v0: the old standby, hold and last GO time are the main room’s, the runs the show’s, from the journal and from the snapshot', () => {
    const d = open('journal-rooms-v0');
    const old = (JSON.parse(readFileSync(new URL('expected-state.json', fixture('journal-rooms-v0')), 'utf8')) as { state: { cues: CueEngineState } }).state.cues;
    expect(cueEvents(d).length).toBeGreaterThan(0);
    expect(cueEvents(d).every((e) => e.room === undefined)).toBe(true);
    expect(new Snapshots(d).latest()?.format).toBe(1);
    expect(SNAPSHOT_FORMAT).toBe(4);

    const fromJournal = rebuildState(new Journal(d), null).state;
    const fromSnapshot = rebuildState(new Journal(d), new Snapshots(d)).state;
    const { runs, since, ...playhead } = old;
    expect(fromJournal.cues).toEqual({ rooms: { [MAIN]: playhead }, runs, since });
    expect(cuesOf(fromJournal, MAIN)).toEqual(playhead);
    expect(playhead.standby).toBe('j1-seq1-sondage-fermer');
    expect(fromSnapshot.cues).toEqual(fromJournal.cues);
  });

  it('bus-v1: the snapshot upgraded through every step and the journal agree; the engine goes on in the main room', async () => {
    const d = open('journal-bus-v1');
    expect(cueEvents(d).every((e) => e.room === undefined)).toBe(true);
    const fromJournal = rebuildState(new Journal(d), null).state;
    const fromSnapshot = rebuildState(new Journal(d), new Snapshots(d)).state;
    expect(Object.keys(fromJournal.cues.rooms)).toEqual([MAIN]);
    expect(fromSnapshot.cues).toEqual(fromJournal.cues);

    // The old main-room standby moves on with today's engine; its events now carry their room.
    const engine = new RegieEngine(new Journal(d), new Snapshots(d), { now: () => Date.UTC(2026, 11, 7, 10) });
    const standby = cuesOf(engine.state).standby;
    expect(standby).not.toBeNull();
    expect(await engine.submit({ id: 'after-cues-1', command: { type: 'cue.hold' } }, 'control-1')).toMatchObject({ ok: true });
    expect(cuesOf(engine.state, MAIN).held).toBe(true);
    await engine.submitSystem('régie:horloge', decideTick);
    expect(cueEvents(d).at(-1)).toMatchObject({ room: MAIN });
  });
});
