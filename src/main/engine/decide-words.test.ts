import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialState } from '../../shared/api/state';
import { tallyWords } from '../../shared/domain/word-tally';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { hubCommandsFor } from '../link/hub-commands';
import { flagCloudWords } from '../moderation/word-flags';
import { badWordSet } from '../moderation/question-flags';
import { builtInNames } from '../moderation/name-list';
import { parseProgrammeFile } from '../programme/programme-file';
import { stateForRole } from '../server/view-channel';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import type { RegieEvent } from './events';
import { rebuildState, RegieEngine } from './regie-engine';

const demo = parseProgrammeFile(
  readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'),
  'assises-2021.yaml',
);
const CLOUD = 'securite-enfant';
const lists = { badWords: badWordSet(), names: builtInNames(), allowed: new Set<string>() };

let dir: string;
let db: Db;
let engine: RegieEngine;
let n = 0;
let hubSeq = 0;
const sent: unknown[] = [];
const cmd = (command: unknown) => engine.submit({ id: `w-cmd-${String(n++).padStart(6, '0')}`, command }, 'control-1');

/** Words as the hub forwards them, flagged as the hub link flags them (a new participant each time). */
async function send(...words: string[]): Promise<void> {
  await sendFrom(`participant-${String(hubSeq + 1).padStart(8, '0')}`, ...words);
}
async function sendFrom(participantId: string, ...words: string[]): Promise<void> {
  hubSeq += 1;
  const message: AudienceMessage = {
    type: 'words.send',
    hubSeq,
    msgId: `p${hubSeq}:w`,
    receivedAt: 1000 + hubSeq,
    origin: 'room',
    participantId,
    cloudId: CLOUD,
    words,
  };
  const r = await engine.submitSystem(
    'audience',
    () => [{ type: 'audience.received', hubId: 'hub', message, held: flagCloudWords(words, lists) }],
    `aud:${message.msgId}`,
  );
  expect(r.ok).toBe(true);
}
const cloud = () =>
  tallyWords(engine.state.audience.words[CLOUD], engine.state.wordModeration[CLOUD], engine.state.audience.heldWords[CLOUD]);
