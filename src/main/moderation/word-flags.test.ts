import { describe, expect, it } from 'vitest';
import { moderationLists } from './moderation-lists';
import { flagCloudWords } from './word-flags';

const lists = moderationLists({ badWords: [], names: ['Kerbrat', 'Moreau'], allowed: ['Rose'] });
const held = (words: string[]) => flagCloudWords(words, lists).map((h) => `${h.word}:${h.kind}`);

describe('word-cloud words through the detector', () => {
  it('holds profanity in any of its forms, a capitalised given name and an organiser-listed name in any case', () => {
    expect(held(['confiance', 'Zoé', 'connards', 'gros connard', 'kerbrat', 'MOREAU', 'écoute'])).toEqual([
      'Zoé:given-name',
      'connards:profanity',
      'gros connard:profanity',
      expect.stringMatching(/^kerbrat:(given|listed|family)-name$/),
      expect.stringMatching(/^MOREAU:(given|listed|family)-name$/),
    ]);
  });

  it('lets through words that are only words, and a word the organisers allow', () => {
    expect(held(['amour', 'patience', 'maison', 'Rose', 'stabilité'])).toEqual([]);
  });

  it('names the kind a moderator must read first: profanity before a name', () => {
    expect(held(['Zoé connard'])).toEqual(['Zoé connard:profanity']);
  });

  it('holds a phone number, an e-mail and a family name sent as words (issue 15’s detector)', () => {
    expect(held(['06 12 34 56 78', 'jean.dupont@exemple.fr', 'Nguyen', 'Mohamed'])).toEqual([
      '06 12 34 56 78:phone',
      'jean.dupont@exemple.fr:email',
      // Nguyen is a family name and a given name: either kind holds it.
      'Nguyen:given-name',
      'Mohamed:given-name',
    ]);
  });
});
