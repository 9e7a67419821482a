import { describe, it, expect } from 'vitest';
import { translate, type Translate } from './i18n';
import { offsetWords } from './offset-words';

const fr: Translate = (k, p) => translate('fr', k, p);
const en: Translate = (k, p) => translate('en', k, p);

describe('offsetWords', () => {
  it('signs every offset clearly, with a real minus sign', () => {
    expect(offsetWords(12, fr)).toBe('+12 min');
    expect(offsetWords(-5, fr)).toBe('\u22125 min');
    expect(offsetWords(65, fr)).toBe('+1 h 05');
  });
  it('says « à l’heure » in the desk’s language', () => {
    expect(offsetWords(0, fr)).toBe('à l’heure');
    expect(offsetWords(0, en)).toBe('on time');
  });
});
