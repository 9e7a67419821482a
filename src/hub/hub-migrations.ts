import type { Migration } from '../node/sqlite/database';

/**
 * The hub's own schema (its own file, hub.sqlite3), numbered and append-only like the régie's:
 * never edit a released migration, add the next number.
 */
export const hubMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'hub backlog, message ids, votes, upvotes, words, meta',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Audience messages accepted and not yet pruned (pruned some time after the régie acked them).
      CREATE TABLE backlog (
        hub_seq     INTEGER PRIMARY KEY,
        msg_id      TEXT    NOT NULL,
        received_at INTEGER NOT NULL,
        payload     TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX backlog_received ON backlog(received_at);

      -- Every message id accepted (participantId:clientMsgId): a retry is recognised.
      CREATE TABLE msg_ids (
        msg_id  TEXT    PRIMARY KEY,
        hub_seq INTEGER NOT NULL,
        at      INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX msg_ids_at ON msg_ids(at);

      -- The current vote of each participant in each poll (a new vote replaces it).
      CREATE TABLE votes (
        poll_id        TEXT    NOT NULL,
        participant_id TEXT    NOT NULL,
        choice_key     TEXT    NOT NULL,
        msg_id         TEXT    NOT NULL,
        hub_seq        INTEGER NOT NULL,
        PRIMARY KEY (poll_id, participant_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE upvotes (
        question_id    TEXT    NOT NULL,
        participant_id TEXT    NOT NULL,
        hub_seq        INTEGER NOT NULL,
        PRIMARY KEY (question_id, participant_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX upvotes_participant ON upvotes(participant_id);

      CREATE TABLE words (
        cloud_id       TEXT    NOT NULL,
        participant_id TEXT    NOT NULL,
        word_key       TEXT    NOT NULL,
        hub_seq        INTEGER NOT NULL,
        PRIMARY KEY (cloud_id, participant_id, word_key)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'rooms: personal codes and the place of each participant',
    sql: `
      -- Personal codes of remote attendees (docs/rooms.md § 4), hashed with the event's salt (meta
      -- codeSalt); participant_id: the phone that holds it now (one at a time), NULL: free.
      CREATE TABLE personal_codes (
        hash           TEXT PRIMARY KEY,
        participant_id TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX personal_codes_participant ON personal_codes(participant_id);

      -- Where the hub put a participant (room, « room » or « remote »), remembered for the day:
      -- a reload keeps its room and its presence; at = when it proved it or chose it.
      CREATE TABLE participant_places (
        participant_id TEXT    PRIMARY KEY,
        room           TEXT    NOT NULL,
        origin         TEXT    NOT NULL,
        chosen         INTEGER NOT NULL,
        at             INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
];
