import { describe, expect, it } from 'vitest';
import { builtInNames, nameKey } from './name-list';
import type { ModerationLists } from '../safeguarding/detector-lists';
import { badWordSet, flagQuestion, flagWords } from './question-flags';

const lists: ModerationLists = { badWords: badWordSet(), names: builtInNames(), allowed: new Set([nameKey('Rose')]) };
const kinds = (text: string) => flagQuestion(text, lists).map((f) => `${f.kind}:${f.match}`);

describe('question flags', () => {
  it('passes an ordinary question', () => {
    expect(kinds('Quels moyens pour accompagner les jeunes majeurs à la sortie de l’ASE ?')).toEqual([]);
    expect(kinds('Comment la crise sanitaire a-t-elle changé le travail des équipes de nuit ?')).toEqual([]);
  });

  it('flags a child or a family named in the question', () => {
    expect(kinds('Ma fille Zoé a été placée en 2019, que faire ?')).toContain('name:Zoé');
    expect(kinds('Mon fils Enzo est en foyer depuis deux ans.')).toContain('name:Enzo');
    expect(kinds('Le petit s’appelle Mohamed et il attend une famille.')).toContain('name:Mohamed');
    expect(kinds('Que pensez-vous du parcours de Karim dans le Nord ?')).toContain('name:Karim');
    expect(kinds('Bonjour, je travaille avec Louise et Hugo à l’ASE.')).toEqual(expect.arrayContaining(['name:Louise', 'name:Hugo']));
  });

  it('takes a given name for one at the start of a sentence too (recall first), but not an allowed word nor an institution', () => {
    expect(kinds('Camille, pouvez-vous préciser ?')).toContain('name:Camille');
    expect(kinds('La maison Rose accueille des enfants.').filter((k) => k.startsWith('name'))).toEqual([]);
    expect(kinds('Merci Rose pour cette intervention').filter((k) => k.startsWith('name'))).toEqual([]);
  });

  it('flags a name the organisers listed wherever it stands and whatever its case, unless allowed', () => {
    const organisers = { ...lists, names: new Set([...builtInNames(), nameKey('Kerbrat')]), organiserNames: new Set([nameKey('Kerbrat')]) };
    const names = (text: string, l: ModerationLists = organisers) =>
      flagQuestion(text, l)
        .filter((f) => f.kind === 'name')
        .map((f) => f.match);
    expect(names('Kerbrat : où en est la famille ?')).toEqual(['Kerbrat']);
    expect(names('que devient la famille kerbrat ?')).toEqual(['kerbrat']);
    // Without the organisers' list, the maintained data knows the family name all the same.
    expect(names('Kerbrat : où en est la famille ?', lists)).toEqual(['Kerbrat']);
    expect(names('que devient la famille kerbrat ?', { ...organisers, allowed: new Set([nameKey('Kerbrat')]) })).toEqual([]);
    // A name no data holds is flagged once the organisers list it.
    const kerlidou = { ...lists, organiserNames: new Set([nameKey('Kerlidou')]) };
    expect(names('où en est kerlidou ?', lists)).toEqual([]);
    expect(names('où en est kerlidou ?', kerlidou)).toEqual(['kerlidou']);
  });

  it('flags e-mail addresses, phone numbers and long numbers', () => {
    expect(kinds('Écrivez-moi : jean.dupont@exemple.fr')).toContain('email:jean.dupont@exemple.fr');
    expect(kinds('Appelez le 06 12 34 56 78 svp')).toContain('phone:06 12 34 56 78');
    expect(kinds('ou le +33 6 12 34 56 78')).toContain('phone:+33 6 12 34 56 78');
    // A case number is a number too (« phone » in the older flags).
    expect(kinds('dossier n° 2019 4455 8812 au tribunal')).toContain('phone:2019 4455 8812');
  });

  it('flags profanity from the maintained list, in any case', () => {
    expect(kinds('Quelle bande de CONNARDS ces décideurs').some((k) => k.startsWith('profanity:'))).toBe(true);
    expect(kinds('Les connards du département').some((k) => k.startsWith('profanity:'))).toBe(true);
  });

  it('flags very long texts', () => {
    expect(kinds('a '.repeat(200)).some((k) => k.startsWith('long:'))).toBe(true);
  });

  it('treats hostile text as text', () => {
    expect(() => flagQuestion('<script>alert(1)</script>\u202Eevil\u200B', lists)).not.toThrow();
  });
});

describe('word flags', () => {
  it('holds back given names, the organisers’ names in any case, profanity and contacts; not words', () => {
    const withOrganisers = { ...lists, organiserNames: new Set([nameKey('Kerlidou')]) };
    const flags = flagWords(['confiance', 'Zoé', 'maëlys', 'kerlidou', 'connards', 'amour', 'patience', 'maison', 'Rose', 'rose', '06 12 34 56 78'], withOrganisers);
    expect(flags.map((f) => `${f.kind}:${f.match}`)).toEqual(['name:Zoé', 'name:maëlys', 'name:kerlidou', 'profanity:connards', 'phone:06 12 34 56 78']);
  });
});
