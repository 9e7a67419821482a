import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../hub/hub-migrations';
import { HubStore } from '../../../hub/hub-store';
import type { AudienceMessage } from '../../../shared/protocol/audience-messages';
import { RegieEngine } from '../../engine/regie-engine';
import { audienceReceived } from '../../link/hub-link';
import type { RegieEvent } from '../../engine/events';
import { QUESTION_HEADER, questionsTable } from '../../export/question-export';
import { openExportDatabase } from '../../export/export-database';
import { openDatabase } from '../../../node/sqlite/database';
import { openRegieDatabase } from '../regie-database';
import { Journal } from '../journal';
import { SNAPSHOT_FORMAT, Snapshots } from '../snapshots';
import { purgeDataDir } from './purge-data-dir';

/**
 * The purge on real SQLite files, in process: a régie database written by the engine and a hub
 * database written by its store, with participants, names, personal data in texts, votes and words.
 */

const ALICE = 'aliceSecretParticipant01';
const BOB = 'bobSecretParticipant0002';
const NAMES = ['Alice Durandeau', 'Bob Martinot'];
const ORIGINALS = ['Léa', '06 12 34 56 78', 'jeanne.dupont@exemple.fr', 'Moreau', 'zigoto'];

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pupitre-purge-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

let hubSeq = 0;
const msg = (participantId: string, body: Record<string, unknown>): AudienceMessage =>
  ({
    hubSeq: ++hubSeq,
    msgId: `${participantId}:c${hubSeq}`,
    receivedAt: 1_624_520_000_000 + hubSeq,
    origin: 'room',
    participantId,
    ...body,
  }) as AudienceMessage;

async function writeRegie(): Promise<AudienceMessage[]> {
  const db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
  const engine = new RegieEngine(new Journal(db), new Snapshots(db), { snapshotEvery: 3, snapshotMinIntervalMs: 0 });
  const system = (events: RegieEvent[], id: string | null = null) => engine.submitSystem('audience', () => events, id);
  await system([{ type: 'moderation.lists.set', badWords: [], names: ['Moreau'], allowed: [] }]);
  await system([{ type: 'interaction.opened', interactionId: 'sondage', at: 1 }]);
  const messages = [
    msg(ALICE, { type: 'question.ask', text: 'Comment aider ma fille Léa ? Appelez le 06 12 34 56 78', name: NAMES[0], sessionId: null }),
    msg(BOB, { type: 'question.ask', text: 'La famille Moreau écrit à jeanne.dupont@exemple.fr', name: NAMES[1], sessionId: null }),
    msg(ALICE, { type: 'question.ask', text: 'Une seconde question sans rien', name: NAMES[0], sessionId: null }),
    msg(ALICE, { type: 'poll.vote', pollId: 'sondage', choices: [0], rating: null, replaces: null }),
    msg(BOB, { type: 'poll.vote', pollId: 'sondage', choices: [1], rating: null, replaces: null }),
    msg(BOB, { type: 'words.send', cloudId: 'nuage', words: ['écoute', 'Moreau'] }),
    msg(BOB, { type: 'question.ask', text: 'Le surnom zigoto circule au collège', name: null, sessionId: null }),
  ];
  for (const m of messages) {
    // Journaled as today's hub link does (findings, held words); the word cloud's as an older journal did.
    const event: RegieEvent =
      m.type === 'words.send'
        ? { type: 'audience.received', hubId: 'hub', message: m, flags: [{ kind: 'name', match: 'Moreau' }] }
        : audienceReceived(engine.state, 'hub', m);
    await system([event], `aud:${m.msgId}`);
  }
  await system([{ type: 'audience.received', hubId: 'hub', message: msg(BOB, { type: 'question.upvote', questionId: 'q-3' }) }]);
  // A moderator redacts what the detector did not find; the redaction's undo keeps the original.
  const nickname = engine.state.audience.questions.find((q) => q.text.includes('zigoto'))!;
  const at = nickname.text.indexOf('zigoto');
  await system([
    {
      type: 'question.redacted',
      questionId: nickname.id,
      spans: [{ field: 'text', kind: 'given-name', start: at, end: at + 6, match: 'zigoto' }],
    },
  ]);
  await system([
    { type: 'log.noted', text: 'rien' },
    { type: 'log.noted', text: 'rien' },
    { type: 'log.noted', text: 'rien' },
  ]);
  expect(JSON.stringify(engine.state.redactionUndo)).toContain('zigoto');
  engine.close();
  db.close();
  return messages;
}

