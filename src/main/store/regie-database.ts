import { type Db, openDatabase } from '../../node/sqlite/database';
import { migrations } from './migrations';

/** The régie's database (pupitre.sqlite3): the shared SQLite connection with the régie's migrations. */
export function openRegieDatabase(path: string, options: { nativeBinding?: string | undefined } = {}): Db {
  return openDatabase(path, { ...options, migrations });
}
