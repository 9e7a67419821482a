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

function matchesText(q: QueueQuestion, needle: string): boolean {
  return fold(q.text).includes(needle) || (q.editedText !== null && fold(q.editedText).includes(needle)) || (q.name !== null && fold(q.name).includes(needle));
}

const share = (room: number, remote: number): Balance => ({ room, remote, roomShare: room + remote === 0 ? null : room / (room + remote) });

const byTime = (a: QueueQuestion, b: QueueQuestion) => a.receivedAt - b.receivedAt || idNumber(a) - idNumber(b);
const byVotes = (a: QueueQuestion, b: QueueQuestion) => b.upvotes - a.upvotes || b.askers - a.askers || byTime(a, b);
const byRank = (a: QueueQuestion, b: QueueQuestion) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byTime(a, b);

function idNumber(q: QueueQuestion): number {
  const n = Number(q.id.slice(2));
  return Number.isFinite(n) ? n : 0;
}

export function queueView<Q extends QueueQuestion>(questions: readonly Q[], filter: QueueFilter): QueueView<Q> {
  const needle = foldText(filter.text.trim());
  const origins = filter.origins.length === 0 ? null : new Set(filter.origins);
  const tabCounts: Record<QueueTab, number> = { incoming: 0, approved: 0, shortlist: 0, answered: 0, rejected: 0 };
  const originCounts: Record<QueueOrigin, number> = { room: 0, remote: 0, regie: 0 };
  let flagged = 0;
  const received = { room: 0, remote: 0 };
  const kept = { room: 0, remote: 0 };
  const rows: Q[] = [];

  for (const q of questions) {
    if (filter.sessionId !== null && q.sessionId !== filter.sessionId) continue;
    if (q.origin !== 'regie') {
      received[q.origin] += 1;
      if (q.status === 'approved' || q.status === 'answered') kept[q.origin] += 1;
    }
    if (q.status === 'merged') continue;
    if (needle !== '' && !matchesText(q, needle)) continue;
    const originOk = origins === null || origins.has(q.origin);
    const flagOk = !filter.flaggedOnly || isFlagged(q);
    const tabOk = inTab(q, filter.tab);
    if (originOk && flagOk) {
      for (const tab of queueTabs) if (inTab(q, tab)) tabCounts[tab] += 1;
    }
    if (tabOk && flagOk) originCounts[q.origin] += 1;
    if (tabOk && originOk && isFlagged(q)) flagged += 1;
    if (tabOk && originOk && flagOk) rows.push(q);
  }

  rows.sort(filter.tab === 'shortlist' ? byRank : filter.sort === 'votes' ? byVotes : byTime);
  return { rows, tabCounts, originCounts, flagged, received: share(received.room, received.remote), kept: share(kept.room, kept.remote) };
}

/** The shortlist in the order the stage reads it (starred and approved, then starred and answered). */
export function shortlist<Q extends QueueQuestion>(questions: readonly Q[]): Q[] {
  const answered = (q: Q) => (q.status === 'answered' ? 1 : 0);
  return questions.filter((q) => q.rank !== null && (q.status === 'approved' || q.status === 'answered')).sort((a, b) => answered(a) - answered(b) || byRank(a, b));
}
