import { describe, expect, it } from 'vitest';
import { pollSchema } from './interaction';
import { pollResults, wholePercents } from './poll-results';

const YES_NO = ['Oui', 'Non'] as const;
const single = pollSchema.parse({ kind: 'poll', id: 's', type: 'single', question: 'Q ?', options: ['a', 'b', 'c'] });
const t = (counts: Record<string, [number, number]>, voters: [number, number]) => ({
  counts: Object.fromEntries(Object.entries(counts).map(([k, [room, remote]]) => [k, { room, remote }])),
  voters: { room: voters[0], remote: voters[1] },
});

describe('wholePercents', () => {
  it('adds up to 100 by the largest remainder', () => {
    expect(wholePercents([1, 1, 1], 3)).toEqual([34, 33, 33]);
    expect(wholePercents([2, 1], 3)).toEqual([67, 33]);
    expect(wholePercents([150, 64], 214)).toEqual([70, 30]);
    for (const counts of [
      [7, 3, 11, 0, 1],
      [1, 1, 1, 1, 1, 1, 1],
      [998, 1, 1],
    ]) {
      expect(
        wholePercents(
          counts,
          counts.reduce((a, b) => a + b),
        ).reduce((a, b) => a + b),
      ).toBe(100);
    }
  });
  it('gives zeros with nothing counted, and never a point to a zero row', () => {
    expect(wholePercents([0, 0], 0)).toEqual([0, 0]);
    expect(wholePercents([0, 3], 3)).toEqual([0, 100]);
  });
});

describe('pollResults', () => {
  it('one row per option, with its count, split and share', () => {
    const r = pollResults(single, t({ '0': [3, 1], '2': [1, 1] }, [4, 2]), YES_NO);
    expect(r.rows.map((x) => [x.label, x.count, x.percent])).toEqual([
      ['a', 4, 67],
      ['b', 0, 0],
      ['c', 2, 33],
    ]);
    expect(r.rows[0]?.byOrigin).toEqual({ room: 3, remote: 1 });
    expect(r.rows[0]?.share).toBeCloseTo(4 / 6);
    expect(r.voters).toEqual({ room: 4, remote: 2, total: 6 });
    expect(r.mean).toBeNull();
  });
  it('no tally yet: every option at zero', () => {
    const r = pollResults(single, undefined, YES_NO);
    expect(r.rows.every((x) => x.count === 0 && x.share === 0 && x.percent === 0)).toBe(true);
    expect(r.voters.total).toBe(0);
  });
  it('yes/no polls are « Oui », « Non » (index 0, 1)', () => {
    const yn = pollSchema.parse({ kind: 'poll', id: 'y', type: 'yesno', question: 'Q ?' });
    const r = pollResults(yn, t({ '0': [2, 0], '1': [0, 1] }, [2, 1]), YES_NO);
    expect(r.rows.map((x) => `${x.label} ${x.percent}`)).toEqual(['Oui 67', 'Non 33']);
  });
  it('multiple choice: shares of the voters, which may add up to more than 100', () => {
    const m = pollSchema.parse({ kind: 'poll', id: 'm', type: 'multiple', question: 'Q ?', options: ['a', 'b'] });
    const r = pollResults(m, t({ '0': [2, 0], '1': [2, 0] }, [2, 0]), YES_NO);
    expect(r.multiple).toBe(true);
    expect(r.rows.map((x) => x.percent)).toEqual([100, 100]);
    expect(r.rows[1]?.share).toBe(1);
  });
  it('rating: a row per value with the end labels, and the mean', () => {
    const rating = pollSchema.parse({
      kind: 'poll',
      id: 'r',
      type: 'rating',
      question: 'Q ?',
      min: 1,
      max: 5,
      minLabel: 'pas du tout',
      maxLabel: 'tout à fait',
    });
    const r = pollResults(rating, t({ '1': [1, 0], '4': [1, 1], '5': [0, 1] }, [2, 2]), YES_NO);
    expect(r.rows.map((x) => x.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(r.rows[0]?.endLabel).toBe('pas du tout');
    expect(r.rows[4]?.endLabel).toBe('tout à fait');
    expect(r.rows[2]?.endLabel).toBeNull();
    expect(r.mean).toBeCloseTo((1 + 4 + 4 + 5) / 4);
    expect(pollResults(rating, undefined, YES_NO).mean).toBeNull();
  });
});
