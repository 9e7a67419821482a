import { describe, expect, it } from 'vitest';
import { readNumbers } from './number-words';
import { SortedWords } from './sorted-words';

describe('SortedWords', () => {
  const words = new SortedWords('# header\n# second\na\naujourd\'hui\nenfant\nenfants\ngrand-mere\nzoe\n');
  it('finds every word of the list and nothing else', () => {
    for (const w of ['a', "aujourd'hui", 'enfant', 'enfants', 'grand-mere', 'zoe']) expect(words.has(w)).toBe(true);
    for (const w of ['', '#', 'header', 'enfan', 'enfantss', 'b', 'zz', 'grand']) expect(words.has(w)).toBe(false);
    expect(words.size).toBe(6);
  });
});

describe('readNumbers', () => {
  it('reads French numbers as a phone number is spoken', () => {
    expect(readNumbers(['zero', 'six', 'douze', 'trente', 'quatre', 'cinquante', 'six', 'soixante', 'dix', 'huit'])).toEqual([0, 6, 12, 34, 56, 78]);
    expect(readNumbers(['quatre', 'vingt', 'un', 'vingt', 'deux', 'quarante', 'trois', 'quatre', 'vingt', 'dix'])).toEqual([81, 22, 43, 90]);
    expect(readNumbers(['soixante', 'et', 'onze', 'dix', 'sept', 'vingt', 'et', 'un'])).toEqual([71, 17, 21]);
    expect(readNumbers(['deux', 'mille', 'quinze'])).toEqual([2015]);
    expect(readNumbers(['six', 'enfants'])).toBeNull();
  });
});
