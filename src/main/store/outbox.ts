import type { Db } from '../../node/sqlite/database';

export interface OutboxRow {
  seq: number;
  command: string;
}

/** An outbox row as a standby copies it (docs/standby.md). */
export interface CopiedOutboxRow extends OutboxRow {
  createdAt: number;
}

/**
 * The régie's commands to the hub, in order. Appended inside the engine's transaction (so a
 * command exists exactly when the event that caused it does), sent by the link when it is up.
 */
export class Outbox {
  private readonly insert;
  private readonly lastSeqStmt;
  private readonly pendingStmt;
  private readonly countStmt;
  private readonly ackStmt;
  private readonly lastOfTypeStmt;
  private readonly copyStmt;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO outbox (seq, command, created_at) VALUES (?, ?, ?)');
    this.lastSeqStmt = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM outbox').pluck();
    this.pendingStmt = db.prepare('SELECT seq, command FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    this.countStmt = db.prepare('SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL').pluck();
    this.ackStmt = db.prepare('UPDATE outbox SET acked_at = ? WHERE seq <= ? AND acked_at IS NULL');
    this.copyStmt = db.prepare('SELECT seq, command, created_at AS createdAt FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    this.lastOfTypeStmt = db
      .prepare("SELECT command FROM outbox WHERE json_extract(command, '$.type') = ? ORDER BY seq DESC LIMIT 1")
      .pluck();
  }

  /** The JSON of the last command of a type (a rare type: this reads the whole table). */
  lastOfType(type: string): string | null {
    return (this.lastOfTypeStmt.get(type) as string | undefined) ?? null;
  }

  lastSeq(): number {
    return this.lastSeqStmt.get() as number;
  }

  append(seq: number, command: unknown, at: number): void {
    this.insert.run(seq, JSON.stringify(command), at);
  }

  /** Rows after `seq` with their time, for a standby's copy. */
  copyAfter(seq: number, limit: number): CopiedOutboxRow[] {
    return this.copyStmt.all(seq, limit) as CopiedOutboxRow[];
  }

  /** A row copied from the primary (same seq, same JSON): a standby that takes over sends on from there. */
  appendCopy(row: CopiedOutboxRow): void {
    this.insert.run(row.seq, row.command, row.createdAt);
  }

  /** Rows after `seq`, in order (the hub's appliedSeq + 1 onwards). */
  after(seq: number, limit = 200): OutboxRow[] {
    return this.pendingStmt.all(seq, limit) as OutboxRow[];
  }

  unacked(): number {
    return this.countStmt.get() as number;
  }

  ackUpTo(seq: number, at: number): void {
    this.ackStmt.run(at, seq);
  }
}
