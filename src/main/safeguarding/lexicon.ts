import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, phraseKey } from './fold';
import { SortedWords } from './sorted-words';

/**
 * The detector's data: maintained lists turned into files by scripts/build-safeguarding-data.mjs
 * (resources/safeguarding/*.txt) and a few hand-written ones (resources/safeguarding/curated/).
 * Loaded once, lazily, on the first detection (about 60 ms, 15 MB: bench/safeguarding.bench.ts);
 * detecting never touches the disk.
 */

/** Flags of a name (given-names.txt, family-names.txt). */
export const COMMON = 1; // also a common French word (« rose », « pierre »)
export const EVERYDAY = 2; // among the 10,000 most frequent words of film subtitles
export const PLACE = 4; // also a commune, department, region or country
export const FREQUENT = 8; // a frequent given name
export const BOTH = 16; // a given name that is a family name too, or the other way

export interface Lexicon {
  given: ReadonlyMap<string, number>;
  family: ReadonlyMap<string, number>;
  /** Every form of a common French word (folded). */
  words: SortedWords;
  /** Communes, departments, regions, countries, historic provinces, cities abroad (phrase keys). */
  places: ReadonlySet<string>;
  /** The places a given name alone is taken for: towns of 10,000 people or more, departments, regions, countries, the hand-written ones. */
  bigPlaces: ReadonlySet<string>;
  postcodes: ReadonlySet<string>;
  /** Other proper nouns of the dictionary: people of history, brands, places abroad. */
  proper: ReadonlySet<string>;
  profanity: ReadonlySet<string>;
  /** The sector's acronyms and institutions (phrase keys). */
  sector: ReadonlySet<string>;
  /** Capitalised words that are no one's name (feasts, months), titles, SMS shorthand. */
  notNames: ReadonlySet<string>;
  /** Public figures, full names (phrase keys). */
  figures: ReadonlySet<string>;
  /** Family names rare enough to be the public figure alone (« Taquet »). */
  figureNames: ReadonlySet<string>;
  /** The first words of the phrases of places, figures, the sector and not-names: where a phrase may start. */
  phraseStarts: ReadonlySet<string>;
}

const FLAG_BITS: Readonly<Record<string, number>> = { c: COMMON, e: EVERYDAY, p: PLACE, t: FREQUENT, f: BOTH, g: BOTH };

/** The lines of a data file, comments and blank lines left out. */
function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

function names(file: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines(file)) {
    const tab = line.indexOf('\t');
    const key = tab < 0 ? line : line.slice(0, tab);
    let bits = 0;
    for (const f of tab < 0 ? '' : line.slice(tab + 1)) bits |= FLAG_BITS[f] ?? 0;
    map.set(key, bits);
  }
  return map;
}

/**
 * Where the data is: beside the packaged app (process.resourcesPath/resources), or in the
 * repository's resources/ found upwards from this module (src/main/safeguarding in dev and tests,
 * out/main once built). PUPITRE_SAFEGUARDING_DIR overrides both.
 */
export function safeguardingDataDir(): string {
  const candidates: string[] = [];
  if (process.env.PUPITRE_SAFEGUARDING_DIR) candidates.push(process.env.PUPITRE_SAFEGUARDING_DIR);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'resources', 'safeguarding'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    candidates.push(join(dir, 'resources', 'safeguarding'));
    dir = dirname(dir);
  }
  const found = candidates.find((d) => existsSync(join(d, 'given-names.txt')));
  if (!found) throw new Error(`Données de protection introuvables (resources/safeguarding) : cherchées dans ${candidates.join(', ')}`);
  return found;
}

export function loadLexicon(dir: string = safeguardingDataDir()): Lexicon {
  const file = (name: string) => join(dir, name);
  const phrases = (name: string) => new Set(lines(file(name)).map(phraseKey));

  const profanity = new Set(lines(file('profanity.txt')));
  for (const line of lines(file('curated/profanity.txt'))) {
    const word = fold(line.slice(1).trim());
    if (line.startsWith('+')) profanity.add(word);
    else if (line.startsWith('-')) profanity.delete(word);
  }

  const figures = new Set<string>();
  const figureNames = new Set<string>();
  for (const line of lines(file('curated/public-figures.txt'))) {
    const star = line.endsWith('*');
    const name = phraseKey(star ? line.slice(0, -1) : line);
    figures.add(name);
    const last = name.split(' ').pop();
    if (star && last) figureNames.add(last);
  }

  const places = new Set<string>();
  const bigPlaces = new Set<string>();
  for (const line of lines(file('places.txt'))) {
    const [key = '', flag] = line.split('\t');
    places.add(key);
    if (flag === 'b') bigPlaces.add(key);
  }
  for (const p of phrases('curated/places-extra.txt')) {
    places.add(p);
    bigPlaces.add(p);
  }

  const sector = phrases('curated/sector.txt');
  const notNames = phrases('curated/not-names.txt');
  const phraseStarts = new Set<string>();
  for (const set of [places, figures, sector, notNames]) for (const p of set) phraseStarts.add(p.split(' ', 1)[0]!);

  return {
    given: names(file('given-names.txt')),
    family: names(file('family-names.txt')),
    words: new SortedWords(readFileSync(file('common-words.txt'), 'latin1')),
    places,
    bigPlaces,
    postcodes: new Set(lines(file('postcodes.txt'))),
    proper: new Set(lines(file('proper-nouns.txt'))),
    profanity,
    sector,
    notNames,
    figures,
    figureNames,
    phraseStarts,
  };
}

let loaded: Lexicon | null = null;

/** The lexicon, loaded on first use. */
export function lexicon(): Lexicon {
  loaded ??= loadLexicon();
  return loaded;
}
