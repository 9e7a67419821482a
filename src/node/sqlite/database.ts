import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, type Migration, migrations as allMigrations } from '../../main/store/migrations';

export type Db = Database.Database;

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
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the régie's database: WAL so that readers never block the writer,
 * synchronous=FULL so that a committed transaction survives a power cut, not only a crash.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path, options.migrations ?? allMigrations);
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
  const known = list[list.length - 1]?.version ?? LATEST_SCHEMA_VERSION;
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
