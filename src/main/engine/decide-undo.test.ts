import { mainQa } from '../../shared/api/room-live';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import type { RegieCommand } from '../../shared/protocol/regie-commands';
import { hubCommandsFor } from '../link/hub-commands';
import { parseProgrammeFile } from '../programme/programme-file';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { decideTick } from './decide';
import { rebuildState, RegieEngine } from './regie-engine';
import { lastGoOf, programOf } from '../../shared/api/room-bus';
import { cuesOf } from '../../shared/api/room-cues';

// Undoing a mistaken GO through the real engine (SQLite in a temp folder): what comes back, what
// the phones are told (the hub's commands), what cannot be undone, and the next routine GO.

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');
const paris = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');
const POLL = 'charge-de-travail';

let dir: string;
let db: Db;
let engine: RegieEngine;
let realNow: number;
let toHub: RegieCommand[];
let n = 0;
let hubSeq = 0;
const cmd = (command: unknown) => engine.submit({ id: `undo-${String(n++).padStart(6, '0')}`, command }, 'control-1');
const advance = (ms: number) => (realNow += ms);

function vote(participantId: string, choice: number) {
  hubSeq += 1;
  const message: AudienceMessage = {
    type: 'poll.vote',
    hubSeq,
    msgId: `${participantId}:v${hubSeq}`,
    receivedAt: 1,
    origin: 'room',
    participantId,
    pollId: POLL,
    choices: [choice],
    rating: null,
    replaces: null,
  };
  return engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub-1', message }], `aud:${message.msgId}`);
}

