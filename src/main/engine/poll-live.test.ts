import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollResults, pollResultsHidden } from '../../shared/domain/poll-results';
import type { Poll } from '../../shared/domain/interaction';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { hubCommandsFor } from '../link/hub-commands';
import { parseProgrammeFile } from '../programme/programme-file';
import { stateForRole } from '../server/view-channel';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import type { RegieEvent } from './events';
import { RegieEngine } from './regie-engine';

// The live side of polls through the real engine (SQLite journal in a temp folder): votes as the
// hub sends them, the desk's open / close / reveal / hide / reset, a poll made on the spot.

const demo = parseProgrammeFile(
  readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'),
  'assises-2021.yaml',
);
const YES_NO = ['Oui', 'Non'] as const;
let dir: string;
let db: Db;
let engine: RegieEngine;
let hubEvents: RegieEvent[];
let n = 0;
let hubSeq = 0;
const cmd = (command: unknown) => engine.submit({ id: `poll-${String(n++).padStart(6, '0')}`, command }, 'control-1');

/** A vote as the hub forwards it (the hub already checked the poll's rules). */
function vote(pollId: string, participantId: string, cast: { choices?: number[]; rating?: number }, origin: 'room' | 'remote' = 'room') {
  hubSeq += 1;
  const message: AudienceMessage = {
    type: 'poll.vote',
    hubSeq,
    msgId: `${participantId}:v${hubSeq}`,
    receivedAt: 1,
    origin,
    participantId,
    pollId,
    choices: cast.choices ?? null,
    rating: cast.rating ?? null,
    replaces: null,
  };
  return engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub-1', message }], `aud:${message.msgId}`);
}
const tally = (id: string) => engine.state.audience.tallies[id];
const run = (id: string) => engine.state.live.interactions[id];
const poll = (id: string) => engine.state.programme?.interactions?.find((i): i is Poll => i.id === id && i.kind === 'poll');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-poll-live-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  hubEvents = [];
  engine = new RegieEngine(new Journal(db), new Snapshots(db), { now: () => 1_000_000, onEvent: (e) => hubEvents.push(e) });
  await cmd({ type: 'programme.load', programme: demo });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('poll tallies', () => {
  it('a new vote replaces the old one; room and remote are counted apart', async () => {
    await cmd({ type: 'interaction.open', interactionId: 'charge-de-travail' });
    await vote('charge-de-travail', 'alice-00000000001', { choices: [0] });
    await vote('charge-de-travail', 'bob-0000000000001', { choices: [0] }, 'remote');
    await vote('charge-de-travail', 'carol-00000000001', { choices: [3] }, 'remote');
    await vote('charge-de-travail', 'alice-00000000001', { choices: [2] }); // changes her mind
    await vote('charge-de-travail', 'alice-00000000001', { choices: [1] }); // and again
    expect(tally('charge-de-travail')).toEqual({
      counts: { '0': { room: 0, remote: 1 }, '1': { room: 1, remote: 0 }, '2': { room: 0, remote: 0 }, '3': { room: 0, remote: 1 } },
      voters: { room: 1, remote: 2 },
    });
    const results = pollResults(poll('charge-de-travail')!, tally('charge-de-travail'), YES_NO);
    expect(results.voters).toEqual({ room: 1, remote: 2, total: 3 });
    expect(results.rows.map((r) => r.percent)).toEqual([34, 33, 0, 33]); // whole percents adding up to 100
  });

  it('a multiple-choice vote counts each ticked option once and one voter; a replaced one leaves whole', async () => {
    await cmd({
      type: 'interaction.create',
      open: true,
      interaction: {
        kind: 'poll',
        id: 'priorites',
        type: 'multiple',
        question: 'Vos priorités ?',
        options: ['Prévention', 'Accueil', 'Formation', 'Moyens'],
        maxChoices: 2,
        hideResultsUntilReveal: false,
      },
    });
    await vote('priorites', 'dan-0000000000001', { choices: [0, 3] });
    await vote('priorites', 'eve-0000000000001', { choices: [3] }, 'remote');
    await vote('priorites', 'dan-0000000000001', { choices: [1, 3] });
    expect(tally('priorites')?.counts).toEqual({ '0': { room: 0, remote: 0 }, '1': { room: 1, remote: 0 }, '3': { room: 1, remote: 1 } });
    const results = pollResults(poll('priorites')!, tally('priorites'), YES_NO);
    expect(results.voters.total).toBe(2);
    // Several answers a voter: each option's share of the voters (they add up to more than 100).
    expect(results.rows.map((r) => r.percent)).toEqual([0, 50, 0, 100]);
    expect(results.multiple).toBe(true);
  });

  it('a rating gives its mean from the latest vote of each voter', async () => {
    await cmd({ type: 'interaction.open', interactionId: 'peur-de-l-erreur' });
    const p = poll('peur-de-l-erreur')!;
    expect(p.type).toBe('rating');
    await vote('peur-de-l-erreur', 'fay-0000000000001', { rating: 2 });
    await vote('peur-de-l-erreur', 'gus-0000000000001', { rating: 5 }, 'remote');
    await vote('peur-de-l-erreur', 'hal-0000000000001', { rating: 4 });
    await vote('peur-de-l-erreur', 'fay-0000000000001', { rating: 3 }); // 2 → 3
    const results = pollResults(p, tally('peur-de-l-erreur'), YES_NO);
    expect(results.mean).toBeCloseTo((3 + 5 + 4) / 3, 10);
    expect(results.rows.find((r) => r.key === '2')?.count).toBe(0);
    expect(results.voters).toEqual({ room: 2, remote: 1, total: 3 });
  });

  it('counts no vote for a poll never opened; a vote the hub took before it heard of the close counts (the journal keeps all)', async () => {
    await vote('securite-professionnels', 'ian-0000000000001', { choices: [0] }); // still a draft
    await cmd({ type: 'interaction.open', interactionId: 'securite-professionnels' });
    await vote('securite-professionnels', 'jo-00000000000001', { choices: [1] });
    await cmd({ type: 'interaction.close', interactionId: 'securite-professionnels' });
    // Cast while the hub still had the poll open (the link was slow or cut): they reach the régie late.
    await vote('securite-professionnels', 'kim-0000000000001', { choices: [0] }, 'remote');
    await vote('securite-professionnels', 'jo-00000000000001', { choices: [0] }); // jo changed their mind in time
    expect(tally('securite-professionnels')).toEqual({
      counts: { '0': { room: 1, remote: 1 }, '1': { room: 0, remote: 0 } },
      voters: { room: 1, remote: 1 },
    });
    expect(engine.state.audience.received).toBe(4);
    const journaled = db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'audience.received'").pluck().get();
    expect(journaled).toBe(4);
    // The state rebuilt from the journal counts the same.
    engine.close();
    const again = new RegieEngine(new Journal(db), new Snapshots(db));
    expect(again.state.audience.tallies['securite-professionnels']).toEqual(tally('securite-professionnels'));
  });

  it('a late vote on a closed, revealed poll brings the phones’ results up to date; live votes send nothing', async () => {
    await cmd({ type: 'interaction.open', interactionId: 'charge-de-travail' });
    await vote('charge-de-travail', 'liv-0000000000001', { choices: [0] });
    expect(hubCommandsFor(hubEvents.at(-1)!, engine.state)).toEqual([]);
    await cmd({ type: 'interaction.close', interactionId: 'charge-de-travail' });
    await cmd({ type: 'interaction.reveal', interactionId: 'charge-de-travail' });
    await vote('charge-de-travail', 'mae-0000000000001', { choices: [2] }, 'remote');
    expect(hubCommandsFor(hubEvents.at(-1)!, engine.state)).toEqual([
      { type: 'results.reveal', results: { kind: 'poll', interactionId: 'charge-de-travail', counts: [1, 0, 1, 0], total: 2 }, room: 'grand-auditorium' },
    ]);
  });

  it('reset forgets the votes (back to draft) once the poll is closed, and tells the hub', async () => {
    await cmd({ type: 'interaction.open', interactionId: 'charge-de-travail' });
    await vote('charge-de-travail', 'lou-0000000000001', { choices: [2] });
    expect(await cmd({ type: 'interaction.reset', interactionId: 'charge-de-travail' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('fermez d’abord') },
    });
    await cmd({ type: 'interaction.close', interactionId: 'charge-de-travail' });
    expect(await cmd({ type: 'interaction.reset', interactionId: 'charge-de-travail' })).toMatchObject({ ok: true });
    expect(tally('charge-de-travail')).toBeUndefined();
    expect(run('charge-de-travail')).toBeUndefined();
    expect(hubCommandsFor(hubEvents.at(-1)!, engine.state)).toEqual([{ type: 'poll.reset', pollId: 'charge-de-travail', room: 'grand-auditorium' }]);
    // Opened again: the same participant's vote counts afresh, once.
    await cmd({ type: 'interaction.open', interactionId: 'charge-de-travail' });
    await vote('charge-de-travail', 'lou-0000000000001', { choices: [2] });
    expect(tally('charge-de-travail')?.voters).toEqual({ room: 1, remote: 0 });
    expect(await cmd({ type: 'interaction.reset', interactionId: 'securite-enfant' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('seul un sondage') },
    });
  });
});

