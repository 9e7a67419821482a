import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildState } from '../../src/main/engine/regie-engine';
import { Journal } from '../../src/main/store/journal';
import { viewState } from '../../src/main/server/view-channel';
import { connectView, nextSnapshot, send, spawnCore, type CoreProcess } from './helpers';

const TOTAL = 10_000;
const WINDOW = 400;
const KILL_AFTER_ACKS = 3_000;
const ids = Array.from({ length: TOTAL }, (_, i) => `crash-${String(i).padStart(6, '0')}`);
const envelope = (id: string) => ({ id, command: { type: 'log.note', text: `note ${id}` } });

const dir = mkdtempSync(join(tmpdir(), 'pupitre-crash-'));
const cores: CoreProcess[] = [];
afterAll(() => {
  cores.forEach((c) => c.child.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

describe('a kill -9 of the core while commands stream in', () => {
  it('loses no acknowledged command, applies none twice, and restarts to the journal replay', async () => {
    const first = await spawnCore(dir);
    cores.push(first);
    const seat = connectView(first.port, first.tokens.control);
    const initial = await nextSnapshot(seat);
    const baseTotal = initial.state.notesTotal;

    // Stream with a window of commands in flight; kill -9 once enough have been acknowledged.
    const acked = new Set<string>();
    let next = 0;
    let killed = false;
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (!killed && next < TOTAL && next - acked.size < WINDOW) {
          const id = ids[next++]!;
          send(seat, envelope(id)).then(
            (r) => {
              if (killed) return;
              if (r.ok) acked.add(id);
              if (acked.size >= KILL_AFTER_ACKS && !killed) {
                killed = true;
                first.child.kill('SIGKILL');
                resolve();
              } else pump();
            },
            () => undefined, // in flight when the core died: unknown outcome, resent below
          );
        }
      };
      pump();
    });
    await first.exited;
    seat.close();
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(next).toBeGreaterThan(acked.size); // commands were still in flight when it died

    // Restart on the same database.
    const second = await spawnCore(dir);
    cores.push(second);
    const db = new Database(join(dir, 'pupitre.sqlite3'), { readonly: true });
    const persisted = new Set(db.prepare("SELECT command_id FROM journal WHERE type = 'log.noted'").pluck().all() as string[]);
    for (const id of acked) expect(persisted.has(id)).toBe(true);
    expect(persisted.size).toBeGreaterThanOrEqual(acked.size);
    const dupes = db.prepare("SELECT command_id, COUNT(*) AS n FROM journal WHERE type = 'log.noted' GROUP BY command_id HAVING n > 1").all();
    expect(dupes).toEqual([]);

    // The client resends everything it is not sure of: each is applied once.
    const seat2 = connectView(second.port, second.tokens.control);
    const afterRestart = await nextSnapshot(seat2);
    expect(afterRestart.state.notesTotal).toBe(baseTotal + persisted.size);
    const results = [];
    for (let i = 0; i < TOTAL; i += WINDOW) {
      results.push(...(await Promise.all(ids.slice(i, i + WINDOW).map((id) => send(seat2, envelope(id))))));
    }
    expect(results.every((r) => r.ok)).toBe(true);
    const duplicates = results.filter((r) => r.ok && r.duplicate).length;
    expect(duplicates).toBe(persisted.size);

    seat2.emit('resync');
    const final = await nextSnapshot(seat2);
    expect(final.state.notesTotal).toBe(baseTotal + TOTAL);
    const noteRows = db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'log.noted'").pluck().get();
    expect(noteRows).toBe(TOTAL);

    // The live state equals a fresh replay of the whole journal.
    expect(final.state).toEqual(viewState(rebuildState(new Journal(db), null).state));
    expect(final.seq).toBe(new Journal(db).lastSeq());
    db.close();
    seat2.close();
  });
});
