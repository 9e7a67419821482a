import { frenchTypography } from '../../shared/domain/french-typography';
import type { Poll } from '../../shared/domain/interaction';
import type { PollResults } from '../../shared/domain/poll-results';
import { type ChartTheme, STAGE_THEME, pick } from './chart-theme';
import { escapeXml } from './inert-text';
import { FONT_FAMILY } from './report-fonts';
import { meanWords, percentWords, ratingLabel, votersLine, votesWords } from './report-words';
import { fitText, wrapLines } from './svg-wrap';

/**
 * A poll's final results as an SVG picture, drawn like the projector's poll scene (PollScene,
 * PollBars): the question as the title, one horizontal bar per option with its percentage and
 * its count, the voters in the room and remote, a rating's mean. Pure apart from text metrics.
 */

export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 900;

export interface PollChartInput {
  poll: Poll;
  results: PollResults;
  /** Top right: « Vote clos », « Vote en cours »… (nothing when null). */
  status: string | null;
  theme?: ChartTheme;
}

const M = 80; // side margins
const FOOT_RULE = CHART_HEIGHT - 104;

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(content)}</text>`;
}

/** The common frame of a result image: background, kicker, status. */
export function frameSvg(kicker: string, status: string | null, t: ChartTheme): string[] {
  const [bg1, bg2] = t.background;
  return [
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="url(#bg)"/>`,
    `<rect x="${M}" y="62" width="9" height="32" rx="4.5" fill="${t.accent}"/>`,
    text(M + 26, 90, kicker.toLocaleUpperCase('fr'), `font-size="30" font-weight="bold" letter-spacing="4" fill="${t.accent}"`),
    status ? text(CHART_WIDTH - M, 90, status, `font-size="30" text-anchor="end" fill="${t.inkSoft}"`) : '',
  ];
}

/** The title under the kicker, on up to `maxLines` lines; returns the SVG and where it ends. */
export function titleSvg(title: string, t: ChartTheme, maxLines: number, sizes: readonly number[]): { svg: string[]; bottom: number } {
  const { fontSize, lines } = fitText(frenchTypography(title), sizes, true, CHART_WIDTH - 2 * M, maxLines);
  const lineHeight = fontSize * 1.15;
  const top = 126;
  const svg = lines.map((l, i) =>
    text(M, top + i * lineHeight + fontSize * 0.93, l, `font-size="${fontSize}" font-weight="bold" fill="${t.ink}"`),
  );
  return { svg, bottom: top + lines.length * lineHeight };
}

function oneLine(label: string, fontSize: number, bold: boolean, width: number): string {
  return wrapLines(label, fontSize, bold, width, 1)[0] ?? '';
}

