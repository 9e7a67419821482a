import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, queueTabs, queueView, type QueueFilter, type QueueQuestion } from './question-queue';
import { liveQueue, liveQueueFollower, type LiveQueue } from './question-queue-live';

// A small deterministic random source: the same sequence at every run.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const statuses = ['incoming', 'approved', 'rejected', 'answered', 'merged'] as const;
const origins = ['room', 'remote', 'regie'] as const;
const texts = ['Les équipes de nuit', 'Quel budget ?', 'Jeunes majeurs : quels moyens ?', 'EQUIPES mobiles', 'Autre chose'];

function question(n: number, rnd: () => number): QueueQuestion {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return {
    id: `q-${n}`,
    receivedAt: 1000 + Math.floor(n / 3), // some share a millisecond
    origin: pick(origins),
    name: rnd() < 0.3 ? 'Inès' : null,
    text: pick(texts),
    editedText: rnd() < 0.1 ? 'Équipes éditées' : null,
    sessionId: rnd() < 0.5 ? 's1' : 's2',
    upvotes: Math.floor(rnd() * 4),
    askers: 1 + Math.floor(rnd() * 2),
    status: pick(statuses),
    rank: rnd() < 0.3 ? Math.floor(rnd() * 10) : null,
    flags: rnd() < 0.2 ? [{ kind: 'name', match: 'Inès' }] : [],
    flagsClearedBy: rnd() < 0.3 ? 'control-1' : null,
  };
}

const filters: QueueFilter[] = [
  DEFAULT_FILTER,
  ...queueTabs.map((tab) => ({ ...DEFAULT_FILTER, tab, sort: 'votes' as const })),
  { ...DEFAULT_FILTER, text: 'equipes' },
  { ...DEFAULT_FILTER, tab: 'approved', origins: ['remote'], flaggedOnly: true },
  { ...DEFAULT_FILTER, tab: 'shortlist', sessionId: 's2' },
];

describe('liveQueue', () => {
  it('gives the view queueView gives, patch after patch (changes, new questions, every filter)', () => {
    for (const [k, filter] of filters.entries()) {
      const rnd = random(k + 1);
      let n = 0;
      let questions: QueueQuestion[] = Array.from({ length: 60 }, () => question(++n, rnd));
      let live: LiveQueue<QueueQuestion> | null = null;
      for (let patch = 0; patch < 120; patch += 1) {
        const next = questions.slice();
        const changes = 1 + Math.floor(rnd() * 3);
        for (let c = 0; c < changes; c += 1) {
          if (rnd() < 0.4) next.push(question(++n, rnd));
          else {
            const i = Math.floor(rnd() * next.length);
            const fresh = question(n, rnd);
            next[i] = { ...fresh, id: next[i]!.id, receivedAt: next[i]!.receivedAt };
          }
        }
        questions = next;
        live = liveQueue(live, questions, filter);
        expect(live.view, `filter ${k}, patch ${patch}`).toEqual(queueView(questions, filter));
      }
    }
  });

  it('a new filter, or a list that shrank, starts over; the same list and filter give the same view', () => {
    const rnd = random(99);
    const questions = Array.from({ length: 30 }, (_, i) => question(i + 1, rnd));
    const a = liveQueue(null, questions, DEFAULT_FILTER);
    expect(liveQueue(a, questions, { ...DEFAULT_FILTER })).toBe(a);
    const votes = { ...DEFAULT_FILTER, sort: 'votes' as const };
    expect(liveQueue(a, questions, votes).view).toEqual(queueView(questions, votes));
    const fewer = questions.slice(0, 10);
    expect(liveQueue(a, fewer, DEFAULT_FILTER).view).toEqual(queueView(fewer, DEFAULT_FILTER));
  });

  it('never changes a view it returned', () => {
    const rnd = random(7);
    const questions = Array.from({ length: 30 }, (_, i) => question(i + 1, rnd));
    const a = liveQueue(null, questions, DEFAULT_FILTER);
    const rowsBefore = a.view.rows.slice();
    const countsBefore = { ...a.view.tabCounts };
    liveQueue(a, [...questions, { ...question(31, rnd), status: 'incoming' }], DEFAULT_FILTER);
    expect(a.view.rows).toEqual(rowsBefore);
    expect(a.view.tabCounts).toEqual(countsBefore);
  });
});

describe('liveQueueFollower', () => {
  it('follows a list of questions from call to call', () => {
    const rnd = random(3);
    const follow = liveQueueFollower<QueueQuestion>();
    let questions = Array.from({ length: 20 }, (_, i) => question(i + 1, rnd));
    expect(follow(questions, DEFAULT_FILTER)).toEqual(queueView(questions, DEFAULT_FILTER));
    questions = [...questions.slice(0, 5), { ...questions[5]!, status: 'incoming', upvotes: 9 }, ...questions.slice(6), question(21, rnd)];
    expect(follow(questions, DEFAULT_FILTER)).toEqual(queueView(questions, DEFAULT_FILTER));
  });
});
