import { describe, expect, it } from 'vitest';
import { idAsTyped, MAX_ID_LENGTH, slugify, uniqueId } from './slug';

describe('ids for the programme', () => {
  it('makes an id from a French text', () => {
    expect(slugify('Dans votre pratique, la peur de l’erreur freine-t-elle les décisions ?')).toBe(
      'dans-votre-pratique-la-peur-de-l-erreur-freine-t-elle-les',
    );
    expect(slugify('Œuvres d’été — « sécurité »')).toBe('oeuvres-d-ete-securite');
    expect(slugify('  ?! ')).toBe('');
  });
  it('cuts a long id at a word, within 64 characters', () => {
    const id = slugify('a'.repeat(40) + ' ' + 'b'.repeat(40));
    expect(id).toBe('a'.repeat(40));
    expect(slugify('x'.repeat(100))).toHaveLength(MAX_ID_LENGTH);
  });
  it('keeps what is typed valid', () => {
    expect(idAsTyped('J1 Séquence_2')).toBe('j1-sequence-2');
    expect(idAsTyped('-a--b-')).toBe('a-b-');
    expect(idAsTyped('é/à')).toBe('ea');
  });
  it('finds a free id', () => {
    expect(uniqueId('a', new Set())).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
    const long = 'x'.repeat(64);
    expect(uniqueId(long, new Set([long]))).toBe(`${'x'.repeat(62)}-2`);
  });
});
