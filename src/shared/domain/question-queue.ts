import { foldText } from './question-similarity';

/**
 * The screening desk's queue: which questions a tab shows, in which order, and the counts of every
 * tab, origin and flag under the other filters (what a click on it would show). One pass over the
 * questions, then one sort: 20,000 questions stay well under a frame's budget. Pure.
 */

/** The fields the queue reads (an AudienceQuestion has them all). */
export interface QueueQuestion {
  id: string;
  receivedAt: number;
  origin: 'room' | 'remote' | 'regie';
  name: string | null;
  text: string;
  editedText: string | null;
  sessionId: string | null;
  upvotes: number;
  askers: number;
  status: 'incoming' | 'approved' | 'rejected' | 'answered' | 'merged';
  rank: number | null;
  flags: readonly { kind: string; match: string }[];
  flagsClearedBy: string | null;
}

export const queueTabs = ['incoming', 'approved', 'shortlist', 'answered', 'rejected'] as const;
/** « À trier », « Approuvées », « Sélection » (starred, in rank order), « Répondues », « Rejetées ». */
export type QueueTab = (typeof queueTabs)[number];
export const queueOrigins = ['room', 'remote', 'regie'] as const;
export type QueueOrigin = (typeof queueOrigins)[number];
export type QueueSort = 'time' | 'votes';

export interface QueueFilter {
  tab: QueueTab;
  /** Empty: every origin. */
  origins: readonly QueueOrigin[];
  /** Only the questions whose flags are not cleared yet. */
  flaggedOnly: boolean;
  /** null: every session. */
  sessionId: string | null;
  /** Searched in the text (original and edited) and the name, accents and case ignored. */
  text: string;
  sort: QueueSort;
}

export const DEFAULT_FILTER: QueueFilter = { tab: 'incoming', origins: [], flaggedOnly: false, sessionId: null, text: '', sort: 'time' };

/** Room against remote, in a set of questions (the régie's typed-in questions are neither). */
export interface Balance {
  room: number;
  remote: number;
  /** room / (room + remote), or null when there is none of either. */
  roomShare: number | null;
}

export interface QueueView<Q extends QueueQuestion> {
  rows: Q[];
  /** Per tab, under the origin, flag, session and text filters. */
  tabCounts: Record<QueueTab, number>;
  /** Per origin, under the tab, flag, session and text filters. */
  originCounts: Record<QueueOrigin, number>;
  /** Flagged and not cleared, under the tab, origin, session and text filters. */
  flagged: number;
  /** Every question received in the session scope (merged ones included: they were asked). */
  received: Balance;
  /** What the moderators kept (approved, starred, answered) in the session scope. */
  kept: Balance;
}

/** A question whose flags a moderator has not cleared yet: it cannot reach the projector. */
export function isFlagged(q: Pick<QueueQuestion, 'flags' | 'flagsClearedBy'>): boolean {
  return q.flags.length > 0 && q.flagsClearedBy === null;
}

export function inTab(q: QueueQuestion, tab: QueueTab): boolean {
  switch (tab) {
    case 'incoming':
    case 'approved':
    case 'answered':
    case 'rejected':
      return q.status === tab;
    case 'shortlist':
      return q.rank !== null && q.status === 'approved';
    default:
      return tab satisfies never;
  }
}

/** Folded texts by text: the search runs over thousands of texts at each key typed. */
const folded = new Map<string, string>();
const FOLDED_MAX = 100_000;

function fold(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    f = foldText(text);
    folded.set(text, f);
  }
  return f;
}

/**
 * A question's folded text, edit and name in one string, by question: a question is replaced,
 * never changed in place, so each keystroke looks each one up once instead of three times.
 */
const haystacks = new WeakMap<QueueQuestion, string>();
const APART = '\u0000'; // between the parts: a needle never holds it, so it never matches across two

function haystack(q: QueueQuestion): string {
  let h = haystacks.get(q);
  if (h === undefined) {
    h = `${fold(q.text)}${APART}${q.editedText === null ? '' : fold(q.editedText)}${APART}${q.name === null ? '' : fold(q.name)}`;
    haystacks.set(q, h);
  }
  return h;
}

/**
 * Prepares the search of the questions not seen yet, while `more()` allows (an idle callback's
 * time left): the first letter typed in the search field then finds 20,000 texts ready.
 * Returns whether every question is ready.
 */
export function prepareSearch(questions: readonly QueueQuestion[], more: () => boolean): boolean {
  for (let i = questions.length - 1; i >= 0; i -= 1) {
    const q = questions[i];
    if (q === undefined || haystacks.has(q)) continue;
    if (!more()) return false;
    haystack(q);
  }
  return true;
}

function matchesText(q: QueueQuestion, needle: string): boolean {
  if (needle.includes(APART)) {
    return fold(q.text).includes(needle) || (q.editedText !== null && fold(q.editedText).includes(needle)) || (q.name !== null && fold(q.name).includes(needle));
  }
  return haystack(q).includes(needle);
}

const share = (room: number, remote: number): Balance => ({ room, remote, roomShare: room + remote === 0 ? null : room / (room + remote) });

