import { inertLine } from './inert-text';
import { printableText } from './printable-text';
import { textWidth } from './text-metrics';

/**
 * Lines of text that fit a width, measured with the real font: breaks at spaces (never at a
 * no-break space), a word longer than the line is cut where it must, and a text longer than
 * `maxLines` ends with « … » on its last line.
 */
export function wrapLines(text: string, fontSize: number, bold: boolean, maxWidth: number, maxLines = Infinity): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  const push = (s: string) => {
    lines.push(s);
    line = '';
  };
  for (const word of printableText(inertLine(text), bold)
    .split(' ')
    .filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') push(line);
    if (fits(word)) {
      line = word;
      continue;
    }
    // A word wider than the line: as many characters a line as fit.
    let piece = '';
    for (const ch of word) {
      if (piece !== '' && !fits(piece + ch)) {
        push(piece);
        piece = '';
      }
      piece += ch;
    }
    line = piece;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last !== '' && !fits(`${last}…`)) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** The largest size (from `sizes`, largest first) at which the text fits in `maxLines` lines. */
export function fitText(
  text: string,
  sizes: readonly number[],
  bold: boolean,
  maxWidth: number,
  maxLines: number,
): { fontSize: number; lines: string[] } {
  for (const fontSize of sizes) {
    const lines = wrapLines(text, fontSize, bold, maxWidth);
    if (lines.length <= maxLines) return { fontSize, lines };
  }
  const fontSize = sizes[sizes.length - 1] ?? 32;
  return { fontSize, lines: wrapLines(text, fontSize, bold, maxWidth, maxLines) };
}
