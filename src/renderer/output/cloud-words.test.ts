import { describe, expect, it } from 'vitest';
import { cloudWords, wordsSent } from './cloud-words';

describe('cloudWords', () => {
  it('the most frequent first, the first sent first among equals', () => {
    expect(cloudWords({ écoute: 1, confiance: 3, repères: 1, stabilité: 2 }).map((w) => w.text)).toEqual([
      'confiance',
      'stabilité',
      'écoute',
      'repères',
    ]);
  });
  it('applies French typography and counts what then reads the same together', () => {
    expect(cloudWords({ "l'amour": 2, 'l’amour': 1, ' lien ': 1 })).toEqual([
      { text: 'l’amour', count: 3 },
      { text: 'lien', count: 1 },
    ]);
  });
  it('keeps at most `max` words, never the late ones of the tail', () => {
    const raw = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`mot${i}`, 1]));
    expect(cloudWords(raw, 3).map((w) => w.text)).toEqual(['mot0', 'mot1', 'mot2']);
    expect(cloudWords(undefined)).toEqual([]);
    expect(cloudWords({ vide: 0, '  ': 4 })).toEqual([]);
  });
  it('counts every word sent', () => {
    expect(wordsSent({ a: 3, b: 1 })).toBe(4);
    expect(wordsSent(undefined)).toBe(0);
  });
});
