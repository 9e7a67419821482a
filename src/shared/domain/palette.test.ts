import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { BAR_COLOURS, STAGE_BACKGROUNDS, WORD_COLOURS, barColour, wordColour } from './palette';

describe('the projector palette', () => {
  it('bars stand out from the stage (WCAG 1.4.11: 3:1 for graphics)', () => {
    for (const c of BAR_COLOURS)
      for (const bg of STAGE_BACKGROUNDS) expect(contrastRatio(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(3);
  });
  it('words are legible text on the stage (AA: 4.5:1)', () => {
    for (const c of WORD_COLOURS)
      for (const bg of STAGE_BACKGROUNDS) expect(contrastRatio(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
  it('cycles through the bars, and gives a word always the same colour', () => {
    expect(barColour(0)).toBe(BAR_COLOURS[0]);
    expect(barColour(BAR_COLOURS.length)).toBe(BAR_COLOURS[0]);
    expect(wordColour('confiance')).toBe(wordColour('confiance'));
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(wordColour)).size).toBeGreaterThan(2);
  });
});
