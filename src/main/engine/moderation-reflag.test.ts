import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubCommandsFor } from '../link/hub-commands';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import type { RegieEvent } from './events';
import { rebuildState, RegieEngine } from './regie-engine';

// The organisers extend the lists while questions wait: the ones whose screening is not over get
// the new flag (and leave the phones); the answered ones are left as they are.

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
const sent: { type: string; questionId?: string }[] = [];
const cmd = (command: unknown) => engine.submit({ id: `reflag-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const q = (id: string) => engine.state.audience.questions.find((x) => x.id === id)!;
/** Where each finding stands and what it matched (the kind of a listed name depends on the detector's body). */
const found = (id: string) => q(id).flags.map((f) => `${f.field}:${f.start}-${f.end}:${f.match}`);
async function add(text: string): Promise<string> {
  expect(await cmd({ type: 'question.add', text, name: null, sessionId: null })).toMatchObject({ ok: true });
  return engine.state.audience.questions.at(-1)!.id;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-reflag-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  sent.length = 0;
  engine = new RegieEngine(new Journal(db), new Snapshots(db), {
    onEvent: (e: RegieEvent, after) => sent.push(...(hubCommandsFor(e, after) as { type: string; questionId?: string }[])),
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('moderation.lists on questions already received', () => {
  it('flags again the pending questions that hold a new name; a clearance does not cover it; answered ones stay', async () => {
    const waiting = await add('Que devient kerlidou depuis le placement ?');
    const approved = await add('Le dossier kerlidou a-t-il été revu ?');
    const answered = await add('Et kerlidou aujourd’hui ?');
    const other = await add('Quels moyens pour les foyers ?');
    await cmd({ type: 'question.approve', questionId: approved });
    await cmd({ type: 'question.approve', questionId: answered });
    await cmd({ type: 'question.answered', questionId: answered, answered: true });
    expect([waiting, approved, answered, other].map((id) => q(id).flags)).toEqual([[], [], [], []]);
    expect(q(approved).published).toBe(true);

    sent.length = 0;
    expect(await cmd({ type: 'moderation.lists', badWords: [], names: ['Kerlidou'], allowed: [] })).toMatchObject({ ok: true });
    expect(found(waiting)).toEqual(['text:12-20:kerlidou']);
    expect(q(waiting).flags[0]?.kind).toMatch(/name/);
    expect(found(approved)).toEqual(['text:11-19:kerlidou']);
    expect(q(approved)).toMatchObject({ flagsClearedBy: null, published: false });
    expect(sent).toContainEqual(expect.objectContaining({ type: 'question.withdraw', questionId: approved }));
    expect(q(answered).flags).toEqual([]);
    expect(q(other).flags).toEqual([]);

    // Cleared, then a second name: flagged again, the first flag kept.
    await cmd({ type: 'question.clear-flags', questionId: approved });
    expect(q(approved).flagsClearedBy).toBe('control-1');
    await cmd({ type: 'moderation.lists', badWords: ['dossier'], names: ['Kerlidou'], allowed: [] });
    expect(found(approved)).toEqual(['text:11-19:kerlidou', 'text:3-10:dossier']);
    expect(q(approved).flags.map((f) => f.kind)).toContain('profanity');
    expect(q(approved).flagsClearedBy).toBeNull();
    // Saving the same lists again adds nothing.
    const before = engine.state.audience.questions;
    await cmd({ type: 'moderation.lists', badWords: ['dossier'], names: ['Kerlidou'], allowed: [] });
    expect(engine.state.audience.questions).toBe(before);

    // And a new question is flagged on arrival.
    expect(found(await add('Une nouvelle sur kerlidou ?'))).toEqual(['text:17-25:kerlidou']);
    expect(rebuildState(new Journal(db), null).state.audience).toEqual(engine.state.audience);
  });
});
