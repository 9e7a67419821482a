import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../node/sqlite/database';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openRegieDatabase } from './regie-database';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pupitre-regie-db-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openRegieDatabase', () => {
  it('brings a new file to the régie’s latest schema: journal, commands, snapshots, settings, outbox', () => {
    const db = openRegieDatabase(join(dir, 'pupitre.sqlite3'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['journal', 'commands', 'snapshots', 'settings', 'outbox']));
    db.close();
  });
});