const byTime = (a: QueueQuestion, b: QueueQuestion) => a.receivedAt - b.receivedAt || idNumber(a) - idNumber(b);
const byVotes = (a: QueueQuestion, b: QueueQuestion) => b.upvotes - a.upvotes || b.askers - a.askers || byTime(a, b);
const byRank = (a: QueueQuestion, b: QueueQuestion) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byTime(a, b);

function idNumber(q: QueueQuestion): number {
  // « q-1234 »: read the digits in place (a sort calls this for every comparison of equal times).
  const id = q.id;
  let n = 0;
  for (let i = 2; i < id.length; i += 1) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return slowIdNumber(id);
    n = n * 10 + d;
  }
  return n;
}

function slowIdNumber(id: string): number {
  const n = Number(id.slice(2));
  return Number.isFinite(n) ? n : 0;
}

/** A filter made ready for the pass: the folded search text, the origins as a set. */
export interface PreparedFilter {
  filter: QueueFilter;
  needle: string;
  origins: ReadonlySet<QueueOrigin> | null;
}

export function prepareFilter(filter: QueueFilter): PreparedFilter {
  return { filter, needle: foldText(filter.text.trim()), origins: filter.origins.length === 0 ? null : new Set(filter.origins) };
}

/** The counts of a view, as they are built (shares are computed at the end). */
export interface QueueTally {
  tabCounts: Record<QueueTab, number>;
  originCounts: Record<QueueOrigin, number>;
  flagged: number;
  received: { room: number; remote: number };
  kept: { room: number; remote: number };
}

export function emptyTally(): QueueTally {
  return {
    tabCounts: { incoming: 0, approved: 0, shortlist: 0, answered: 0, rejected: 0 },
    originCounts: { room: 0, remote: 0, regie: 0 },
    flagged: 0,
    received: { room: 0, remote: 0 },
    kept: { room: 0, remote: 0 },
  };
}

/**
 * What one question adds to the counts (`sign` 1) or takes back from them (-1), and whether it is
 * a row. The one place that says how a question counts, for the full pass and the live update.
 */
export function tallyQuestion(q: QueueQuestion, p: PreparedFilter, t: QueueTally, sign: 1 | -1): boolean {
  const { filter, needle, origins } = p;
  if (filter.sessionId !== null && q.sessionId !== filter.sessionId) return false;
  if (q.origin !== 'regie') {
    t.received[q.origin] += sign;
    if (q.status === 'approved' || q.status === 'answered') t.kept[q.origin] += sign;
  }
  if (q.status === 'merged') return false;
  if (needle !== '' && !matchesText(q, needle)) return false;
  const originOk = origins === null || origins.has(q.origin);
  const flagOk = !filter.flaggedOnly || isFlagged(q);
  const tabOk = inTab(q, filter.tab);
  if (originOk && flagOk) {
    for (const tab of queueTabs) if (inTab(q, tab)) t.tabCounts[tab] += sign;
  }
  if (tabOk && flagOk) t.originCounts[q.origin] += sign;
  if (tabOk && originOk && isFlagged(q)) t.flagged += sign;
  return tabOk && originOk && flagOk;
}

/** The order of the rows under this filter: the shortlist by rank, else by time or votes. */
export function rowOrder(filter: QueueFilter): (a: QueueQuestion, b: QueueQuestion) => number {
  return filter.tab === 'shortlist' ? byRank : filter.sort === 'votes' ? byVotes : byTime;
}

export function viewOf<Q extends QueueQuestion>(rows: Q[], t: QueueTally): QueueView<Q> {
  return {
    rows,
    tabCounts: { ...t.tabCounts },
    originCounts: { ...t.originCounts },
    flagged: t.flagged,
    received: share(t.received.room, t.received.remote),
    kept: share(t.kept.room, t.kept.remote),
  };
}

export function queueView<Q extends QueueQuestion>(questions: readonly Q[], filter: QueueFilter): QueueView<Q> {
  const prepared = prepareFilter(filter);
  const tally = emptyTally();
  const rows: Q[] = [];
  for (const q of questions) if (tallyQuestion(q, prepared, tally, 1)) rows.push(q);
  rows.sort(rowOrder(filter));
  return viewOf(rows, tally);
}

/**
 * Whether a question is a row of the queue under this filter (what `queueView(…).rows` holds),
 * without going over the other questions: a key acting on the selection checks it alone.
 */
export function inQueue(q: QueueQuestion, filter: QueueFilter): boolean {
  if (filter.sessionId !== null && q.sessionId !== filter.sessionId) return false;
  if (q.status === 'merged') return false;
  const needle = foldText(filter.text.trim());
  if (needle !== '' && !matchesText(q, needle)) return false;
  if (filter.origins.length > 0 && !filter.origins.includes(q.origin)) return false;
  if (filter.flaggedOnly && !isFlagged(q)) return false;
  return inTab(q, filter.tab);
}

/** The shortlist in the order the stage reads it (starred and approved, then starred and answered). */
export function shortlist<Q extends QueueQuestion>(questions: readonly Q[]): Q[] {
  const answered = (q: Q) => (q.status === 'answered' ? 1 : 0);
  return questions.filter((q) => q.rank !== null && (q.status === 'approved' || q.status === 'answered')).sort((a, b) => answered(a) - answered(b) || byRank(a, b));
}
