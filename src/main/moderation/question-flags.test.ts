import { describe, expect, it } from 'vitest';
import { builtInNames, nameKey } from './name-list';
import { badWordSet, flagQuestion, flagWords, type ModerationLists } from './question-flags';

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

  it('does not take the first word of a sentence or an allowed word for a name', () => {
    expect(kinds('Camille, pouvez-vous préciser ?').filter((k) => k.startsWith('name'))).toEqual([]);
    expect(kinds('La maison Rose accueille des enfants.').filter((k) => k.startsWith('name'))).toEqual([]);
  });

  it('flags a name the organisers listed wherever it stands and whatever its case, unless allowed', () => {
    const organisers = { ...lists, names: new Set([...builtInNames(), nameKey('Kerbrat')]), organiserNames: new Set([nameKey('Kerbrat')]) };
    const names = (text: string, l: ModerationLists = organisers) =>
      flagQuestion(text, l)
        .filter((f) => f.kind === 'name')
        .map((f) => f.match);
    expect(names('Kerbrat : où en est la famille ?')).toEqual(['Kerbrat']);
    expect(names('que devient la famille kerbrat ?')).toEqual(['kerbrat']);
    expect(names('Kerbrat : où en est la famille ?', lists)).toEqual([]);
    expect(names('que devient la famille kerbrat ?', { ...organisers, allowed: new Set([nameKey('Kerbrat')]) })).toEqual([]);
  });

  it('flags e-mail addresses, phone numbers and long numbers', () => {
    expect(kinds('Écrivez-moi : jean.dupont@exemple.fr')).toContain('email:jean.dupont@exemple.fr');
    expect(kinds('Appelez le 06 12 34 56 78 svp')).toContain('phone:06 12 34 56 78');
    expect(kinds('ou le +33 6 12 34 56 78')).toContain('phone:+33 6 12 34 56 78');
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
  it('holds back capitalised given names, the organisers’ names in any case, and profanity; not words', () => {
    const withOrganisers = { ...lists, organiserNames: new Set([nameKey('Maëlys')]) };
    const flags = flagWords(['confiance', 'Zoé', 'maëlys', 'connards', 'amour', 'patience', 'maison', 'Rose'], withOrganisers);
    expect(flags.map((f) => `${f.kind}:${f.match}`)).toEqual(['name:Zoé', 'name:maëlys', 'profanity:connards']);
  });
});
