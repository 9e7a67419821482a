import { describe, expect, it } from 'vitest';
import { mergeSpans, redactSpans, type PersonalDataKind, type TextField } from '../../shared/domain/personal-data';
import { badWordSet } from '../moderation/question-flags';
import type { ModerationLists } from './detector-lists';
import { builtInNames, nameKey } from '../moderation/name-list';
import { detectPersonalData, LONG_QUESTION_CHARS } from './detect-personal-data';

const lists: ModerationLists = {
  badWords: badWordSet(['guignol']),
  names: builtInNames(),
  allowed: new Set([nameKey('Gaëlle')]),
  organiserNames: new Set([nameKey('Zaouali'), nameKey('Le Bihan')]),
};
/** « kind:match » of each finding. */
const found = (text: string, field: TextField = 'question') => detectPersonalData(text, field, lists).map((s) => `${s.kind}:${s.match}`);
const kinds = (text: string, field: TextField = 'question') => new Set(detectPersonalData(text, field, lists).map((s) => s.kind));
const clean = (text: string, field: TextField = 'question') => expect(found(text, field), text).toEqual([]);

describe('detectPersonalData: spans', () => {
  it('points at the text as written, through every normalisation', () => {
    const text = 'Appelez c o n n a r d au ０６ １２ ３４ ５６ ７８';
    for (const s of detectPersonalData(text, 'question', lists)) expect(text.slice(s.start, s.end)).toBe(s.match);
    expect(found(text)).toEqual(['profanity:c o n n a r d', 'phone:０６ １２ ３４ ５６ ７８']);
  });

  it('gives spans the desk can merge and redact', () => {
    const text = 'Léa Moreau, 7 ans, 06 12 34 56 78';
    const spans = detectPersonalData(text, 'question', lists);
    expect(mergeSpans(spans, text).map((s) => s.match)).toEqual(['Léa', 'Moreau', '06 12 34 56 78']);
    expect(redactSpans(text, spans)).toBe('[prénom] [nom], 7 ans, [téléphone]');
  });

  it('flags a long question as a whole, not a display name or a word', () => {
    const long = 'a '.repeat(LONG_QUESTION_CHARS);
    expect(kinds(long)).toContain('long');
    expect(kinds(long, 'display-name').has('long')).toBe(false);
    expect(kinds(long, 'word').has('long')).toBe(false);
  });

  it('treats hostile text as text', () => {
    expect(() => detectPersonalData('<script>alert(1)</script>\u202Eevil\u200B'.repeat(50), 'question', lists)).not.toThrow();
    expect(detectPersonalData('', 'question', lists)).toEqual([]);
  });
});

const cases: [PersonalDataKind, string[]][] = [
  ['given-name', ['la petite léa est placée', "Que dire à axel ?", "le suivi d'Inaya", 'MOHAMED EST EN FUGUE', 'ma fille rose a peur', 'elle s’appelle Victoire', 'grace, 10 ans', 'Kylian ne va plus en cours', 'mon neveu timéo']],
  ['family-name', ['La famille Moreau refuse', 'M. et Mme Dubois', 'Chez les Fontaine', 'Mme Nguyen a appelé', 'Kevin DUPONT, 15 ans', 'Maître Lambert conteste', 'Mme Da Silva']],
  ['listed-name', ['que devient zaouali ?', 'la famille Le Bihan', 'ZAOUALI']],
  ['email', ['jeanne.dupont@gmail.com', 'jeanne point dupont arobase gmail point com', 'jdupont at orange dot fr', 'jeanne(at)exemple.fr', 'm.durand[at]free[dot]fr', 'educ.spe44 @ laposte . net']],
  ['phone', ['06 12 34 56 78', '0612345678', '06.12.34.56.78', '06/12/34/56/78', '+33 6 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78', 'zéro six douze trente-quatre cinquante-six soixante-dix-huit', 'zéro six 12 34 56 78', 'O6 12 34 56 78']],
  ['address', ['7 impasse des Mimosas', '3 bis avenue Jean Jaurès', '22 r. de Strasbourg', 'résidence les Peupliers, bât C', 'lieu-dit la Croix Blanche']],
  ['postcode', ['7 impasse des Mimosas 44400 Rezé', 'Saint-Herblain 44800', 'cp 44120', 'dans le 44300']],
  ['birth-date', ['né le 14/03/2012', 'née en mars 2015', 'date de naissance : 03/07/2010', 'ddn 12.05.2011', 'né le 1er janvier 2016', 'né le vingt mars deux mille quinze', 'né en 2009']],
  ['nir', ['1 85 05 78 006 084 36', 'n° sécu 186057500812345', '2 09 11 2A 004 123 88']],
  ['case-number', ['RG 21/01234', 'dossier n° 2023-00457', 'n° de parquet 22123000456', 'réf. 2022/AEMO/0345', "N° d'écrou 45678", 'dossier n° 2019 4455 8812']],
  ['profanity', ['ces connards', 'con\u00ADnard', '\u0441onnard', 'c.o.n.n.a.r.d', 'c0nnard', 'p*tain', 'encul€', 'quel guignol']],
];

