import type { PersonalDataKind, TextField } from '../../shared/domain/personal-data';
import type { Found } from './found';
import { COMMON, EVERYDAY, FREQUENT, type Lexicon } from './lexicon';
import * as words from './name-words';
import type { Token } from './tokens';
import { wordFacts, type WordFacts } from './word-facts';

/**
 * Given names and family names, recall first.
 *
 * A word is a name by what it is and by where it stands:
 * - a given name that is no common word (« léa », « Kylian », « MOHAMED ») is one in any case and
 *   position, unless it is a big place (« Nancy ») or a public figure's;
 * - a given name that is also a word (« rose », « pierre », « espérance ») is one with a capital
 *   inside a sentence, or where a name is expected: after « ma fille », « mon neveu », « la
 *   petite », « s'appelle », « prénommée », before « , 7 ans », next to another name;
 * - a family name after « M. », « Mme », « Madame », « Maître », « famille », after « les »,
 *   « des », « chez les » with a capital, after a given name (« Kevin DUPONT », « nathan leroy »),
 *   before an age; a family name that is no common word (« Nguyen », « Diallo ») anywhere; a word
 *   with a capital inside a sentence that no list knows (neither a word, a name, a place, nor a
 *   proper noun of the dictionary) is taken for a family name.
 * Places, institutions and the words after them (« Fondation Abbé Pierre »), public figures, the
 * sector's acronyms, feasts and months are not names (word-facts.ts).
 *
 * Fields: a display name is short and usually a name: every given name counts, even one that is a
 * word (« Rose »), except everyday words that are rarely given (« Anonyme »). A word-cloud entry is
 * a word: names that are no common word count (« Mohamed », « Dubois »; « Moreau », a family name
 * whose word sense is rare, too), a frequent given name typed with a capital (« Zoé », « Rose »:
 * the word input does not capitalise by itself) but not in lower case (« rose »), and the contexts
 * above (« Mme Dupont », « Lucas 7 ans »).
 */
type NameKind = Extract<PersonalDataKind, 'given-name' | 'family-name'>;

// Local bindings: read in the inner loops, once per word.
const { DEFINITE, DETERMINERS, JOINERS, KIN, NAMING, OF_PERSON, PARTICLES, PERSON_VERBS, PLURAL_ARTICLES, TITLES, WEAK_KIN } = words;

