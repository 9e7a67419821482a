/**
 * Colours of the projector's charts, after Okabe and Ito's palette for colour-vision deficiencies
 * (its blue is lightened, its black left out: they vanish on the dark stage). Every bar also
 * carries its label, its percentage and its count: colour is never the only clue.
 */
export const BAR_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#d55e00', '#cc79a7', '#3a9fe0'] as const;

/** Colours of the word cloud's words: light enough for text on the stage (WCAG AA). */
export const WORD_COLOURS = ['#f4f7fa', '#f5b14c', '#86d8d0', '#56b4e9', '#f0e442', '#e48fc0', '#c3d3df'] as const;

/** The stage's background colours (output.css), darkest and lightest. */
export const STAGE_BACKGROUNDS = ['#061a2b', '#0a3140'] as const;

export function barColour(index: number): string {
  return BAR_COLOURS[index % BAR_COLOURS.length] ?? BAR_COLOURS[0];
}

/** A word keeps its colour as the cloud grows: chosen from the word itself. */
export function wordColour(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return WORD_COLOURS[h % WORD_COLOURS.length] ?? WORD_COLOURS[0];
}
