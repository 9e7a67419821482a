import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, inQueue, isFlagged, prepareSearch, queueView, shortlist, type QueueFilter, type QueueQuestion } from './question-queue';

let n = 0;
const q = (more: Partial<QueueQuestion> = {}): QueueQuestion => {
  n += 1;
  return {
    id: `q-${n}`,
    receivedAt: 1000 + n,
    origin: 'room',
    name: null,
    text: `Question ${n}`,
    editedText: null,
    sessionId: 's1',
    upvotes: 0,
    askers: 1,
    status: 'incoming',
    rank: null,
    flags: [],
    flagsClearedBy: null,
    ...more,
  };
};
const f = (more: Partial<QueueFilter> = {}): QueueFilter => ({ ...DEFAULT_FILTER, ...more });
const ids = (rows: QueueQuestion[]) => rows.map((r) => r.id);

describe('queueView', () => {
  const a = q({ id: 'q-101', receivedAt: 3, upvotes: 1, text: 'Les équipes de nuit', name: 'Inès' });
  const b = q({ id: 'q-102', receivedAt: 1, upvotes: 5, origin: 'remote' });
  const c = q({ id: 'q-103', receivedAt: 2, upvotes: 5, askers: 2, origin: 'regie', flags: [{ kind: 'name', match: 'Zoé' }] });
  const d = q({ id: 'q-104', status: 'approved', rank: 2, origin: 'remote' });
  const e = q({ id: 'q-105', status: 'approved', rank: 1 });
  const g = q({ id: 'q-106', status: 'answered', rank: 3 });
  const h = q({ id: 'q-107', status: 'rejected' });
  const m = q({ id: 'q-108', status: 'merged', origin: 'remote' });
  const other = q({ id: 'q-109', sessionId: 's2', origin: 'remote' });
  const all = [a, b, c, d, e, g, h, m, other];

  it('shows a tab in time order, oldest first, with the counts of every tab', () => {
    const v = queueView(all, f({ sessionId: 's1' }));
    expect(ids(v.rows)).toEqual(['q-102', 'q-103', 'q-101']);
    expect(v.tabCounts).toEqual({ incoming: 3, approved: 2, shortlist: 2, answered: 1, rejected: 1 });
    expect(v.originCounts).toEqual({ room: 1, remote: 1, regie: 1 });
    expect(v.flagged).toBe(1);
  });
  it('every session when none is chosen', () => {
    expect(queueView(all, f()).tabCounts.incoming).toBe(4);
  });
  it('sorts by votes, then askers, then time', () => {
    expect(ids(queueView(all, f({ sessionId: 's1', sort: 'votes' })).rows)).toEqual(['q-103', 'q-102', 'q-101']);
  });
  it('the shortlist is in rank order, whatever the sort', () => {
    expect(ids(queueView(all, f({ tab: 'shortlist', sort: 'votes' })).rows)).toEqual(['q-105', 'q-104']);
  });
  it('filters by origin and by flags; the counts of the other facets follow', () => {
    const v = queueView(all, f({ sessionId: 's1', origins: ['remote', 'regie'] }));
    expect(ids(v.rows)).toEqual(['q-102', 'q-103']);
    expect(v.tabCounts).toEqual({ incoming: 2, approved: 1, shortlist: 1, answered: 0, rejected: 0 });
    expect(v.originCounts.room).toBe(1); // what a click on « salle » would add
    const flagged = queueView(all, f({ sessionId: 's1', flaggedOnly: true }));
    expect(ids(flagged.rows)).toEqual(['q-103']);
    expect(flagged.tabCounts.incoming).toBe(1);
  });
  it('a cleared flag no longer counts as flagged', () => {
    expect(isFlagged({ flags: [{ kind: 'name', match: 'Zoé' }], flagsClearedBy: 'control-1' })).toBe(false);
    expect(isFlagged(c)).toBe(true);
  });
  it('searches the text, the edited text and the name, accents and case ignored', () => {
    expect(ids(queueView(all, f({ text: 'EQUIPES' })).rows)).toEqual(['q-101']);
    expect(ids(queueView(all, f({ text: 'ines' })).rows)).toEqual(['q-101']);
    const edited = q({ editedText: 'Réécrite par la régie' });
    expect(ids(queueView([edited], f({ text: 'reecrite' })).rows)).toEqual([edited.id]);
    expect(queueView(all, f({ text: 'equipes' })).tabCounts).toEqual({ incoming: 1, approved: 0, shortlist: 0, answered: 0, rejected: 0 });
  });
  it('the balance of room against remote: received (merged too), and kept', () => {
    const v = queueView(all, f({ sessionId: 's1' }));
    expect(v.received).toEqual({ room: 4, remote: 3, roomShare: 4 / 7 });
    expect(v.kept).toEqual({ room: 2, remote: 1, roomShare: 2 / 3 });
    expect(queueView([], f()).received.roomShare).toBeNull();
  });
  it('never shows a merged question', () => {
    for (const tab of ['incoming', 'approved', 'shortlist', 'answered', 'rejected'] as const) {
      expect(ids(queueView(all, f({ tab })).rows)).not.toContain('q-108');
    }
  });
  it('20,000 questions: one pass and one sort', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => q({ receivedAt: 20_000 - i, upvotes: i % 17, origin: i % 3 === 0 ? 'remote' : 'room' }));
    const v = queueView(many, f({ sort: 'votes' }));
    expect(v.rows).toHaveLength(20_000);
    expect(v.rows[0]?.upvotes).toBe(16);
    expect(v.received.room + v.received.remote).toBe(20_000);
  });
});

