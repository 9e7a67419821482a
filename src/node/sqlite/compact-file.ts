import { closeSync, existsSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database';

/**
 * Compaction into a purged copy: the database is rebuilt beside itself, rewritten, compacted and
 * swapped in by a rename, and the old bytes are overwritten before they are let go.
 *
 *   1. The file is locked (exclusive: a running Pupitre or hub is detected, and none can start).
 *   2. Its write-ahead log is checkpointed and removed (journal_mode=DELETE), then zeroed.
 *   3. `VACUUM INTO` a work copy; the caller rewrites the work copy (secure_delete on).
 *   4. `VACUUM INTO` the final copy: compact, no free page left holding a deleted byte; checked
 *      (integrity, no free page, the caller's own checks), fsync'ed.
 *   5. Renamed over the original (atomic), the folder fsync'ed; the old file, still open, is then
 *      overwritten with zeros; the work copy likewise before it is removed.
 *
 * A failure before step 5 leaves the original as it was (its log merged into it) and removes the
 * copies. What the file system or an SSD keeps of freed blocks is beyond a program's reach:
 * docs/personal-data.md recommends full-disk encryption on the régie's computer.
 */

export class PurgeError extends Error {
  override name = 'PurgeError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CompactOptions {
  /** « la base de la régie », « la base du hub »: for the messages. */
  what: string;
  /** Checks the file is what it should be before anything changes (tables, schema version). */
  check(db: Db): void;
  /** Rewrites the work copy. Runs inside one transaction. */
  rewrite(db: Db): void;
  /** Checks the final copy (it replays, nothing of what was erased is in it); throws to abort. */
  verify(db: Db, file: string): void;
  nativeBinding?: string | undefined;
}

export interface CompactResult {
  bytesBefore: number;
  bytesAfter: number;
  /** Where the time went, in ms (the bench prints it). */
  phases: { copy: number; rewrite: number; compact: number; verify: number; swap: number };
}

const CHUNK = 1 << 20;

/** Overwrites an open file's bytes with zeros and flushes them to the disk. */
export function zeroFill(fd: number): void {
  const size = fstatSync(fd).size;
  const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
  for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
  fsyncSync(fd);
}

/** Zeroes, then removes, a file we made (a work copy, a copy left by an interrupted purge). */
export function shred(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    zeroFill(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(path, { force: true });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder to flush it; its renames are durable once MoveFileEx returns.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const sideFiles = (path: string) => [path, `${path}-journal`, `${path}-wal`, `${path}-shm`];

function lockExclusively(path: string, what: string, nativeBinding: string | undefined): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new PurgeError(`${what} (${path}) ne peut pas être ouverte : ${err instanceof Error ? err.message : String(err)}`, 2);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (err) {
    db.close();
    const busy = err instanceof Error && /locked|busy/i.test(err.message);
    throw new PurgeError(
      busy
        ? `${what} est utilisée par un Pupitre (ou un hub) en marche : arrêtez-le, puis relancez la purge. Rien n’a été modifié.`
        : `${what} (${path}) n’est pas une base SQLite lisible : ${err instanceof Error ? err.message : String(err)}`,
      busy ? 4 : 2,
    );
  }
}

export function compactIntoPurgedCopy(path: string, options: CompactOptions): CompactResult {
  const dir = dirname(path);
  const work = join(dir, `.${basename(path)}.purge-work`);
  const final = join(dir, `.${basename(path)}.purge-new`);
  // A purge interrupted before its rename left copies behind: they hold personal data.
  for (const f of [work, final]) sideFiles(f).forEach(shred);

  const bytesBefore = sideFiles(path).reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
  const src = lockExclusively(path, options.what, options.nativeBinding);
  let swapped = false;
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  const phases = { copy: 0, rewrite: 0, compact: 0, verify: 0, swap: 0 };
  try {
    options.check(src);
    // The log's frames hold old pages: merged into the file, then zeroed and removed.
    const walFd = existsSync(`${path}-wal`) ? openSync(`${path}-wal`, 'r+') : null;
    try {
      src.pragma('journal_mode = DELETE');
      if (walFd !== null) zeroFill(walFd);
    } finally {
      if (walFd !== null) closeSync(walFd);
    }
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });

    src.prepare('VACUUM INTO ?').run(work);
    phases.copy = lap();
    const w = new Database(work, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      w.pragma('journal_mode = DELETE');
      w.pragma('secure_delete = ON');
      w.pragma('foreign_keys = ON');
      w.transaction(() => options.rewrite(w))();
      phases.rewrite = lap();
      w.prepare('VACUUM INTO ?').run(final);
    } finally {
      w.close();
    }
    sideFiles(work).forEach(shred);
    phases.compact = lap();

    const f = new Database(final, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      const integrity = f.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        throw new PurgeError(`la copie purgée de ${options.what} est abîmée (${String(integrity)}) : rien n’a été remplacé.`);
      if (f.pragma('freelist_count', { simple: true }) !== 0)
        throw new PurgeError(`la copie purgée de ${options.what} garde des pages libres : rien n’a été remplacé.`);
      options.verify(f, final);
    } finally {
      f.close();
    }
    fsyncFile(final);
    phases.verify = lap();

    // The old file stays open (and locked) across the rename: its bytes are zeroed once it is out of the way.
    const oldFd = openSync(path, 'r+');
    try {
      if (process.platform === 'win32') src.close(); // Windows renames over an open file only when nobody holds it.
      renameSync(final, path);
      swapped = true;
      fsyncDir(dir);
      if (src.open) src.close();
      zeroFill(oldFd);
    } finally {
      closeSync(oldFd);
    }
    phases.swap = lap();
    return { bytesBefore, bytesAfter: statSync(path).size, phases };
  } catch (err) {
    if (!swapped) for (const f of [work, final]) sideFiles(f).forEach(shred);
    throw err;
  } finally {
    if (src.open) src.close();
  }
}