/** Every event in the journal, as written. */
const journaled = () => [...new Journal(db).readAfter(0)].map((r) => JSON.parse(r.payload) as { type: string; cueId?: string; kept?: string[] });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-undo-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  realNow = Date.UTC(2026, 10, 28, 12);
  toHub = [];
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => realNow, onEvent: (e, after) => toHub.push(...hubCommandsFor(e, after)) });
  await cmd({ type: 'programme.load', programme: demo });
  await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('09:30') } });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('undoing a GO', () => {
  it('closes the poll it opened and sets its votes aside; the next routine GO pushes no results to the phones', async () => {
    // 45 minutes early, confirmed (the slip the desk asks about first).
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: false, error: { issues: [{ path: 'outOfOrder' }] } });
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir', outOfOrder: true })).toMatchObject({ ok: true });
    expect(engine.state.live.interactions[POLL]?.status).toBe('open');
    expect(engine.state.cues.runs['j1-seq1-sondage-ouvrir']).toMatchObject({ status: 'fired', outOfOrder: true });
    await vote('alice-00000000001', 0);
    await vote('bob-0000000000001', 1);
    expect(lastGoOf(engine.state)).toMatchObject({ cueId: 'j1-seq1-sondage-ouvrir', before: { interactions: { [POLL]: null } } });

    toHub = [];
    advance(5000);
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: true });
    // Back to draft: no run, no tally (the journal keeps the two votes); the phones close it and forget it.
    expect(engine.state.live.interactions[POLL]).toBeUndefined();
    expect(engine.state.audience.tallies[POLL]).toBeUndefined();
    expect(toHub).toEqual([
      { type: 'interaction.close', interactionId: POLL, room: 'grand-auditorium' },
      { type: 'poll.reset', pollId: POLL, room: 'grand-auditorium' },
    ]);
    // The cue is to do again, on standby; the undo is logged with what it kept.
    expect(engine.state.cues.runs['j1-seq1-sondage-ouvrir']).toBeUndefined();
    expect(cuesOf(engine.state)).toMatchObject({ standby: 'j1-seq1-sondage-ouvrir', standbyPinned: true });
    expect(lastGoOf(engine.state)).toBeNull();
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('aucun GO à annuler') } });

    // The next routine Space (the standby, still early): refused, nothing reaches the phones.
    toHub = [];
    advance(5000);
    expect(await cmd({ type: 'cue.go' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('hors ordre') } });
    // Even the close-and-reveal of that poll, fired by hand, reveals no 0 % of a poll never opened.
    expect(await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-fermer', outOfOrder: true })).toMatchObject({ ok: true });
    advance(6000); // its auto-continue: the results' 5 s pre-wait
    await engine.submitSystem('régie:horloge', decideTick);
    expect(engine.state.cues.runs['j1-seq1-sondage-resultats']).toMatchObject({ status: 'fired' });
    expect(toHub.filter((c) => c.type === 'results.reveal')).toEqual([]);
    expect(engine.state.live.interactions[POLL]).toBeUndefined();
  });

  it('undoes a close with its auto-continued reveal: the poll reopens, the results leave again, both cues re-armed', async () => {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('10:15') } });
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' });
    await vote('alice-00000000001', 2);
    advance(10 * 60_000); // 10:25
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-fermer' });
    expect(lastGoOf(engine.state)?.chain).toEqual(['j1-seq1-sondage-fermer', 'j1-seq1-sondage-resultats']);
    advance(5000);
    await engine.submitSystem('régie:horloge', decideTick);
    expect(engine.state.live.interactions[POLL]).toMatchObject({ status: 'closed', revealed: true });
    toHub = [];
    advance(5000);
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-seq1-sondage-fermer' })).toMatchObject({ ok: true });
    expect(engine.state.live.interactions[POLL]).toMatchObject({ status: 'open', revealed: false });
    expect(engine.state.audience.tallies[POLL]?.voters).toEqual({ room: 1, remote: 0 }); // the vote cast before stays
    expect(toHub.map((c) => c.type)).toEqual(['results.hide', 'interaction.open']);
    expect(engine.state.cues.runs['j1-seq1-sondage-fermer']).toBeUndefined();
    expect(engine.state.cues.runs['j1-seq1-sondage-resultats']).toBeUndefined();
    expect(cuesOf(engine.state).standby).toBe('j1-seq1-sondage-fermer');
    // The journal says what could not be undone: the results were seen.
    const undone = journaled().filter((e) => e.type === 'go.undone');
    expect(undone).toEqual([expect.objectContaining({ cueId: 'j1-seq1-sondage-fermer', kept: ['results-seen'] })]);
  });

  it('puts back the scene that was on air, unless a TAKE came since; closes the Q&A it opened', async () => {
    await cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Bienvenue' } });
    await cmd({ type: 'program.take' });
    // GO on the « Rejoindre » scene (straight to air in the demo).
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('08:50') } });
    await cmd({ type: 'cue.go', cueId: 'j1-ouverture-participation' });
    expect(programOf(engine.state)).toMatchObject({ onAir: { kind: 'join' }, onAirCue: 'j1-ouverture-participation' });
    advance(2000);
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-ouverture-participation' })).toMatchObject({ ok: true });
    expect(programOf(engine.state).onAir).toEqual({ kind: 'message', text: 'Bienvenue' });

    // Again, but the operator took another scene since: the air is left alone, and the log says so.
    advance(2000);
    await cmd({ type: 'cue.go', cueId: 'j1-ouverture-participation' });
    await cmd({ type: 'program.preview', scene: { kind: 'black' } });
    await cmd({ type: 'program.take' });
    advance(2000);
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-ouverture-participation' })).toMatchObject({ ok: true });
    expect(programOf(engine.state).onAir).toEqual({ kind: 'black' });
    const last = journaled().filter((e) => e.type === 'go.undone').at(-1);
    expect(last?.kept).toEqual(['air-changed']);

    // The Q&A: closed again; the questions received meanwhile stay.
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('10:30') } });
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-questions-ouvrir', outOfOrder: true });
    await cmd({ type: 'question.add', text: 'Une question de la salle', name: null, sessionId: 'j1-seq1' });
    advance(2000);
    await cmd({ type: 'cue.undo', cueId: 'j1-seq1-questions-ouvrir' });
    expect(mainQa(engine.state).open).toBe(false);
    expect(engine.state.audience.questions).toHaveLength(1);
  });

  it('refuses an undo of another GO than the last, and asks a confirmation after a minute', async () => {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: paris('10:15') } });
    await cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' });
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-seq1-sondage-fermer' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('le dernier GO est celui de j1-seq1-sondage-ouvrir') } });
    advance(61_000);
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-seq1-sondage-ouvrir' })).toMatchObject({ ok: false, error: { issues: [{ path: 'confirmed' }] } });
    expect(engine.state.live.interactions[POLL]?.status).toBe('open');
    expect(await cmd({ type: 'cue.undo', cueId: 'j1-seq1-sondage-ouvrir', confirmed: true })).toMatchObject({ ok: true });
    expect(engine.state.live.interactions[POLL]).toBeUndefined();
    // Rebuilt from the journal, the same state.
    expect(rebuildState(new Journal(db), null).state).toEqual(engine.state);
  });
});
