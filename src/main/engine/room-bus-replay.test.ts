import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastGoOf, programOf, stageMessageOf } from '../../shared/api/room-bus';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { rebuildState, RegieEngine } from './regie-engine';

/**
 * A régie database written by the code of before rooms (tests/fixtures/journal-bus-v1, made by its
 * script on commit 7f5b2f1): one bus, one stage message, one last GO, events without a room and a
 * snapshot of format 1. Today's code finds them in the main room — from the journal alone, and
 * from the upgraded snapshot plus the journal's tail — and goes on from there.
 */

const FIXTURE = new URL('../../../tests/fixtures/journal-bus-v1/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected-state.json', FIXTURE), 'utf8')) as {
  seq: number;
  snapshotSeq: number;
  program: unknown;
  stageMessage: unknown;
  lastGo: { cueId: string };
};
const MAIN = 'grand-auditorium';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-bus-replay-'));
  copyFileSync(new URL('pupitre.sqlite3', FIXTURE), join(dir, 'pupitre.sqlite3'));
  db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a journal and a snapshot written before rooms', () => {
  it('holds what the test expects: a format-1 snapshot and events without a room', () => {
    expect(new Snapshots(db).latest()).toMatchObject({ seq: expected.snapshotSeq, format: 1 });
    const events = [...new Journal(db).readAfter(0)].map((r) => JSON.parse(r.payload) as { type: string; room?: string });
    expect(events.some((e) => e.type === 'program.taken')).toBe(true);
    expect(events.every((e) => e.room === undefined)).toBe(true);
  });

  it('replays, from the journal alone, into the main room’s bus, stage message and last GO', () => {
    const { state, seq } = rebuildState(new Journal(db), null);
    expect(seq).toBe(expected.seq);
    expect(programOf(state, MAIN)).toEqual(expected.program);
    expect(stageMessageOf(state, MAIN)).toEqual(expected.stageMessage);
    expect(lastGoOf(state, MAIN)).toEqual(expected.lastGo);
    expect(Object.keys(state.programs)).toEqual([MAIN]);
  });

  it('upgrades its snapshot into the main room’s, then replays the tail to the same state', () => {
    const fromSnapshot = rebuildState(new Journal(db), new Snapshots(db));
    const fromJournal = rebuildState(new Journal(db), null);
    expect(fromSnapshot.seq).toBe(expected.seq);
    expect(fromSnapshot.state.programs).toEqual(fromJournal.state.programs);
    expect(fromSnapshot.state.stageMessages).toEqual(fromJournal.state.stageMessages);
    expect(fromSnapshot.state.lastGos).toEqual(fromJournal.state.lastGos);
    expect(fromSnapshot.state).not.toHaveProperty('program');
    expect(fromSnapshot.state).not.toHaveProperty('stageMessage');
    expect(fromSnapshot.state).not.toHaveProperty('lastGo');
  });

  it('goes on: the main room’s bus takes commands, and the old GO can still be undone', async () => {
    const engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => Date.UTC(2026, 11, 7, 10) });
    expect(await engine.submit({ id: 'after-bus-v1-1', command: { type: 'program.lock', locked: false } }, 'control-1')).toMatchObject({ ok: true });
    expect(await engine.submit({ id: 'after-bus-v1-2', command: { type: 'program.take' } }, 'control-1')).toMatchObject({ ok: true });
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'countdown', caption: 'Reprise' }, take: 5 });
    const undo = { type: 'cue.undo', cueId: expected.lastGo.cueId, confirmed: true };
    expect(await engine.submit({ id: 'after-bus-v1-3', command: undo }, 'control-1')).toMatchObject({ ok: true });
    expect(lastGoOf(engine.state)).toBeNull();
  });
});
