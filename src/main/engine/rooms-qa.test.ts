import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mainQa, openQaRooms, qaOf } from '../../shared/api/room-live';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import type { Db } from '../../node/sqlite/database';
import { hubCommandsFor } from '../link/hub-commands';
import { parseProgrammeFile } from '../programme/programme-file';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { crossRoom } from './audience-rooms';
import { rebuildState, RegieEngine } from './regie-engine';

/**
 * Rooms in the core (docs/rooms.md § 2): the demo's séquence 4, two workshops live at once with
 * their own Q&A and polls while the plenary room's Q&A is open too. Nothing crosses rooms.
 */

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
const MAIN = 'grand-auditorium';
let dir: string;
let db: Db;
let engine: RegieEngine;
let toHub: RegieCommand[];
let realNow: number;
let n = 0;
let hubSeq = 0;
const cmd = async (command: unknown) => {
  realNow += 1000; // GO twice within a moment is refused (a double press): a second apart
  return engine.submit({ id: `rooms-${String(n++).padStart(6, '0')}`, command }, 'control-1');
};
const ok = async (command: unknown) => expect(await cmd(command)).toMatchObject({ ok: true });
const go = (cueId: string) => ok({ type: 'cue.go', cueId, outOfOrder: true });

/** A message as the hub forwards it; `room`: the phone's room (absent: a hub of before rooms). */
function arrives(body: Record<string, unknown> & { type: AudienceMessage['type'] }, participantId: string, room?: string) {
  hubSeq += 1;
  const message = {
    hubSeq,
    msgId: `${participantId}:m${hubSeq}`,
    receivedAt: 1,
    origin: 'room',
    participantId: participantId.padEnd(16, '0'),
    ...(room === undefined ? {} : { room }),
    ...body,
  } as AudienceMessage;
  return engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub-1', message }], `aud:${message.msgId}`);
}
const vote = (pollId: string, who: string, choice: number, room?: string) =>
  arrives({ type: 'poll.vote', pollId, choices: [choice], rating: null, replaces: null }, who, room);
const ask = (text: string, who: string, room: string | undefined, sessionId: string | null) =>
  arrives({ type: 'question.ask', text, name: null, sessionId }, who, room);
