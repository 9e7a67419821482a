import { BAR_COLOURS, STAGE_BACKGROUNDS, WORD_COLOURS } from '../../shared/domain/palette';

/**
 * The colours of the result images. `stage` is the projector's look (dark, its palette), for
 * slides and the proceedings; `paper` is the same design on white, for the printed report. Both
 * keep Okabe and Ito's colour-blind-safe hues, and every bar carries its label, its percentage
 * and its count: colour is never the only clue.
 */
export interface ChartTheme {
  name: 'stage' | 'paper';
  background: readonly [string, string];
  ink: string;
  inkSoft: string;
  accent: string;
  track: string;
  rule: string;
  bars: readonly string[];
  words: readonly string[];
}

export const STAGE_THEME: ChartTheme = {
  name: 'stage',
  background: STAGE_BACKGROUNDS,
  ink: '#f4f7fa',
  inkSoft: '#c3d3df',
  accent: '#f5b14c',
  track: 'rgba(195, 211, 223, 0.14)',
  rule: 'rgba(195, 211, 223, 0.28)',
  bars: BAR_COLOURS,
  words: WORD_COLOURS,
};

/** On white: Okabe and Ito's darker hues (their yellow darkened, their sky blue kept last). */
export const PAPER_THEME: ChartTheme = {
  name: 'paper',
  background: ['#ffffff', '#ffffff'],
  ink: '#14212b',
  inkSoft: '#4a5a66',
  accent: '#a15c00',
  track: '#e8edf1',
  rule: '#c9d3da',
  bars: ['#e69f00', '#0072b2', '#009e73', '#b59a00', '#d55e00', '#cc79a7', '#56b4e9'],
  words: ['#14212b', '#a15c00', '#00735a', '#0072b2', '#b2420a', '#a3487c', '#4a5a66'],
};

export type ChartThemeName = ChartTheme['name'];

export function chartTheme(name: ChartThemeName = 'stage'): ChartTheme {
  return name === 'paper' ? PAPER_THEME : STAGE_THEME;
}

export function pick(colours: readonly string[], index: number): string {
  return colours[index % colours.length] ?? '#888888';
}

/** A word keeps its colour in every image: chosen from the word itself (as on the projector). */
export function colourOfWord(text: string, colours: readonly string[]): string {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return pick(colours, h % colours.length);
}
