import {
  type PreparedFilter,
  type QueueFilter,
  type QueueQuestion,
  type QueueTally,
  type QueueView,
  emptyTally,
  prepareFilter,
  rowOrder,
  tallyQuestion,
  viewOf,
} from './question-queue';

/**
 * The desk's queue kept up to date as the questions change, instead of filtering and sorting
 * 20,000 questions again at every patch (ten a second in a plenary): the core replaces a changed
 * question in place and appends new ones, so the questions that differ from the last list are
 * found by identity, their old version is taken out of the counts and the rows, their new one put
 * in (at its place in the order, by binary search). A new filter, a shorter list or a flood of
 * changes takes one full pass. Gives the same view as `queueView` (tested so). Pure; never
 * changes a view it returned.
 */
export interface LiveQueue<Q extends QueueQuestion> {
  questions: readonly Q[];
  prepared: PreparedFilter;
  tally: QueueTally;
  view: QueueView<Q>;
}

/** Past this many changed questions, one full pass costs less than the updates. */
const FULL_PASS_OVER = 2000;

export function liveQueue<Q extends QueueQuestion>(
  previous: LiveQueue<Q> | null,
  questions: readonly Q[],
  filter: QueueFilter,
): LiveQueue<Q> {
  const sameFilter = previous !== null && sameQueueFilter(previous.prepared.filter, filter);
  if (sameFilter && previous.questions === questions) return previous;
  if (!sameFilter || questions.length < previous.questions.length) return fullPass(questions, filter);

  const before = previous.questions;
  const changed: number[] = [];
  for (let i = 0; i < questions.length; i += 1) {
    if (i < before.length && before[i] === questions[i]) continue;
    changed.push(i);
    if (changed.length > FULL_PASS_OVER) return fullPass(questions, filter);
  }
  const { prepared } = previous;
  const tally = copyTally(previous.tally);
  const order = rowOrder(prepared.filter);
  const rows = previous.view.rows.slice();
  for (const i of changed) {
    const old = before[i];
    const now = questions[i];
    if (old !== undefined && tallyQuestion(old, prepared, tally, -1)) removeRow(rows, old, order);
    if (now !== undefined && tallyQuestion(now, prepared, tally, 1)) insertRow(rows, now, order);
  }
  return { questions, prepared, tally, view: viewOf(rows, tally) };
}

/**
 * The last queue kept for the next call: what a view holds to follow one list of questions. A
 * call that React throws away leaves a queue that is still right for its own questions, and
 * liveQueue starts from any queue.
 */
export function liveQueueFollower<Q extends QueueQuestion>(): (questions: readonly Q[], filter: QueueFilter) => QueueView<Q> {
  let last: LiveQueue<Q> | null = null;
  return (questions, filter) => {
    last = liveQueue(last, questions, filter);
    return last.view;
  };
}

function fullPass<Q extends QueueQuestion>(questions: readonly Q[], filter: QueueFilter): LiveQueue<Q> {
  const prepared = prepareFilter(filter);
  const tally = emptyTally();
  const rows: Q[] = [];
  for (const q of questions) if (tallyQuestion(q, prepared, tally, 1)) rows.push(q);
  rows.sort(rowOrder(filter));
  return { questions, prepared, tally, view: viewOf(rows, tally) };
}

export function sameQueueFilter(a: QueueFilter, b: QueueFilter): boolean {
  return (
    a.tab === b.tab &&
    a.flaggedOnly === b.flaggedOnly &&
    a.sessionId === b.sessionId &&
    a.text === b.text &&
    a.sort === b.sort &&
    a.origins.length === b.origins.length &&
    a.origins.every((o, i) => b.origins[i] === o)
  );
}

function copyTally(t: QueueTally): QueueTally {
  return {
    tabCounts: { ...t.tabCounts },
    originCounts: { ...t.originCounts },
    flagged: t.flagged,
    received: { ...t.received },
    kept: { ...t.kept },
  };
}

/** The first index whose row does not come before `q`. */
function lowerBound<Q>(rows: readonly Q[], q: Q, order: (a: Q, b: Q) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(rows[mid]!, q) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeRow<Q>(rows: Q[], q: Q, order: (a: Q, b: Q) => number): void {
  for (let i = lowerBound(rows, q, order); i < rows.length && order(rows[i]!, q) === 0; i += 1) {
    if (rows[i] === q) {
      rows.splice(i, 1);
      return;
    }
  }
  const i = rows.indexOf(q); // an order that is not total: find it the long way
  if (i >= 0) rows.splice(i, 1);
}

/** After the rows that compare equal: a later question among equals goes last, as a stable sort puts it. */
function insertRow<Q>(rows: Q[], q: Q, order: (a: Q, b: Q) => number): void {
  let i = lowerBound(rows, q, order);
  while (i < rows.length && order(rows[i]!, q) === 0) i += 1;
  rows.splice(i, 0, q);
}