function writeHub(messages: AudienceMessage[]): void {
  const db = openDatabase(join(dir, 'hub.sqlite3'), { migrations: hubMigrations });
  const store = new HubStore(db);
  store.transaction(() => {
    for (const m of messages) {
      store.append(m);
      store.recordMsg(m.msgId, m.hubSeq, m.receivedAt);
    }
    store.putVote('sondage', ALICE, '0', messages[3]!.msgId, 4);
    store.putUpvote('q-3', BOB, 7);
    store.putWord('nuage', BOB, 'moreau', 6);
    store.setMeta(
      'board',
      JSON.stringify({
        interaction: null,
        results: null,
        qa: { open: true, roomOnly: false, sessionId: null },
        notice: null,
        questions: [{ id: 'q-3', text: 'Comment aider ma fille Léa ?', name: NAMES[0], publishedAt: 5 }],
        bannedWords: {},
      }),
    );
  });
  db.close();
}

/** Every byte of the data folder's databases and their logs (WAL, journal) as text. */
function bytesOf(): string {
  return readdirSync(dir)
    .filter((f) => f.includes('.sqlite3'))
    .map((f) => readFileSync(join(dir, f)).toString('latin1') + readFileSync(join(dir, f)).toString('utf8'))
    .join('\n');
}

describe('purgeDataDir', () => {
  it('leaves no participant id, display name or redacted original in the files, and keeps the counts', async () => {
    const messages = await writeRegie();
    writeHub(messages);
    mkdirSync(join(dir, 'logs'));
    writeFileSync(
      join(dir, 'logs', 'pupitre.log'),
      `2021-06-24T10:00:00Z ERROR participant message failed {"err":"${ALICE} dit ${NAMES[1]}"}\n`,
    );
    const before = openExportDatabase(dir).state;
    for (const secret of [ALICE, BOB, ...NAMES]) expect(bytesOf()).toContain(secret);

    const report = purgeDataDir(dir);
    expect(report.participants).toBe(2);
    expect(readdirSync(dir).filter((f) => f.includes('purge'))).toEqual([]);
    expect(existsSync(join(dir, 'pupitre.sqlite3-wal'))).toBe(false);
    const bytes = bytesOf();
    for (const secret of [ALICE, BOB, ...NAMES, ...ORIGINALS]) expect(bytes, secret).not.toContain(secret);
    const log = readFileSync(join(dir, 'logs', 'pupitre.log'), 'utf8');
    for (const secret of [ALICE, NAMES[1]!]) expect(log).not.toContain(secret);

    const after = openExportDatabase(dir).state;
    expect(after.audience.tallies).toEqual(before.audience.tallies);
    expect(after.audience.questions.map((q) => [q.id, q.upvotes, q.name])).toEqual(
      before.audience.questions.map((q) => [q.id, q.upvotes, null]),
    );
    expect(after.audience.questions[0]?.text).toBe('Comment aider ma fille [prénom] ? Appelez le [téléphone]');
    expect(Object.values(after.audience.words['nuage'] ?? {}).reduce((a, b) => a + b, 0)).toBe(2);
    expect(after.moderation.names).toEqual([]);
    // Two people stay two: Alice's two questions share one pseudonym, Bob has another.
    const authors = questionsTable(after, { kind: 'event' }).rows.map((r) => r[QUESTION_HEADER.indexOf('auteur')]);
    expect(authors).toEqual(['Participant 1', 'Participant 2', 'Participant 1', 'Participant 2']);
    expect(after.redactionUndo).toEqual({});
    expect(after.audience.questions.at(-1)?.text).toBe('Le surnom [prénom] circule au collège');
    expect(after.notes.at(-1)?.text).toMatch(/^Purge RGPD/);
    // The purged snapshot is of today's format: the core starts from it, not from a replay of the purged journal.
    const purged = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
    try {
      expect(new Snapshots(purged).latest()?.format).toBe(SNAPSHOT_FORMAT);
    } finally {
      purged.close();
    }
  });

  it('refuses a database a running Pupitre holds, and changes nothing', async () => {
    await writeRegie();
    const held = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
    try {
      expect(() => purgeDataDir(dir)).toThrow(/utilisée par un Pupitre/);
    } finally {
      held.close();
    }
    expect(bytesOf()).toContain(ALICE);
  });
});
