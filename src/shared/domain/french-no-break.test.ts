import { describe, expect, it } from 'vitest';
import { frenchNoBreak } from './french-no-break';

const shown = (s: string) => s.replace(/\u00a0/g, '~').replace(/\u202f/g, '^');

describe('frenchNoBreak', () => {
  it('keeps times together, written the French way', () => {
    expect(shown(frenchNoBreak('retour en salle à 14 h 00 !'))).toBe('retour en salle à 14~h~00 !');
    expect(shown(frenchNoBreak('de 9h30 à 10h'))).toBe('de 9~h~30 à 10~h');
    expect(shown(frenchNoBreak('à 9 h précises'))).toBe('à 9~h précises');
  });
  it('keeps a percentage and a thousands group together', () => {
    expect(shown(frenchNoBreak('30 % des votes, 45% du temps'))).toBe('30^% des votes, 45^% du temps');
    expect(shown(frenchNoBreak('2 000 participants, 12 500 votes, 1 250 000 mots'))).toBe(
      '2^000 participants, 12^500 votes, 1^250^000 mots',
    );
  });
  it('leaves alone what is not a time, a percentage or a number', () => {
    for (const s of ['H2h', 'salle 4H', 'en 2021 100 personnes', 'http://192.168.1.20:4871/?e=ABC', '25 h 70', 'page 3, ligne 12']) {
      expect(frenchNoBreak(s)).toBe(s);
    }
  });
  it('is idempotent', () => {
    const once = frenchNoBreak('à 14 h 00, 30 % de 2 000');
    expect(frenchNoBreak(once)).toBe(once);
  });
});
