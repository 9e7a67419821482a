import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase, schemaVersion } from './database';
import { LATEST_SCHEMA_VERSION } from '../../main/store/migrations';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pupitre-db-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates the schema in WAL mode and records the migrations', () => {
    const db = openDatabase(join(dir, 'a.sqlite3'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('runs only the migrations not yet applied', () => {
    const path = join(dir, 'b.sqlite3');
    const first = [{ version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER) STRICT;' }];
    openDatabase(path, { migrations: first }).close();
    const db = openDatabase(path, { migrations: [...first, { version: 2, name: 'two', sql: 'CREATE TABLE two (y INTEGER) STRICT;' }] });
    expect(schemaVersion(db)).toBe(2);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: 'one' },
      { version: 2, name: 'two' },
    ]);
    db.close();
  });

  it('refuses a database written by a newer version, with a clear message, and changes nothing', () => {
    const path = join(dir, 'c.sqlite3');
    const db = openDatabase(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 5, 'future', 0);
    db.close();
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/version plus récente de Pupitre/);
    expect((error as Error).message).toContain(String(LATEST_SCHEMA_VERSION + 5));
  });
});
