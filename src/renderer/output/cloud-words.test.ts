import { describe, expect, it } from 'vitest';
import { NO_WORD_MODERATION } from '../../shared/domain/word-tally';
import { cloudWords, wordsSent } from './cloud-words';

const texts = (words: { text: string; count: number }[]) => words.map((w) => `${w.text}:${w.count}`);

describe('cloudWords', () => {
  it('the most frequent first, the first sent first among equals', () => {
    expect(cloudWords({ écoute: 1, confiance: 3, repères: 1, stabilité: 2 }).map((w) => w.text)).toEqual([
      'confiance',
      'stabilité',
      'écoute',
      'repères',
    ]);
  });
  it('counts as one word what a person would (case, elision, accents, plural), shown as its most common spelling (ties: the first sent)', () => {
    expect(cloudWords({ "l'amour": 2, 'l’amour': 1, ' lien ': 1 })).toEqual([
      { id: 'amour', text: 'amour', count: 3 },
      { id: 'lien', text: 'lien', count: 1 },
    ]);
    expect(texts(cloudWords({ "L'enfant": 1, enfants: 2, ENFANT: 1, ecoute: 1, Écoute: 2 }))).toEqual(['enfant:4', 'écoute:3']);
  });
  it('applies French typography to what it shows', () => {
    expect(cloudWords({ "protection de l'enfance": 1 })[0]?.text).toBe('protection de l’enfance');
  });
  it('leaves banned words out and folds merged ones in', () => {
    const moderation = { ...NO_WORD_MODERATION, banned: { lien: 'lien' }, merges: { gamin: 'enfant' } };
    expect(texts(cloudWords({ lien: 5, gamins: 2, enfant: 1 }, 10, moderation))).toEqual(['enfant:3']);
  });
  it('keeps at most `max` words, never the late ones of the tail', () => {
    const raw = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`mot${i}`, 1]));
    expect(cloudWords(raw, 3).map((w) => w.text)).toEqual(['mot0', 'mot1', 'mot2']);
    expect(cloudWords(undefined)).toEqual([]);
    expect(cloudWords({ vide: 0, '  ': 4, le: 3 })).toEqual([]);
  });
  it('counts every word sent', () => {
    expect(wordsSent({ a: 3, b: 1 })).toBe(4);
    expect(wordsSent(undefined)).toBe(0);
  });
});
