import type { Db } from '../../node/sqlite/database';

/** One row of the append-only journal. `payload` is the event's JSON. */
export interface JournalRow {
  seq: number;
  at: number;
  actor: string;
  commandId: string | null;
  type: string;
  payload: string;
}

export interface NewJournalRow {
  at: number;
  actor: string;
  commandId: string | null;
  type: string;
  payload: string;
}

/**
 * The journal: events appended in seq order, never rewritten. Callers wrap appends in a
 * transaction (group commit); this class only holds the prepared statements.
 */
export class Journal {
  private readonly insert;
  private readonly insertCommand;
  private readonly findCommand;
  private readonly lastSeqStmt;
  private readonly readFromStmt;
  private readonly readSomeStmt;
  private readonly rowAtStmt;
  private readonly upsertCommand;
  private readonly lastEpochStmt;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO journal (seq, at, actor, command_id, type, payload) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertCommand = db.prepare('INSERT INTO commands (id, seq, at) VALUES (?, ?, ?)');
    this.findCommand = db.prepare('SELECT seq FROM commands WHERE id = ?').pluck();
    this.lastSeqStmt = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM journal').pluck();
    this.readFromStmt = db.prepare(
      'SELECT seq, at, actor, command_id AS commandId, type, payload FROM journal WHERE seq > ? ORDER BY seq',
    );
    this.readSomeStmt = db.prepare(
      'SELECT seq, at, actor, command_id AS commandId, type, payload FROM journal WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    this.rowAtStmt = db.prepare('SELECT seq, at, actor, command_id AS commandId, type, payload FROM journal WHERE seq = ?');
    // A command's id names the seq of its last event: a copied journal meets the id once per event.
    this.upsertCommand = db.prepare('INSERT INTO commands (id, seq, at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq');
    this.lastEpochStmt = db
      .prepare("SELECT COALESCE(MAX(json_extract(payload, '$.epoch')), 0) FROM journal WHERE type = 'epoch.begun'")
      .pluck();
  }

  lastSeq(): number {
    return this.lastSeqStmt.get() as number;
  }

  append(seq: number, row: NewJournalRow): void {
    this.insert.run(seq, row.at, row.actor, row.commandId, row.type, row.payload);
  }

  recordCommand(id: string, seq: number, at: number): void {
    this.insertCommand.run(id, seq, at);
  }

  /** The seq at which a command id was applied, if it was. */
  commandSeq(id: string): number | undefined {
    return this.findCommand.get(id) as number | undefined;
  }

  /** At most `limit` rows after `seq`, in order (what a standby is sent next). */
  readSome(seq: number, limit: number): JournalRow[] {
    return this.readSomeStmt.all(seq, limit) as JournalRow[];
  }

  rowAt(seq: number): JournalRow | undefined {
    return this.rowAtStmt.get(seq) as JournalRow | undefined;
  }

  /** A command id met in a copied journal row (a standby's): applied at that seq. */
  recordCopiedCommand(id: string, seq: number, at: number): void {
    this.upsertCommand.run(id, seq, at);
  }

  /** The epoch this journal is at: its last `epoch.begun`, or 0 (a régie that never took over). */
  lastEpoch(): number {
    return this.lastEpochStmt.get() as number;
  }

  *readAfter(seq: number): IterableIterator<JournalRow> {
    yield* this.readFromStmt.iterate(seq) as IterableIterator<JournalRow>;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