/** « , 7 ans », « (6 ans) », « 12ans », « , âgé de 9 ans », and a birth: « (née le… », « , né en… ». */
const AGE_AFTER = /^\s*[,(]?\s*(?:(?:(?:âgée?s?|agee?s?|age)\s+de\s+)?\d{1,2}\s?(?:ans?|mois)(?![\p{L}])|n[ée]e?\s+(?:le|en)\s)/iu;
const SPACE = /^\s+$/u;

export function detectNames(text: string, tokens: readonly Token[], field: TextField, lex: Lexicon, allowed: ReadonlySet<string>): Found[] {
  const facts = wordFacts(tokens, lex, allowed);
  const n = tokens.length;
  const kinds: (NameKind | undefined)[] = new Array<NameKind | undefined>(n).fill(undefined);
  const tok = (i: number) => tokens[i]!;
  const fact = (i: number): WordFacts => facts[i]!;
  const capital = (i: number) => tok(i).shape === 'capital' || tok(i).shape === 'upper';
  const spaced = (i: number) => SPACE.test(tok(i).gap);

  /** Can this word be a name where the sentence expects one? */
  const nameish = (i: number): boolean => {
    const t = tok(i);
    const f = fact(i);
    if (!t.alpha || t.key.length < 2 || f.stop || f.shielded) return false;
    return f.given !== undefined || f.family !== undefined || !f.common || capital(i);
  };
  const strongGiven = (i: number) => {
    const g = fact(i).given;
    return g !== undefined && (g & COMMON) === 0 && tok(i).key.length >= 3 && !fact(i).stop;
  };
  const strongFamily = (i: number) => {
    const f = fact(i).family;
    return f !== undefined && (f & COMMON) === 0 && tok(i).key.length >= 3 && !fact(i).stop;
  };
  /** A capitalised word inside a sentence that no list knows. */
  const unknownCapital = (i: number) => {
    const f = fact(i);
    // In capitals, a short word is an acronym (« REP+ », « SDQ »), not a name.
    const long = tok(i).shape === 'upper' ? tok(i).key.length >= 6 : tok(i).key.length >= 3;
    return capital(i) && tok(i).alpha && long && f.given === undefined && f.family === undefined && !f.common && !f.place && !f.proper && !f.shielded && !f.stop;
  };
  const emit = (i: number, kind: NameKind) => {
    if (i < 0 || i >= n || fact(i).shielded) return;
    kinds[i] ??= kind;
  };
  const kindOf = (i: number): NameKind => (fact(i).given !== undefined && !(strongFamily(i) && !strongGiven(i)) ? 'given-name' : 'family-name');

  // --- Where a name is expected.
  for (let i = 0; i < n; i++) {
    const key = tok(i).key;
    const next = i + 1;
    if (next >= n) continue;
    const gapOk = spaced(next) || /^\.\s*$/.test(tok(next).gap);

    // « M. Dubois », « Mme Nguyen », « Maître Lambert », « famille Moreau », « Me Girard ».
    const title = TITLES.has(key) && (key !== 'm' || tok(i).text === 'M') && (key !== 'me' || tok(i).text === 'Me');
    if (title && gapOk) {
      let j = next;
      let start = j;
      if (PARTICLES.has(tok(j).key) && j + 1 < n && spaced(j + 1) && tok(j + 1).alpha && !fact(j + 1).common) j++;
      if (!nameish(j) || fact(j).place) continue;
      if (strongGiven(j) && j + 1 < n && spaced(j + 1) && nameish(j + 1) && (capital(j + 1) || fact(j + 1).family !== undefined)) {
        emit(j, 'given-name');
        start = j = j + 1;
      }
      for (let k = start; k <= j; k++) emit(k, 'family-name');
      continue;
    }
    // « les Fontaine », « chez les Lopez », « des Martinez »: with a capital only.
    // A family name takes no plural: « les Français », « les Nantais » are words (the word in the plural).
    if (PLURAL_ARTICLES.has(key) && spaced(next) && capital(next) && !fact(next).placePhrase && !fact(next).shielded) {
      const f = fact(next);
      const plural = f.common && /[sx]$/.test(tok(next).key);
      if ((f.family !== undefined && !f.stop && !plural) || unknownCapital(next)) emit(next, 'family-name');
      continue;
    }
    // « la référente de jade », « la situation de rose »; « j'ai accompagné amine ».
    const of = OF_PERSON.has(key) && (tok(next).key === 'de' || tok(next).key === "d'") && next + 1 < n;
    const object = of ? next + 1 : PERSON_VERBS.has(key) && spaced(next) ? next : -1;
    if (object >= 0 && fact(object).given !== undefined && nameish(object) && !fact(object).place) {
      emit(object, 'given-name');
    }
    // « ma fille Rose », « mon neveu timéo », « la petite marie »; not « un enfant désiré ».
    const weak = WEAK_KIN.has(key) && i > 0 && DEFINITE.has(tok(i - 1).key);
    if ((KIN.has(key) || weak) && spaced(next)) {
      let j = next;
      while (j < n - 1 && (KIN.has(tok(j).key) || WEAK_KIN.has(tok(j).key)) && spaced(j + 1)) j++;
      if (!nameish(j) || fact(j).place) continue;
      const indefinite = i > 0 && /^(?:un|une|des|d')$/.test(tok(i - 1).key);
      const known = fact(j).given !== undefined || fact(j).family !== undefined;
      if (known && (fact(j).given ?? fact(j).family ?? 0) & COMMON && indefinite) continue;
      if (known || !fact(j).common) emit(j, kindOf(j));
      continue;
    }
    // « elle s'appelle Nina », « prénommée Jade », « son prénom : Lou ».
    if (NAMING.has(key) && (spaced(next) || /^\s*:\s*$/.test(tok(next).gap)) && nameish(next)) {
      emit(next, kindOf(next));
    }
  }

  // « Lucas, 7 ans », « Adam (6 ans) », « grace, 10 ans »; not « le petit, 4 ans ».
  for (let i = 0; i < n; i++) {
    const f = fact(i);
    if (!nameish(i) || f.place) continue;
    if (!AGE_AFTER.test(text.slice(tok(i).end, tok(i).end + 24))) continue;
    if (i > 0 && DETERMINERS.has(tok(i - 1).key)) continue;
    if (f.given !== undefined || f.family !== undefined || unknownCapital(i) || (capital(i) && !f.common)) emit(i, kindOf(i));
  }

  // --- Names by what they are.
  for (let i = 0; i < n; i++) {
    const f = fact(i);
    const t = tok(i);
    if (f.shielded || kinds[i] || !t.alpha) continue;
    switch (field) {
      case 'question':
      case 'edit':
      case 'stage-message':
        if (f.place) break;
        if (strongGiven(i)) emit(i, 'given-name');
        else if (f.given !== undefined && capital(i) && !f.opens && !f.stop) emit(i, 'given-name');
        else if (strongFamily(i)) emit(i, 'family-name');
        else if (unknownCapital(i) && !f.opens) emit(i, 'family-name');
        break;
      case 'display-name': {
        const g = f.given;
        if (f.stop) break;
        // Every given name, even a word (« Rose »), but not an everyday word rarely given (« Anonyme »).
        if (g !== undefined && (t.key.length >= 3 || capital(i)) && (!(g & EVERYDAY) || (g & FREQUENT) || !(g & COMMON))) emit(i, 'given-name');
        else if (strongFamily(i) && !f.place) emit(i, 'family-name');
        else if (unknownCapital(i)) emit(i, 'family-name');
        break;
      }
      case 'word': {
        if (f.place || f.stop) break;
        if (strongGiven(i)) emit(i, 'given-name');
        // The word input does not capitalise by itself (autoCapitalize="none"): a capital was typed.
        else if (f.given !== undefined && f.given & FREQUENT && capital(i)) emit(i, 'given-name');
        else if (f.given === undefined && f.family !== undefined && (strongFamily(i) || !(f.family & EVERYDAY))) emit(i, 'family-name');
        break;
      }
    }
  }

  // --- Next to a name: « Kevin DUPONT », « nathan leroy », « DUPONT Jean »; « Hugo et Louise », « léa et rose ».
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (kinds[i] !== 'given-name') continue;
      const after = i + 1;
      if (after < n && !kinds[after] && spaced(after) && tok(after).alpha && !fact(after).stop && !fact(after).shielded && !fact(after).place) {
        const f = fact(after);
        if ((capital(after) && (f.family !== undefined || !f.common || tok(after).shape === 'upper')) || strongFamily(after)) {
          emit(after, strongGiven(after) && !strongFamily(after) ? 'given-name' : 'family-name');
          changed = true;
        }
      }
      const before = i - 1;
      if (before >= 0 && !kinds[before] && spaced(i) && tok(before).shape === 'upper' && tok(before).alpha && !fact(before).stop && !fact(before).shielded) {
        if (fact(before).family !== undefined || !fact(before).common) {
          emit(before, 'family-name');
          changed = true;
        }
      }
    }
    // « Jade Lemoine »: a given name, even one that is a word, before a family name.
    for (let i = 1; i < n; i++) {
      if (kinds[i] !== 'family-name' || kinds[i - 1] || !spaced(i)) continue;
      const b = fact(i - 1);
      if (b.given !== undefined && !b.stop && !b.shielded && !b.place && tok(i - 1).alpha && (capital(i - 1) || capital(i))) {
        emit(i - 1, 'given-name');
        changed = true;
      }
    }
    for (let i = 0; i < n; i++) {
      if (!kinds[i]) continue;
      for (const [j, between] of [
        [i + 2, i + 1],
        [i - 2, i - 1],
      ] as const) {
        if (j < 0 || j >= n || kinds[j]) continue;
        const joined = JOINERS.has(tok(between).key);
        if (joined && fact(j).given !== undefined && !fact(j).stop && !fact(j).shielded && !fact(j).place) {
          emit(j, 'given-name');
          changed = true;
        }
      }
      // « Yasmine, Bilal, Sofiane »: commas.
      for (const j of [i + 1, i - 1]) {
        if (j < 0 || j >= n || kinds[j]) continue;
        const gap = j > i ? tok(j).gap : tok(i).gap;
        if (/^\s*,\s*$/.test(gap) && fact(j).given !== undefined && strongGiven(j) && !fact(j).shielded) {
          emit(j, 'given-name');
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  // One finding per name: adjacent parts (« Da Silva », « Le Goff ») are one span.
  const found: Found[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const last = found[found.length - 1];
    if (last && last.kind === kind && kinds[i - 1] === kind && spaced(i)) last.end = tok(i).end;
    else found.push({ kind, start: tok(i).start, end: tok(i).end });
  }
  return found;
}
