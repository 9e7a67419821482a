import { fold } from './fold';
import type { Found } from './found';

/**
 * Dates of birth: a date after « né », « née », « né(e) », « naissance », « date de naissance »,
 * « DDN »: « né le 14/03/2012 », « née le 1er janvier 2016 », « né le vingt mars deux mille
 * quinze », « née en mars 2015 », « né en 2009 ». The plural (« les enfants nés en 2012 ») and a
 * generation (« la génération née après 2000 ») are statistics, not someone's birth: only « le »,
 * « en », « : » or nothing may stand between the word and the date.
 */
const MONTHS = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr?|avr|juil|sept|oct|nov|dec';
const NUMBER_WORD = String.raw`(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cent|mille|et)`;
const SPOKEN = String.raw`${NUMBER_WORD}(?:[\s-]+${NUMBER_WORD})*`;
const DATE = [
  String.raw`\d{1,2}\s?[\/.\-\s]\s?\d{1,2}\s?[\/.\-\s]\s?(?:\d{4}|\d{2})(?!\d)`,
  String.raw`(?:1er|\d{1,2}|${SPOKEN})\s+(?:${MONTHS})\.?\s+(?:\d{4}|\d{2}|${SPOKEN})`,
  String.raw`(?:${MONTHS})\.?\s+\d{4}`,
  String.raw`(?:19|20)\d{2}(?!\d)`,
].join('|');
const TRIGGER = String.raw`(?:n[ée]e?\s*\(\s*e\s*\)|n[ée]e?|naissance|date\s+de\s+naiss(?:ance|\.)?|ddn|dob)`;
const BIRTH = new RegExp(String.raw`(?<![\p{L}])${TRIGGER}(?![\p{L}])\.?\s*(?:le\s+|en\s+|:\s*|,\s*|\(\s*)?(${DATE})`, 'gu');

const MAY_HOLD = /n[ée]|naiss|ddn|dob/iu;

export function detectBirthDates(text: string): Found[] {
  if (!MAY_HOLD.test(text)) return [];
  // Matched on the folded text (same length: NFD marks are removed one for one on French letters).
  const folded = foldSameLength(text);
  const found: Found[] = [];
  for (const m of folded.matchAll(BIRTH)) {
    const date = m[1]!;
    const start = m.index + m[0].length - date.length;
    found.push({ kind: 'birth-date', start, end: start + date.length });
  }
  return found;
}

/** Lower case without accents, one UTF-16 unit for one, so that offsets stay those of `text`. */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = ch.length === 1 && ch.charCodeAt(0) >= 0x80 ? fold(ch) : ch.toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}
