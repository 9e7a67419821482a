/**
 * The text the detectors read, and the way back to what was written. People dodge filters with a
 * soft hyphen inside a word, a Cyrillic « с » for a Latin « c », full-width digits, or letters
 * spaced or dotted apart (« c o n n a r d », « c.o.n.n.a.r.d »). Normalising undoes that:
 *
 * - characters that show nothing are dropped (soft hyphen, zero-width, bidi controls, variation
 *   selectors, tags);
 * - each character is put in NFKC form (full-width « ０６ » → « 06 », « ＠ » → « @ », ligatures);
 * - letters that look Latin but are Cyrillic or Greek become Latin (« сonnard » → « connard »);
 * - every apostrophe becomes « ' », every dash « - »;
 * - three or more single letters with the same separator between them are joined (« A S E » →
 *   « ASE », « n-i-q-u-e-r » → « niquer »), unless they can all be French one-letter words (« y a à »).
 *
 * Case and accents stay (capitals are a clue to a name). `from[i]`/`to[i]` give, for each UTF-16
 * unit of the normalised text, the original range of the character it came from: a finding on the
 * normalised text maps back to exactly what was written (`originalSpan`).
 */
export interface NormalisedText {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/** Characters that show nothing: soft hyphen, zero-width, bidi controls, joiners, variation selectors, tags. */
function invisible(cp: number): boolean {
  return (
    cp === 0xad || cp === 0x34f || cp === 0x61c || cp === 0x115f || cp === 0x1160 || cp === 0x17b4 || cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) || cp === 0x3164 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Cyrillic and Greek letters that are drawn like Latin ones (Unicode's confusables, the common part). */
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'ë', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'ï', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h', ɡ: 'g',
  А: 'A', В: 'B', Е: 'E', Ё: 'Ë', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'l',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const APOSTROPHE = /['’ʼ‘`´′]/u;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;

/** Single letters spaced or dotted apart, with the same separator each time. */
const SPACED = /(?<![\p{L}\p{N}'])\p{L}(?=([ .\-_*·/]{1,2}))(?:\1\p{L}(?![\p{L}\p{N}])){2,}/gu;
const HAS_SPACED = new RegExp(SPACED.source, 'u');
const ONE_LETTER_WORDS = /^[aàâyôo]+$/iu;

/** Text that needs no change: printable ASCII and Latin-1 letters, no spaced letters (most questions). */
const PLAIN = /^[\x20-\x5F\x61-\x7E\n\u00C0-\u00FF]*$/u;

function identity(text: string): NormalisedText {
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    from[i] = i;
    to[i] = i + 1;
  }
  return { text, from, to };
}

export function normaliseText(original: string): NormalisedText {
  if (PLAIN.test(original) && !HAS_SPACED.test(original)) return identity(original);
  // Pass 1: character by character.
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    let out: string;
    if (cp < 0x80) out = ch === '`' ? "'" : ch;
    else if (invisible(cp)) out = '';
    else out = CONFUSABLE[ch] ?? (APOSTROPHE.test(ch) ? "'" : DASH.test(ch) ? '-' : ch.normalize('NFKC'));
    for (let k = 0; k < out.length; k++) {
      from.push(i);
      to.push(i + width);
    }
    text += out;
    i += width;
  }

  // Pass 2: join spaced or dotted letters, dropping the separators.
  const drop = new Uint8Array(text.length);
  let any = false;
  for (const m of text.matchAll(SPACED)) {
    const letters = m[0].replace(/[ .\-_*·/]/g, '');
    if (ONE_LETTER_WORDS.test(letters)) continue;
    for (let k = 0; k < m[0].length; k++) if (/[ .\-_*·/]/.test(m[0][k]!)) drop[m.index + k] = 1;
    any = true;
  }
  if (!any) return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
  let joined = '';
  const jf: number[] = [];
  const jt: number[] = [];
  for (let k = 0; k < text.length; k++) {
    if (drop[k]) continue;
    joined += text[k];
    jf.push(from[k]!);
    jt.push(to[k]!);
  }
  return { text: joined, from: Int32Array.from(jf), to: Int32Array.from(jt) };
}

/** The original range of the normalised range [start, end). */
export function originalSpan(n: NormalisedText, start: number, end: number): [number, number] {
  if (end <= start) return [n.from[start] ?? 0, n.from[start] ?? 0];
  return [n.from[start]!, n.to[end - 1]!];
}
