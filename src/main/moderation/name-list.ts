import { lexicon } from '../safeguarding/lexicon';

/** Lower case, accents off: « Théo », « THEO » and « theo » are one key. */
export function nameKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * Given names from maintained data, not a hand-made list: INSEE's « fichier des prénoms » (through
 * gender-detection-from-name) and zxcvbn-ts' French names, built into resources/safeguarding by
 * scripts/build-safeguarding-data.mjs. Organisers add theirs (moderation settings).
 */
export function builtInNames(): ReadonlySet<string> {
  cached ??= new Set(lexicon().given.keys());
  return cached;
}
let cached: ReadonlySet<string> | null = null;
