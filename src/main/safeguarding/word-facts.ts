import { fra } from 'stopword';
import { fold } from './fold';
import { COMMON, type Lexicon } from './lexicon';
import * as words from './name-words';

const { INSTITUTION, PARTICLES } = words;
import type { Token } from './tokens';

/**
 * What the lexicon says about each word of a text, once: is it a given name, a family name, a
 * common word, part of a place's name, of a public figure's, of an institution's, a word that is
 * no one's name. The name rules (detect-names.ts) read these facts.
 */
export interface WordFacts {
  /** Given-name flags (lexicon.ts), undefined if not a given name. */
  given: number | undefined;
  family: number | undefined;
  /** A form of a common French word. */
  common: boolean;
  stop: boolean;
  /** Part of a place's name (« Nancy », « La Roche-sur-Yon », « Pays de la Loire »). */
  place: boolean;
  /** Part of a place's name of several words (« Pays de la Loire »). */
  placePhrase: boolean;
  /** Never a private person's name here: a public figure, an institution, the sector's acronyms, a feast… */
  shielded: boolean;
  /** A proper noun the dictionary knows that is neither a name nor a place (people of history, brands). */
  proper: boolean;
  /** Opens a sentence (or follows an elision that does: « L'Espérance »). */
  opens: boolean;
}

const STOP: ReadonlySet<string> = new Set([
  ...fra.map(fold),
  ...["l'", "d'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'"],
  ...'chez tout tous toute toutes depuis apres avant comme plus tres bien aussi encore deja rien quand dont ou si non oui car donc puis alors vers entre selon'.split(' '),
]);

/** « à nancy », « en lorraine »: a place, written in lower case. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['a', 'en', 'sur', 'vers', 'dans', 'pres', 'habite', 'habitent', 'vit', 'vivent']);

/** A name looked up whole, or as a compound of names (« Marie-Lou »: both parts names, one not a word). */
function nameFlags(map: ReadonlyMap<string, number>, key: string, lex: Lexicon): number | undefined {
  const whole = map.get(key);
  if (whole !== undefined || !key.includes('-')) return whole;
  const parts = key.split('-');
  // « Saint-Joseph », « Sainte-Anne »: a place, a saint, an institution; no one's name.
  if (parts.some((p) => p.length < 2) || /^(?:saint|sainte|st|ste)$/.test(parts[0]!)) return undefined;
  const flags = parts.map((p) => map.get(p));
  if (flags.some((f) => f === undefined)) return undefined;
  if (flags.every((f) => (f! & COMMON) !== 0) || lex.words.has(key)) return COMMON;
  return 0;
}

/**
 * Marks tokens covered by a phrase of each set (`min` to five tokens), longest first. Windows are
 * built only where a token's first word starts some phrase (`starts`).
 */
function markPhrases(parts: readonly string[], starts: ReadonlySet<string>, targets: readonly { set: ReadonlySet<string>; mark: boolean[]; min: number }[]): void {
  for (let i = 0; i < parts.length; i++) {
    const first = parts[i]!;
    const space = first.indexOf(' ');
    if (!starts.has(space < 0 ? first : first.slice(0, space))) continue;
    const windows: string[] = [first];
    for (let k = i + 1; k < Math.min(parts.length, i + 5); k++) windows.push(`${windows[windows.length - 1]!} ${parts[k]!}`);
    for (const { set, mark, min } of targets) {
      for (let n = windows.length; n >= min; n--) {
        if (set.has(windows[n - 1]!)) {
          for (let k = i; k < i + n; k++) mark[k] = true;
          break;
        }
      }
    }
  }
}

export function wordFacts(tokens: readonly Token[], lex: Lexicon, allowed: ReadonlySet<string>): WordFacts[] {
  const n = tokens.length;
  const place: boolean[] = new Array<boolean>(n).fill(false);
  const shielded: boolean[] = new Array<boolean>(n).fill(false);
  // Each token as a phrase's words: « Roche-sur-Yon » → « roche sur yon », « l' » → « l ».
  const parts = tokens.map((t) => (/['-]/.test(t.key) ? t.key.replace(/['-]/g, ' ').trim().replace(/\s+/g, ' ') : t.key));
  markPhrases(parts, lex.phraseStarts, [
    { set: lex.places, mark: place, min: 2 },
    { set: lex.figures, mark: shielded, min: 2 },
    { set: lex.sector, mark: shielded, min: 1 },
    { set: lex.notNames, mark: shielded, min: 1 },
  ]);

  const facts: WordFacts[] = tokens.map((t, i) => {
    const key = t.key;
    const given = nameFlags(lex.given, key, lex);
    const family = nameFlags(lex.family, key, lex);
    const common = lex.words.has(key) || ((given ?? 0) & COMMON) !== 0 || ((family ?? 0) & COMMON) !== 0;
    const placeKey = parts[i]!;
    // A single word that is also a name is a place when written as one (a capital) and the place is
    // big (« Nancy », « Valence »; not the village « Anais »); a word that is no name, when it is one.
    const named = given !== undefined || family !== undefined;
    const prev = tokens[i - 1];
    const placeWord = t.shape !== 'lower' || (prev !== undefined && PLACE_PREPOSITIONS.has(prev.key));
    const isPlace = place[i] || (named ? placeWord && lex.bigPlaces.has(placeKey) : lex.places.has(placeKey));
    return {
      given,
      family,
      common,
      stop: STOP.has(key),
      place: isPlace,
      placePhrase: place[i]!,
      shielded: shielded[i]! || allowed.has(key) || (lex.figureNames.has(key) && t.shape !== 'lower'),
      proper: lex.proper.has(placeKey),
      opens: t.sentenceStart || (prev !== undefined && prev.key.endsWith("'") && prev.sentenceStart && t.gap === ''),
    };
  });

  // The capitalised words after an institution or a way are its name: « Fondation Abbé Pierre »,
  // « collège Victor Hugo », « l'hôpital Necker », « rue Paul Bellamy ».
  for (let i = 0; i < n; i++) {
    if (!INSTITUTION.has(tokens[i]!.key)) continue;
    for (let k = i + 1, taken = 0; k < n && taken < 4; k++) {
      const t = tokens[k]!;
      if (!/^\s*$/.test(t.gap) && t.gap !== '') break;
      if (PARTICLES.has(t.key) && tokens[k + 1] && tokens[k + 1]!.shape !== 'lower') continue;
      if (t.shape !== 'capital' && t.shape !== 'upper') break;
      facts[k]!.shielded = true;
      taken++;
    }
  }
  return facts;
}
