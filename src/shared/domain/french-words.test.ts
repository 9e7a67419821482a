import { describe, expect, it } from 'vitest';
import { foldWord, isStopWord, normaliseWord, singularKey, wordKey } from './french-words';

/** [as sent, expected key, expected spelling] — null when nothing is countable. */
const TABLE: readonly (readonly [string, string | null, string?])[] = [
  // Case, elision, plural: one word.
  ["L'enfant", 'enfant', 'enfant'],
  ['L’enfant', 'enfant', 'enfant'],
  ['enfants', 'enfant', 'enfants'],
  ['ENFANT', 'enfant', 'enfant'],
  ['Enfant', 'enfant', 'enfant'],
  ['les enfants', 'enfant', 'enfants'],
  // Accents merged for the key, kept in the spelling.
  ['Écoute', 'ecoute', 'écoute'],
  ['ecoute', 'ecoute', 'ecoute'],
  ['ÉCOUTE', 'ecoute', 'écoute'],
  ['bienveillance', 'bienveillance', 'bienveillance'],
  ['cœur', 'coeur', 'cœur'],
  ['coeur', 'coeur', 'coeur'],
  ['sécurité', 'securite', 'sécurité'],
  // Elided articles and pronouns.
  ["d'abord", 'abord', 'abord'],
  ["qu'importe", 'importe', 'importe'],
  ["j'écoute", 'ecoute', 'écoute'],
  ["n'oublie", 'oublie', 'oublie'],
  ["s'écouter", 'ecouter', 'écouter'],
  ["m'entendre", 'entendre', 'entendre'],
  ["t'aimer", 'aimer', 'aimer'],
  ['jusqu’au bout', 'bout', 'bout'],
  ["lorsqu'enfin", 'enfin', 'enfin'],
  ["puisqu'ensemble", 'ensemble', 'ensemble'],
  ['aujourd’hui', "aujourd'hui", 'aujourd’hui'],
  // Surrounding punctuation and quotes.
  ['« Confiance »', 'confiance', 'confiance'],
  ['"confiance"', 'confiance', 'confiance'],
  ["'confiance'", 'confiance', 'confiance'],
  ['confiance…', 'confiance', 'confiance'],
  ['  Bienveillance !!! ', 'bienveillance', 'bienveillance'],
  ['(écoute)', 'ecoute', 'écoute'],
  ['respect ;', 'respect', 'respect'],
  ['lien, ', 'lien', 'lien'],
  ['¿ avenir ?', 'avenir', 'avenir'],
  // Nothing countable.
  ['', null],
  ['   ', null],
  ['...', null],
  ['?!', null],
  ['« »', null],
  ['le', null],
  ['Les', null],
  ['de la', null],
  ["c'est", null],
  ["l'", null],
  ['être', null],
  ['etre', null],
  // Plurals.
  ['familles', 'famille', 'familles'],
  ['Familles', 'famille', 'familles'],
  ['sociaux', 'social', 'sociaux'],
  ['social', 'social', 'social'],
  ['réseaux', 'reseau', 'réseaux'],
  ['jeux', 'jeu', 'jeux'],
  ['travaux', 'travail', 'travaux'],
  ['droits', 'droit', 'droits'],
  // Singular in -s or -x: left alone.
  ['temps', 'temps', 'temps'],
  ['accès', 'acces', 'accès'],
  ['acces', 'acces', 'acces'],
  ['souris', 'souris', 'souris'],
  ['bus', 'bus', 'bus'],
  ['fois', 'fois', 'fois'],
  ['foi', 'foi', 'foi'],
  ['fils', 'fils', 'fils'],
  ['sens', 'sens', 'sens'],
  ['heureux', 'heureux', 'heureux'],
  ['stress', 'stress', 'stress'],
  ['prix', 'prix', 'prix'],
  // Multi-word expressions keep their inner words.
  ["protection de l'enfance", 'protection de enfance', "protection de l'enfance"],
  ['La protection de l’enfance', 'protection de enfance', 'protection de l’enfance'],
  ['aide sociale à l’enfance', 'aide sociale a enfance', 'aide sociale à l’enfance'],
  ['droits des enfants', 'droit des enfant', 'droits des enfants'],
  ['porte-paroles', 'porte-parole', 'porte-paroles'],
  // Acronyms and mixed case stay as typed; numbers and emoji count.
  ['ASE', 'ase', 'ASE'],
  ['MDPH', 'mdph', 'MDPH'],
  ['iPhone', 'iphone', 'iPhone'],
  ['2026', '2026', '2026'],
  ['❤️', '❤', '❤️'],
];

