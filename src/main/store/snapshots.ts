import type { Db } from '../../node/sqlite/database';

/**
 * How the reducers derive the state from the journal. Bump it when the same events would now reduce
 * to another state (a snapshot written before would disagree with a replay of its own journal):
 * a snapshot of another format is then set aside and the journal replayed from the start, once.
 * 0: snapshots written before formats were recorded. 1: findings located in their field (issue 15),
 * times on the show clock in rehearsal (issue 16). 2: rooms' Q&A (issue 17): `live.qa` per room, a
 * room on every interaction run, question and as-run line. 3: each room its own program bus, stage
 * message and last GO (issue 17). 4: each room its own cue standby, hold and last GO time (issue 17).
 * Snapshots of format 1 to 3 are upgraded on load (snapshot-upgrade.ts), not replayed.
 */
export const SNAPSHOT_FORMAT = 4;

export interface StoredSnapshot {
  seq: number;
  state: string;
  format: number;
}

/** Snapshots of the state at a journal seq: a restart replays only what follows the latest one. */
export class Snapshots {
  private readonly insert;
  private readonly latestStmt;
  private readonly prune;

  constructor(db: Db) {
    // A database read as it is (an export from a copy, a purge) may predate the format column.
    const hasFormat = db.prepare("SELECT 1 FROM pragma_table_info('snapshots') WHERE name = 'format'").get() !== undefined;
    this.insert = hasFormat
      ? db.prepare(`INSERT OR REPLACE INTO snapshots (seq, at, state, format) VALUES (?, ?, ?, ${SNAPSHOT_FORMAT})`)
      : db.prepare('INSERT OR REPLACE INTO snapshots (seq, at, state) VALUES (?, ?, ?)');
    this.latestStmt = db.prepare(`SELECT seq, state, ${hasFormat ? 'format' : '0 AS format'} FROM snapshots ORDER BY seq DESC LIMIT 1`);
    // Keep a few: if the newest were ever unreadable, an older one plus the journal still rebuilds.
    this.prune = db.prepare('DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 3)');
  }

  save(seq: number, at: number, stateJson: string): void {
    this.insert.run(seq, at, stateJson);
    this.prune.run();
  }

  latest(): StoredSnapshot | undefined {
    return this.latestStmt.get() as StoredSnapshot | undefined;
  }
}