describe('the poll’s life from the desk', () => {
  it('draft → open → closed → revealed → hidden → revealed, with French refusals out of order', async () => {
    const id = 'charge-de-travail';
    expect(await cmd({ type: 'interaction.close', interactionId: id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('n’est pas ouvert') },
    });
    expect(await cmd({ type: 'interaction.reveal', interactionId: id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('pas encore été ouvert') },
    });
    expect(await cmd({ type: 'interaction.open', interactionId: 'inconnu' })).toMatchObject({
      ok: false,
      error: { message: 'interaction inconnue : inconnu' },
    });
    expect(await cmd({ type: 'interaction.open', interactionId: id })).toMatchObject({ ok: true });
    expect(await cmd({ type: 'interaction.open', interactionId: id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('déjà ouvert') },
    });
    const p = poll(id)!;
    expect(p.hideResultsUntilReveal).toBe(true);
    expect(pollResultsHidden(p, run(id))).toBe(true);
    await vote(id, 'max-0000000000001', { choices: [1] });
    // The projector's seat holds how many voted, not the counts, until the reveal.
    const onOutput = () => stateForRole(engine.state, 'output').audience.tallies[id];
    expect(onOutput()).toEqual({ counts: {}, voters: tally(id)!.voters });
    expect(stateForRole(engine.state, 'control').audience.tallies[id]).toEqual(tally(id));
    await cmd({ type: 'interaction.close', interactionId: id });
    expect(run(id)).toMatchObject({ status: 'closed', revealed: false });
    await cmd({ type: 'interaction.reveal', interactionId: id });
    expect(pollResultsHidden(p, run(id))).toBe(false);
    expect(onOutput()).toEqual(tally(id));
    expect(hubCommandsFor(hubEvents.at(-1)!, engine.state)).toEqual([
      { type: 'results.reveal', results: { kind: 'poll', interactionId: id, counts: [0, 1, 0, 0], total: 1 }, room: 'grand-auditorium' },
    ]);
    await cmd({ type: 'interaction.hide', interactionId: id });
    expect(run(id)).toMatchObject({ revealed: false, hidden: true });
    expect(pollResultsHidden(p, run(id))).toBe(true);
    expect(hubCommandsFor(hubEvents.at(-1)!, engine.state)).toEqual([{ type: 'results.hide', room: 'grand-auditorium' }]);
    await cmd({ type: 'interaction.reveal', interactionId: id });
    expect(pollResultsHidden(p, run(id))).toBe(false);
  });

  it('a poll shown live from the start can still be hidden; closing a revealed poll sends the final count to the phones', async () => {
    const id = 'securite-professionnels';
    const p = poll(id)!;
    await cmd({ type: 'interaction.open', interactionId: id });
    expect(pollResultsHidden(p, run(id))).toBe(p.hideResultsUntilReveal);
    await cmd({ type: 'interaction.reveal', interactionId: id });
    await vote(id, 'ned-0000000000001', { choices: [0] }, 'remote');
    await cmd({ type: 'interaction.close', interactionId: id });
    expect(hubCommandsFor(hubEvents.at(-1)!, engine.state)).toEqual([
      { type: 'interaction.close', interactionId: id, room: 'grand-auditorium' },
      { type: 'results.reveal', results: { kind: 'poll', interactionId: id, counts: [1, 0], total: 1 }, room: 'grand-auditorium' },
    ]);
    await cmd({ type: 'interaction.hide', interactionId: id });
    expect(pollResultsHidden(p, run(id))).toBe(true);
    expect(await cmd({ type: 'interaction.hide', interactionId: id })).toMatchObject({ ok: true }); // already hidden: nothing new
  });

  it('opening one poll from the desk closes the one open before (the phones show one at a time)', async () => {
    await cmd({ type: 'interaction.open', interactionId: 'charge-de-travail' });
    await cmd({ type: 'interaction.open', interactionId: 'securite-professionnels' });
    expect(run('charge-de-travail')?.status).toBe('closed');
    expect(run('securite-professionnels')?.status).toBe('open');
  });

  it('a poll made on the spot, even in show mode: a new id only, checked like a file', async () => {
    await cmd({ type: 'edit.lock', locked: true });
    const quick = { kind: 'poll', id: 'vote-flash', type: 'yesno', question: 'On prolonge de 10 minutes ?', hideResultsUntilReveal: false };
    expect(await cmd({ type: 'interaction.create', open: true, interaction: quick })).toMatchObject({ ok: true });
    expect(run('vote-flash')?.status).toBe('open');
    await vote('vote-flash', 'oda-0000000000001', { choices: [0] });
    expect(tally('vote-flash')?.voters.room).toBe(1);
    expect(await cmd({ type: 'interaction.create', open: false, interaction: { ...quick, question: 'Autre ?' } })).toMatchObject({
      ok: false,
      error: { message: 'identifiant déjà pris : vote-flash' },
    });
    const bad = await cmd({
      type: 'interaction.create',
      open: false,
      interaction: { kind: 'poll', id: 'vide', type: 'single', question: 'Q ?', options: ['seule'] },
    });
    expect(bad).toMatchObject({ ok: false });
    expect(engine.state.programme?.interactions?.some((i) => i.id === 'vide')).toBe(false);
  });
});