describe('normaliseWord', () => {
  for (const [raw, key, spelling] of TABLE) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(key)}`, () => {
      const n = normaliseWord(raw);
      if (key === null) expect(n).toBeNull();
      else expect(n).toEqual({ key, spelling });
    });
  }

  it('has a table of at least 40 French inputs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it('makes « L’enfant », « enfants », « ENFANT » one word', () => {
    const keys = new Set(["L'enfant", 'enfants', 'ENFANT', 'l’Enfant', ' enfant. '].map((w) => normaliseWord(w)?.key));
    expect([...keys]).toEqual(['enfant']);
  });

  it('is idempotent: the spelling normalised again gives the same key and spelling', () => {
    for (const [raw] of TABLE) {
      const n = normaliseWord(raw);
      if (!n) continue;
      expect(normaliseWord(n.spelling)).toEqual(n);
    }
  });

  it('is stable under case, accents and surrounding punctuation', () => {
    const variants = (w: string) => [w, w.toLocaleUpperCase('fr'), foldWord(w), `« ${w} »`, `${w} !`, `"${w}"`, `(${w})…`];
    for (const [raw, key] of TABLE) {
      if (key === null || raw.trim() === '' || /[«»"]/.test(raw)) continue;
      for (const v of variants(raw)) expect(normaliseWord(v)?.key, v).toBe(key);
    }
  });

  it('never gives an empty key or spelling', () => {
    const samples = ['-', "'", '’a’', 'l’l’', '…enfant…', '— famille —', 'de — la', 'x', '"""', '\u200Benfant\u200B'];
    for (const s of samples) {
      const n = normaliseWord(s);
      if (n) {
        expect(n.key.trim()).not.toBe('');
        expect(n.spelling.trim()).not.toBe('');
      }
    }
    expect(normaliseWord('\u200Benfant\u200B')?.key).toBe('enfant');
  });
});

describe('the French helpers', () => {
  it('folds accents, ligatures, case and apostrophes', () => {
    expect(foldWord('Œuvre')).toBe('oeuvre');
    expect(foldWord('ÉLÈVE')).toBe('eleve');
    expect(foldWord('aujourd’hui')).toBe("aujourd'hui");
  });
  it('knows the stop words of the maintained French list, with or without accents', () => {
    expect(isStopWord('de')).toBe(true);
    expect(isStopWord('Où')).toBe(true);
    expect(isStopWord('ou')).toBe(true);
    expect(isStopWord('enfant')).toBe(false);
  });
  it('makes simple plurals singular', () => {
    expect(singularKey('animaux')).toBe('animal');
    expect(singularKey('bureaux')).toBe('bureau');
    expect(singularKey('cheveux')).toBe('cheveu');
    expect(singularKey('bijoux')).toBe('bijou');
    expect(singularKey('jaloux')).toBe('jaloux');
    expect(singularKey('taux')).toBe('taux');
    expect(singularKey('ans')).toBe('ans');
  });
});

describe('wordKey', () => {
  it('tells one participant’s words apart as the cloud counts them', () => {
    expect(wordKey('Écoute')).toBe(wordKey('écoute'));
    expect(wordKey('Ecou\u200Bte ')).toBe('ecoute');
    expect(wordKey('e\u0301coute')).toBe(wordKey('écoute'));
    expect(wordKey("L'enfant")).toBe(wordKey('enfants'));
    expect(wordKey('enfance')).not.toBe(wordKey('enfant'));
    expect(wordKey('  ?!')).toBe('?!');
  });
});
