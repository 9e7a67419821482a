/**
 * The detector's key for a word: lower case, accents and ligatures folded, one apostrophe. « Léa »,
 * « LEA » and « lea » are one key; so are « Œuvre » and « oeuvre ». The data files are folded the
 * same way (scripts/build-safeguarding-data.mjs).
 */
export function fold(s: string): string {
  if (PLAIN.test(s)) return s;
  let folded = cache.get(s);
  if (folded === undefined) {
    folded = slowFold(s);
    // Words repeat from one question to the next: a bounded cache spares the Unicode work.
    if (cache.size >= 20_000) cache.clear();
    cache.set(s, folded);
  }
  return folded;
}

const PLAIN = /^[a-z0-9' -]*$/;
const cache = new Map<string, string>();

function slowFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/['’ʼ‘`´]/g, "'");
}

/** A phrase's key: its words folded, hyphens and apostrophes as word breaks, one space apart. */
export function phraseKey(s: string): string {
  return fold(s)
    .replace(/['\-–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
