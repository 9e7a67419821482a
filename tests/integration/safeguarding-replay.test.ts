import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyKind, type LegacyFlag } from '../../src/main/engine/legacy-flags';
import { rebuildState } from '../../src/main/engine/regie-engine';
import { openRegieDatabase } from '../../src/main/store/regie-database';
import { Journal } from '../../src/main/store/journal';
import { SNAPSHOT_FORMAT, Snapshots } from '../../src/main/store/snapshots';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { AudienceQuestion, ViewState } from '../../src/shared/api/state';
import { connectView, type CoreProcess, nextSnapshot, send, spawnCore } from './helpers';

/**
 * A régie database written before issue 15 (tests/fixtures/journal-flags-v1, made by its script
 * through a real core, hub and phones): its journal still replays, into today's shape — each flag
 * located where its match stands — its snapshot, of an older format, is set aside, and the core
 * starts on it and works.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/journal-flags-v1');
interface OldQuestion {
  id: string;
  text: string;
  editedText: string | null;
  name: string | null;
  status: AudienceQuestion['status'];
  flags: LegacyFlag[];
  flagsClearedBy: string | null;
  published: boolean;
}
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected-state.json'), 'utf8')) as {
  seq: number;
  snapshotSeq: number;
  questions: OldQuestion[];
  heldWords: Record<string, Record<string, LegacyFlag['kind']>>;
};

let dir: string;
const copy = (name: string) => {
  const to = join(dir, name);
  mkdirSync(to, { recursive: true });
  copyFileSync(join(FIXTURE, 'pupitre.sqlite3'), join(to, 'pupitre.sqlite3'));
  return to;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-replay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each old flag is found again, with its kind renamed, at a place where its match stands (or without position). */
function expectUpgraded(q: AudienceQuestion, old: OldQuestion): void {
  for (const flag of old.flags) {
    const found = q.flags.filter((f) => f.kind === legacyKind(flag.kind) && (flag.kind === 'long' || f.match === flag.match));
    expect(found.length, `${old.id} : ${flag.kind} ${flag.match}`).toBeGreaterThan(0);
    for (const f of found) {
      if (f.kind === 'long') continue;
      const value = f.field === 'text' ? q.text : f.field === 'edit' ? q.editedText : q.name;
      expect(value?.slice(f.start, f.end), `${old.id} : ${f.field} ${f.start}-${f.end}`).toBe(flag.match);
    }
  }
  expect(q.flags.every((f) => old.flags.some((o) => legacyKind(o.kind) === f.kind))).toBe(true);
}

describe('a journal and a snapshot of before issue 15', () => {
  it('replay into the new shape: the older snapshot is set aside, the state is the journal’s', () => {
    const db = openRegieDatabase(join(copy('rebuild'), 'pupitre.sqlite3'));
    try {
      // Written before snapshot formats: today's reducers derive other times from the same events
      // (rehearsal times on the show clock), so the snapshot would disagree with its own journal.
      expect(new Snapshots(db).latest()).toMatchObject({ seq: expected.snapshotSeq, format: 0 });
      expect(SNAPSHOT_FORMAT).toBeGreaterThan(0);
      const fromSnapshot = rebuildState(new Journal(db), new Snapshots(db));
      const fromJournal = rebuildState(new Journal(db), null);
      expect(fromSnapshot.seq).toBe(expected.seq);
      expect(fromSnapshot.state).toEqual(fromJournal.state);
      // The fixture ran in rehearsal on the event's first day: its questions' times are the show clock's.
      for (const q of fromSnapshot.state.audience.questions) expect(new Date(q.receivedAt).toISOString().slice(0, 10)).toBe('2021-06-24');
      const questions = fromSnapshot.state.audience.questions;
      expect(questions.map((q) => q.id)).toEqual(expected.questions.map((q) => q.id));
      for (const old of expected.questions) {
        const q = questions.find((x) => x.id === old.id)!;
        expect({ text: q.text, editedText: q.editedText, name: q.name, status: q.status, flagsClearedBy: q.flagsClearedBy, published: q.published }).toEqual({
          text: old.text,
          editedText: old.editedText,
          name: old.name,
          status: old.status,
          flagsClearedBy: old.flagsClearedBy,
          published: old.published,
        });
        expectUpgraded(q, old);
      }
      // A flag from before the snapshot (Zoé), one of an edit (Louise), one added by the organisers' list in the tail (Moreau).
      const byId = (id: string) => questions.find((q) => q.id === id)!;
      expect(byId('q-9').flags).toEqual([{ field: 'text', kind: 'given-name', start: 9, end: 12, match: 'Zoé' }]);
      expect(byId('q-15').flags).toEqual([{ field: 'edit', kind: 'given-name', start: 45, end: 51, match: 'Louise' }]);
      expect(byId('q-46').flags.map((f) => `${f.field}:${f.match}`)).toEqual(['text:Moreau']);
      const held = Object.fromEntries(Object.entries(expected.heldWords).map(([c, w]) => [c, Object.fromEntries(Object.entries(w).map(([k, v]) => [k, legacyKind(v)]))]));
      expect(fromSnapshot.state.audience.heldWords).toEqual(held);
      expect(fromSnapshot.state.redactionUndo).toEqual({});
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

  it('starts, gives the desk the new shape, and redacts a question of that time', async () => {
    core = await spawnCore(copy('core'), ['--no-hub']);
    const desk = connectView(core.port, core.tokens.control);
    try {
      let state: ViewState = (await nextSnapshot(desk)).state;
      desk.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
      const zoé = state.audience.questions.find((q) => q.id === 'q-9')!;
      expect(zoé.flags).toEqual([{ field: 'text', kind: 'given-name', start: 9, end: 12, match: 'Zoé' }]);
      expect(await send(desk, { id: 'replay-redact-0001', command: { type: 'question.redact', questionId: 'q-9', span: null } })).toMatchObject({ ok: true });
      await expect.poll(() => state.audience.questions.find((q) => q.id === 'q-9')?.text).toBe('Ma fille [prénom] a été placée en 2019, que faire ?');
      expect(state.audience.questions.find((q) => q.id === 'q-9')?.flags).toEqual([]);
    } finally {
      desk.close();
    }
  }, 60_000);
});
