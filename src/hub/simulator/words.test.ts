import { describe, expect, it } from 'vitest';
import { wordKey } from '../../shared/domain/french-words';
import { MAX } from '../../shared/protocol/limits';
import { wordsMessageSchema } from '../../shared/protocol/participant-messages';
import { createRng } from './rng';
import { makeWords, variantOf, VOCABULARY } from './words';

describe('the word cloud vocabulary', () => {
  it('every word and every variant fits the hub’s limits', () => {
    const rng = createRng(1);
    for (const v of VOCABULARY) {
      for (let i = 0; i < 30; i += 1) {
        const w = variantOf(rng, v);
        expect(w.length).toBeLessThanOrEqual(MAX.word);
        expect(wordsMessageSchema.safeParse({ clientMsgId: 'c', cloudId: 'c1', words: [w] }).success, w).toBe(true);
      }
    }
  });

  it('« Confiance », « confiance », « la confiance »: the variants people type for one idea', () => {
    const rng = createRng(5);
    const confiance = VOCABULARY.find((v) => v.word === 'confiance');
    expect(confiance).toBeDefined();
    const variants = new Set(Array.from({ length: 400 }, () => variantOf(rng, confiance!)));
    expect(variants).toContain('confiance');
    expect(variants).toContain('Confiance');
    expect(variants).toContain('la confiance');
    expect(variants).toContain('CONFIANCE');
    const ecoute = VOCABULARY.find((v) => v.word === 'écoute')!;
    expect(new Set(Array.from({ length: 400 }, () => variantOf(rng, ecoute)))).toContain('l’écoute');
  });

  it('a participant never gets a word twice (by the hub’s key), nor one it already sent', () => {
    const rng = createRng(9);
    for (let run = 0; run < 200; run += 1) {
      const already = new Set(['confiance', 'écoute'].map(wordKey));
      const words = makeWords(rng, 3, already);
      const keys = words.map(wordKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(already.has(k)).toBe(false);
      expect(words.length).toBeLessThanOrEqual(3);
    }
  });

  it('the first words are the most sent (a cloud with a clear centre)', () => {
    const rng = createRng(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i += 1)
      for (const w of makeWords(rng, 1, new Set())) counts.set(wordKey(w), (counts.get(wordKey(w)) ?? 0) + 1);
    expect(counts.get(wordKey('présence'))).toBeGreaterThan(0);
    expect(counts.get('confiance') ?? 0).toBeGreaterThan((counts.get(wordKey('présence')) ?? 0) * 5);
  });
});
