import { fold } from './fold';
import type { Found } from './found';
import type { Lexicon } from './lexicon';

/**
 * Profanity, in any case, in the plural, and through the evasions the normaliser does not undo:
 * leetspeak (« c0nnard », « m3rde », « encul€ ») and a masked letter (« p*tain »). Soft hyphens,
 * Cyrillic letters and spaced letters are gone before this runs (normalise.ts). A compound that
 * is a common word (« cul-de-sac ») is a word.
 */
const TOKEN = /[\p{L}\p{N}@$€*!|]+(?:['-][\p{L}\p{N}@$€*!|]+)*/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '€': 'e', '!': 'i', '|': 'l' };

function variants(key: string): string[] {
  const out = [key];
  if (key.length > 3 && /[sx]$/.test(key)) out.push(key.slice(0, -1));
  return out;
}

export function detectProfanity(text: string, lex: Lexicon, words: ReadonlySet<string>): Found[] {
  const found: Found[] = [];
  const isBad = (key: string) => variants(key).some((v) => words.has(v));
  for (const m of text.matchAll(TOKEN)) {
    // A trailing « ! » ends a sentence (« connard ! »), it is no leet « i ».
    const raw = m[0].replace(/[!|]+$/u, '');
    if (raw.length === 0) continue;
    if (/^[\p{N}\s.,-]+$/u.test(raw)) continue; // a number
    let key = fold(raw);
    const masked = key.includes('*');
    if (/[\p{N}@$€!|]/u.test(key) && /\p{L}.*\p{L}/u.test(key)) key = key.replace(/[0134579@$€!|]/gu, (c) => LEET[c] ?? c);
    let bad = masked ? variants(key).some((v) => maskedMatch(v, words)) : isBad(key);
    // A compound: its parts, unless the compound itself is a word (« cul-de-sac », « casse-croûte »).
    if (!bad && key.includes('-') && !lex.words.has(key)) bad = key.split('-').some((p) => p.length > 2 && isBad(p));
    if (bad) found.push({ kind: 'profanity', start: m.index, end: m.index + raw.length });
  }
  return found;
}

/** « p*tain »: a word of the list with any letters where the stars are. */
function maskedMatch(key: string, words: ReadonlySet<string>): boolean {
  if (key.replace(/\*/g, '').length < 2) return false;
  const pattern = new RegExp(`^${key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '\\p{L}+')}s?$`, 'u');
  for (const w of words) if (pattern.test(w)) return true;
  return false;
}
