import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProgrammeFile } from '../programme/programme-file';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { RegieEngine } from './regie-engine';

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `edit-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const cuesOf = (sessionId: string) => engine.state.programme?.sessions.find((s) => s.id === sessionId)?.cues?.map((c) => c.id) ?? [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-edit-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db));
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('preparing the run of show', () => {
  it('adds, edits in place, moves and deletes a cue', async () => {
    const cue = { id: 'j1-seq2-annonce', at: { offset: '+00:05' }, action: { type: 'note', note: 'Annoncer le sondage' } };
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue })).toMatchObject({ ok: true });
    expect(cuesOf('j1-seq2').at(-1)).toBe('j1-seq2-annonce');
    const before = cuesOf('j1-seq2');
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue: { ...cue, mode: 'auto' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('déjà pris') } });
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue: { ...cue, mode: 'auto' }, previousId: cue.id })).toMatchObject({ ok: true });
    expect(cuesOf('j1-seq2')).toEqual(before); // same place
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j2-seq3', cue: { ...cue, id: 'j2-annonce' }, previousId: 'j1-seq2-annonce' })).toMatchObject({ ok: true });
    expect(cuesOf('j1-seq2')).not.toContain('j1-seq2-annonce');
    expect(cuesOf('j2-seq3')).toContain('j2-annonce');
    expect(await cmd({ type: 'edit.cue.delete', cueId: 'j2-annonce' })).toMatchObject({ ok: true });
    expect(cuesOf('j2-seq3')).not.toContain('j2-annonce');
  });

  it('refuses an edit that breaks the programme, with the reason, and changes nothing', async () => {
    const before = engine.state.programme;
    const dup = { id: 'j1-seq1-sondage-ouvrir', at: { offset: '+00:05' }, action: { type: 'qa.open' } };
    const r = await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue: dup, previousId: 'nouvelle' });
    expect(r).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringContaining('double') } });
    const unknown = { id: 'j1-x', at: { offset: '+00:05' }, action: { type: 'poll.open', interaction: 'nexiste-pas' } };
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue: unknown })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(engine.state.programme).toBe(before);
  });

  it('edits interactions; a renamed one carries its cues along; one in use cannot be deleted', async () => {
    const poll = { kind: 'poll', id: 'moyens', type: 'yesno', question: 'Les moyens suffisent-ils ?' };
    expect(await cmd({ type: 'edit.interaction.save', interaction: poll })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'edit.interaction.save', interaction: poll })).toMatchObject({ ok: false, error: { message: expect.stringContaining('déjà pris') } });
    const renamed = { ...demo.interactions!.find((i) => i.id === 'charge-de-travail')!, id: 'charge-travail' };
    expect(await cmd({ type: 'edit.interaction.save', interaction: renamed, previousId: 'charge-de-travail' })).toMatchObject({ ok: true });
    const opener = engine.state.programme?.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === 'j1-seq1-sondage-ouvrir');
    expect(opener?.action).toEqual({ type: 'poll.open', interaction: 'charge-travail' });
    expect(await cmd({ type: 'edit.interaction.delete', interactionId: 'charge-travail' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('j1-seq1') } });
    expect(await cmd({ type: 'edit.interaction.delete', interactionId: 'moyens' })).toMatchObject({ ok: true });
  });

  it('locks the programme in show mode, for every seat, until unlocked', async () => {
    expect(await cmd({ type: 'edit.lock', locked: true })).toMatchObject({ ok: true });
    expect(engine.state.editLocked).toBe(true);
    const cue = { id: 'j1-late', at: { offset: '+00:05' }, action: { type: 'qa.open' } };
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue })).toMatchObject({ ok: false, error: { message: expect.stringContaining('verrouillé') } });
    expect(await cmd({ type: 'programme.load', programme: demo })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await cmd({ type: 'edit.lock', locked: false })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'edit.cue.save', sessionId: 'j1-seq2', cue })).toMatchObject({ ok: true });
  });
});
