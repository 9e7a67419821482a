import type { Migration } from '../../node/sqlite/database';

/**
 * The régie's numbered, append-only schema migrations. Never edit a released one: add the next
 * number. `schema_migrations` records which ran; a database with a higher number than we know was
 * written by a newer Pupitre and is refused (src/node/sqlite/database.ts).
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'journal, command ids, snapshots, settings',
    sql: `
      CREATE TABLE journal (
        seq        INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        actor      TEXT    NOT NULL,
        command_id TEXT,
        type       TEXT    NOT NULL,
        payload    TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX journal_type ON journal(type, seq);

      -- One row a command applied: a retry with the same id gets the same answer, applied once.
      CREATE TABLE commands (
        id       TEXT    PRIMARY KEY,
        seq      INTEGER NOT NULL,
        at       INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- The state as of a journal seq, written in the same transaction as that seq's events.
      CREATE TABLE snapshots (
        seq   INTEGER PRIMARY KEY,
        at    INTEGER NOT NULL,
        state TEXT    NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'outbox of the régie’s commands to the audience hub',
    sql: `
      -- Written in the same transaction as the events that cause them; sent in seq order once
      -- the link is up; kept after the hub acknowledged them (acked_at), for the incident log.
      CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY,
        command    TEXT    NOT NULL,
        created_at INTEGER NOT NULL,
        acked_at   INTEGER
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'snapshot format: how the reducers derived the state it holds',
    sql: `
      -- 0: written before formats were recorded. A snapshot of another format than the running
      -- code's is set aside and the journal replayed from the start (snapshots.ts).
      ALTER TABLE snapshots ADD COLUMN format INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    name: 'seats: named accesses to the core, each with its own token',
    sql: `
      -- Filled at start-up by the seat store (seat-store.ts): the régie's seats, and per room of
      -- the programme an output, a stage and a room moderator. The tokens of before (settings
      -- token.control/output/stage) become the first régie seat's, the main output's and stage's.
      -- A seat is never deleted: revoked, its token is NULL until a new one is issued.
      CREATE TABLE seats (
        id         TEXT    PRIMARY KEY,
        position   INTEGER NOT NULL,
        name       TEXT    NOT NULL,
        kind       TEXT    NOT NULL CHECK (kind IN ('regie', 'room', 'output', 'stage')),
        room       TEXT,
        token      TEXT    UNIQUE,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
