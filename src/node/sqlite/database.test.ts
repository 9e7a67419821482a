import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, type Migration, openDatabase, schemaVersion } from './database';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pupitre-db-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const migrations: readonly Migration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER) STRICT;' },
  { version: 2, name: 'two', sql: 'CREATE TABLE two (y INTEGER) STRICT;' },
];
const LATEST = 2;

describe('openDatabase', () => {
  it('creates the schema in WAL mode and records the migrations', () => {
    const db = openDatabase(join(dir, 'a.sqlite3'), { migrations });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('one', 'two') ORDER BY name").pluck().all()).toEqual(['one', 'two']);
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
    const db = openDatabase(path, { migrations });
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST + 5, 'future', 0);
    db.close();
    let error: unknown;
    try {
      openDatabase(path, { migrations });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/version plus récente de Pupitre/);
    expect((error as Error).message).toContain(String(LATEST + 5));
  });
});
