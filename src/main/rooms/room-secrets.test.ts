import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Settings } from '../store/settings';
import { roomSecret, roomSecretKey } from './room-secrets';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-room-secrets-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('room secrets in the régie settings', () => {
  it('makes one secret per room once, and keeps it across a reopening', () => {
    const settings = new Settings(db);
    const a = roomSecret(settings, 'salle-450');
    const b = roomSecret(settings, 'salle-800');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).not.toBe(a);
    expect(roomSecret(new Settings(db), 'salle-450')).toBe(a);
    expect(new Settings(db).get(roomSecretKey('salle-450'))).toBe(a);
    expect(new Settings(db).get(roomSecretKey('salle-800'))).toBe(b);
  });

  it('makes a damaged entry again and keeps the sound ones', () => {
    const settings = new Settings(db);
    const good = roomSecret(settings, 'salle-450');
    settings.set(roomSecretKey('salle-800'), 'court');
    expect(roomSecret(settings, 'salle-450')).toBe(good);
    const remade = roomSecret(settings, 'salle-800');
    expect(remade).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(roomSecret(settings, 'salle-800')).toBe(remade);
    expect(roomSecret(settings, 'constructor')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
