import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RegieState } from '../../shared/api/state';
import { rebuildState } from '../engine/regie-engine';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import type { Db } from '../../node/sqlite/database';
import { Journal } from '../store/journal';
import { Snapshots } from '../store/snapshots';

/** The database's file name in a data folder (the same as the core's). */
export const DATABASE_FILE = 'pupitre.sqlite3';

/** A French message for the person at the command line, and the exit code that goes with it. */
export class ExportDatabaseError extends Error {
  override name = 'ExportDatabaseError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * Reads a private copy (the file and its -wal, if a régie did not close cleanly): even a read-only
 * SQLite connection to a WAL database creates -wal and -shm files beside it, and the organisers'
 * file must stay exactly as it was.
 */
function openUnchanged(path: string): { db: Db; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-export-'));
  const cleanupDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, DATABASE_FILE);
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    } catch (err) {
      db.close();
      throw err;
    }
    return {
      db,
      cleanup: () => {
        db.close();
        cleanupDir();
      },
    };
  } catch (err) {
    cleanupDir();
    throw err;
  }
}

function tableNames(db: Db): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return new Set(rows);
}

/**
 * Opens a Pupitre database without changing it and rebuilds the régie's state from it (latest
 * snapshot + journal). `path` is the file, or the data folder that holds it.
 */
export function openExportDatabase(path: string): { state: RegieState; seq: number } {
  if (!existsSync(path)) throw new ExportDatabaseError(`Fichier introuvable : ${path}`, 2);
  const file = statSync(path).isDirectory() ? join(path, DATABASE_FILE) : path;
  if (!existsSync(file)) throw new ExportDatabaseError(`Pas de base Pupitre dans ce dossier : ${file} manque.`, 2);
  let handle: { db: Db; cleanup: () => void };
  try {
    handle = openUnchanged(file);
  } catch (err) {
    const notDb = err instanceof Error && /not a database|SQLITE_NOTADB/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`);
    throw new ExportDatabaseError(
      notDb
        ? `${file} n’est pas une base Pupitre (ce n’est pas une base SQLite).`
        : `${file} ne peut pas être lu : ${err instanceof Error ? err.message : String(err)}`,
      2,
    );
  }
  try {
    const tables = tableNames(handle.db);
    if (!['schema_migrations', 'journal', 'snapshots'].every((t) => tables.has(t))) {
      throw new ExportDatabaseError(`${file} n’est pas une base Pupitre (ni journal ni migrations de Pupitre).`, 2);
    }
    const version = (handle.db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ExportDatabaseError(
        `${file} a été écrite par une version plus récente de Pupitre (schéma ${version}, cette version connaît ${LATEST_SCHEMA_VERSION}) : exportez avec la dernière version. Rien n’a été modifié.`,
        3,
      );
    }
    try {
      return rebuildState(new Journal(handle.db), new Snapshots(handle.db));
    } catch (err) {
      throw new ExportDatabaseError(`Le journal de ${file} n’a pas pu être relu : ${err instanceof Error ? err.message : String(err)}`, 1);
    }
  } catch (err) {
    if (err instanceof ExportDatabaseError) throw err;
    const notDb = err instanceof Error && /not a database/i.test(err.message);
    throw new ExportDatabaseError(
      notDb
        ? `${file} n’est pas une base Pupitre (ce n’est pas une base SQLite).`
        : `${file} ne peut pas être lu : ${err instanceof Error ? err.message : String(err)}`,
      2,
    );
  } finally {
    handle.cleanup();
  }
}
