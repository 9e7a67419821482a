import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  dir: string;
  /** Rotate when the file reaches this size; keep `keep` old files (pupitre.1.log is the newest). */
  maxBytes?: number;
  keep?: number;
  echo?: boolean;
}

/**
 * A log someone can read after an incident: one line per entry (time, level, message, JSON
 * fields), synchronous so that the last line before a crash is on disk, rotated by size.
 */
export function createFileLogger({ dir, maxBytes = 2 * 1024 * 1024, keep = 5, echo = false }: FileLoggerOptions): Logger & { file: string } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'pupitre.log');
  let size = existsSync(file) ? statSync(file).size : 0;

  const rotate = () => {
    rmSync(join(dir, `pupitre.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i -= 1) {
      const from = join(dir, `pupitre.${i}.log`);
      if (existsSync(from)) renameSync(from, join(dir, `pupitre.${i + 1}.log`));
    }
    renameSync(file, join(dir, 'pupitre.1.log'));
    size = 0;
  };

  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    let extra = '';
    if (fields) {
      try {
        extra = ' ' + JSON.stringify(fields);
      } catch {
        extra = ' {"fields":"unserialisable"}';
      }
    }
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${msg}${extra}\n`;
    try {
      if (size + line.length > maxBytes && size > 0) rotate();
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full disk must not stop the show: the log is the first thing we give up.
    }
    if (echo && level !== 'debug') process.stderr.write(line);
  };

  return {
    file,
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
