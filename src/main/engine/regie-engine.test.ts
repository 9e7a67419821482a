import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../node/sqlite/database';
import { openRegieDatabase } from '../store/regie-database';
import { Journal } from '../store/journal';
import { migrations } from '../store/migrations';
import { SNAPSHOT_FORMAT, Snapshots } from '../store/snapshots';
import { rebuildState, RegieEngine } from './regie-engine';
import type { Committed } from './regie-engine';

let dir: string;
let db: Db;

function engineOn(database: Db, opts: ConstructorParameters<typeof RegieEngine>[2] = {}) {
  return new RegieEngine(new Journal(database), new Snapshots(database), opts);
}

const note = (id: string, text = `note ${id}`) => ({ id, command: { type: 'log.note', text } });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pupitre-engine-'));
  db = openRegieDatabase(join(dir, 'db.sqlite3'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('RegieEngine', () => {
  it('commits a command, then reports the changed slices', async () => {
    const committed: Committed[] = [];
    const engine = engineOn(db, { onCommitted: (c) => committed.push(c) });
    const r = await engine.submit(note('cmd-00001'), 'control-1');
    expect(r).toEqual({ ok: true, seq: 1, duplicate: false });
    expect(engine.state.notes).toEqual([expect.objectContaining({ seq: 1, author: 'control-1', text: 'note cmd-00001' })]);
    expect(committed).toEqual([{ fromSeq: 0, seq: 1, changed: ['notes', 'notesTotal'] }]);
  });

  it('applies a command id once, even when it is sent again (same batch or later)', async () => {
    const engine = engineOn(db);
    const [a, b] = await Promise.all([engine.submit(note('same-id-1'), 's'), engine.submit(note('same-id-1'), 's')]);
    const c = await engine.submit(note('same-id-1'), 's');
    expect(a).toEqual({ ok: true, seq: 1, duplicate: false });
    expect(b).toEqual({ ok: true, seq: 1, duplicate: true });
    expect(c).toEqual({ ok: true, seq: 1, duplicate: true });
    expect(engine.state.notesTotal).toBe(1);
  });

  it('groups the commands of one event-loop turn into one transaction', async () => {
    let commits = 0;
    const engine = engineOn(db, { onCommitted: () => (commits += 1) });
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => engine.submit(note(`batch-${String(i).padStart(4, '0')}`), 's')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(commits).toBe(1);
    expect(engine.seq).toBe(500);
  });

  it('refuses malformed, unknown and invalid commands with typed errors, writing nothing', async () => {
    const engine = engineOn(db);
    expect(await engine.submit('nope', 's')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(await engine.submit({ id: 'short', command: {} }, 's')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(await engine.submit({ id: 'unknown-1', command: { type: 'poll.explode' } }, 's')).toMatchObject({
      ok: false,
      error: { code: 'unknown_command', message: expect.stringContaining('poll.explode') },
    });
    expect(await engine.submit({ id: 'invalid-1', command: { type: 'log.note', text: 42 } }, 's')).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [expect.objectContaining({ path: 'command.text' })] },
    });
    expect(await engine.submit({ id: 'toolong-1', command: { type: 'log.note', text: 'x'.repeat(5000) } }, 's')).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    expect(engine.seq).toBe(0);
    expect(new Journal(db).lastSeq()).toBe(0);
  });

  it('rebuilds the same state after a restart, from snapshot + journal tail and from the journal alone', async () => {
    const engine = engineOn(db, { snapshotEvery: 100, snapshotMinIntervalMs: 0 });
    for (let i = 0; i < 7; i += 1) {
      await Promise.all(Array.from({ length: 90 }, (_, j) => engine.submit(note(`rebuild-${i}-${String(j).padStart(3, '0')}`), 's')));
    }
    await engine.submit({ id: 'clock-0001', command: { type: 'clock.set', clock: { mode: 'rehearsal', at: 1_624_517_400_000 } } }, 's');
    const expected = engine.state;
    expect(engine.seq).toBe(631);
    const snapshots = new Snapshots(db);
    expect(snapshots.latest()?.seq).toBe(540); // every ≥ 100 events: 180, 360, 540; the tail replays the rest

    const restarted = engineOn(db);
    expect(restarted.seq).toBe(631);
    expect(restarted.state).toEqual(expected);
    expect(rebuildState(new Journal(db), null).state).toEqual(expected);
  });

  it('starts from a snapshot of its own format, and sets aside one of another format (the journal alone)', async () => {
    const engine = engineOn(db, { snapshotEvery: 1, snapshotMinIntervalMs: 0 });
    await engine.submit(note('format-1', 'as written'), 's');
    expect(new Snapshots(db).latest()).toMatchObject({ seq: 1, format: SNAPSHOT_FORMAT });
    // The snapshot is what a restart reads: altered, the state says so…
    const altered = (db.prepare('SELECT state FROM snapshots WHERE seq = 1').pluck().get() as string).replace('as written', 'from the snapshot');
    db.prepare('UPDATE snapshots SET state = ? WHERE seq = 1').run(altered);
    expect(rebuildState(new Journal(db), new Snapshots(db)).state.notes[0]?.text).toBe('from the snapshot');
    // …unless its format is not this code's and no step upgrades it (before formats were recorded,
    // or a newer reducer wrote it): then the journal decides.
    db.prepare('UPDATE snapshots SET format = ? WHERE seq = 1').run(0);
    expect(rebuildState(new Journal(db), new Snapshots(db)).state.notes[0]?.text).toBe('as written');
    db.prepare('UPDATE snapshots SET format = ? WHERE seq = 1').run(SNAPSHOT_FORMAT + 1);
    expect(rebuildState(new Journal(db), new Snapshots(db)).state.notes[0]?.text).toBe('as written');
  });

  it('reads and writes snapshots in a database that predates the format column', () => {
    const old = openDatabase(join(dir, 'old.sqlite3'), { migrations: migrations.filter((m) => m.version <= 2) });
    try {
      const snapshots = new Snapshots(old);
      snapshots.save(0, 0, JSON.stringify({}));
      expect(snapshots.latest()).toEqual({ seq: 0, state: '{}', format: 0 });
      expect(rebuildState(new Journal(old), snapshots).seq).toBe(0);
    } finally {
      old.close();
    }
  });

  it('keeps the state unchanged and tells every sender when the disk write fails', async () => {
    const engine = engineOn(db);
    await engine.submit(note('before-fail'), 's');
    const before = engine.state;
    db.exec('DROP TABLE commands'); // the next transaction throws
    const r = await engine.submit(note('during-fail'), 's');
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(engine.state).toBe(before);
    expect(engine.seq).toBe(1);
  });
});
