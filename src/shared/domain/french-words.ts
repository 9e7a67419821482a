import { fra } from 'stopword';
import { cleanText } from '../protocol/clean-text';

/**
 * The French normalisation of a word-cloud entry, the way a person would count it: « L'enfant »,
 * « enfants » and « ENFANT » are one word; « Écoute » and « ecoute » too; « de », « le » are not
 * words worth a place in the cloud. Pure, deterministic, runs in the hub, the régie and the views.
 *
 * - `key`: what is counted. Lower case, accents and ligatures folded (é → e, œ → oe), elided
 *   articles and pronouns removed (l' d' qu' j' n' s' c' m' t' jusqu' lorsqu' puisqu'), simple
 *   plurals made singular (enfants → enfant, sociaux → social, jeux → jeu).
 * - `spelling`: what may be shown. As typed (accents kept), without the surrounding punctuation,
 *   the leading elision or the stop words at either end, and in lower case where the capital was
 *   only a phone's automatic one (« Enfant ») or shouting (« ENFANT »); acronyms stay (« ASE »).
 *
 * A multi-word expression (« protection de l'enfance ») keeps its inner words; each of its tokens
 * is normalised for the key. An entry with nothing countable (empty, only punctuation, only stop
 * words) gives null.
 */
export interface NormalisedWord {
  key: string;
  spelling: string;
}

