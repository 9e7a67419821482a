import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { hubCommandsFor } from '../link/hub-commands';
import { audienceReceived } from '../link/hub-link';
import { stateForRole, viewState } from '../server/view-channel';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import type { RegieEvent } from './events';
import { rebuildState, RegieEngine } from './regie-engine';
import { programOf } from '../../shared/api/room-bus';

// Every path of a question through the detector (its text and its author's name), the hold until a
// moderator has read it, and redaction: what every view, the phones and the projector get, what
// the journal keeps, and the undo. Texts the interim detector already finds (a capitalised given
// name after « ma fille », a phone number) or names the organisers listed: they hold with either body.

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
let hubSeq = 0;
const sent: RegieCommand[] = [];
const cmd = (command: unknown) => engine.submit({ id: `redact-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const q = (id: string) => engine.state.audience.questions.find((x) => x.id === id)!;
const ok = async (command: unknown) => expect(await cmd(command), JSON.stringify(command)).toMatchObject({ ok: true });

/** A question as the hub forwards it, journaled as the hub link does (findings computed on arrival). */
async function arrives(text: string, name: string | null = null): Promise<string> {
  hubSeq += 1;
  const message: AudienceMessage = {
    type: 'question.ask',
    hubSeq,
    msgId: `p${hubSeq}:c1`,
    receivedAt: 1000 + hubSeq,
    origin: 'room',
    participantId: `participant-${String(hubSeq).padStart(8, '0')}`,
    text,
    name,
    sessionId: null,
  };
  expect(await engine.submitSystem('audience', (state) => [audienceReceived(state, 'hub', message)], `aud:${message.msgId}`)).toMatchObject({ ok: true });
  return engine.state.audience.questions.at(-1)!.id;
}
const published = (id: string) => sent.filter((c) => 'questionId' in c && c.questionId === id).at(-1);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-redact-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  sent.length = 0;
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { onEvent: (e: RegieEvent, after) => sent.push(...hubCommandsFor(e, after)) });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the author’s name goes through the detector', () => {
  it('a phone number as a display name holds the question back from the phones, the preview and the stage until a moderator clears it', async () => {
    const id = await arrives('Quelle place pour les pères ?', '06 12 34 56 78');
    expect(q(id).flags).toEqual([{ field: 'name', kind: 'phone', start: 0, end: 14, match: '06 12 34 56 78' }]);
    await ok({ type: 'question.approve', questionId: id });
    await ok({ type: 'question.star', questionId: id, starred: true });
    expect(q(id).published).toBe(false);
    expect(published(id)).toMatchObject({ type: 'question.withdraw' });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('signalée') },
    });
    expect(stateForRole(engine.state, 'stage').audience.questions).toEqual([]);
    expect(stateForRole(engine.state, 'output').audience.questions).toEqual([]);

    await ok({ type: 'question.clear-flags', questionId: id });
    expect(published(id)).toEqual({ type: 'question.publish', questionId: id, text: 'Quelle place pour les pères ?', name: '06 12 34 56 78', room: 'salle' });
  });

  it('an organiser-listed name as a display name is found too, and re-found when the list grows', async () => {
    await ok({ type: 'moderation.lists', badWords: [], names: ['Kerbrat'], allowed: [] });
    const id = await arrives('Comment se passent les visites ?', 'Kerbrat');
    expect(q(id).flags.map((f) => `${f.field}:${f.match}`)).toEqual(['name:Kerbrat']);
    const later = await arrives('Et les fratries ?', 'equipe kerlidou');
    expect(q(later).flags).toEqual([]);
    await ok({ type: 'moderation.lists', badWords: [], names: ['Kerbrat', 'Kerlidou'], allowed: [] });
    expect(q(later).flags.map((f) => `${f.field}:${f.start}-${f.end}:${f.match}`)).toEqual(['name:7-15:kerlidou']);
  });

  it('a question typed in at the desk has its name checked as well', async () => {
    await ok({ type: 'question.add', text: 'Question du micro 2', name: '07 11 22 33 44', sessionId: null });
    expect(engine.state.audience.questions.at(-1)!.flags).toEqual([{ field: 'name', kind: 'phone', start: 0, end: 14, match: '07 11 22 33 44' }]);
  });
});

describe('a moderator’s edit', () => {
  it('has its own findings; a new one must be read again, one already read does not', async () => {
    const id = await arrives('Ma fille Léa est placée, que faire ?');
    await ok({ type: 'question.clear-flags', questionId: id });
    await ok({ type: 'question.edit', questionId: id, text: 'Ma fille Léa est placée : que faire ?' });
    expect(q(id).flagsClearedBy).toBe('control-1'); // Léa was read already
    expect(q(id).flags.map((f) => `${f.field}:${f.match}`)).toEqual(['text:Léa', 'edit:Léa']);
    await ok({ type: 'question.edit', questionId: id, text: 'Ma fille Léa est placée, appelez le 06 12 34 56 78' });
    expect(q(id).flagsClearedBy).toBeNull();
    expect(q(id).flags.map((f) => `${f.field}:${f.match}`)).toEqual(['text:Léa', 'edit:Léa', 'edit:06 12 34 56 78']);
  });
});

describe('redaction', () => {
  it('replaces the findings by their labels in every view, on the phones and in the export’s source; the journal keeps the original', async () => {
    const id = await arrives('Ma fille Léa a été placée, appelez le 06 12 34 56 78', 'Claire 06 98 76 54 32');
    expect(q(id).flags).toHaveLength(4);
    await ok({ type: 'question.approve', questionId: id });
    expect(q(id).published).toBe(false);

    await ok({ type: 'question.redact', questionId: id, span: null });
    expect(q(id)).toMatchObject({
      text: 'Ma fille [prénom] a été placée, appelez le [téléphone]',
      name: '[prénom] [téléphone]',
      flags: [],
      flagsClearedBy: null,
      published: true,
      lastActionBy: 'control-1',
    });
    expect(published(id)).toEqual({ type: 'question.publish', questionId: id, text: 'Ma fille [prénom] a été placée, appelez le [téléphone]', name: '[prénom] [téléphone]', room: 'salle' });
    // No view receives the original, nor the undo's memory.
    for (const role of ['control', 'stage', 'output'] as const) {
      expect(JSON.stringify(role === 'control' ? viewState(engine.state) : stateForRole(engine.state, role))).not.toMatch(/Léa|06 12 34|06 98 76/);
    }
    // The journal keeps what the participant wrote.
    const rows = db.prepare("SELECT payload FROM journal WHERE type = 'audience.received'").pluck().all() as string[];
    expect(rows.join('\n')).toContain('Ma fille Léa a été placée, appelez le 06 12 34 56 78');
    // And replays to the same redacted state.
    const rebuilt = rebuildState(new Journal(db), null).state;
    expect(rebuilt.audience).toEqual(engine.state.audience);
    expect(rebuilt.redactionUndo).toEqual(engine.state.redactionUndo);

    // Projectable now (the redaction read every finding): preview and TAKE show the labels.
    await ok({ type: 'program.preview', scene: { kind: 'question', questionId: id } });
    await ok({ type: 'program.take' });
    expect(programOf(engine.state).onAir).toMatchObject({ text: 'Ma fille [prénom] a été placée, appelez le [téléphone]', name: '[prénom] [téléphone]' });
  });

  it('redacts one span; the other findings are still to be read', async () => {
    const id = await arrives('Ma fille Léa a été placée, appelez le 06 12 34 56 78');
    const phone = q(id).flags.find((f) => f.kind === 'phone')!;
    await ok({ type: 'question.redact', questionId: id, span: { field: 'text', start: phone.start, end: phone.end } });
    expect(q(id).text).toBe('Ma fille Léa a été placée, appelez le [téléphone]');
    expect(q(id).flags.map((f) => f.match)).toEqual(['Léa']);
    expect(q(id).redactions).toEqual([{ field: 'text', kind: 'phone', start: 38, end: 49 }]);
    await ok({ type: 'question.approve', questionId: id });
    expect(q(id).published).toBe(false);
  });

  it('redacts a passage the detector missed, once told what it hides; refuses without, or over a label', async () => {
    const id = await arrives('Chez les Roux tout va mal');
    const start = 'Chez les '.length;
    expect(await cmd({ type: 'question.redact', questionId: id, span: { field: 'text', start, end: start + 4 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('dites ce que cache ce passage') },
    });
    await ok({ type: 'question.redact', questionId: id, span: { field: 'text', start, end: start + 4, kind: 'family-name' } });
    expect(q(id).text).toBe('Chez les [nom] tout va mal');
    expect(await cmd({ type: 'question.redact', questionId: id, span: { field: 'text', start: 10, end: 12, kind: 'family-name' } })).toMatchObject({
      ok: false,
      error: { message: 'ce passage est déjà caviardé' },
    });
    expect(await cmd({ type: 'question.redact', questionId: id, span: { field: 'name', start: 0, end: 2, kind: 'family-name' } })).toMatchObject({
      ok: false,
      error: { message: 'cette question n’a pas de nom' },
    });
    expect(await cmd({ type: 'question.redact', questionId: id, span: null })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('rien à caviarder') },
    });
  });

  it('the undo puts the original back as it was (still to be read), and is refused once the question changed', async () => {
    const id = await arrives('Ma fille Léa a été placée');
    const before = q(id);
    await ok({ type: 'question.redact', questionId: id, span: null });
    await ok({ type: 'question.unredact', questionId: id });
    expect(q(id)).toEqual({ ...before, lastActionBy: 'control-1' });
    expect(engine.state.redactionUndo).toEqual({});
    expect(await cmd({ type: 'question.unredact', questionId: id })).toMatchObject({ ok: false, error: { message: 'aucun caviardage à annuler sur cette question' } });

    await ok({ type: 'question.redact', questionId: id, span: null });
    await ok({ type: 'question.edit', questionId: id, text: 'Ma fille [prénom] a été placée : que faire ?' });
    expect(await cmd({ type: 'question.unredact', questionId: id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('a changé depuis') } });
    expect(rebuildState(new Journal(db), null).state.audience).toEqual(engine.state.audience);
  });

  it('a redaction of the question on air reaches the projector at once (a new take, a cut); the preview follows too', async () => {
    const id = await arrives('Je travaille avec Hugo à l’ASE, comment faire ?');
    await ok({ type: 'question.clear-flags', questionId: id });
    await ok({ type: 'question.approve', questionId: id });
    await ok({ type: 'program.preview', scene: { kind: 'question', questionId: id } });
    await ok({ type: 'program.take' });
    await ok({ type: 'program.preview', scene: { kind: 'question', questionId: id } });
    const take = programOf(engine.state).take;
    await ok({ type: 'question.redact', questionId: id, span: null });
    const p = programOf(engine.state);
    expect(p.onAir).toMatchObject({ kind: 'question', text: 'Je travaille avec [prénom] à l’ASE, comment faire ?' });
    expect(p.preview).toMatchObject({ kind: 'question', text: 'Je travaille avec [prénom] à l’ASE, comment faire ?' });
    expect(p.take).toBe(take + 1);
    expect(p.takeTransition).toEqual({ kind: 'cut', durationMs: 0 });
    expect(JSON.stringify(stateForRole(engine.state, 'output'))).not.toContain('Hugo');
    // After a panic the restore brings back the redacted scene, not the original.
    await ok({ type: 'program.panic' });
    await ok({ type: 'question.redact', questionId: id, span: { field: 'text', start: 0, end: 2, kind: 'given-name' } });
    await ok({ type: 'program.restore' });
    expect(programOf(engine.state).onAir).toMatchObject({ text: '[prénom] travaille avec [prénom] à l’ASE, comment faire ?' });
  });
});
