import { describe, expect, it } from 'vitest';
import { NO_WORD_MODERATION, isBannedKey, mergedKey, tallyWords, type WordModeration } from './word-tally';

const moderation = (m: Partial<WordModeration>): WordModeration => ({ ...NO_WORD_MODERATION, ...m });

describe('tallyWords', () => {
  it('counts « L’enfant », « enfants », « ENFANT » as one word, shown as its most common spelling', () => {
    const words = tallyWords({ "L'enfant": 1, enfants: 3, ENFANT: 1, écoute: 2 });
    expect(words).toEqual([
      {
        key: 'enfant',
        text: 'enfants',
        count: 5,
        variants: [
          { text: 'enfants', count: 3 },
          { text: 'enfant', count: 2 },
        ],
      },
      { key: 'ecoute', text: 'écoute', count: 2, variants: [{ text: 'écoute', count: 2 }] },
    ]);
  });

  it('shows the first spelling that arrived when two are equally common', () => {
    expect(tallyWords({ ecoute: 1, Écoute: 1 })[0]?.text).toBe('ecoute');
    expect(tallyWords({ Écoute: 1, ecoute: 1 })[0]?.text).toBe('écoute');
  });

  it('sorts by count, then by first arrival', () => {
    expect(tallyWords({ lien: 1, confiance: 2, respect: 1, écoute: 2 }).map((w) => w.key)).toEqual([
      'confiance',
      'ecoute',
      'lien',
      'respect',
    ]);
  });

  it('leaves out stop words, empty entries and zero counts', () => {
    expect(tallyWords({ le: 4, '...': 2, vide: 0, lien: 1 }).map((w) => w.key)).toEqual(['lien']);
    expect(tallyWords(undefined)).toEqual([]);
  });

  it('leaves out banned keys, whatever their spelling', () => {
    const m = moderation({ banned: { enfant: 'enfants' } });
    expect(tallyWords({ enfants: 2, "l'Enfant": 1, lien: 1 }, m).map((w) => w.key)).toEqual(['lien']);
  });

  it('folds merged keys into their target, showing the target’s own spelling', () => {
    const m = moderation({ merges: { gamin: 'enfant' } });
    const [first, ...rest] = tallyWords({ gamins: 5, enfant: 2, lien: 1 }, m);
    expect(first).toEqual({
      key: 'enfant',
      text: 'enfant',
      count: 7,
      variants: [
        { text: 'gamins', count: 5 },
        { text: 'enfant', count: 2 },
      ],
    });
    expect(rest.map((w) => w.key)).toEqual(['lien']);
  });

  it('shows a merged word’s spelling when its target was never sent itself', () => {
    const m = moderation({ merges: { gamin: 'enfant' } });
    expect(tallyWords({ gamins: 2 }, m)[0]).toMatchObject({ key: 'enfant', text: 'gamins', count: 2 });
  });

  it('a word merged into a banned word goes with it', () => {
    const m = moderation({ merges: { gamin: 'enfant' }, banned: { enfant: 'enfant' } });
    expect(tallyWords({ gamins: 2, enfant: 1, lien: 1 }, m).map((w) => w.key)).toEqual(['lien']);
  });

  it('leaves out held words (every spelling of them) until they are allowed', () => {
    const raw = { Connard: 1, connards: 2, lien: 1 };
    expect(tallyWords(raw, NO_WORD_MODERATION, { Connard: 'profanity' }).map((w) => w.key)).toEqual(['lien']);
    const allowed = moderation({ allowed: { connard: 'Connard' } });
    expect(tallyWords(raw, allowed, { Connard: 'profanity' }).map((w) => w.key)).toEqual(['connard', 'lien']);
  });

  it('is not fooled by keys named like object properties', () => {
    expect(tallyWords({ constructor: 1, toString: 2 }).map((w) => w.key)).toEqual(['tostring', 'constructor']);
    expect(isBannedKey('constructor')).toBe(false);
    expect(mergedKey('constructor')).toBe('constructor');
  });

  it('stops on a merge cycle instead of looping', () => {
    const m = moderation({ merges: { a1: 'b1', b1: 'a1' } });
    expect(['a1', 'b1']).toContain(mergedKey('a1', m));
  });
});
