import { isDeepStrictEqual } from 'node:util';
import type { PersonalDataKind } from '../../../shared/domain/personal-data';
import { regieCommandSchema } from '../../../shared/protocol/regie-commands';
import { type EventMeta, parseJournalEvent, type RegieEvent, regieEventSchema } from '../../engine/events';
import { reduce } from '../../engine/reduce';
import { rebuildState } from '../../engine/regie-engine';
import { Journal } from '../journal';
import { Snapshots } from '../snapshots';
import { purgeState } from './purge-state';
import { initialState, type RegieState } from '../../../shared/api/state';
import { spanKindOfFlag, type StoredFlag } from '../../../shared/domain/stored-flags';
import type { Db } from '../../../node/sqlite/database';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import { PurgeError } from '../../../node/sqlite/compact-file';
import type { PurgeContext } from '../../../node/purge/purge-context';
import type { PurgeKnowledge } from './purge-context';
import { wordKeyOf } from './purge-context';
import { purgeEvent, type QuestionFacts } from './purge-event';
import { purgeHubCommand } from './purge-hub-command';

/** The régie's database file in a data folder. */
export const REGIE_DB_FILE = 'pupitre.sqlite3';

const PAGE = 2000;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')}\u00a0${n < 2 ? one : many}`;

interface Row {
  seq: number;
  at: number;
  actor: string;
  commandId: string | null;
  payload: string;
}

function tables(db: Db): Set<string> {
  return new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
}