const lastQuestion = () => engine.state.audience.questions.at(-1)!;
const voters = (id: string) => engine.state.audience.tallies[id]?.voters;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-rooms-qa-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  toHub = [];
  realNow = Date.UTC(2026, 11, 7, 12, 0, 0);
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow, onEvent: (e, after) => toHub.push(...hubCommandsFor(e, after)) });
  await ok({ type: 'programme.load', programme: demo });
  // Two workshops of séquence 4 get their cues: their Q&A and a poll each.
  for (const [sessionId, id, poll] of [
    ['j1-atelier-4a', '4a', 'securite-professionnels'],
    ['j1-atelier-4b', '4b', 'peur-de-l-erreur'],
  ] as const) {
    await ok({ type: 'edit.cue.save', sessionId, cue: { id: `${id}-questions`, at: { offset: '+00:10' }, action: { type: 'qa.open' } } });
    await ok({ type: 'edit.cue.save', sessionId, cue: { id: `${id}-sondage`, at: { offset: '+00:20' }, action: { type: 'poll.open', interaction: poll } } });
    await ok({ type: 'edit.cue.save', sessionId, cue: { id: `${id}-fin`, at: { offset: '+01:20' }, action: { type: 'qa.close' } } });
  }
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('each room its own Q&A', () => {
  it('opens several rooms’ Q&A at once, each for its session and audience, and closes one without the others', async () => {
    await go('j1-seq1-questions-ouvrir');
    await go('4a-questions');
    await go('4b-questions');
    expect(openQaRooms(engine.state).sort()).toEqual([MAIN, 'salle-450', 'salle-800']);
    expect(mainQa(engine.state)).toMatchObject({ open: true, sessionId: 'j1-seq1', roomOnly: false });
    // Workshops take questions from the room only (their audience by default).
    expect(qaOf(engine.state, 'salle-800')).toMatchObject({ open: true, sessionId: 'j1-atelier-4a', roomOnly: true });
    expect(qaOf(engine.state, 'salle-450')).toMatchObject({ open: true, sessionId: 'j1-atelier-4b', roomOnly: true });
    expect(qaOf(engine.state, 'salle-300')).toEqual({ open: false, since: null, sessionId: null, roomOnly: false });
    // The hub hears each with its room.
    expect(toHub.filter((c) => c.type === 'qa.open')).toEqual([
      { type: 'qa.open', sessionId: 'j1-seq1', roomOnly: false, room: MAIN },
      { type: 'qa.open', sessionId: 'j1-atelier-4a', roomOnly: true, room: 'salle-800' },
      { type: 'qa.open', sessionId: 'j1-atelier-4b', roomOnly: true, room: 'salle-450' },
    ]);

    await go('4a-fin');
    expect(openQaRooms(engine.state).sort()).toEqual([MAIN, 'salle-450']);
    expect(toHub.at(-1)).toEqual({ type: 'qa.close', room: 'salle-800' });
    // Salle 450's closing cue closes Salle 450's, and the plenary's stays open.
    await go('4b-fin');
    expect(openQaRooms(engine.state)).toEqual([MAIN]);
  });

  it('undoes a workshop’s GO in that workshop only', async () => {
    await go('j1-seq1-questions-ouvrir');
    await go('4b-questions');
    await ok({ type: 'cue.undo', cueId: '4b-questions' });
    expect(qaOf(engine.state, 'salle-450').open).toBe(false);
    expect(mainQa(engine.state).open).toBe(true);
  });

  it('puts each question in its room: the phone’s, else its session’s, else the main room; typed in, the desk’s', async () => {
    await go('4b-questions');
    await ask('Depuis la salle 450', 'p-1', 'salle-450', 'j1-atelier-4b');
    expect(lastQuestion().room).toBe('salle-450');
    // A hub of before rooms says no room, but the session the Q&A was open for.
    await ask('Sans salle, pour l’atelier 4A', 'p-2', undefined, 'j1-atelier-4a');
    expect(lastQuestion().room).toBe('salle-800');
    await ask('Sans salle ni séance', 'p-3', undefined, null);
    expect(lastQuestion().room).toBe(MAIN);
    await ok({ type: 'question.add', text: 'Au micro de la salle 300', name: null, sessionId: null, room: 'salle-300' });
    expect(lastQuestion().room).toBe('salle-300');
    await ok({ type: 'question.add', text: 'Carte papier de l’atelier 4B', name: null, sessionId: 'j1-atelier-4b' });
    expect(lastQuestion().room).toBe('salle-450');
    await ok({ type: 'question.add', text: 'Au micro', name: null, sessionId: null });
    expect(lastQuestion().room).toBe(MAIN);
    expect(await cmd({ type: 'question.add', text: 'Où ?', name: null, sessionId: null, room: 'salle-999' })).toMatchObject({
      ok: false,
      error: { message: 'salle inconnue : salle-999' },
    });
  });

  it('publishes a question to its room’s phones, never merges across rooms, and counts an upvote only from its room', async () => {
    await ask('Question de la salle 450', 'p-1', 'salle-450', 'j1-atelier-4b');
    const q450 = lastQuestion().id;
    await ask('Question de la salle 800', 'p-2', 'salle-800', 'j1-atelier-4a');
    const q800 = lastQuestion().id;
    await ok({ type: 'question.approve', questionId: q450 });
    expect(toHub.at(-1)).toMatchObject({ type: 'question.publish', questionId: q450, room: 'salle-450' });
    expect(await cmd({ type: 'question.merge', questionId: q800, intoId: q450 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('pas de la même salle') } });
    await arrives({ type: 'question.upvote', questionId: q450 }, 'p-3', 'salle-800');
    await arrives({ type: 'question.upvote', questionId: q450 }, 'p-4', 'salle-450');
    expect(engine.state.audience.questions.find((q) => q.id === q450)?.upvotes).toBe(1);
  });
});