describe('detectPersonalData: each kind', () => {
  for (const [kind, texts] of cases) {
    it(`finds ${kind}`, () => {
      for (const text of texts) expect(kinds(text), `${text} → ${found(text).join(', ')}`).toContain(kind);
    });
  }

  it('covers the whole of a multi-part finding', () => {
    expect(found('ils habitent 7 impasse des Mimosas 44400 Rezé')).toEqual(['address:7 impasse des Mimosas', 'postcode:44400']);
    expect(found('Mme Da Silva souhaite')).toEqual(['family-name:Da Silva']);
    expect(found('écrivez à jdupont at orange dot fr')).toEqual(['email:jdupont at orange dot fr']);
  });
});

describe('detectPersonalData: traps', () => {
  it('leaves places, institutions and public figures alone', () => {
    for (const text of [
      'Je travaille à Nancy, en Lorraine',
      'une formation à Florence',
      'pendant les vacances de Noël',
      'La Fondation Abbé Pierre alerte',
      'Adrien Taquet avait promis',
      'la Défenseure des droits Claire Hédon',
      'le collège Victor Hugo a signalé',
      'Les ITEP, les MECS et la PJJ',
      'SOS Villages d’Enfants accueille les fratries',
      'Madame la ministre, monsieur le juge',
      'la famille d’accueil est épuisée',
      'les Français et les Nantais',
      'Merci Gaëlle pour cette intervention',
    ])
      clean(text);
  });

  it('leaves laws, decrees, periods, statistics, dates and ages without names alone', () => {
    for (const text of [
      'le décret n° 2016-1248',
      'la loi n° 2022-140 du 7 février 2022',
      'la stratégie 2020-2022',
      'les années 2019 2020 2021 2022',
      '1 200 000 euros et 377 000 mesures',
      'une ville de 44000 habitants',
      'appelez le 119 ou le 3919',
      'depuis le 1er janvier 2023',
      'les enfants nés en 2012',
      'un enfant de 7 ans, le petit, 4 ans',
      'article 375 du code civil',
      'la question n° 12, page 45',
    ])
      clean(text);
  });

  it('leaves words that are also names alone where they are words', () => {
    for (const text of ['une rose', 'la pierre angulaire', "l'espérance de vie", 'une petite victoire', 'grace à vous', 'Un enfant désiré', 'le conseil départemental', 'un cul-de-sac', 'la Manche', 'un sale temps'])
      clean(text);
  });
});

describe('detectPersonalData: fields', () => {
  it('display names: recall first, a name alone is a name', () => {
    expect(kinds('Rose', 'display-name')).toContain('given-name');
    expect(kinds('Florence', 'display-name')).toContain('given-name');
    expect(found('Léa Moreau, 7 ans', 'display-name')).toEqual(['given-name:Léa', 'family-name:Moreau']);
    expect(kinds('0612345678', 'display-name')).toContain('phone');
    for (const name of ['Anonyme', 'Une éducatrice', 'ASE 44', 'Educ spé', 'Juge des enfants', 'Nantes', 'MECS Saint-Joseph']) clean(name, 'display-name');
  });

  it('words: a word is a word; a name, a number, an address is not', () => {
    for (const w of ['rose', 'espérance', 'confiance', 'pierre', 'victoire', 'Nantes', 'ASE', '119', 'Noël']) clean(w, 'word');
    for (const w of ['Mohamed', 'Moreau', 'Dubois', 'Léa', 'maëlys', 'Zoé', '06 12 34 56 78', 'jade.m@gmail.com', 'Mme Dupont', 'Lucas 7 ans', 'connard'])
      expect(found(w, 'word').length, w).toBeGreaterThan(0);
  });

  it('the organisers’ words never flagged stay unflagged, their names are flagged anywhere', () => {
    clean('Gaëlle');
    expect(found('Merci Gaëlle, et la famille zaouali ?')).toEqual(['listed-name:zaouali']);
  });
});
