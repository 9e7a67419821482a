import type { Found } from './found';

/**
 * Numbers that identify a person or a case.
 *
 * NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B for Corsica), commune,
 * order, and a two-digit key (97 − the number mod 97), 13 or 15 digits, spaced or dotted any way.
 * Taken when the key is right, when the word for it is near (« sécu », « NIR », « carte vitale »…)
 * or when it is grouped as a NIR is written (1 85 05 78 006 084 36).
 *
 * Case and file numbers: after the words that introduce one (« dossier », « affaire », « RG »,
 * « parquet », « jugement », « PV », « allocataire », « écrou », « référence »…), with only
 * « n° », « numéro », « de », a service's acronym or punctuation in between. Legal texts (« décret
 * n° 2016-1248 », « loi n° 2022-140 »), a question's number or a slide's are not introduced by
 * those words, so they pass.
 */
const SEP = String.raw`[\s.\-]?`;
const NIR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])([1-478])${SEP}(\d{2})${SEP}(\d{2})${SEP}(\d{2}|2[AaBb])${SEP}(\d{3})${SEP}(\d{3})(?:${SEP}(\d{2}))?(?![\p{N}])`,
  'gu',
);
const NIR_WORDS = /(?:s[ée]cu|\bnir\b|\bnss\b|n°\s?ss|insee|vitale|immatriculation|s[ée]curit[ée]\s+sociale)/iu;
const NIR_GROUPING = /^\d \d{2} \d{2} (?:\d{2}|2[AB]) \d{3} \d{3}(?: \d{2})?$/iu;

function nirKeyIsRight(m: RegExpMatchArray): boolean {
  if (m[7] === undefined) return false;
  const body = `${m[1]}${m[2]}${m[3]}${m[4]!.toUpperCase().replace('2A', '19').replace('2B', '18')}${m[5]}${m[6]}`;
  return 97 - Number(BigInt(body) % 97n) === Number(m[7]);
}

export function detectNir(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(NIR)) {
    const month = Number(m[3]);
    if (!(month >= 1 && month <= 12) && !(month >= 20 && month <= 42) && !(month >= 50 && month <= 99)) continue;
    const before = text.slice(Math.max(0, m.index - 45), m.index);
    if (nirKeyIsRight(m) || NIR_WORDS.test(before) || NIR_GROUPING.test(m[0].replace(/[.-]/g, ' '))) {
      found.push({ kind: 'nir', start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}

/** Words that introduce a case or file number (folded). */
const CASE_WORD = String.raw`(?:dossiers?|affaires?|rg|parquet|jugements?|ordonnances?|proc[eè]s[\s-]verbal|pv|allocataires?|[ée]crou|r[ée]f[ée]rences?|r[ée]f\.?|plainte|signalement)`;
/** What may stand between that word and the number: punctuation, « n° », « numéro », « de », a service's acronym. */
const FILLER = String.raw`(?:[\s:#\-–(]+|(?:n°|n[o°º]\.?|num[ée]ro|num\.?|de|d'|du|la|le|l'|porte|placement|provisoire|ase|caf|mdph|crip|pjj|aemo|aed|rg|pv|ame|cpam|tpe|tj|parquet|dossier|allocataire)(?![\p{L}]))*`;
/** Digits and letters, in groups joined by « / », « . », « - » or, between digits, a space (« 2019 4455 8812 »). */
const IDENT = String.raw`(?:[\p{L}]*\d[\p{L}\d]*(?:(?:[\/.\-]|\s(?=\d{3}))[\p{L}\d]+)*)`;
const CASE = new RegExp(String.raw`(?<![\p{L}])${CASE_WORD}(?![\p{L}])${FILLER}(${IDENT})`, 'giu');

export function detectCaseNumbers(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(CASE)) {
    const id = m[1]!;
    const digits = id.replace(/\D/g, '').length;
    const separated = /[/.-]/.test(id);
    if (digits < 3 || (digits < 4 && !separated)) continue;
    // A year alone (« l'ordonnance de 1945 ») or a date is no file number.
    if (/^(?:19|20)\d{2}$/.test(id) || /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(id)) continue;
    const start = m.index + m[0].length - id.length;
    found.push({ kind: 'case-number', start, end: start + id.length });
  }
  // « RG 21/01234 »: the register number with its label.
  for (const m of text.matchAll(/(?<![\p{L}])RG\s*(?:n°|n[o°]\.?)?\s*:?\s*\d{2}\/\d{3,6}/gu)) {
    if (!found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) found.push({ kind: 'case-number', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
