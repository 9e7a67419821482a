import { Resvg } from '@resvg/resvg-js';
import type { RegieState } from '../../shared/api/state';
import type { Poll, WordCloud } from '../../shared/domain/interaction';
import { pollResults } from '../../shared/domain/poll-results';
import { type ChartThemeName, chartTheme } from './chart-theme';
import { imageWords } from './image-words';
import { pollChartSvg } from './poll-chart-svg';
import { FONT_FAMILY, svgFontFiles } from './report-fonts';
import { YES_NO } from './report-words';
import { wordCloudSvg } from './word-cloud-svg';

/**
 * The final poll chart and word cloud as PNG (1600 × 900), for the exports and the proceedings:
 * the SVG pictures drawn by resvg with the bundled DejaVu fonts only, so the PNG is the same on
 * every machine. Held words never reach an image.
 */

export interface ImageOptions {
  /** `stage`: the projector's dark look (default); `paper`: on white, for print. */
  theme?: ChartThemeName;
}

export { pollChartSvg } from './poll-chart-svg';
export { wordCloudSvg } from './word-cloud-svg';

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: svgFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

function interaction(state: RegieState, id: string) {
  return state.programme?.interactions?.find((i) => i.id === id);
}

export function findPoll(state: RegieState, pollId: string): Poll {
  const found = interaction(state, pollId);
  if (found?.kind !== 'poll') throw new Error(`Sondage inconnu : « ${pollId} » (absent du programme).`);
  return found;
}

export function findWordCloud(state: RegieState, cloudId: string): WordCloud {
  const found = interaction(state, cloudId);
  if (found?.kind !== 'wordcloud') throw new Error(`Nuage de mots inconnu : « ${cloudId} » (absent du programme).`);
  return found;
}

function runStatus(state: RegieState, id: string, open: string, closed: string): string {
  const run = state.live.interactions[id];
  if (!run) return 'Pas encore lancé';
  return run.status === 'open' ? open : closed;
}

/** The poll's chart as SVG (from the régie's tally, shown whether or not it was revealed). */
export function pollChartSvgOf(state: RegieState, pollId: string, options: ImageOptions = {}): string {
  const poll = findPoll(state, pollId);
  const results = pollResults(poll, state.audience.tallies[pollId], YES_NO);
  return pollChartSvg({ poll, results, status: runStatus(state, pollId, 'Vote en cours', 'Vote clos'), theme: chartTheme(options.theme) });
}

/** The word cloud as SVG: the moderated words only. */
export function wordCloudSvgOf(state: RegieState, cloudId: string, options: ImageOptions = {}): string {
  const cloud = findWordCloud(state, cloudId);
  const { words, distinct, sent } = imageWords(state, cloudId);
  return wordCloudSvg({
    cloud,
    words,
    distinct,
    sent,
    status: runStatus(state, cloudId, 'En cours', 'Clos'),
    theme: chartTheme(options.theme),
  }).svg;
}

export function pollChartPng(state: RegieState, pollId: string, options: ImageOptions = {}): Buffer {
  return svgToPng(pollChartSvgOf(state, pollId, options));
}

export function wordCloudPng(state: RegieState, cloudId: string, options: ImageOptions = {}): Buffer {
  return svgToPng(wordCloudSvgOf(state, cloudId, options));
}