export function pollChartSvg({ poll, results, status, theme = STAGE_THEME }: PollChartInput): string {
  const t = theme;
  const parts = frameSvg('Sondage', status, t);
  const title = titleSvg(poll.question, t, 3, [60, 54, 48, 42, 36]);
  parts.push(...title.svg);

  const rows = results.rows;
  const top = title.bottom + 44;
  const bottom = FOOT_RULE - 34;
  const dense = rows.length > 5;
  const innerWidth = CHART_WIDTH - 2 * M;
  const rowHeight = Math.min(dense ? 76 : 150, (bottom - top) / Math.max(1, rows.length));
  // The rows, centred in the space left under the title.
  const y0 = top + (bottom - top - rowHeight * rows.length) / 2;
  const label = (i: number) => {
    const r = rows[i];
    if (!r) return '';
    return frenchTypography(poll.type === 'rating' ? ratingLabel(r.label, r.endLabel) : r.label);
  };

  rows.forEach((row, i) => {
    const colour = pick(t.bars, i);
    const y = y0 + i * rowHeight;
    if (!dense) {
      const labelSize = Math.min(38, rowHeight * 0.32);
      const percentSize = Math.min(54, rowHeight * 0.42);
      const trackWidth = innerWidth - 250;
      const trackHeight = Math.min(38, rowHeight * 0.28);
      const labelBase = y + labelSize * 1.05;
      const trackTop = labelBase + labelSize * 0.45;
      parts.push(
        text(
          M,
          labelBase,
          oneLine(label(i), labelSize, true, trackWidth - 20),
          `font-size="${labelSize.toFixed(1)}" font-weight="bold" fill="${t.ink}"`,
        ),
      );
      parts.push(
        text(
          CHART_WIDTH - M,
          labelBase + 4,
          percentWords(row.percent),
          `font-size="${percentSize.toFixed(1)}" font-weight="bold" text-anchor="end" fill="${t.ink}"`,
        ),
      );
      parts.push(
        `<rect x="${M}" y="${trackTop.toFixed(1)}" width="${trackWidth}" height="${trackHeight.toFixed(1)}" rx="8" fill="${t.track}"/>`,
      );
      if (row.count > 0) {
        parts.push(
          `<rect x="${M}" y="${trackTop.toFixed(1)}" width="${Math.max(10, row.share * trackWidth).toFixed(1)}" height="${trackHeight.toFixed(1)}" rx="8" fill="${colour}"/>`,
        );
      }
      parts.push(
        text(
          CHART_WIDTH - M,
          trackTop + trackHeight * 0.5 + 11,
          votesWords(row.count),
          `font-size="30" text-anchor="end" fill="${t.inkSoft}"`,
        ),
      );
    } else {
      // Many options: one line each, label | bar | percent | count.
      const size = Math.min(34, rowHeight * 0.5);
      const labelWidth = innerWidth * 0.44;
      const countRight = CHART_WIDTH - M;
      const percentRight = countRight - 160;
      const trackLeft = M + labelWidth + 28;
      const trackWidth = percentRight - 140 - trackLeft;
      const trackHeight = Math.min(32, rowHeight * 0.5);
      const mid = y + rowHeight / 2;
      const base = mid + size * 0.36;
      // A long label takes two lines (a little smaller) rather than losing its end.
      const single = wrapLines(label(i), size, true, labelWidth);
      const fit = single.length <= 1 ? { fontSize: size, lines: single } : fitText(label(i), [size * 0.8, size * 0.7], true, labelWidth, 2);
      const lineHeight = fit.fontSize * 1.1;
      const first = mid - (lineHeight * fit.lines.length) / 2 + fit.fontSize * 0.88;
      fit.lines.forEach((l, k) =>
        parts.push(text(M, first + k * lineHeight, l, `font-size="${fit.fontSize.toFixed(1)}" font-weight="bold" fill="${t.ink}"`)),
      );
      parts.push(
        `<rect x="${trackLeft.toFixed(1)}" y="${(mid - trackHeight / 2).toFixed(1)}" width="${trackWidth.toFixed(1)}" height="${trackHeight.toFixed(1)}" rx="7" fill="${t.track}"/>`,
      );
      if (row.count > 0) {
        parts.push(
          `<rect x="${trackLeft.toFixed(1)}" y="${(mid - trackHeight / 2).toFixed(1)}" width="${Math.max(8, row.share * trackWidth).toFixed(1)}" height="${trackHeight.toFixed(1)}" rx="7" fill="${colour}"/>`,
        );
      }
      parts.push(
        text(
          percentRight,
          mid + size * 0.42,
          percentWords(row.percent),
          `font-size="${(size * 1.2).toFixed(1)}" font-weight="bold" text-anchor="end" fill="${t.ink}"`,
        ),
      );
      parts.push(
        text(countRight, base, votesWords(row.count), `font-size="${(size * 0.85).toFixed(1)}" text-anchor="end" fill="${t.inkSoft}"`),
      );
    }
  });

  parts.push(`<rect x="${M}" y="${FOOT_RULE}" width="${innerWidth}" height="3" fill="${t.rule}"/>`);
  parts.push(text(M, CHART_HEIGHT - 48, votersLine(results.voters), `font-size="36" fill="${t.inkSoft}"`));
  if (poll.type === 'rating' && results.mean !== null) {
    parts.push(
      text(
        CHART_WIDTH - M,
        CHART_HEIGHT - 48,
        meanWords(results.mean, poll.max),
        `font-size="44" font-weight="bold" text-anchor="end" fill="${t.accent}"`,
      ),
    );
  } else if (results.multiple) {
    parts.push(
      text(CHART_WIDTH - M, CHART_HEIGHT - 48, 'plusieurs réponses possibles', `font-size="30" text-anchor="end" fill="${t.inkSoft}"`),
    );
  }
  return svgDocument(parts);
}

export function svgDocument(parts: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT_FAMILY}">`,
    ...parts.filter((p) => p !== ''),
    '</svg>',
  ].join('\n');
}
