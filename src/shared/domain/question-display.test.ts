import { describe, expect, it } from 'vitest';
import { displayText } from './question-display';

describe('displayText', () => {
  it('takes out bidirectional overrides and isolates, zero-width and control characters', () => {
    expect(displayText('Début \u202Eenrevne étircé\u202C fin')).toBe('Début enrevne étircé fin');
    expect(displayText('a\u2066b\u2069c\u200Bd\uFEFFe\u0007f')).toBe('abcdef');
  });
  it('keeps HTML as typed (it is drawn as text), emoji and combining marks (in NFC)', () => {
    expect(displayText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(displayText('🙂🎉')).toBe('🙂🎉');
    expect(displayText('Ze\u0301ro Z\u0351a')).toBe('Zéro Z\u0351a');
  });
  it('one line: line breaks and runs of spaces become one space', () => {
    expect(displayText('  Une\n\nquestion\t ?  ')).toBe('Une question ?');
  });
});
