import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text';

describe('cleanText', () => {
  it('keeps ordinary French text as typed', () => {
    expect(cleanText('Que devient l’enfant après 18 ans ?')).toBe('Que devient l’enfant après 18 ans ?');
    expect(cleanText('« Protection » – 100 % 🙂')).toBe('« Protection » – 100 % 🙂');
  });

  it('keeps HTML and script as plain text (never interpreted, never escaped here)', () => {
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp;';
    expect(cleanText(html)).toBe(html);
  });

  it('strips control characters and turns line breaks and tabs into single spaces', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg')).toBe('abcdefg');
    expect(cleanText('ligne 1\r\nligne 2\n\n\nligne 3\tfin')).toBe('ligne 1 ligne 2 ligne 3 fin');
  });

  it('strips bidirectional overrides and isolates', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C']) {
      expect(cleanText(`abc${c}def`)).toBe('abcdef');
    }
    expect(cleanText('fichier\u202Egnp.exe')).toBe('fichiergnp.exe');
  });

  it('strips zero-width and invisible characters, and the BOM', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\uFEFF', '\u2060', '\u2063']) {
      expect(cleanText(`en${c}fant`)).toBe('enfant');
    }
    expect(cleanText('\u200B\u200B\uFEFF')).toBe('');
  });

  it('normalises to NFC', () => {
    const decomposed = 'e\u0301le\u0300ve'; // é and è as base + combining accent
    expect(cleanText(decomposed)).toBe('élève');
    expect(cleanText(decomposed).length).toBe(5);
    // A zero-width character between a letter and its accent no longer prevents composition.
    expect(cleanText('e\u200B\u0301')).toBe('é');
  });

  it('collapses white space, trims, and keeps a lone no-break space', () => {
    expect(cleanText('   trop    d’espaces   ')).toBe('trop d’espaces');
    expect(cleanText('Pourquoi\u202F?')).toBe('Pourquoi\u202F?');
    expect(cleanText('100\u00A0%')).toBe('100\u00A0%');
    expect(cleanText('a \u00A0 \u2003 b')).toBe('a b');
  });

  it('replaces lone surrogates, keeps valid pairs', () => {
    expect(cleanText('a\uD800b')).toBe('a\uFFFDb');
    expect(cleanText('a\uDC00b')).toBe('a\uFFFDb');
    expect(cleanText('😀')).toBe('😀');
  });

  it('is idempotent', () => {
    const samples = ['  a\u202E b \u200B c\r\n', 'e\u0301', '<b>gras</b>', '\u0000\u0000'];
    for (const s of samples) expect(cleanText(cleanText(s))).toBe(cleanText(s));
  });
});