describe('each room its own polls and clouds', () => {
  it('runs a poll in each workshop at once; opening another in a room closes only that room’s', async () => {
    await go('j1-seq1-sondage-ouvrir');
    await go('4a-sondage');
    await go('4b-sondage');
    const runs = engine.state.live.interactions;
    expect(runs['charge-de-travail']).toMatchObject({ status: 'open', room: MAIN });
    expect(runs['securite-professionnels']).toMatchObject({ status: 'open', room: 'salle-800' });
    expect(runs['peur-de-l-erreur']).toMatchObject({ status: 'open', room: 'salle-450' });
    expect(toHub.filter((c) => c.type === 'interaction.open').map((c) => c.type === 'interaction.open' && [c.interaction.id, c.room])).toEqual([
      ['charge-de-travail', MAIN],
      ['securite-professionnels', 'salle-800'],
      ['peur-de-l-erreur', 'salle-450'],
    ]);
    // The desk opens the word cloud in Salle 800: the poll there closes, the others run on.
    toHub.length = 0;
    await ok({ type: 'interaction.open', interactionId: 'securite-enfant', room: 'salle-800' });
    expect(engine.state.live.interactions['securite-professionnels']?.status).toBe('closed');
    expect(engine.state.live.interactions['charge-de-travail']?.status).toBe('open');
    expect(engine.state.live.interactions['peur-de-l-erreur']?.status).toBe('open');
    expect(toHub.map((c) => [c.type, 'room' in c ? c.room : null])).toEqual([
      ['interaction.close', 'salle-800'],
      ['interaction.open', 'salle-800'],
    ]);
    expect(await cmd({ type: 'interaction.open', interactionId: 'securite-enfant', room: 'nulle-part' })).toMatchObject({ ok: false });
    expect(await cmd({ type: 'interaction.close', interactionId: 'peur-de-l-erreur', room: 'salle-800' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('salle salle-450') },
    });
  });

  it('counts a vote only into a poll of the phone’s room; another room’s vote is kept in the journal, never counted', async () => {
    await go('j1-seq1-sondage-ouvrir');
    await go('4b-sondage');
    await vote('peur-de-l-erreur', 'p-1', 4, 'salle-450');
    await vote('peur-de-l-erreur', 'p-2', 5, 'salle-800'); // a phone of Salle 800
    await vote('peur-de-l-erreur', 'p-3', 1); // a hub of before rooms: the main room's
    await vote('charge-de-travail', 'p-4', 0); // …which counts in the main room's poll
    await vote('charge-de-travail', 'p-5', 1, 'salle-450');
    expect(voters('peur-de-l-erreur')).toEqual({ room: 1, remote: 0 });
    expect(engine.state.audience.tallies['peur-de-l-erreur']?.counts).toEqual({ '4': { room: 1, remote: 0 } });
    expect(voters('charge-de-travail')).toEqual({ room: 1, remote: 0 });
    // The reason, for the log.
    const stray: AudienceMessage = {
      type: 'poll.vote',
      hubSeq: 99,
      msgId: 'x:1',
      receivedAt: 1,
      origin: 'room',
      participantId: 'p-20000000000000',
      room: 'salle-800',
      pollId: 'peur-de-l-erreur',
      choices: [1],
      rating: null,
      replaces: null,
    };
    expect(crossRoom(engine.state, stray)).toBe('vote pour le sondage peur-de-l-erreur de la salle salle-450, envoyé depuis la salle salle-800 : non compté');
    expect(crossRoom(engine.state, { ...stray, room: 'salle-450' })).toBeNull();
    // Every message is in the journal: a replay counts the same.
    expect(engine.state.audience.received).toBe(5);
    expect(rebuildState(new Journal(db), null).state.audience.tallies).toEqual(engine.state.audience.tallies);
  });

  it('counts words only into a cloud of the phone’s room', async () => {
    await ok({ type: 'interaction.open', interactionId: 'securite-enfant', room: 'salle-300' });
    await arrives({ type: 'words.send', cloudId: 'securite-enfant', words: ['écoute'] }, 'p-1', 'salle-300');
    await arrives({ type: 'words.send', cloudId: 'securite-enfant', words: ['confiance'] }, 'p-2', 'salle-100');
    expect(engine.state.audience.words['securite-enfant']).toEqual({ écoute: 1 });
    expect(engine.state.wordParticipants['securite-enfant']).toEqual({ room: 1, remote: 0 });
  });

  it('resets a workshop’s poll where it ran, and tells that room’s phones', async () => {
    await go('4b-sondage');
    await vote('peur-de-l-erreur', 'p-1', 4, 'salle-450');
    await ok({ type: 'interaction.close', interactionId: 'peur-de-l-erreur' });
    await ok({ type: 'interaction.reset', interactionId: 'peur-de-l-erreur' });
    expect(toHub.at(-1)).toEqual({ type: 'poll.reset', pollId: 'peur-de-l-erreur', room: 'salle-450' });
  });

  it('opens a workshop’s prepared poll from the desk in its workshop, one made on the spot in the main room', async () => {
    await ok({ type: 'interaction.open', interactionId: 'peur-de-l-erreur' });
    expect(engine.state.live.interactions['peur-de-l-erreur']?.room).toBe('salle-450');
    await ok({ type: 'interaction.create', interaction: { kind: 'poll', id: 'sur-le-vif', type: 'yesno', question: 'D’accord ?' }, open: true });
    expect(engine.state.live.interactions['sur-le-vif']).toMatchObject({ status: 'open', room: MAIN });
    await ok({ type: 'interaction.create', interaction: { kind: 'poll', id: 'atelier-vif', type: 'yesno', question: 'Et ici ?' }, open: true, room: 'salle-450' });
    // Salle 450's prepared poll closed for it, the main room's on-the-spot poll runs on.
    expect(engine.state.live.interactions['peur-de-l-erreur']?.status).toBe('closed');
    expect(engine.state.live.interactions['sur-le-vif']?.status).toBe('open');
  });
});

