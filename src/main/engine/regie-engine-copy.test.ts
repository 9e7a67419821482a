import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';
import { CopyRefused, rebuildState, RegieEngine, type ReplicationGate } from './regie-engine';

let dir: string;
let primaryDb: Db;
let standbyDb: Db;

const note = (id: string) => ({ id, command: { type: 'log.note', text: `note ${id}` } });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-copy-'));
  primaryDb = openRegieDatabase(join(dir, 'a.sqlite3'));
  standbyDb = openRegieDatabase(join(dir, 'b.sqlite3'));
});
afterEach(() => {
  primaryDb.close();
  standbyDb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('RegieEngine on hot standby', () => {
  it('applies copied rows as they are, with the same reducer, and knows their command ids', async () => {
    const primary = new RegieEngine(new Journal(primaryDb), new Snapshots(primaryDb));
    for (let i = 0; i < 5; i++) await primary.submit(note(`copy-note-${i}`), 'Régie — modération');
    const standby = new RegieEngine(new Journal(standbyDb), new Snapshots(standbyDb));
    standby.setReadOnly('Régie de secours');
    const rows = [...new Journal(primaryDb).readAfter(0)];
    standby.applyCopied(rows.slice(0, 2));
    standby.applyCopied(rows.slice(2));
    expect(standby.seq).toBe(primary.seq);
    expect(standby.state).toEqual(primary.state);
    expect([...new Journal(standbyDb).readAfter(0)]).toEqual(rows);
    expect(rebuildState(new Journal(standbyDb), null).state).toEqual(primary.state);
    expect(new Journal(standbyDb).commandSeq('copy-note-3')).toBe(4);
    // Read-only: a command is refused with the reason and writes nothing.
    expect(await standby.submit(note('copy-note-x'), 'Régie — modération')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Régie de secours' },
    });
    expect(standby.seq).toBe(5);
  });

  it('refuses a gap or a repeat, and writes nothing of that batch', async () => {
    const primary = new RegieEngine(new Journal(primaryDb), new Snapshots(primaryDb));
    for (let i = 0; i < 4; i++) await primary.submit(note(`gap-note-${i}`), 'a');
    const rows = [...new Journal(primaryDb).readAfter(0)];
    const standby = new RegieEngine(new Journal(standbyDb), new Snapshots(standbyDb));
    standby.applyCopied(rows.slice(0, 2));
    expect(() => standby.applyCopied([rows[3]!])).toThrow(CopyRefused);
    expect(() => standby.applyCopied([rows[1]!, rows[2]!])).toThrow(/n° 2 reçu, n° 3 attendu/);
    expect(standby.seq).toBe(2);
    expect(new Journal(standbyDb).lastSeq()).toBe(2);
  });

  it('answers a command only once the replication gate lets it go, and says whether it was mirrored', async () => {
    let release: (mirrored: boolean) => void = () => undefined;
    const gate: ReplicationGate = { waitFor: () => new Promise((r) => (release = r)) };
    const primary = new RegieEngine(new Journal(primaryDb), new Snapshots(primaryDb), { replication: gate });
    let answer: unknown = null;
    void primary.submit(note('gate-note-1'), 'a').then((r) => (answer = r));
    await new Promise((r) => setTimeout(r, 20));
    expect(primary.seq).toBe(1); // committed here…
    expect(answer).toBeNull(); // …but not answered before the standby has it
    release(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(answer).toEqual({ ok: true, seq: 1, duplicate: false, standby: 'mirrored' });
  });
});

describe('journals written before the hot standby', () => {
  it.each(['journal-bus-v1', 'journal-flags-v1', 'journal-rooms-v0'])(
    '%s is at epoch 0, replays, and copies whole to a standby',
    (fixture) => {
      const db = new Database(join(import.meta.dirname, '../../../tests/fixtures', fixture, 'pupitre.sqlite3'), { readonly: true });
      try {
        const journal = new Journal(db);
        expect(journal.lastEpoch()).toBe(0);
        const { state, seq } = rebuildState(journal, null);
        const standby = new RegieEngine(new Journal(standbyDb), new Snapshots(standbyDb));
        standby.applyCopied([...journal.readAfter(0)]);
        expect(standby.seq).toBe(seq);
        expect(standby.state).toEqual(state);
      } finally {
        db.close();
      }
    },
  );
});
