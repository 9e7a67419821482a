import { statSync } from 'node:fs';

/** What a process costs now, in MiB (one decimal): for /health behind a token, the minute's log line, the soak bench. */
export interface ProcessFigures {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  /** C++ objects bound to JS (better-sqlite3 statements, zlib…) and ArrayBuffers. */
  externalMiB: number;
  arrayBuffersMiB: number;
  uptimeSeconds: number;
}

const mib = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export function processFigures(): ProcessFigures {
  const m = process.memoryUsage();
  return {
    rssMiB: mib(m.rss),
    heapUsedMiB: mib(m.heapUsed),
    heapTotalMiB: mib(m.heapTotal),
    externalMiB: mib(m.external),
    arrayBuffersMiB: mib(m.arrayBuffers),
    uptimeSeconds: Math.round(process.uptime()),
  };
}

/** A SQLite database's size on disk with its WAL, in MiB (0 for a file that is not there). */
export function databaseMiB(path: string): number {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  return mib(size(path) + size(`${path}-wal`));
}