const shown = () => cloud().map((w) => `${w.text}:${w.count}`);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-words-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
  sent.length = 0;
  engine = new RegieEngine(new Journal(db), new Snapshots(db), {
    onEvent: (e: RegieEvent, after) => sent.push(...hubCommandsFor(e, after)),
  });
  expect(await cmd({ type: 'programme.load', programme: demo })).toMatchObject({ ok: true });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('word cloud moderation', () => {
  it('one person counts once per word: a second spelling from the same phone is not counted again', async () => {
    await sendFrom('participant-a0000001', 'enfant');
    await sendFrom('participant-a0000001', 'Enfants', "L'enfant");
    expect(shown()).toEqual(['enfant:1']);
    await sendFrom('participant-b0000002', 'enfants', 'écoute');
    expect(shown()).toEqual(['enfant:2', 'écoute:1']);
    expect(engine.state.wordParticipants[CLOUD]).toEqual({ room: 2, remote: 0 });
    // The journal keeps every word sent; a rebuild counts them the same way.
    const rebuilt = rebuildState(new Journal(db), null).state;
    expect(rebuilt.audience.words[CLOUD]).toEqual(engine.state.audience.words[CLOUD]);
  });

  it('counts « L’enfant », « enfants », « ENFANT » as one word', async () => {
    await send("L'enfant", 'écoute');
    await send('enfants');
    await send('ENFANT', 'Écoute');
    expect(shown()).toEqual(['enfant:3', 'écoute:2']);
  });

  it('a banned word leaves the cloud, is not counted afterwards, and the hub is told its key', async () => {
    await send('enfants', 'lien');
    expect(await cmd({ type: 'words.ban', cloudId: CLOUD, word: 'enfant' })).toMatchObject({ ok: true });
    expect(shown()).toEqual(['lien:1']);
    expect(sent.at(-1)).toEqual({ type: 'words.banned', cloudId: CLOUD, keys: ['enfant'] });
    await send("l'Enfant");
    expect(engine.state.audience.words[CLOUD]).toEqual({ enfants: 1, lien: 1 });
    // Taken back: what was counted before the ban comes back; what arrived during it was not counted.
    expect(await cmd({ type: 'words.unban', cloudId: CLOUD, word: 'enfant' })).toMatchObject({ ok: true });
    expect(shown()).toEqual(['enfants:1', 'lien:1']);
    expect(sent.at(-1)).toEqual({ type: 'words.banned', cloudId: CLOUD, keys: [] });
  });

  it('refuses in French: unknown cloud, unknown word, a word merged into itself, unbanning what is not banned', async () => {
    await send('lien', 'écoute');
    const refused = async (command: unknown) => {
      const r = await cmd(command);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(await refused({ type: 'words.ban', cloudId: 'nuage-inconnu', word: 'lien' })).toBe('nuage de mots inconnu : nuage-inconnu');
    expect(await refused({ type: 'words.ban', cloudId: CLOUD, word: 'girafe' })).toBe('mot inconnu dans ce nuage : « girafe »');
    expect(await refused({ type: 'words.ban', cloudId: CLOUD, word: 'le' })).toContain('ne compte pas comme un mot');
    expect(await refused({ type: 'words.merge', cloudId: CLOUD, from: 'Liens', into: 'lien' })).toBe(
      'un mot ne peut pas être fusionné avec lui-même',
    );
    expect(await refused({ type: 'words.unban', cloudId: CLOUD, word: 'lien' })).toBe('« lien » n’est pas banni de ce nuage');
    expect(await refused({ type: 'words.unmerge', cloudId: CLOUD, word: 'lien' })).toBe('« lien » n’est fusionné avec aucun autre mot');
    expect(await refused({ type: 'words.allow', cloudId: CLOUD, word: 'lien' })).toBe('« lien » n’est pas retenu par la modération');
    expect(await refused({ type: 'words.ban', cloudId: CLOUD })).toBeTruthy();
    expect(engine.state.wordModeration).toEqual({});
  });

  it('merges one word into another, re-points earlier merges, refuses a cycle, and undoes', async () => {
    await send('gamins', 'enfant', 'petit');
    await send('enfant');
    expect(await cmd({ type: 'words.merge', cloudId: CLOUD, from: 'gamin', into: 'enfants' })).toMatchObject({ ok: true });
    expect(shown()).toEqual(['enfant:3', 'petit:1']);
    const cycle = await cmd({ type: 'words.merge', cloudId: CLOUD, from: 'enfant', into: 'gamin' });
    expect(cycle).toMatchObject({
      ok: false,
      error: { message: '« gamins » est déjà compté avec « enfant » : défaites d’abord cette fusion' },
    });
    // Merging the target elsewhere takes what was merged into it along.
    expect(await cmd({ type: 'words.merge', cloudId: CLOUD, from: 'enfant', into: 'petit' })).toMatchObject({ ok: true });
    expect(engine.state.wordModeration[CLOUD]?.merges).toEqual({ gamin: 'petit', enfant: 'petit' });
    expect(shown()).toEqual(['petit:4']);
    expect(await cmd({ type: 'words.unmerge', cloudId: CLOUD, word: 'gamins' })).toMatchObject({ ok: true });
    expect(shown()).toEqual(['petit:3', 'gamins:1']);
  });

  it('a cloud that opens again brings its banned words to the hub (a new hub learns them)', async () => {
    await send('enfants', 'lien');
    await cmd({ type: 'words.ban', cloudId: CLOUD, word: 'lien' });
    sent.length = 0;
    expect(await cmd({ type: 'interaction.open', interactionId: CLOUD })).toMatchObject({ ok: true });
    expect(sent).toContainEqual({ type: 'words.banned', cloudId: CLOUD, keys: ['lien'] });
  });

  it('a word merged into a banned word is refused by the hub too', async () => {
    await send('gamins', 'enfant');
    await cmd({ type: 'words.merge', cloudId: CLOUD, from: 'gamin', into: 'enfant' });
    await cmd({ type: 'words.ban', cloudId: CLOUD, word: 'enfant' });
    expect(sent.at(-1)).toEqual({ type: 'words.banned', cloudId: CLOUD, keys: ['enfant', 'gamin'] });
    await send('gamin');
    expect(engine.state.audience.words[CLOUD]).toEqual({ gamins: 1, enfant: 1 });
  });

  it('holds profanity and names (also when only the normalised word matches) until a moderator allows them', async () => {
    await send('« Connards ! »', 'lien', 'Zoé');
    expect(Object.keys(engine.state.audience.heldWords[CLOUD] ?? {})).toEqual(['« Connards ! »', 'Zoé']);
    expect(shown()).toEqual(['lien:1']);
    // The projector never receives a held word.
    const output = stateForRole(engine.state, 'output');
    expect(Object.keys(output.audience.words[CLOUD] ?? {})).toEqual(['lien']);
    expect(await cmd({ type: 'words.allow', cloudId: CLOUD, word: 'zoé' })).toMatchObject({ ok: true });
    expect(Object.keys(engine.state.audience.heldWords[CLOUD] ?? {})).toEqual(['« Connards ! »']);
    await send('Zoé');
    expect(Object.keys(engine.state.audience.heldWords[CLOUD] ?? {})).toEqual(['« Connards ! »']);
    expect(shown()).toEqual(['zoé:2', 'lien:1']);
  });

  it('the projector gets the moderation, and every spelling of a held word is kept from it', async () => {
    await send('connard', 'lien');
    await send('Connards');
    await cmd({ type: 'words.ban', cloudId: CLOUD, word: 'lien' });
    const output = stateForRole(engine.state, 'output');
    expect(output.audience.words[CLOUD]).toEqual({ lien: 1 });
    expect(output.audience.heldWords).toEqual({});
    expect(output.wordModeration[CLOUD]?.banned).toEqual({ lien: 'lien' });
  });

  it('counts words sent and the participants who sent them, once each, room and remote apart', async () => {
    await send('enfants', 'lien');
    await send('lien');
    const remote: AudienceMessage = {
      type: 'words.send',
      hubSeq: ++hubSeq,
      msgId: 'r1:w',
      receivedAt: 1,
      origin: 'remote',
      participantId: 'remote-participant-01',
      cloudId: CLOUD,
      words: ['écoute'],
    };
    await engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub', message: remote, flags: [] }], 'aud:r1:w');
    const again: AudienceMessage = { ...remote, hubSeq: ++hubSeq, msgId: 'r1:w2', words: ['respect'] };
    await engine.submitSystem('audience', () => [{ type: 'audience.received', hubId: 'hub', message: again, flags: [] }], 'aud:r1:w2');
    expect(engine.state.wordParticipants[CLOUD]).toEqual({ room: 2, remote: 1 });
    const control = stateForRole(engine.state, 'control') as unknown as Record<string, unknown>;
    expect(control.wordSenders).toBeUndefined();
    expect(control.wordParticipants).toEqual({ [CLOUD]: { room: 2, remote: 1 } });
  });

  it('survives a rebuild from the journal, and a snapshot taken before the slice existed', async () => {
    await send('enfants', 'lien');
    await cmd({ type: 'words.ban', cloudId: CLOUD, word: 'lien' });
    const rebuilt = rebuildState(new Journal(db), new Snapshots(db)).state;
    expect(rebuilt.wordModeration).toEqual(engine.state.wordModeration);
    const { wordModeration: _gone, ...old } = initialState();
    expect({ ...initialState(), ...old }.wordModeration).toEqual({});
  });
});
