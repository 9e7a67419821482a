import type { Db } from '../../node/sqlite/database';

/** Snapshots of the state at a journal seq: a restart replays only what follows the latest one. */
export class Snapshots {
  private readonly insert;
  private readonly latestStmt;
  private readonly prune;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT OR REPLACE INTO snapshots (seq, at, state) VALUES (?, ?, ?)');
    this.latestStmt = db.prepare('SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1');
    // Keep a few: if the newest were ever unreadable, an older one plus the journal still rebuilds.
    this.prune = db.prepare('DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 3)');
  }

  save(seq: number, at: number, stateJson: string): void {
    this.insert.run(seq, at, stateJson);
    this.prune.run();
  }

  latest(): { seq: number; state: string } | undefined {
    return this.latestStmt.get() as { seq: number; state: string } | undefined;
  }
}
