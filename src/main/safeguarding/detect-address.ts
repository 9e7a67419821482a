import { phraseKey } from './fold';
import { overlaps, type Found } from './found';
import type { Lexicon } from './lexicon';

/**
 * Postal addresses and postcodes. An address is a number, a kind of way and its name
 * (« 7 impasse des Mimosas », « 3 bis avenue Jean Jaurès », « 22 r. de Strasbourg »), or a named
 * residence, estate or hamlet (« résidence les Peupliers », « lieu-dit la Croix Blanche »). A way
 * without a number (« rue de la République », « quai François Mitterrand ») is a place anyone
 * knows, not a home. A postcode is five digits that are a real French postcode, next to a town's
 * name, after « cp », « code postal », « dans le », or with an address: « 44000 habitants » is a
 * town's size.
 */
const WAY = String.raw`(?:rue|r\.|avenue|av\.?|bd|boulevard|bld|impasse|imp\.?|all[ée]e|chemin|ch\.|route|rte|place|pl\.|quai|square|sq\.?|cours|passage|sentier|voie|lotissement|cit[ée]|hameau|villa|mail|esplanade|promenade|parvis|rond-point|faubourg|fbg|mont[ée]e|chauss[ée]e|traverse|ruelle|venelle|r[ée]sidence)`;
const NAME_WORD = String.raw`[\p{L}\d'][\p{L}\d'\-]*`;
/** A number, bis/ter, the way, then up to six words of its name (not across a comma, « à » or a postcode). */
const NUMBERED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,4}(?:\s?(?:bis|ter|quater|[a-d])(?![\p{L}]))?,?\s+${WAY}(?![\p{L}])(?:\s+(?!\d{5}(?!\d))(?!à\s)${NAME_WORD}){1,6}`,
  'giu',
);
const NAMED = new RegExp(String.raw`(?<![\p{L}])(?:r[ée]sidence|lotissement|lieu-dit|lieudit|hameau)\s+(?:(?:les|la|le|l'|du|des|de)\s*)?\p{Lu}${NAME_WORD}(?:\s+\p{Lu}${NAME_WORD})*`, 'gu');
/** Words that end an address' name: what follows is a sentence again (« …des Tilleuls depuis hier »). */
const SENTENCE_WORD =
  /^(?:et|ou|depuis|avec|chez|pour|mais|donc|car|qui|que|qu'(?:il|elle|on)|est|sont|a|ont|dans|en|on|il|elle|ils|elles|je|j'ai|nous|vous|ça|ca|c'est|hier|demain|aujourd'hui|quand|où|avant|après|pendant|se|sa|son|ses|leur|leurs|mon|ma|mes)$/iu;

export function detectAddresses(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(NUMBERED)) {
    // The number and the way, then the name's words up to the first word of a sentence.
    const parts = m[0].split(/(\s+)/);
    let end = 0;
    let words = 0;
    for (let k = 0; k < parts.length; k += 2) {
      const word = parts[k]!;
      if (words >= 2 && SENTENCE_WORD.test(word)) break;
      end += (k > 0 ? parts[k - 1]!.length : 0) + word.length;
      words++;
    }
    if (words < 3) continue;
    found.push({ kind: 'address', start: m.index, end: m.index + end });
  }
  for (const m of text.matchAll(NAMED)) {
    if (!overlaps(found, m.index, m.index + m[0].length)) found.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const POSTCODE = /(?<![\p{N}\p{L}])\d{5}(?![\p{N}])/gu;
const BEFORE = /(?<![\p{L}])(?:cp|code\s+postal|dans\s+le|au|à)\s*:?\s*$/iu;

/** Whether a town's name starts at `from` (up to four words, hyphens as spaces). */
function townAt(text: string, from: number, lex: Lexicon): boolean {
  const words = text.slice(from, from + 60).match(/^\s*,?\s*([\p{L}'\- ]+)/u)?.[1]?.trim().split(/\s+/) ?? [];
  for (let n = Math.min(4, words.length); n >= 1; n--) if (lex.places.has(phraseKey(words.slice(0, n).join(' ')))) return true;
  return false;
}

/** Whether a town's name ends at `to`. */
function townBefore(text: string, to: number, lex: Lexicon): boolean {
  const words = text.slice(Math.max(0, to - 60), to).match(/([\p{L}'\- ]+)\s*,?\s*$/u)?.[1]?.trim().split(/\s+/) ?? [];
  for (let n = Math.min(4, words.length); n >= 1; n--) if (lex.places.has(phraseKey(words.slice(-n).join(' ')))) return true;
  return false;
}

export function detectPostcodes(text: string, lex: Lexicon, addresses: readonly Found[]): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (!lex.postcodes.has(m[0])) continue;
    const start = m.index;
    const end = start + 5;
    const nearAddress = addresses.some((a) => Math.abs(a.end - start) <= 3 || Math.abs(end - a.start) <= 3);
    if (nearAddress || townAt(text, end, lex) || townBefore(text, start, lex) || BEFORE.test(text.slice(Math.max(0, start - 20), start))) {
      found.push({ kind: 'postcode', start, end });
    }
  }
  return found;
}
