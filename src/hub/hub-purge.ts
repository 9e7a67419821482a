import { purgeAudienceMessage } from '../node/purge/purge-audience-message';
import type { PurgeContext } from '../node/purge/purge-context';
import { PurgeError } from '../node/sqlite/compact-file';
import type { Db } from '../node/sqlite/database';
import { flagSpans } from '../shared/domain/stored-flags';
import { audienceMessageSchema } from '../shared/protocol/audience-messages';
import { MAX } from '../shared/protocol/limits';
import { type Board, boardSchema, emptyBoard, type RoomBoard } from './board';
import { hubMigrations } from './hub-migrations';

/**
 * The RGPD purge of the hub's database (hub.sqlite3, beside the régie's for the embedded hub, on
 * its server for a remote one), in a work copy (compact-file.ts): the backlog's messages purged
 * like the journal's, and the participant ids of the message ids, votes, upvotes and words
 * replaced by the same pseudonyms — the counts stay true. The published questions on the board
 * lose their askers' names.
 */

export const HUB_PURGE_TABLES = ['meta', 'backlog', 'msg_ids', 'votes', 'upvotes', 'words'] as const;

export function checkHubDb(db: Db, file: string): void {
  const names = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  if (!['schema_migrations', ...HUB_PURGE_TABLES].every((t) => names.has(t)))
    throw new PurgeError(`${file} n’est pas une base de hub Pupitre. Rien n’a été modifié.`, 2);
  const version = (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
  const known = hubMigrations[hubMigrations.length - 1]?.version ?? 0;
  if (version > known)
    throw new PurgeError(
      `${file} a été écrite par une version plus récente du hub (schéma ${version}, cette version connaît ${known}). Rien n’a été modifié.`,
      3,
    );
}

function purgeRoomBoard(board: RoomBoard, ctx: PurgeContext): RoomBoard {
  return {
    ...board,
    questions: board.questions.map((q) => ({
      ...q,
      text: ctx.text(q.text, 'question', flagSpans(q.text, ctx.known(q.id)), MAX.questionText) || '…',
      name: null,
    })),
    results:
      board.results?.kind === 'cloud'
        ? { ...board.results, words: board.results.words.map((w) => ({ ...w, text: ctx.word(w.text) })) }
        : board.results,
  };
}

function purgeBoard(board: Board, ctx: PurgeContext): Board {
  return {
    ...board,
    rooms: Object.fromEntries(Object.entries(board.rooms).map(([room, rb]) => [room, purgeRoomBoard(rb, ctx)])),
    notice: board.notice === null ? null : ctx.text(board.notice, 'stage-message', [], MAX.notice) || '…',
    bannedWords: Object.fromEntries(Object.entries(board.bannedWords).map(([cloud, keys]) => [cloud, keys.map((k) => ctx.wordKey(k))])),
  };
}

export interface HubPurgeCounts {
  backlog: number;
  msgIds: number;
  votes: number;
  upvotes: number;
  words: number;
  /** Backlog rows that could not be read: removed rather than kept unpurged. */
  dropped: number;
}

/** Rewrites a table whose key holds a participant id: every row read, the table emptied, the rows put back. */
function rewriteRows<R extends Record<string, string | number>>(
  db: Db,
  table: string,
  columns: readonly (keyof R & string)[],
  map: (r: R) => R,
): number {
  const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).all() as R[];
  db.prepare(`DELETE FROM ${table}`).run();
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const r of rows) {
    const m = map(r);
    insert.run(...columns.map((c) => m[c]));
  }
  return rows.length;
}

export function purgeHubTables(db: Db, ctx: PurgeContext): HubPurgeCounts {
  const boardJson = db.prepare("SELECT value FROM meta WHERE key = 'board'").pluck().get() as string | undefined;
  if (boardJson !== undefined) {
    let board: Board = emptyBoard;
    try {
      const parsed = boardSchema.safeParse(JSON.parse(boardJson));
      if (parsed.success) board = parsed.data;
    } catch {
      // Unreadable: the hub itself would start from an empty board; nothing of it is kept.
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'board'").run(JSON.stringify(purgeBoard(board, ctx)));
  }

  let backlog = 0;
  let dropped = 0;
  const rows = db.prepare('SELECT hub_seq AS hubSeq, payload FROM backlog').all() as { hubSeq: number; payload: string }[];
  const put = db.prepare('UPDATE backlog SET msg_id = ?, payload = ? WHERE hub_seq = ?');
  const drop = db.prepare('DELETE FROM backlog WHERE hub_seq = ?');
  for (const r of rows) {
    let parsed;
    try {
      parsed = audienceMessageSchema.safeParse(JSON.parse(r.payload));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      drop.run(r.hubSeq);
      dropped += 1;
      continue;
    }
    const m = purgeAudienceMessage(parsed.data, ctx, ctx.known(parsed.data.msgId));
    put.run(m.msgId, JSON.stringify(m), r.hubSeq);
    backlog += 1;
  }

  const msgIds = rewriteRows<{ msg_id: string; hub_seq: number; at: number }>(db, 'msg_ids', ['msg_id', 'hub_seq', 'at'], (r) => ({
    ...r,
    msg_id: ctx.msgId(r.msg_id),
  }));
  const votes = rewriteRows<{ poll_id: string; participant_id: string; choice_key: string; msg_id: string; hub_seq: number }>(
    db,
    'votes',
    ['poll_id', 'participant_id', 'choice_key', 'msg_id', 'hub_seq'],
    (r) => ({ ...r, participant_id: ctx.participant(r.participant_id), msg_id: ctx.msgId(r.msg_id) }),
  );
  const upvotes = rewriteRows<{ question_id: string; participant_id: string; hub_seq: number }>(
    db,
    'upvotes',
    ['question_id', 'participant_id', 'hub_seq'],
    (r) => ({ ...r, participant_id: ctx.participant(r.participant_id) }),
  );
  const words = rewriteRows<{ cloud_id: string; participant_id: string; word_key: string; hub_seq: number }>(
    db,
    'words',
    ['cloud_id', 'participant_id', 'word_key', 'hub_seq'],
    (r) => ({ ...r, participant_id: ctx.participant(r.participant_id), word_key: ctx.wordKey(r.word_key) }),
  );
  // Rooms (issue 17): the personal codes name attendees (the régie's purge forgets them too), and
  // where each participant sat goes under its pseudonym. A database of before rooms has neither.
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  if (tables.has('personal_codes')) db.prepare('DELETE FROM personal_codes').run();
  if (tables.has('participant_places')) {
    rewriteRows<{ participant_id: string; room: string; origin: string; chosen: number; at: number }>(
      db,
      'participant_places',
      ['participant_id', 'room', 'origin', 'chosen', 'at'],
      (r) => ({ ...r, participant_id: ctx.participant(r.participant_id) }),
    );
    db.prepare("DELETE FROM meta WHERE key = 'codeSalt'").run();
  }
  return { backlog, msgIds, votes, upvotes, words, dropped };
}
