import type { WordCloud } from '../../shared/domain/interaction';
import { type CloudLayout, type CloudWord, layoutWordCloud, screenRect } from '../../shared/domain/word-cloud-layout';
import { type ChartTheme, STAGE_THEME, colourOfWord } from './chart-theme';
import { escapeXml } from './inert-text';
import { CHART_HEIGHT, CHART_WIDTH, frameSvg, svgDocument, titleSvg } from './poll-chart-svg';
import { DEJAVU_ASCENT, DEJAVU_DESCENT } from './report-fonts';
import { formatCount, wordsSentWords } from './report-words';
import { dejavuMeasure } from './text-metrics';

/**
 * A word cloud's final picture as SVG: the prompt as the title, the words sized by frequency and
 * placed by the projector's own layout (word-cloud-layout.ts), measured with the DejaVu font the
 * PNG is drawn with, so no two words overlap. Pure apart from text metrics.
 */

/** The line height of a word, in em (the projector's: output-cloud.css). */
const LINE_HEIGHT = 1.15;
const M = 80;

export interface WordCloudInput {
  cloud: WordCloud;
  /** Already moderated: no held word in here (image-words.ts). */
  words: readonly CloudWord[];
  /** Every word sent (the footer's figure). */
  sent: number;
  /** Distinct words shown and not shown (beyond the image's limit); `words.length` when absent. */
  distinct?: number;
  status: string | null;
  theme?: ChartTheme;
}

export interface WordCloudPicture {
  svg: string;
  layout: CloudLayout;
  /** Where the cloud's box sits in the picture (the layout's rects are relative to it). */
  origin: { x: number; y: number };
}

export function wordCloudSvg({
  cloud,
  words,
  sent,
  distinct = words.length,
  status,
  theme = STAGE_THEME,
}: WordCloudInput): WordCloudPicture {
  const t = theme;
  const parts = frameSvg('Nuage de mots', status, t);
  const title = titleSvg(cloud.prompt, t, 2, [56, 48, 42, 36]);
  parts.push(...title.svg);
  const footRule = CHART_HEIGHT - 104;
  const origin = { x: M, y: title.bottom + 30 };
  const box = { width: CHART_WIDTH - 2 * M, height: footRule - 26 - origin.y };
  // A still image needs no room to grow: it starts at scale 1, so the long frequent words keep
  // their full size (at the projector's 1.5 they are capped to the box's width, all alike).
  const layout = layoutWordCloud(words, dejavuMeasure(LINE_HEIGHT), box, null, { initialScale: 1, fill: 0.55 });

  if (layout.placements.length === 0) {
    parts.push(
      `<text x="${CHART_WIDTH / 2}" y="${(origin.y + box.height / 2).toFixed(1)}" font-size="48" text-anchor="middle" fill="${t.inkSoft}">Aucun mot reçu</text>`,
    );
  }
  // The baseline inside a line box of LINE_HEIGHT em, as a browser centres the glyphs in it.
  const baseline = (LINE_HEIGHT - DEJAVU_ASCENT - DEJAVU_DESCENT) / 2 + DEJAVU_ASCENT;
  for (const p of layout.placements) {
    const r = screenRect(p, layout);
    const x = origin.x + r.left + r.width / 2;
    const y = origin.y + r.top + baseline * r.fontSize;
    parts.push(
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${r.fontSize.toFixed(2)}" font-weight="bold" text-anchor="middle" fill="${colourOfWord(p.text, t.words)}">${escapeXml(p.text)}</text>`,
    );
  }

  parts.push(`<rect x="${M}" y="${footRule}" width="${CHART_WIDTH - 2 * M}" height="3" fill="${t.rule}"/>`);
  const distinctWords = `${formatCount(distinct)}\u00a0${distinct > 1 ? 'mots différents' : 'mot différent'}`;
  parts.push(`<text x="${M}" y="${CHART_HEIGHT - 48}" font-size="36" fill="${t.inkSoft}">${escapeXml(distinctWords)}</text>`);
  parts.push(
    `<text x="${CHART_WIDTH - M}" y="${CHART_HEIGHT - 48}" font-size="36" text-anchor="end" fill="${t.inkSoft}">${escapeXml(wordsSentWords(sent))}</text>`,
  );
  return { svg: svgDocument(parts), layout, origin };
}
