/**
 * Identifiers as the programme wants them: lowercase letters, digits and dashes, 64 at most,
 * starting with a letter or a digit. Pure.
 */

export const MAX_ID_LENGTH = 64;

/** Accents off, œ/æ spelt out, lowercase: the letters an id keeps. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase();
}

/** « Peur de l’erreur ? » → "peur-de-l-erreur": an id made from a text (cut at a word when too long). */
export function slugify(text: string, max = MAX_ID_LENGTH): string {
  const slug = plain(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** What the operator types in an id field, kept valid as they type (a dash may end it for now). */
export function idAsTyped(text: string): string {
  return plain(text)
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/^-+/, '')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_ID_LENGTH);
}

/** `base`, or `base-2`, `base-3`… when it is taken (still 64 characters at most). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}
