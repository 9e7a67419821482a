import type { Poll } from './interaction';

/**
 * A poll's results as a chart shows them: one row per option (or rating value) with its count,
 * its room/remote split and its share of the voters, the voters' total and, for a rating, the
 * mean. Pure; the labels of a yes/no poll are given by the caller (« Oui », « Non »).
 */

export interface OriginCounts {
  room: number;
  remote: number;
}

/** The régie's live tally of a poll (structurally the core's `Tally`). */
export interface PollTally {
  counts: Record<string, OriginCounts>;
  voters: OriginCounts;
}

export interface ResultRow {
  /** The tally's key: the option's index, or the rating value. */
  key: string;
  label: string;
  /** For a rating: the words under that end of the scale (« pas du tout »). */
  endLabel: string | null;
  count: number;
  byOrigin: OriginCounts;
  /** count / voters, from 0 to 1 (the bar's length). */
  share: number;
  /** The share in whole percent; for a one-answer poll the rows add up to 100. */
  percent: number;
}

export interface PollResults {
  rows: ResultRow[];
  voters: OriginCounts & { total: number };
  /** A rating's mean (null for other polls, or with no vote). */
  mean: number | null;
  /** Several answers per voter: the percentages do not add up to 100. */
  multiple: boolean;
}

const NONE: OriginCounts = { room: 0, remote: 0 };

/**
 * Whole percentages that add up to 100 (largest remainder; ties to the first row), from counts
 * whose total is `total`. All zero when nothing was counted.
 */
export function wholePercents(counts: readonly number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (exact[i] === 0) continue;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

function choicesOf(poll: Poll, yesNo: readonly [string, string]): { key: string; label: string; endLabel: string | null }[] {
  switch (poll.type) {
    case 'single':
    case 'multiple':
      return poll.options.map((label, i) => ({ key: String(i), label, endLabel: null }));
    case 'yesno':
      return yesNo.map((label, i) => ({ key: String(i), label, endLabel: null }));
    case 'rating':
      return Array.from({ length: poll.max - poll.min + 1 }, (_, i) => {
        const v = poll.min + i;
        const endLabel = v === poll.min ? (poll.minLabel ?? null) : v === poll.max ? (poll.maxLabel ?? null) : null;
        return { key: String(v), label: String(v), endLabel };
      });
  }
}

export function pollResults(poll: Poll, tally: PollTally | undefined, yesNo: readonly [string, string]): PollResults {
  const voters = tally?.voters ?? NONE;
  const total = voters.room + voters.remote;
  const choices = choicesOf(poll, yesNo);
  const byOrigin = choices.map((c) => tally?.counts[c.key] ?? NONE);
  const counts = byOrigin.map((o) => o.room + o.remote);
  const multiple = poll.type === 'multiple';
  const counted = counts.reduce((a, b) => a + b, 0);
  // One answer per voter: shares of the answers counted, in percents that add up to 100.
  const percents = multiple ? counts.map((c) => (total > 0 ? Math.round((c * 100) / total) : 0)) : wholePercents(counts, counted);
  const rows = choices.map((c, i): ResultRow => {
    const count = counts[i] ?? 0;
    const denominator = multiple ? total : counted;
    return {
      ...c,
      count,
      byOrigin: { ...(byOrigin[i] ?? NONE) },
      share: denominator > 0 ? count / denominator : 0,
      percent: percents[i] ?? 0,
    };
  });
  let mean: number | null = null;
  if (poll.type === 'rating' && counted > 0) {
    mean = choices.reduce((sum, c, i) => sum + Number(c.key) * (counts[i] ?? 0), 0) / counted;
  }
  return { rows, voters: { room: voters.room, remote: voters.remote, total }, mean, multiple };
}

/**
 * Whether the poll's results stay off the projector: hidden again by the régie after a reveal,
 * or a poll that waits for its reveal. `run` is the live state of the poll (absent: a draft).
 */
export function pollResultsHidden(poll: Poll, run: { revealed: boolean; hidden?: boolean } | undefined): boolean {
  if (run?.hidden === true) return true;
  return poll.hideResultsUntilReveal && run?.revealed !== true;
}
