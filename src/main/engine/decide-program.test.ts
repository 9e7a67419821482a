import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import { parseProgrammeFile } from '../programme/programme-file';
import { stateForRole } from '../server/view-channel';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { newQuestion } from './audience-reducer';
import { decideTick } from './decide';
import { RegieEngine } from './regie-engine';
import { lastGoOf, programOf } from '../../shared/api/room-bus';

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
let dir: string;
let db: Db;
let engine: RegieEngine;
let realNow = Date.UTC(2026, 10, 28, 12);
let n = 0;
const cmd = (command: unknown) => engine.submit({ id: `prog-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const program = () => programOf(engine.state);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-program-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the program bus', () => {
  it('starts on the holding screen; TAKE puts the preview on air and empties the preview', async () => {
    expect(program().onAir).toEqual({ kind: 'holding' });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('rien en aperçu') } });
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Reprise dans 5 minutes' } });
    expect(program().onAir).toEqual({ kind: 'holding' }); // preview never touches the projector
    expect(await cmd({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } })).toMatchObject({ ok: true });
    // What was on air is kept aside (« déjà à l'antenne avant »), never in the preview: a second Enter takes nothing.
    expect(program()).toMatchObject({ onAir: { kind: 'message', text: 'Reprise dans 5 minutes' }, preview: null, previous: { kind: 'holding' }, take: 1 });
    expect(await cmd({ type: 'program.take' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('rien en aperçu') } });
    expect(program().onAir).toMatchObject({ kind: 'message' });
  });

  it('replays a TAKE journaled before the preview was emptied as the swap it was', async () => {
    // A journal written by the previous version: `swap: true`, no `emptyPreview`.
    const row = { type: 'program.taken', scene: { kind: 'join' }, transition: { kind: 'cut', durationMs: 0 }, swap: true, at: 1 };
    const seq = engine.seq + 1;
    new Journal(db).append(seq, { at: realNow, actor: 'control-1', commandId: null, type: row.type, payload: JSON.stringify(row) });
    const replayed = programOf(new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow }).state);
    expect(replayed).toMatchObject({ onAir: { kind: 'join' }, preview: { kind: 'holding' }, previous: { kind: 'holding' } });
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

  it('restore never brings back a question flagged or rejected during the panic: the holding screen stays', async () => {
    await cmd({ type: 'question.add', text: 'Où en est le suivi chez les kerlidou depuis le placement ?', name: null, sessionId: null });
    const id = engine.state.audience.questions.at(-1)!.id;
    expect(engine.state.audience.questions.at(-1)!.flags).toEqual([]);
    await cmd({ type: 'question.approve', questionId: id });
    await cmd({ type: 'program.preview', scene: { kind: 'question', questionId: id } });
    await cmd({ type: 'program.take' });
    expect(program().onAir).toMatchObject({ kind: 'question', questionId: id });
    // On air, someone in the room recognises the family: panic, then the name goes on the watch list.
    await cmd({ type: 'program.panic' });
    await cmd({ type: 'moderation.lists', badWords: [], names: ['Kerlidou'], allowed: [] });
    expect(engine.state.audience.questions.find((q) => q.id === id)?.flagsClearedBy).toBeNull();
    const refused = await cmd({ type: 'program.restore' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^rétablissement refusé : .*signalée/) } });
    expect(program()).toMatchObject({ onAir: { kind: 'holding' }, panicFrom: { kind: 'question', questionId: id } });
    // Read and cleared by a moderator: restore brings it back.
    await cmd({ type: 'question.clear-flags', questionId: id });
    expect(await cmd({ type: 'program.restore' })).toMatchObject({ ok: true });
    expect(program()).toMatchObject({ onAir: { kind: 'question', questionId: id }, panicFrom: null });
    // Rejected during a panic: it does not come back either.
    await cmd({ type: 'program.panic' });
    await cmd({ type: 'question.reject', questionId: id });
    expect(await cmd({ type: 'program.restore' })).toMatchObject({ ok: false });
    expect(program().onAir).toEqual({ kind: 'holding' });
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

  it('restores from a snapshot written before the preview was emptied by TAKE, and goes on', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'join' } });
    // The state as the previous version wrote it: one bus, without `previous`, `previewCue`,
    // `onAirCue`, `since`, `lastGo` (format 1: upgraded on load, the bus to the main room's).
    const { lastGos: _lastGos, programs: _programs, stageMessages: _messages, ...old } = engine.state;
    const { previous: _p, previewCue: _pc, onAirCue: _oc, ...program } = programOf(engine.state);
    const { since: _s, ...cues } = old.cues;
    new Snapshots(db).save(engine.seq, realNow, JSON.stringify({ ...old, program, cues, stageMessage: null }));
    db.prepare('UPDATE snapshots SET format = 1 WHERE seq = ?').run(engine.seq);
    const restarted = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow });
    expect(lastGoOf(restarted.state)).toBeNull();
    expect(await restarted.submit({ id: 'after-snapshot-1', command: { type: 'program.take' } }, 'control-1')).toMatchObject({ ok: true });
    expect(programOf(restarted.state)).toMatchObject({ onAir: { kind: 'join' }, preview: null, previous: { kind: 'holding' }, onAirCue: null });
  });

  it('a scene cue goes to the preview; straight to air only where the cue says so, and never over a lock', async () => {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '08:49' }, 'Europe/Paris') } });
    realNow += 61_000; // 08:50:01: the auto « join » cue of the opening, marked straight to air
    await engine.submitSystem('régie:horloge', decideTick);
    expect(program()).toMatchObject({ onAir: { kind: 'join' }, onAirCue: 'j1-ouverture-participation', previous: { kind: 'holding' } });
    expect(program().preview).toBeNull(); // a cue does not swap the preview
    // The break's poll scene (auto, 11:00) is not marked: it waits in preview for TAKE.
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir', outOfOrder: true });
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '11:00' }, 'Europe/Paris') } });
    await engine.submitSystem('régie:horloge', decideTick);
    expect(program()).toMatchObject({ onAir: { kind: 'join' }, preview: { kind: 'poll', interactionId: 'charge-de-travail' }, previewCue: 'j1-pause-matin-resultats' });
    // Locked: even a straight-to-air scene only reaches the preview.
    await cmd({ type: 'program.lock', locked: true });
    await cmd({ type: 'cue.rearm', cueId: 'j1-ouverture-participation' });
    realNow += 2000;
    await cmd({ type: 'cue.go', cueId: 'j1-ouverture-participation', outOfOrder: true });
    expect(program()).toMatchObject({ onAir: { kind: 'join' }, preview: { kind: 'join' }, previewCue: 'j1-ouverture-participation' });
  });

  it('the projector never receives the audience’s questions, the logbook or the as-run log', async () => {
    await cmd({ type: 'log.note', text: 'interne' });
    const state = {
      ...engine.state,
      audience: { ...engine.state.audience, questions: [newQuestion('q-1', { msgId: 'a:b', hubSeq: 1, receivedAt: 0, origin: 'room', name: 'Léa', text: 'Ma fille Zoé…', sessionId: null, room: 'salle', flags: [] })] },
    };
    const out = stateForRole(state, 'output');
    expect(out.audience.questions).toEqual([]);
    expect(out.notes).toEqual([]);
    expect(out.asRun).toEqual([]);
    expect(programOf(out)).toEqual(programOf(state));
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