const APOSTROPHE = /['’ʼ‘`´]/gu;
/** An elided article or pronoun at the start of a token (any apostrophe). */
const ELISION = /^(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjnscmt])['’ʼ‘`´](?=[\p{L}\p{N}])/iu;
/** Punctuation, quotes and symbols at a token's edges (letters, digits and emoji stay). */
const LEADING = /^[^\p{L}\p{N}\p{So}]+/u;
const TRAILING = /[^\p{L}\p{N}\p{So}\p{M}]+$/u;

/** Lower case, accents and ligatures folded, one kind of apostrophe. */
export function foldWord(word: string): string {
  return word
    .toLocaleLowerCase('fr')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(APOSTROPHE, "'");
}

const STOP_WORDS: ReadonlySet<string> = new Set(fra.map(foldWord));

/** Whether a (folded) token is a French stop word. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(foldWord(token));
}

/*
 * Plurals. The rule is the common one (drop a final s; -aux → -al; -eaux → -eau; a few -x); the
 * lists below hold the words it would get wrong. They are short on purpose: a wrong key only
 * matters when it makes two different words collide (« fois »/« foi », « fils »/« fil »,
 * « cours »/« cour », « fonds »/« fond »), or splits what must merge; the shown spelling is always
 * one a participant typed. All entries are folded (no accents).
 */
/** Singular words ending in -s (or invariable): never made "more singular". */
const SINGULAR_IN_S: ReadonlySet<string> = new Set(
  [
    // -s after a vowel
    'temps corps souris bus fois mois bois pois pays avis tapis paradis permis mepris colis devis paris croquis virus campus consensus processus corpus abus refus plus surplus tous sous dessous dessus repas bras matelas tracas fracas embarras repos propos heros chaos ethos cosmos',
    // -ès (typed with or without the accent)
    'acces succes progres proces exces deces congres apres pres aupres tres',
    // -s after a consonant
    'fils sens gens cours parcours recours secours discours concours ours vers envers travers univers divers fonds poids puits remords moeurs toujours alors ailleurs plusieurs dehors hors lors moins jamais depuis puis',
    // -x that are singular
    'faux taux chaux doux roux jaloux epoux deux',
  ]
    .join(' ')
    .split(' '),
);
/** Nouns in -eu/-ou whose plural takes an x (other -eux, -oux words are singular: heureux, jaloux). */
const PLURAL_IN_X: ReadonlySet<string> = new Set(
  'jeux enjeux lieux milieux cheveux neveux feux voeux aveux adieux essieux bijoux cailloux choux genoux hiboux joujoux poux'.split(' '),
);
/** Plurals the rules cannot guess. */
const IRREGULAR: Readonly<Record<string, string>> = {
  travaux: 'travail',
  vitraux: 'vitrail',
  coraux: 'corail',
  emaux: 'email',
  baux: 'bail',
  yeux: 'oeil',
  cieux: 'ciel',
  noyaux: 'noyau',
  tuyaux: 'tuyau',
  boyaux: 'boyau',
  joyaux: 'joyau',
};

/** The singular of a folded word (or the word itself when it is not a plural it recognises). */
export function singularKey(word: string): string {
  if (word.length < 4 || SINGULAR_IN_S.has(word) || /\d$/.test(word)) return word;
  const irregular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word] : undefined;
  if (irregular !== undefined) return irregular;
  if (word.endsWith('eaux')) return word.slice(0, -1);
  if (word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.endsWith('x')) return PLURAL_IN_X.has(word) ? word.slice(0, -1) : word;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A token without its leading elisions (« l'enfant » → « enfant », « jusqu'au » → « au »). */
function withoutElision(token: string): string {
  let t = token;
  for (let m = ELISION.exec(t); m; m = ELISION.exec(t)) t = t.slice(m[0].length);
  return t;
}

function trimPunctuation(token: string): string {
  return token.replace(LEADING, '').replace(TRAILING, '');
}

/** The counted form of one token. */
function tokenKey(token: string): string {
  const folded = foldWord(withoutElision(token));
  // Hyphenated words (« porte-paroles ») take the plural on their last part only.
  const parts = folded.split('-');
  const last = parts.pop() ?? '';
  return [...parts, singularKey(last)].join('-');
}

/** A phone's automatic capital and shouting go; acronyms (2–5 capitals) and « iPhone » stay. */
function displayCase(token: string): string {
  const letters = token.replace(/[^\p{L}]/gu, '');
  const upper = letters.toLocaleUpperCase('fr');
  const isAllCaps = letters.length > 1 && letters === upper;
  if (isAllCaps) return letters.length <= 5 ? token : token.toLocaleLowerCase('fr');
  const onlyFirstCapital = letters.length > 0 && letters.slice(1) === letters.slice(1).toLocaleLowerCase('fr');
  return onlyFirstCapital ? token.toLocaleLowerCase('fr') : token;
}

export function normaliseWord(raw: string): NormalisedWord | null {
  const tokens = cleanText(raw)
    .split(/\s+/u)
    .map(trimPunctuation)
    .filter((t) => t !== '');
  // Stop words (and bare elisions) at either end go; a stop word inside an expression stays.
  const countable = (t: string) => {
    const rest = withoutElision(t);
    return rest !== '' && !isStopWord(rest) && !isStopWord(t);
  };
  const first = tokens.findIndex(countable);
  if (first < 0) return null;
  let last = tokens.length - 1;
  while (!countable(tokens[last] ?? '')) last -= 1;
  const kept = tokens.slice(first, last + 1);
  kept[0] = withoutElision(kept[0] ?? '');
  return {
    key: kept.map(tokenKey).join(' '),
    spelling: kept.map(displayCase).join(' '),
  };
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, NormalisedWord | null>();

/**
 * `normaliseWord`, remembered: the same few hundred words are normalised again at every patch of
 * the projector and the desk. Bounded (forgotten all at once when full).
 */
export function cachedNormalise(raw: string): NormalisedWord | null {
  const known = cache.get(raw);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const n = normaliseWord(raw);
  cache.set(raw, n);
  return n;
}

/** The key of a word (null: nothing countable), remembered. */
export function cachedWordKey(raw: string): string | null {
  return cachedNormalise(raw)?.key ?? null;
}

/**
 * How one participant's words to a cloud are told apart, by the phone, the hub and the régie alike:
 * by the cloud's key, so that « enfants » after « L'enfant » is the same word sent twice; text with
 * nothing countable (refused anyway) by its cleaned lower case.
 */
export function wordKey(word: string): string {
  return cachedWordKey(word) ?? cleanText(word).toLocaleLowerCase('fr');
}
