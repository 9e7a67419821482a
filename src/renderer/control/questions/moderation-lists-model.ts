/**
 * The organisers' lists as the desk edits them: one entry a line. What the core accepts (see
 * `moderationListsCommand`): 2 to 60 characters an entry, at most 5,000 names and 2,000 words.
 * Pure: the dialog shows what it finds, and sends only lists the core will take.
 */
export type ListKind = 'names' | 'badWords' | 'allowed';
export const listKinds: readonly ListKind[] = ['names', 'badWords', 'allowed'];

export const ENTRY_MIN = 2;
export const ENTRY_MAX = 60;
export const LIST_MAX: Record<ListKind, number> = { names: 5000, badWords: 2000, allowed: 2000 };

export interface LineProblem {
  /** 1-based, as the moderator counts lines. */
  line: number;
  entry: string;
  reason: 'short' | 'long';
}

export interface ParsedList {
  entries: string[];
  problems: LineProblem[];
  /** Lines that repeat an entry (case and accents ignored): dropped. */
  repeated: number;
  /** More entries than the core keeps. */
  tooMany: boolean;
}

/** Case and accents ignored: « Zoé », « ZOE » and « zoe » are one entry. */
export function entryKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

export function parseList(text: string, kind: ListKind): ParsedList {
  const entries: string[] = [];
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const entry = raw.trim();
    if (entry === '') return;
    if (entry.length < ENTRY_MIN) problems.push({ line: i + 1, entry, reason: 'short' });
    else if (entry.length > ENTRY_MAX) problems.push({ line: i + 1, entry, reason: 'long' });
    else if (seen.has(entryKey(entry))) repeated += 1;
    else {
      seen.add(entryKey(entry));
      entries.push(entry);
    }
  });
  return { entries, problems, repeated, tooMany: entries.length > LIST_MAX[kind] };
}

export function listText(entries: readonly string[]): string {
  return entries.join('\n');
}

/** What saving would change against the lists in force. */
export function listChanges(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const had = new Set(before.map(entryKey));
  const has = new Set(after.map(entryKey));
  return { added: after.filter((e) => !had.has(entryKey(e))), removed: before.filter((e) => !has.has(entryKey(e))) };
}

export function canSave(lists: Record<ListKind, ParsedList>): boolean {
  return listKinds.every((k) => lists[k].problems.length === 0 && !lists[k].tooMany);
}
