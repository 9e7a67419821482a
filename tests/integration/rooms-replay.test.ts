import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { programOf } from '../../src/shared/api/room-bus';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { noPersonalCodes } from '../../src/shared/api/personal-codes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildState } from '../../src/main/engine/regie-engine';
import { openRegieDatabase } from '../../src/main/store/regie-database';
import { Journal } from '../../src/main/store/journal';
import { SNAPSHOT_FORMAT, Snapshots } from '../../src/main/store/snapshots';
import { mainQa } from '../../src/shared/api/room-live';
import type { RegieState, ViewState } from '../../src/shared/api/state';
import type { CueEngineState } from '../../src/shared/domain/cue-events';
import { connectView, type CoreProcess, nextSnapshot, spawnCore } from './helpers';

/**
 * A régie database written before rooms (tests/fixtures/journal-rooms-v0, made by its script
 * through a real core, hub and phones): one Q&A, a poll with votes, a word cloud, questions
 * screened, starred and TAKEn, a stage message. Its journal and its snapshot (format 1, taken while
 * the Q&A was open) replay into today's shape with everything in the main room, and otherwise the
 * very state the code of that time rebuilt.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/journal-rooms-v0');
const MAIN = 'grand-auditorium';
type OldState = Omit<ViewState, 'programme' | 'live' | 'programs' | 'stageMessages' | 'lastGos' | 'cues'> & {
  cues: CueEngineState;
  live: { interactions: Record<string, object>; qa: { open: boolean; since: number | null; sessionId: string | null; roomOnly: boolean } };
  program: ViewState['programs'][string];
  stageMessage: ViewState['stageMessages'][string] | null;
  lastGo: ViewState['lastGos'][string] | null;
};
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected-state.json'), 'utf8')) as {
  seq: number;
  snapshotSeq: number;
  snapshotFormat: number;
  state: OldState;
};

let dir: string;
const copy = (name: string) => {
  const to = join(dir, name);
  mkdirSync(to, { recursive: true });
  copyFileSync(join(FIXTURE, 'pupitre.sqlite3'), join(to, 'pupitre.sqlite3'));
  return to;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-rooms-replay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The old state in today's shape: the single Q&A, bus, stage message, last GO and cue standby, and every run, question and as-run line in the main room. */
function inMainRoom(old: OldState): Omit<ViewState, 'programme'> {
  const { program, stageMessage, lastGo, cues, ...rest } = old;
  const { runs, since, ...playhead } = cues;
  const one = <T,>(value: T | null) => (value === null ? {} : { [MAIN]: value });
  return {
    ...rest,
    programs: one(program),
    stageMessages: one(stageMessage),
    lastGos: one(lastGo),
    cues: { rooms: { [MAIN]: playhead }, runs, since: since ?? null },
    live: {
      interactions: Object.fromEntries(Object.entries(old.live.interactions).map(([id, run]) => [id, { ...run, room: MAIN }])) as ViewState['live']['interactions'],
      qa: { [MAIN]: old.live.qa },
    },
    audience: { ...old.audience, questions: old.audience.questions.map((q) => ({ ...q, room: MAIN })) },
    asRun: old.asRun.map((e) => ({ ...e, room: MAIN })),
    // A slice of after the fixture: it starts empty.
    personalCodes: noPersonalCodes(),
  };
}

const viewOf = (state: RegieState): Omit<ViewState, 'programme'> => {
  const { programme: _p, ballots: _b, wordSenders: _w, redactionUndo: _r, ...rest } = state;
  return rest;
};