describe('a poll made on the spot for a room (a workshop seat’s)', () => {
  it('keeps its room in the programme: a draft made for Salle 450 opens there later, and a room not its own is refused, writing nothing', async () => {
    const quick = { kind: 'poll', id: 'atelier-brouillon', type: 'yesno', question: 'Et ici ?' } as const;
    await ok({ type: 'interaction.create', interaction: quick, open: false, room: 'salle-450' });
    expect(engine.state.programme?.interactions?.find((i) => i.id === 'atelier-brouillon')?.room).toBe('salle-450');
    expect(engine.state.live.interactions['atelier-brouillon']).toBeUndefined();
    await ok({ type: 'interaction.open', interactionId: 'atelier-brouillon' });
    expect(engine.state.live.interactions['atelier-brouillon']).toMatchObject({ status: 'open', room: 'salle-450' });
    expect(toHub.filter((c) => c.type === 'interaction.open').at(-1)).toMatchObject({ room: 'salle-450' });

    const seq = engine.seq;
    const refusedMade = await cmd({ type: 'interaction.create', interaction: { ...quick, id: 'ailleurs', room: 'salle-800' }, open: true, room: 'salle-450' });
    expect(refusedMade).toMatchObject({ ok: false, error: { message: expect.stringContaining('fait pour la salle salle-800, pas pour la salle salle-450') } });
    expect(await cmd({ type: 'interaction.create', interaction: { ...quick, id: 'nulle-part' }, open: true, room: 'salle-999' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('salle inconnue : salle-999') },
    });
    expect(engine.seq).toBe(seq);
    expect(engine.state.programme?.interactions?.some((i) => i.id === 'ailleurs' || i.id === 'nulle-part')).toBe(false);
  });
});

describe('the as-run log', () => {
  it('says the room of each line: its session’s', async () => {
    await go('j1-seq1-questions-ouvrir');
    await go('4b-questions');
    await ok({ type: 'session.mark', sessionId: 'j1-atelier-4a', edge: 'start' });
    expect(engine.state.asRun.map((e) => [e.kind, e.cueId ?? e.sessionId, e.room])).toEqual([
      ['cue.fired', 'j1-seq1-questions-ouvrir', MAIN],
      ['cue.fired', '4b-questions', 'salle-450'],
      ['session.start', 'j1-atelier-4a', 'salle-800'],
    ]);
  });
});
