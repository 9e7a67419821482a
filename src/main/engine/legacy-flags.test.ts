import { describe, expect, it } from 'vitest';
import { locateFlag, relocate } from './legacy-flags';

const texts = { text: 'Zoé et Zoé chez Kerbrat', edit: 'Zoé seule', name: null };

describe('flags of before issue 15', () => {
  it('are located wherever their match stands, in the fields named, kinds renamed', () => {
    expect(locateFlag({ kind: 'name', match: 'Zoé' }, texts, ['edit', 'text'])).toEqual([
      { field: 'edit', kind: 'given-name', start: 0, end: 3, match: 'Zoé' },
      { field: 'text', kind: 'given-name', start: 0, end: 3, match: 'Zoé' },
      { field: 'text', kind: 'given-name', start: 7, end: 10, match: 'Zoé' },
    ]);
    expect(locateFlag({ kind: 'long', match: '312 caractères' }, texts, ['text'])).toEqual([
      { field: 'text', kind: 'long', start: 0, end: texts.text.length, match: texts.text },
    ]);
  });

  it('keep a flag whose match is nowhere any more, without position, to be read', () => {
    expect(locateFlag({ kind: 'phone', match: '06 12 34 56 78' }, texts, ['text'])).toEqual([{ field: 'text', kind: 'phone', start: 0, end: 0, match: '06 12 34 56 78' }]);
  });

  it('follow an older edit where their match now stands', () => {
    const found = locateFlag({ kind: 'name', match: 'Zoé' }, texts, ['edit']);
    expect(relocate(found, 'edit', 'Avec Zoé ?')).toEqual([{ field: 'edit', kind: 'given-name', start: 5, end: 8, match: 'Zoé' }]);
    expect(relocate(found, 'edit', null)).toEqual([]);
  });
});
