import { describe, expect, it } from 'vitest';
import { escapeXml, inertLine, inertParagraphs, svgText } from './inert-text';
import { drawableWord, EMOJI_MARK, printableText } from './printable-text';
import { wrapLines } from './svg-wrap';
import { textWidth } from './text-metrics';

describe('inert text', () => {
  it('drops bidi overrides, zero-width characters and controls', () => {
    expect(inertLine('a\u202eb\u202cc\u2066d\u2069')).toBe('abcd');
    expect(inertLine('Pro\u200bté\u200cger\u200d les\ufeff enfants\u0007')).toBe('Protéger les enfants');
    expect(inertLine('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
  });

  it('keeps two combining marks on a letter, no more', () => {
    const zalgo = `Z${'\u0301\u0302\u0303\u0304'.repeat(10)}!`;
    expect(inertLine(zalgo)).toBe('Z\u0301\u0302!');
    expect(inertLine('e\u0301')).toBe('e\u0301');
  });

  it('keeps paragraphs, one empty line at most, and lines on one line when asked', () => {
    expect(inertParagraphs('un\r\n\r\n\r\n\r\ndeux\ttrois')).toBe('un\n\ndeux trois');
    expect(inertLine('un\n\ndeux')).toBe('un deux');
  });

  it('escapes markup for an SVG', () => {
    expect(svgText('<script>alert("x")</script> & co')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(escapeXml('a<b')).toBe('a&lt;b');
  });
});

describe('printable text', () => {
  it('marks the emoji DejaVu cannot draw, keeps those it can', () => {
    expect(printableText('Merci 🙏🏽🤔 !')).toBe(`Merci ${EMOJI_MARK} !`);
    expect(printableText('☺ ok')).toBe('☺ ok');
    expect(printableText('漢字')).toBe('[caractère non imprimable]');
    expect(drawableWord('🤔')).toBe('');
    expect(drawableWord('café🤔')).toBe('café');
  });
});

describe('wrapped lines', () => {
  it('fit the width, cut a word longer than a line, and end with … past the last line', () => {
    const lines = wrapLines(`${'mot '.repeat(80)}${'x'.repeat(400)}`, 40, true, 600, 6);
    expect(lines).toHaveLength(6);
    for (const l of lines) expect(textWidth(l, 40, true)).toBeLessThanOrEqual(600);
    expect(lines[5]?.endsWith('…')).toBe(true);
    const all = wrapLines('x'.repeat(400), 40, false, 600);
    expect(all.join('')).toBe('x'.repeat(400));
    expect(all.length).toBeGreaterThan(5);
  });

  it('never break at a no-break space', () => {
    const lines = wrapLines('aaaa\u00a0bbbb cccc', 40, false, textWidth('aaaa\u00a0bbbb', 40) + 1);
    expect(lines).toEqual(['aaaa\u00a0bbbb', 'cccc']);
  });
});
