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

  *readAfter(seq: number): IterableIterator<JournalRow> {
    yield* this.readFromStmt.iterate(seq) as IterableIterator<JournalRow>;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
