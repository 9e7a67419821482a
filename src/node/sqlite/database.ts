import Database from 'better-sqlite3';

/**
 * The SQLite connection of the régie and of the hub, each with its own numbered, append-only
 * migrations (src/main/store/migrations.ts, src/hub/hub-migrations.ts). Never edit a released
 * migration: add the next number. `schema_migrations` records which ran; a database with a higher
 * number than the list knows was written by a newer Pupitre and is refused.
 */
export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `La base ${path} a été écrite par une version plus récente de Pupitre (schéma ${found}, ` +
        `cette version connaît ${known}). Installez la dernière version de Pupitre, ou ouvrez ` +
        `une autre base avec --data-dir. Rien n'a été modifié.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron); default: the package's own. */
  nativeBinding?: string | undefined;
  /** The database's own migrations, oldest first. */
  migrations: readonly Migration[];
}

/**
 * Opens (or creates) a database and runs its migrations not yet applied: WAL so that readers never
 * block the writer, synchronous=FULL so that a committed transaction survives a power cut, not only
 * a crash.
 */
export function openDatabase(path: string, options: OpenOptions): Db {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path, options.migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function migrate(db: Db, path: string, list: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const known = list[list.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > known) throw new DatabaseTooNewError(path, current, known);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
    })();
  }
}