describe('shortlist', () => {
  it('approved in rank order, then answered', () => {
    const x = q({ status: 'answered', rank: 1 });
    const y = q({ status: 'approved', rank: 3 });
    const z = q({ status: 'approved', rank: 2 });
    const flagged = q({ status: 'incoming', rank: 0.5 });
    expect(ids(shortlist([x, y, z, flagged]))).toEqual([z.id, y.id, x.id]);
  });
});

describe('inQueue', () => {
  it('holds exactly the rows queueView shows, under every filter', () => {
    const statuses = ['incoming', 'approved', 'rejected', 'answered', 'merged'] as const;
    const origins = ['room', 'remote', 'regie'] as const;
    const pool = Array.from({ length: 120 }, (_, i) =>
      q({
        status: statuses[i % 5] ?? 'incoming',
        origin: origins[i % 3] ?? 'room',
        rank: i % 4 === 0 ? i : null,
        sessionId: i % 2 === 0 ? 's1' : 's2',
        text: i % 6 === 0 ? 'Les Équipes de nuit' : `Autre ${i}`,
        name: i % 7 === 0 ? 'Inès' : null,
        flags: i % 5 === 1 ? [{ kind: 'name', match: 'Zoé' }] : [],
        flagsClearedBy: i % 10 === 1 ? 'control-1' : null,
      }),
    );
    const filters: QueueFilter[] = [];
    for (const tab of ['incoming', 'approved', 'shortlist', 'answered', 'rejected'] as const)
      for (const text of ['', 'equipes', 'ines', 'zzz'])
        for (const more of [{}, { flaggedOnly: true }, { origins: ['remote' as const] }, { sessionId: 's2' }]) filters.push(f({ tab, text, ...more }));
    for (const filter of filters) {
      const rows = new Set(queueView(pool, filter).rows.map((r) => r.id));
      expect(pool.filter((x) => inQueue(x, filter)).map((x) => x.id), JSON.stringify(filter)).toEqual(pool.filter((x) => rows.has(x.id)).map((x) => x.id));
    }
    expect(filters.some((filter) => queueView(pool, filter).rows.length > 0)).toBe(true);
  });
});

describe('prepareSearch', () => {
  it('prepares as many questions as it is allowed, and the search finds the same', () => {
    const pool = Array.from({ length: 10 }, (_, i) => q({ text: i % 2 === 0 ? 'Les Équipes de nuit' : 'Autre', name: i === 3 ? 'Inès' : null }));
    let budget = 4;
    expect(prepareSearch(pool, () => budget-- > 0)).toBe(false);
    expect(queueView(pool, f({ text: 'equipes' })).rows).toHaveLength(5);
    expect(queueView(pool, f({ text: 'ines' })).rows).toHaveLength(1);
    expect(prepareSearch(pool, () => true)).toBe(true);
    expect(prepareSearch(pool, () => false)).toBe(true); // nothing left to do
    expect(queueView(pool, f({ text: 'nuit' })).rows).toHaveLength(5);
  });
});