describe('a journal and a snapshot of before rooms', () => {
  it('replay into the main room, state as before, from the journal alone and from the upgraded snapshot', () => {
    const db = openRegieDatabase(join(copy('rebuild'), 'pupitre.sqlite3'));
    try {
      expect(new Snapshots(db).latest()).toMatchObject({ seq: expected.snapshotSeq, format: 1 });
      expect(SNAPSHOT_FORMAT).toBeGreaterThan(1); // the fixture's format 1 is upgraded, step by step
      const fromJournal = rebuildState(new Journal(db), null);
      const fromSnapshot = rebuildState(new Journal(db), new Snapshots(db));
      expect(fromJournal.seq).toBe(expected.seq);
      expect(fromSnapshot.seq).toBe(expected.seq);
      expect(viewOf(fromJournal.state)).toEqual(inMainRoom(expected.state));
      expect(fromSnapshot.state).toEqual(fromJournal.state);
      // What the fixture holds, said plainly: a closed Q&A of séquence 1 in the main room, the votes and words counted there.
      expect(mainQa(fromJournal.state)).toMatchObject({ open: false, sessionId: 'j1-seq1' });
      expect(Object.keys(fromJournal.state.live.qa)).toEqual([MAIN]);
      expect(fromJournal.state.audience.tallies['charge-de-travail']?.voters).toEqual({ room: 3, remote: 1 });
      expect(fromJournal.state.audience.words['securite-enfant']).toEqual({ écoute: 2, confiance: 2, stabilité: 1 });
      expect(fromJournal.state.audience.questions.find((q) => q.id === 'q-24')).toMatchObject({ upvotes: 2, rank: 1, room: MAIN });
      expect(programOf(fromJournal.state).onAir).toMatchObject({ kind: 'question', questionId: 'q-24' });
    } finally {
      db.close();
    }
  });

  it('upgrades the snapshot alone as a replay of its journal up to it would be: the Q&A open then, in the main room', () => {
    const db = openRegieDatabase(join(copy('snapshot'), 'pupitre.sqlite3'));
    try {
      // The journal after the snapshot gone: what is left is the upgraded snapshot, against the journal up to it.
      const upgraded = rebuildState({ readAfter: () => [] } as unknown as Journal, new Snapshots(db));
      const upTo = new Journal(db);
      const replayed = rebuildState({ readAfter: (seq: number) => [...upTo.readAfter(seq)].filter((r) => r.seq <= expected.snapshotSeq) } as unknown as Journal, null);
      expect(upgraded.seq).toBe(expected.snapshotSeq);
      expect(upgraded.state).toEqual(replayed.state);
      expect(upgraded.state.live.qa).toEqual({ [MAIN]: expect.objectContaining({ open: true, sessionId: 'j1-seq1' }) });
    } finally {
      db.close();
    }
  });
});

describe('the core on that database', () => {
  let core: CoreProcess;
  afterAll(async () => {
    if (core && core.child.exitCode === null) {
      core.child.kill('SIGTERM');
      await core.exited;
    }
  });

  it('starts, gives the desk the main room’s Q&A, and tells the hub the rooms with their secrets, stable across restarts', async () => {
    const data = copy('core');
    core = await spawnCore(data, ['--no-hub']);
    const desk = connectView(core.port, core.tokens.control);
    try {
      const state = (await nextSnapshot(desk)).state;
      expect(state.live.qa[MAIN]).toMatchObject({ open: false, sessionId: 'j1-seq1' });
      expect(state.audience.questions.every((q) => q.room === MAIN)).toBe(true);
    } finally {
      desk.close();
    }
    core.child.kill('SIGTERM');
    await core.exited;
    const roomsSent = () => {
      const db = new Database(join(data, 'pupitre.sqlite3'), { readonly: true });
      try {
        return db.prepare("SELECT command FROM outbox WHERE json_extract(command, '$.type') = 'rooms.set' ORDER BY seq").pluck().all() as string[];
      } finally {
        db.close();
      }
    };
    const first = roomsSent();
    expect(first).toHaveLength(1);
    const rooms = (JSON.parse(first[0]!) as { rooms: { id: string; main: boolean; secret: string }[] }).rooms;
    expect(rooms.map((r) => r.id)).toEqual([MAIN, 'salle-800', 'salle-450', 'salle-300', 'salle-200', 'salle-150', 'salle-100']);
    expect(rooms.filter((r) => r.main).map((r) => r.id)).toEqual([MAIN]);
    expect(new Set(rooms.map((r) => r.secret)).size).toBe(7);
    // Started again: the same secrets, so nothing new to tell the hub.
    core = await spawnCore(data, ['--no-hub']);
    core.child.kill('SIGTERM');
    await core.exited;
    expect(roomsSent()).toEqual(first);
  }, 60_000);
});
