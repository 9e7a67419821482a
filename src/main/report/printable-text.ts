import { hasGlyph } from './text-metrics';

/**
 * Text as DejaVu Sans can draw it. A character the font lacks (most colour emoji, CJK) would
 * print as an empty box; instead a run of missing emoji becomes « [émoji] » and any other run
 * « [caractère non imprimable] », so a reader knows something was there. The exports (CSV,
 * XLSX) keep the original text.
 */

export const EMOJI_MARK = '[émoji]';
export const MISSING_MARK = '[caractère non imprimable]';

const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20e3]$/u;

function replaceMissing(text: string, bold: boolean, mark: (emoji: boolean) => string): string {
  let out = '';
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    out += mark(run.every((c) => EMOJI_PART.test(c)));
    run = [];
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Line breaks and spaces are layout, not glyphs.
    if (ch === '\n' || ch === ' ' || hasGlyph(cp, bold)) {
      flush();
      out += ch;
    } else run.push(ch);
  }
  flush();
  return out;
}

/** For the report: missing characters marked in words. */
export function printableText(text: string, bold = false): string {
  return replaceMissing(text, bold, (emoji) => (emoji ? EMOJI_MARK : MISSING_MARK));
}

/** For a word in a cloud: missing characters left out (the word may end up empty). */
export function drawableWord(word: string): string {
  return replaceMissing(word, true, () => '').trim();
}
