import { wordKey } from '../../shared/domain/french-words';
import type { Rng } from './rng';

/**
 * Words a room of child-protection professionals sends to a cloud (« Un mot pour la protection de
 * l’enfance demain ? »), with the variants people type for the same idea: capitals or not, with an
 * article, a plural, a trailing mark. The régie's cloud groups them; the simulator makes sure it has
 * to. The first words are the most frequent (Zipf-like weights).
 */
export interface VocabularyWord {
  word: string;
  /** The article used before it: « la confiance », « l’écoute », « les droits ». */
  article: 'le' | 'la' | 'l’' | 'les' | null;
  plural?: string;
}

export const VOCABULARY: readonly VocabularyWord[] = [
  { word: 'confiance', article: 'la' },
  { word: 'écoute', article: 'l’' },
  { word: 'sécurité', article: 'la' },
  { word: 'protection', article: 'la' },
  { word: 'respect', article: 'le' },
  { word: 'bienveillance', article: 'la' },
  { word: 'parole', article: 'la' },
  { word: 'lien', article: 'le', plural: 'liens' },
  { word: 'stabilité', article: 'la' },
  { word: 'moyens', article: 'les' },
  { word: 'accompagnement', article: 'l’' },
  { word: 'prévention', article: 'la' },
  { word: 'droits', article: 'les' },
  { word: 'famille', article: 'la', plural: 'familles' },
  { word: 'coordination', article: 'la' },
  { word: 'formation', article: 'la' },
  { word: 'reconnaissance', article: 'la' },
  { word: 'temps', article: 'le' },
  { word: 'éducation', article: 'l’' },
  { word: 'santé', article: 'la' },
  { word: 'scolarité', article: 'la' },
  { word: 'autonomie', article: 'l’' },
  { word: 'avenir', article: 'l’' },
  { word: 'bien-être', article: 'le' },
  { word: 'dignité', article: 'la' },
  { word: 'attachement', article: 'l’' },
  { word: 'soutien', article: 'le' },
  { word: 'partenariat', article: 'le', plural: 'partenariats' },
  { word: 'humanité', article: 'l’' },
  { word: 'engagement', article: 'l’' },
  { word: 'continuité', article: 'la' },
  { word: 'cohérence', article: 'la' },
  { word: 'solidarité', article: 'la' },
  { word: 'patience', article: 'la' },
  { word: 'participation', article: 'la' },
  { word: 'justice', article: 'la' },
  { word: 'espoir', article: 'l’' },
  { word: 'parole de l’enfant', article: 'la' },
  { word: 'jeunes majeurs', article: 'les' },
  { word: 'travail d’équipe', article: 'le' },
  { word: 'pair-aidance', article: 'la' },
  { word: 'présence', article: 'la' },
];

/** Zipf-like: the n-th word is about 1/n as frequent as the first. */
export const WORD_WEIGHTS: readonly number[] = VOCABULARY.map((_, i) => 1 / (i + 1));

/** How one person types a word: mostly plain, sometimes capitalised, with its article, plural, shouted. */
export function variantOf(rng: Rng, v: VocabularyWord): string {
  const r = rng.next();
  if (r < 0.45) return v.word;
  if (r < 0.75) return v.word.charAt(0).toLocaleUpperCase('fr') + v.word.slice(1);
  if (r < 0.87 && v.article) return v.article === 'l’' ? `l’${v.word}` : `${v.article} ${v.word}`;
  if (r < 0.92 && v.plural) return v.plural;
  if (r < 0.96) return v.word.toLocaleUpperCase('fr');
  return `${v.word} !`;
}

/**
 * Up to `count` words for one participant, none of whose keys (the cloud's, see `wordKey`) it already
 * sent: the hub refuses a word sent twice by the same person.
 */
export function makeWords(rng: Rng, count: number, alreadySent: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const keys = new Set(alreadySent);
  for (let attempt = 0; out.length < count && attempt < count * 10; attempt += 1) {
    const w = variantOf(rng, VOCABULARY[rng.weighted(WORD_WEIGHTS)] as VocabularyWord);
    const k = wordKey(w);
    if (keys.has(k)) continue;
    keys.add(k);
    out.push(w);
  }
  return out;
}
