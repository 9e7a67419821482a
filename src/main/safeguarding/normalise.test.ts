import { describe, expect, it } from 'vitest';
import { normaliseText, originalSpan } from './normalise';

/** The original text of the normalised range where `part` was found. */
function back(original: string, part: string): string {
  const n = normaliseText(original);
  const at = n.text.indexOf(part);
  expect(at, `« ${part} » dans « ${n.text} »`).toBeGreaterThanOrEqual(0);
  const [s, e] = originalSpan(n, at, at + part.length);
  return original.slice(s, e);
}

describe('normaliseText', () => {
  it('leaves ordinary text as it is, offsets one for one', () => {
    const n = normaliseText('Léa, 7 ans, placée à Nantes');
    expect(n.text).toBe('Léa, 7 ans, placée à Nantes');
    expect([...n.from]).toEqual([...Array(n.text.length).keys()]);
    expect(n.to[3]).toBe(4);
  });

  it('drops soft hyphens, zero-width and bidi characters, and maps back over them', () => {
    expect(normaliseText('con\u00ADnard').text).toBe('connard');
    expect(normaliseText('PUTAIN\u200B DE\u202E').text).toBe('PUTAIN DE');
    expect(back('un con\u00ADnard ici', 'connard')).toBe('con\u00ADnard');
  });

  it('turns Cyrillic and Greek look-alikes into Latin letters', () => {
    expect(normaliseText('\u0441onnard').text).toBe('connard');
    expect(normaliseText('c\u043Ennard').text).toBe('connard');
    expect(normaliseText('\u0391\u0392\u0395').text).toBe('ABE');
  });

  it('puts each character in NFKC form: full-width digits and at sign, ligatures', () => {
    expect(normaliseText('０６ １２').text).toBe('06 12');
    expect(normaliseText('julie＠gmail.com').text).toBe('julie@gmail.com');
    expect(normaliseText('ﬁlle').text).toBe('fille');
    expect(back('la ﬁlle', 'fille')).toBe('ﬁlle');
  });

  it('makes every apostrophe and dash one character', () => {
    expect(normaliseText('d’Axel – l‘ado').text).toBe("d'Axel - l'ado");
  });

  it('joins letters spaced or dotted apart, and the span covers all of them', () => {
    expect(normaliseText('c o n n a r d').text).toBe('connard');
    expect(normaliseText('c.o.n.n.a.r.d !').text).toBe('connard !');
    expect(normaliseText('n-i-q-u-e-r le système').text).toBe('niquer le système');
    expect(normaliseText('A S E et P J J').text).toBe('ASE et PJJ');
    expect(back('quel c o n n a r d !', 'connard')).toBe('c o n n a r d');
  });

  it('does not join French one-letter words, mixed separators or longer words', () => {
    expect(normaliseText('il y a à faire').text).toBe('il y a à faire');
    expect(normaliseText('y a-t-il un souci').text).toBe('y a-t-il un souci');
    expect(normaliseText('M. et Mme Dubois').text).toBe('M. et Mme Dubois');
    expect(normaliseText('0 6 1 2 3 4').text).toBe('0 6 1 2 3 4');
  });

  it('keeps astral characters whole and their offsets right', () => {
    const text = '🙂 Léa 🙂';
    expect(back(text, 'Léa')).toBe('Léa');
    expect(normaliseText(text).text).toBe(text);
  });

  it('gives an empty range for an empty span', () => {
    const n = normaliseText('abc');
    expect(originalSpan(n, 1, 1)).toEqual([1, 1]);
  });
});
