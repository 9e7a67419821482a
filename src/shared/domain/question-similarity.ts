/**
 * Likely duplicates among the audience's questions, in French: the same question asked twice with
 * other accents, case, punctuation or word order (« Quels moyens pour les équipes de nuit ? » and
 * « Les equipes de nuit : quels moyens ?? »). Each text becomes a set of content words, and two
 * sets are compared with the Sørensen–Dice coefficient (2·|A∩B| / (|A|+|B|)). Pure.
 */

/** The fields the comparison reads (an AudienceQuestion has them all). */
export interface ComparableQuestion {
  id: string;
  text: string;
  editedText: string | null;
  status: string;
  sessionId: string | null;
}

export interface DuplicateCandidate<Q extends ComparableQuestion> {
  question: Q;
  /** 0..1: 1 when both questions have the same content words. */
  score: number;
}

/** Two questions at or above this are offered as likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;

/**
 * French function words, dropped before comparing. A short hand-kept list (the `stopword` package
 * is not among the dependencies): articles, pronouns, prepositions, conjunctions, the commonest
 * auxiliaries and the question words; negation words (« pas », « sans ») are kept on purpose.
 */
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette c ca d dans de des du elle elles en et est etre eu il ils j je l la le les leur leurs lui ' +
    'm ma mais me meme mes moi mon n ne nos notre nous on ont ou par pour qu que qui quel quelle quelles quels quoi s sa se ses ' +
    'son sont sur t ta te tes toi ton tu un une vos votre vous y ai as avons avez sommes etes sera seront fait faire peut ' +
    'peuvent comment pourquoi combien quand cela ceci celle celui ceux donc or ni car si tres ' +
    'plus aussi bien alors comme entre vers chez selon apres avant depuis pendant sous deja encore tout tous toute toutes'
  ).split(' '),
);

/** Lower case, accents off (é → e, œ → oe), apostrophes made plain. */
export function foldText(text: string): string {
  return text
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'");
}

/** The content words of a question: folded, elisions (l’, d’, qu’…) and stop words off, plurals made singular. */
export function questionTokens(text: string): string[] {
  const out = new Set<string>();
  for (const raw of foldText(text).split(/[^\p{L}\p{N}']+/u)) {
    // « l'accueil » → « accueil »; « aujourd'hui » stays one word.
    const word = raw.replace(/^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'/, '').replace(/'/g, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    // A light stem: « familles » and « famille », « travaux » and « travau » meet.
    out.add(word.length > 4 ? word.replace(/[sx]$/, '') : word);
  }
  return [...out];
}

/** Sørensen–Dice on two token sets; 0 when either is empty. */
export function tokenSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const t of small) if (large.has(t)) common += 1;
  return (2 * common) / (a.size + b.size);
}

/** Token sets by text: the desk compares one question against thousands, the texts rarely change. */
const cache = new Map<string, ReadonlySet<string>>();
const CACHE_MAX = 50_000;

function tokenSet(text: string): ReadonlySet<string> {
  let set = cache.get(text);
  if (!set) {
    if (cache.size >= CACHE_MAX) cache.clear();
    set = new Set(questionTokens(text));
    cache.set(text, set);
  }
  return set;
}

/** Similarity of two question texts, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return tokenSimilarity(tokenSet(a), tokenSet(b));
}

/**
 * The questions `target` most likely duplicates, best first: never itself, never a question already
 * merged or rejected; the same session first at equal score. Both the original and the edited text
 * of each question are compared (a moderator may have rewritten one of the two).
 */
export function duplicateCandidates<Q extends ComparableQuestion>(
  target: ComparableQuestion,
  questions: readonly Q[],
  opts: { threshold?: number; limit?: number } = {},
): DuplicateCandidate<Q>[] {
  const threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
  const limit = opts.limit ?? 5;
  const mine = [tokenSet(target.text), ...(target.editedText ? [tokenSet(target.editedText)] : [])];
  const found: DuplicateCandidate<Q>[] = [];
  for (const q of questions) {
    if (q.id === target.id || q.status === 'merged' || q.status === 'rejected') continue;
    let score = 0;
    for (const m of mine) {
      score = Math.max(score, tokenSimilarity(m, tokenSet(q.text)));
      if (q.editedText) score = Math.max(score, tokenSimilarity(m, tokenSet(q.editedText)));
    }
    if (score >= threshold) found.push({ question: q, score });
  }
  const sameSession = (q: Q) => (q.sessionId === target.sessionId ? 0 : 1);
  return found.sort((a, b) => b.score - a.score || sameSession(a.question) - sameSession(b.question)).slice(0, limit);
}
