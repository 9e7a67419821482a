import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErasedValues } from '../../../node/purge/purge-context';
import { zeroFill } from '../../../node/sqlite/compact-file';

/**
 * The logs (`logs/pupitre.log` and its rotations) name no participant by design: they hold the
 * core's and the hub's events, the seats' addresses and errors. An error text could still quote an
 * id or a name: the purge rewrites each log file with every participant or message id replaced by
 * its pseudonym and every erased name or redacted original by « [nom] ».
 */

const LOG_FILE = /^pupitre(?:\.\d+)?\.log$/;
const ID_TOKEN = /[A-Za-z0-9_-]{16,64}(?::[A-Za-z0-9_-]{1,64})?/g;

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Erased names by their first word, then by where that word stands in the name and the name's
 * length: a log is read once, and each word costs a few lookups whatever the number of names
 * (thousands of phone numbers all start with « 06 »).
 */
export interface NameIndex {
  byFirstWord: Map<string, { offset: number; length: number; names: Set<string> }[]>;
}

export function nameIndex(names: ReadonlySet<string>): NameIndex | null {
  const byFirstWord: NameIndex['byFirstWord'] = new Map();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length < 3) continue;
    const first = /[\p{L}\p{N}]+/u.exec(name);
    if (!first) continue;
    const groups = byFirstWord.get(first[0]) ?? [];
    let group = groups.find((g) => g.offset === first.index && g.length === name.length);
    if (!group) groups.push((group = { offset: first.index, length: name.length, names: new Set() }));
    group.names.add(name);
    byFirstWord.set(first[0], groups);
  }
  for (const groups of byFirstWord.values()) groups.sort((a, b) => b.length - a.length);
  return byFirstWord.size === 0 ? null : { byFirstWord };
}

function replaceNames(text: string, index: NameIndex): { text: string; replaced: number } {
  let out = '';
  let at = 0;
  let replaced = 0;
  for (const m of text.matchAll(WORD)) {
    if (m.index < at) continue;
    for (const g of index.byFirstWord.get(m[0]) ?? []) {
      const start = m.index - g.offset;
      const end = start + g.length;
      if (start < at || !g.names.has(text.slice(start, end))) continue;
      const before = text[start - 1];
      const after = text[end];
      if (
        (before !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(text[start]!)) ||
        (after !== undefined && WORD_CHAR.test(after) && WORD_CHAR.test(text[end - 1]!))
      )
        continue;
      out += `${text.slice(at, start)}[nom]`;
      at = end;
      replaced += 1;
      break;
    }
  }
  return { text: out + text.slice(at), replaced };
}

export function scrubText(text: string, erased: ErasedValues, names: NameIndex | null): { text: string; replaced: number } {
  let replaced = 0;
  const out = text.replace(ID_TOKEN, (token) => {
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
  if (!names) return { text: out, replaced };
  const named = replaceNames(out, names);
  return { text: named.text, replaced: replaced + named.replaced };
}

export interface LogScrub {
  files: number;
  replaced: number;
}

/** Rewrites the log files of `logsDir` that quote something erased (new file, fsync, rename, old bytes zeroed). */
export function scrubLogs(logsDir: string, erased: ErasedValues): LogScrub {
  if (!existsSync(logsDir)) return { files: 0, replaced: 0 };
  const names = nameIndex(erased.names);
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
