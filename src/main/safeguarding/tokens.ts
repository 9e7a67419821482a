import { fold } from './fold';

/**
 * The words of a normalised text, with what the name rules need to know about each: its key, its
 * shape (a capital is a clue, unless the whole text is in one case), whether it opens a sentence,
 * and what stands between it and the previous word. An elided article or pronoun is its own
 * token (« d'Axel » → « d' », « Axel »), so that a name after an elision is seen as a name.
 */
export type Shape = 'lower' | 'capital' | 'upper' | 'other';

export interface Token {
  text: string;
  /** Folded (fold.ts). */
  key: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  /** As written; 'other' for digits and mixed forms. When the whole text is in one case, 'lower'. */
  shape: Shape;
  /** Letters only (with inner hyphens or apostrophes). */
  alpha: boolean;
  /** First word of the text or of a sentence (after . ! ? … : ; a line break, an opening quote). */
  sentenceStart: boolean;
  /** The characters between the previous token and this one. */
  gap: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+)*/gu;
const ELISION = /^(jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[ldjnscmt])'(?=[\p{L}\p{N}])/iu;
const SENTENCE_BREAK = /[.!?…:;\n«"“([]|^\s*[-–•*]\s/u;

const PLAIN_LOWER = /^[a-z'-]+$/;

function shapeOf(word: string): Shape {
  if (PLAIN_LOWER.test(word)) return 'lower';
  if (!/^[\p{L}\p{M}'-]+$/u.test(word)) return 'other';
  const hasUpper = /\p{Lu}/u.test(word);
  const hasLower = /\p{Ll}/u.test(word);
  if (!hasUpper) return 'lower';
  if (!hasLower) return word.replace(/[^\p{L}]/gu, '').length > 1 ? 'upper' : 'capital';
  return /^\p{Lu}/u.test(word) ? 'capital' : 'other';
}

export function tokenise(text: string): Token[] {
  const letters = text.replace(/[^\p{L}]/gu, '');
  // A text in one case (typed in capitals, or with no capital at all) tells nothing by its case.
  const oneCase = letters.length >= 4 && (!/\p{Ll}/u.test(letters) || !/\p{Lu}/u.test(letters));
  const tokens: Token[] = [];
  let last = 0;
  const push = (word: string, start: number) => {
    const gap = text.slice(last, start);
    const written = shapeOf(word);
    tokens.push({
      text: word,
      key: fold(word),
      start,
      end: start + word.length,
      shape: oneCase && written !== 'other' ? 'lower' : written,
      alpha: written !== 'other' || /^[\p{L}\p{M}'-]+$/u.test(word),
      sentenceStart: tokens.length === 0 || (gap !== ' ' && SENTENCE_BREAK.test(gap)),
      gap,
    });
    last = start + word.length;
  };
  for (const m of text.matchAll(WORD)) {
    const elided = ELISION.exec(m[0]);
    if (elided) {
      const cut = elided[0].length;
      push(m[0].slice(0, cut), m.index);
      push(m[0].slice(cut), m.index + cut);
    } else push(m[0], m.index);
  }
  return tokens;
}
