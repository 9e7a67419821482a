import { describe, it, expect } from 'vitest';
import { ordinalParts } from './ordinals';

describe('ordinalParts', () => {
  it('raises the suffix of French ordinals', () => {
    expect(ordinalParts('14es Assises')).toEqual([
      { text: '14', sup: false },
      { text: 'es', sup: true },
      { text: ' Assises', sup: false },
    ]);
    expect(
      ordinalParts('le 1er jour, la 2e édition')
        .filter((p) => p.sup)
        .map((p) => p.text),
    ).toEqual(['er', 'e']);
  });
  it('leaves other numbers and words alone', () => {
    expect(ordinalParts('Salle 800, atelier 4A, 8 h 30')).toEqual([{ text: 'Salle 800, atelier 4A, 8 h 30', sup: false }]);
    expect(ordinalParts('3eme')).toEqual([{ text: '3eme', sup: false }]);
  });
});
