import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErasedValues } from './purge-context';
import { zeroFill } from './compact-file';

/**
 * The logs (`logs/pupitre.log` and its rotations) name no participant by design: they hold the
 * core's and the hub's events, the seats' addresses and errors. An error text could still quote an
 * id or a name: the purge rewrites each log file with every participant or message id replaced by
 * its pseudonym and every erased name or redacted original by « [nom] ».
 */

const LOG_FILE = /^pupitre(?:\.\d+)?\.log$/;
const ID_TOKEN = /[A-Za-z0-9_-]{16,64}(?::[A-Za-z0-9_-]{1,64})?/g;

function namesPattern(names: ReadonlySet<string>): RegExp | null {
  const list = [...names].map((n) => n.trim()).filter((n) => n.length >= 3);
  if (list.length === 0) return null;
  list.sort((a, b) => b.length - a.length);
  const escaped = list.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

export function scrubText(text: string, erased: ErasedValues, names: RegExp | null): { text: string; replaced: number } {
  let replaced = 0;
  let out = text.replace(ID_TOKEN, (token) => {
    const whole = erased.messages.get(token) ?? erased.participants.get(token);
    if (whole !== undefined) {
      replaced += 1;
      return whole;
    }
    const colon = token.indexOf(':');
    const head = colon > 0 ? erased.participants.get(token.slice(0, colon)) : undefined;
    if (head === undefined) return token;
    replaced += 1;
    return `${head}${token.slice(colon)}`;
  });
  if (names) {
    out = out.replace(names, () => {
      replaced += 1;
      return '[nom]';
    });
  }
  return { text: out, replaced };
}

export interface LogScrub {
  files: number;
  replaced: number;
}

/** Rewrites the log files of `logsDir` that quote something erased (new file, fsync, rename, old bytes zeroed). */
export function scrubLogs(logsDir: string, erased: ErasedValues): LogScrub {
  if (!existsSync(logsDir)) return { files: 0, replaced: 0 };
  const names = namesPattern(erased.names);
  let files = 0;
  let replaced = 0;
  for (const name of readdirSync(logsDir).filter((f) => LOG_FILE.test(f))) {
    const file = join(logsDir, name);
    files += 1;
    const before = readFileSync(file, 'utf8');
    const after = scrubText(before, erased, names);
    if (after.replaced === 0) continue;
    replaced += after.replaced;
    const tmp = join(logsDir, `.${name}.purge-new`);
    writeFileSync(tmp, after.text);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The old file stays open across the rename: its bytes are zeroed once the new one is in place.
    const oldFd = openSync(file, 'r+');
    try {
      renameSync(tmp, file);
      zeroFill(oldFd);
    } finally {
      closeSync(oldFd);
    }
  }
  return { files, replaced };
}
