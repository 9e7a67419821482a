import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import { parseProgrammeFile } from '../programme/programme-file';
import { stateForRole } from '../server/view-channel';
import { type Db, openDatabase } from '../store/database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { newQuestion } from './audience-reducer';
import { decideTick } from './decide';
import { RegieEngine } from './regie-engine';

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
let dir: string;
let db: Db;
let engine: RegieEngine;
let realNow = Date.UTC(2026, 10, 28, 12);
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `prog-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const program = () => engine.state.program;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-program-'));
  db = openDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the program bus', () => {
  it('starts on the holding screen; TAKE puts the preview on air and swaps', async () => {
    expect(program().onAir).toEqual({ kind: 'holding' });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('rien en aperçu') } });
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Reprise dans 5 minutes' } });
    expect(program().onAir).toEqual({ kind: 'holding' }); // preview never touches the projector
    expect(await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } })).toMatchObject({ ok: true });
    expect(program()).toMatchObject({ onAir: { kind: 'message', text: 'Reprise dans 5 minutes' }, preview: { kind: 'holding' }, take: 1 });
  });

  it('panic goes to the holding screen (or black) at once, even locked; restore brings back what was there', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'join' } });
    await cmd({ type: 'program.take' });
    await cmd({ type: 'program.lock', locked: true });
    expect(await cmd({ type: 'program.panic', to: 'black' })).toMatchObject({ ok: true });
    expect(program()).toMatchObject({ onAir: { kind: 'black' }, panicFrom: { kind: 'join' } });
    expect(await cmd({ type: 'program.panic' })).toMatchObject({ ok: true }); // a second press changes nothing
    expect(program().panicFrom).toEqual({ kind: 'join' });
    expect(await cmd({ type: 'program.restore' })).toMatchObject({ ok: true });
    expect(program()).toMatchObject({ onAir: { kind: 'join' }, panicFrom: null });
    expect(await cmd({ type: 'program.restore' })).toMatchObject({ ok: false });
  });

  it('a locked output refuses TAKE; unlocked it takes again', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'black' } });
    await cmd({ type: 'program.lock', locked: true });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('verrouillée') } });
    await cmd({ type: 'program.lock', locked: false });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: true });
  });

  it('refuses a scene that names an unknown or wrong interaction', async () => {
    expect(await cmd({ type: 'program.preview', scene: { kind: 'poll', interactionId: 'nope' } })).toMatchObject({ ok: false });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'poll', interactionId: 'securite-enfant' } })).toMatchObject({ ok: false });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'wordcloud', interactionId: 'securite-enfant' } })).toMatchObject({ ok: true });
  });

  it('a scene cue puts its scene on air at its time, unless the output is locked', async () => {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '08:49' }, 'Europe/Paris') } });
    realNow += 61_000; // 08:50:01: the auto « join » cue of the opening
    await engine.submitSystem('régie:horloge', decideTick);
    expect(program().onAir).toEqual({ kind: 'join' });
    expect(program().preview).toBeNull(); // a cue does not swap the preview
  });

  it('the projector never receives the audience’s questions, the logbook or the as-run log', async () => {
    await cmd({ type: 'log.note', text: 'interne' });
    const state = {
      ...engine.state,
      audience: { ...engine.state.audience, questions: [newQuestion('q-1', { msgId: 'a:b', hubSeq: 1, receivedAt: 0, origin: 'room', name: 'Léa', text: 'Ma fille Zoé…', sessionId: null, flags: [] })] },
    };
    const out = stateForRole(state, 'output');
    expect(out.audience.questions).toEqual([]);
    expect(out.notes).toEqual([]);
    expect(out.asRun).toEqual([]);
    expect(out.program).toEqual(state.program);
    expect(stateForRole(state, 'control').audience.questions).toHaveLength(1);
  });
});

describe('the question scene', () => {
  it('projects only a screened question, with its text copied in; a flag must be cleared first', async () => {
    await cmd({ type: 'question.add', text: 'Quels moyens pour les jeunes majeurs ?', name: 'Une éducatrice', sessionId: null });
    const ok = engine.state.audience.questions.at(-1)!.id;
    await cmd({ type: 'question.add', text: 'Ma fille Zoé attend une famille', name: null, sessionId: null });
    const flagged = engine.state.audience.questions.at(-1)!.id;
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: ok } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('approuvée') } });
    await cmd({ type: 'question.approve', questionId: ok });
    await cmd({ type: 'question.edit', questionId: ok, text: 'Quels moyens pour accompagner les jeunes majeurs ?' });
    // Whatever text a view sends is replaced by the question's own.
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: ok, text: 'piège' } })).toMatchObject({ ok: true });
    expect(program().preview).toEqual({ kind: 'question', questionId: ok, text: 'Quels moyens pour accompagner les jeunes majeurs ?', name: 'Une éducatrice', origin: 'regie' });

    await cmd({ type: 'question.approve', questionId: flagged });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: flagged } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('signalée') } });
    await cmd({ type: 'question.clear-flags', questionId: flagged });
    expect(await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: flagged } })).toMatchObject({ ok: true });

    // Rejected after it was composed: TAKE refuses it.
    await cmd({ type: 'question.reject', questionId: flagged });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: false });
    expect(program().onAir).toEqual({ kind: 'holding' });
  });
});

describe('words on the projector', () => {
  it('a held word (a given name, profanity) is counted for the desk but never sent to the projector', () => {
    const state = {
      ...engine.state,
      audience: { ...engine.state.audience, words: { nuage: { confiance: 3, zoé: 2 } }, heldWords: { nuage: { zoé: 'given-name' as const } } },
    };
    expect(stateForRole(state, 'output').audience.words).toEqual({ nuage: { confiance: 3 } });
    expect(stateForRole(state, 'control').audience.words).toEqual({ nuage: { confiance: 3, zoé: 2 } });
  });
});