/** Refuses a file that is not a régie's database, or one written by a newer Pupitre. */
export function checkRegieDb(db: Db, file: string): void {
  const t = tables(db);
  if (!['schema_migrations', 'journal', 'commands', 'snapshots'].every((name) => t.has(name)))
    throw new PurgeError(`${file} n’est pas une base de régie Pupitre (ni journal ni migrations de Pupitre). Rien n’a été modifié.`, 2);
  const version = (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
  if (version > LATEST_SCHEMA_VERSION)
    throw new PurgeError(
      `${file} a été écrite par une version plus récente de Pupitre (schéma ${version}, cette version connaît ${LATEST_SCHEMA_VERSION}) : purgez avec la dernière version. Rien n’a été modifié.`,
      3,
    );
}

function* journalPages(db: Db): Generator<Row[]> {
  const page = db.prepare('SELECT seq, at, actor, command_id AS commandId, payload FROM journal WHERE seq > ? ORDER BY seq LIMIT ?');
  for (let after = 0; ;) {
    const rows = page.all(after, PAGE) as Row[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
  }
}

function readEvent(row: Row) {
  try {
    return parseJournalEvent(row.seq, row.payload);
  } catch (err) {
    throw new PurgeError(
      `${err instanceof Error ? err.message : String(err)} : la purge ne peut pas réécrire ce journal. Rien n’a été modifié.`,
    );
  }
}

/**
 * The first pass: what the rewrite must know before it starts — every name the organisers ever
 * listed, the words moderators released, the words held on arrival, and for each question every
 * (kind, match) ever found or redacted in it.
 */
export function learnFromJournal(db: Db): { knowledge: PurgeKnowledge; facts: QuestionFacts } {
  const names = new Set<string>();
  let allowedWords: readonly string[] = [];
  const released = new Set<string>();
  const flaggedWords = new Map<string, PersonalDataKind>();
  const known = new Map<string, StoredFlag[]>();
  const know = (id: string, found: readonly StoredFlag[] | undefined) => {
    if (found && found.length > 0) known.set(id, [...(known.get(id) ?? []), ...found]);
  };
  /** Question id → the message id that brought it (the hub knows the question by it). */
  const msgIdOf = new Map<string, string>();
  const holds = (word: string, kind: string) => {
    const k = spanKindOfFlag(kind);
    if (k !== null) flaggedWords.set(wordKeyOf(word), k);
  };
  const learn = (row: Row, e: RegieEvent) => {
    switch (e.type) {
      case 'moderation.lists.set':
        e.names.forEach((n) => names.add(n));
        allowedWords = e.allowed;
        return;
      case 'words.allowed':
        released.add(e.key);
        return;
      case 'audience.received':
        if (e.message.type === 'words.send') {
          for (const f of e.flags ?? []) holds(f.match, f.kind);
          for (const h of e.held ?? []) holds(h.word, h.kind);
        } else if (e.message.type === 'question.ask') {
          msgIdOf.set(`q-${row.seq}`, e.message.msgId);
          know(`q-${row.seq}`, [...(e.flags ?? []), ...(e.findings ?? [])]);
        }
        return;
      case 'question.added':
        return know(`q-${row.seq}`, [...(e.flags ?? []), ...(e.findings ?? [])]);
      case 'question.edited':
        return know(e.questionId, e.findings);
      case 'question.flags.added':
        return know(e.questionId, e.flags);
      case 'question.findings.added':
        return know(e.questionId, e.findings);
      case 'question.redacted':
        return know(e.questionId, e.spans);
      default:
        return;
    }
  };
  for (const rows of journalPages(db)) {
    for (const row of rows) {
      // Read as plain JSON, for speed (the rewrite validates every event); an event this pass
      // cannot take is validated now, so that a damaged journal is reported as such.
      try {
        learn(row, JSON.parse(row.payload) as RegieEvent);
      } catch {
        learn(row, readEvent(row));
      }
    }
  }
  for (const [question, msgId] of msgIdOf) {
    const found = known.get(question);
    if (found) known.set(msgId, found);
  }
  return {
    knowledge: { organiserNames: [...names], allowedWords, releasedWordKeys: released, flaggedWordKeys: flaggedWords, known },
    facts: { known },
  };
}

/** What must come out the same from the purged journal as from the show's: everything counted. */
function counts(state: RegieState): unknown {
  return {
    questions: state.audience.questions.map((q) => [q.id, q.status, q.upvotes, q.askers, q.mergedInto, q.rank, q.origin, q.sessionId]),
    tallies: state.audience.tallies,
    received: state.audience.received,
    words: Object.fromEntries(
      Object.entries(state.audience.words).map(([cloud, w]) => [cloud, Object.values(w).reduce((a, b) => a + b, 0)]),
    ),
    wordParticipants: state.wordParticipants,
  };
}

export interface RegiePurgeCounts {
  events: number;
  questions: number;
  messages: number;
  outbox: number;
  /** The seq of the snapshot recomputed from the purged journal. */
  snapshotSeq: number;
}

/**
 * Rewrites the régie's tables in a work copy: every journal event purged (purge-event.ts), the
 * command ids of audience messages (they embed the participant id), the outbox's commands to the
 * hub, and one snapshot: the show's state as the original journal left it, purged (purge-state.ts),
 * its private slices (ballots, word senders) under pseudonyms and the redactions' undo gone. The
 * purged journal replayed from the start must count the same (questions, votes, words): checked.
 * A note in the logbook says when.
 */
export function purgeRegieTables(db: Db, ctx: PurgeContext, facts: QuestionFacts, now: number): RegiePurgeCounts {
  const update = db.prepare('UPDATE journal SET payload = ?, command_id = ? WHERE seq = ?');
  let original: RegieState;
  try {
    original = rebuildState(new Journal(db), new Snapshots(db)).state;
  } catch (err) {
    throw new PurgeError(
      `${err instanceof Error ? err.message : String(err)} : la purge ne peut pas réécrire ce journal. Rien n’a été modifié.`,
    );
  }
  let state: RegieState = initialState();
  let events = 0;
  let messages = 0;
  let lastSeq = 0;
  for (const rows of journalPages(db)) {
    for (const row of rows) {
      const event = readEvent(row);
      const purged = purgeEvent(event, ctx, facts, row.seq);
      // Read back as the core will read it: a rewritten event that its schema refuses stops the purge.
      if (purged !== event) {
        const checked = regieEventSchema.safeParse(purged);
        if (!checked.success)
          throw new PurgeError(
            `l’événement n° ${row.seq} purgé ne serait plus lisible (${checked.error.issues[0]?.message ?? 'schéma'}) : rien n’a été modifié.`,
          );
      }
      const commandId = row.commandId?.startsWith('aud:') ? `aud:${ctx.msgId(row.commandId.slice(4))}` : row.commandId;
      if (purged !== event || commandId !== row.commandId) update.run(JSON.stringify(purged), commandId, row.seq);
      const meta: EventMeta = { seq: row.seq, at: row.at, actor: row.actor };
      state = reduce(state, purged, meta);
      if (purged.type === 'audience.received') messages += 1;
      events += 1;
      lastSeq = row.seq;
    }
  }

  const ids = db.prepare("SELECT id FROM commands WHERE id LIKE 'aud:%'").pluck().all() as string[];
  const rename = db.prepare('UPDATE commands SET id = ? WHERE id = ?');
  for (const id of ids) rename.run(`aud:${ctx.msgId(id.slice(4))}`, id);

  let outbox = 0;
  if (tables(db).has('outbox')) {
    const rows = db.prepare('SELECT seq, command FROM outbox').all() as { seq: number; command: string }[];
    const put = db.prepare('UPDATE outbox SET command = ? WHERE seq = ?');
    for (const r of rows) {
      let parsed;
      try {
        parsed = regieCommandSchema.safeParse(JSON.parse(r.command));
      } catch {
        parsed = null;
      }
      // A command we cannot read cannot be vouched for: it goes (it was sent long ago, or never will be).
      if (!parsed?.success) {
        db.prepare('DELETE FROM outbox WHERE seq = ?').run(r.seq);
        continue;
      }
      put.run(JSON.stringify(purgeHubCommand(parsed.data, ctx)), r.seq);
      outbox += 1;
    }
  }

  if (!isDeepStrictEqual(counts(state), counts(original)))
    throw new PurgeError('le journal purgé ne retrouve pas les mêmes comptes (questions, votes, mots) : rien n’a été remplacé.');
  const purged = purgeState(original, ctx, facts.known);

  // The purge itself, in the logbook: when, and what went (the organisers may have to show it).
  const questions = purged.audience.questions.length;
  const note = {
    type: 'log.noted' as const,
    text: `Purge RGPD\u00a0: noms et identifiants des participants effacés (${plural(ctx.erased.participants.size, 'participant pseudonymisé', 'participants pseudonymisés')}, ${plural(questions, 'question gardée sans son auteur', 'questions gardées sans leur auteur')}).`,
  };
  const seq = lastSeq + 1;
  db.prepare('INSERT INTO journal (seq, at, actor, command_id, type, payload) VALUES (?, ?, ?, NULL, ?, ?)').run(
    seq,
    now,
    'purge',
    note.type,
    JSON.stringify(note),
  );
  const final = reduce(purged, note, { seq, at: now, actor: 'purge' });

  db.prepare('DELETE FROM snapshots').run();
  new Snapshots(db).save(seq, now, JSON.stringify(final)); // of today's format: the core starts from it
  return { events, questions, messages, outbox, snapshotSeq: seq };
}
