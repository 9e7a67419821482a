import { describe, it, expect } from 'vitest';
import { NBSP, NNBSP, formatClockFr, formatHourMinuteFr, formatRange, formatWallTimeFr, frenchTypography } from './french-typography';
import { zonedToEpoch } from './zoned-time';

const paris = 'Europe/Paris';

describe('frenchTypography: high punctuation', () => {
  it('puts a narrow no-break space before ? ! ;', () => {
    expect(frenchTypography('Pourquoi?')).toBe(`Pourquoi${NNBSP}?`);
    expect(frenchTypography('Bravo!')).toBe(`Bravo${NNBSP}!`);
    expect(frenchTypography('un; deux')).toBe(`un${NNBSP}; deux`);
  });

  it('replaces an ordinary space rather than adding a second one', () => {
    expect(frenchTypography('Pourquoi ?')).toBe(`Pourquoi${NNBSP}?`);
    expect(frenchTypography('Pourquoi   ?')).toBe(`Pourquoi${NNBSP}?`);
  });

  it('keeps an existing narrow no-break space and does not double it', () => {
    expect(frenchTypography(`Pourquoi${NNBSP}?`)).toBe(`Pourquoi${NNBSP}?`);
  });

  it('turns a no-break space before ? into a narrow one', () => {
    expect(frenchTypography(`Vraiment${NBSP}?`)).toBe(`Vraiment${NNBSP}?`);
  });

  it('gives a run of marks one space, before the first', () => {
    expect(frenchTypography('Vraiment?!')).toBe(`Vraiment${NNBSP}?!`);
    expect(frenchTypography('Non !!!')).toBe(`Non${NNBSP}!!!`);
  });

  it('adds nothing before a mark at the start of a line or after an opening bracket', () => {
    expect(frenchTypography('? au début')).toBe('? au début');
    expect(frenchTypography('(?)')).toBe('(?)');
    expect(frenchTypography('ligne\n? suite')).toBe('ligne\n? suite');
  });
});

describe('frenchTypography: colon', () => {
  it('puts a no-break space before a colon of prose', () => {
    expect(frenchTypography('Thème: la parole')).toBe(`Thème${NBSP}: la parole`);
    expect(frenchTypography('Thème : la parole')).toBe(`Thème${NBSP}: la parole`);
  });

  it('leaves times and ratios alone', () => {
    expect(frenchTypography('Reprise à 14:00')).toBe('Reprise à 14:00');
    expect(frenchTypography('écran 16:9, 12:30:15')).toBe('écran 16:9, 12:30:15');
  });

  it('still spaces a colon that follows a number in prose', () => {
    expect(frenchTypography('Atelier 3: parentalité')).toBe(`Atelier 3${NBSP}: parentalité`);
  });
});

describe('frenchTypography: protected pieces', () => {
  it('leaves URLs alone, even with ? ! : inside', () => {
    const url = 'https://example.org/vote?id=3&x=1!';
    expect(frenchTypography(`Votez sur ${url}`)).toBe(`Votez sur ${url}`);
    expect(frenchTypography('voir www.assises.fr/a?b=c')).toBe('voir www.assises.fr/a?b=c');
  });

  it('spaces the prose around a URL but not the URL', () => {
    expect(frenchTypography('Lien: https://a.fr/x?y=1 ok?')).toBe(`Lien${NBSP}: https://a.fr/x?y=1 ok${NNBSP}?`);
  });

  it('leaves e-mail addresses and emoticons alone', () => {
    expect(frenchTypography('écrire à contact@assises.fr')).toBe('écrire à contact@assises.fr');
    expect(frenchTypography('merci :) à tous')).toBe('merci :) à tous');
  });
});

describe('frenchTypography: guillemets and quotes', () => {
  it('puts no-break spaces inside « »', () => {
    expect(frenchTypography('«Bonjour»')).toBe(`«${NBSP}Bonjour${NBSP}»`);
    expect(frenchTypography('« Bonjour »')).toBe(`«${NBSP}Bonjour${NBSP}»`);
  });

  it('turns straight quotes around a phrase into « »', () => {
    expect(frenchTypography('Le thème "grandir ensemble" ouvre')).toBe(`Le thème «${NBSP}grandir ensemble${NBSP}» ouvre`);
    expect(frenchTypography('"Oui", dit-elle')).toBe(`«${NBSP}Oui${NBSP}», dit-elle`);
  });

  it('leaves unbalanced or ambiguous straight quotes as typed', () => {
    expect(frenchTypography('un écran 24" au fond')).toBe('un écran 24" au fond');
    expect(frenchTypography('a"b"c')).toBe('a"b"c');
  });

  it('spaces a question mark after a closing guillemet', () => {
    expect(frenchTypography('Que veut dire "placement"?')).toBe(`Que veut dire «${NBSP}placement${NBSP}»${NNBSP}?`);
  });

  it('turns an apostrophe between letters into a typographic one', () => {
    expect(frenchTypography("l'enfance et l'aide sociale")).toBe('l’enfance et l’aide sociale');
  });
});

describe('frenchTypography: general', () => {
  it('is idempotent', () => {
    const samples = [
      'Pourquoi? Comment! Thème: "grandir"; fin',
      '« déjà  bien » : oui ?',
      'Rendez-vous à 14:00 sur https://x.fr/a?b=1 !',
      "l'ASE, c'est quoi?",
    ];
    for (const s of samples) {
      const once = frenchTypography(s);
      expect(frenchTypography(once)).toBe(once);
    }
  });

  it('returns empty and plain texts unchanged', () => {
    expect(frenchTypography('')).toBe('');
    expect(frenchTypography('Protection de l’enfance')).toBe('Protection de l’enfance');
  });

  it('does not add spaces elsewhere in the text', () => {
    const out = frenchTypography('Qui?  Quoi?');
    expect(out).toBe(`Qui${NNBSP}?  Quoi${NNBSP}?`);
  });
});

describe('formatClockFr, formatWallTimeFr, formatRange', () => {
  it('writes a wall time as « 14 h 00 » in the given time zone', () => {
    const t = zonedToEpoch({ date: '2021-06-24', time: '14:00' }, paris);
    expect(formatClockFr(t, paris)).toBe(`14${NBSP}h${NBSP}00`);
    expect(formatClockFr(t, 'UTC')).toBe(`12${NBSP}h${NBSP}00`);
  });

  it('writes early hours without a leading zero and minutes with two digits', () => {
    const t = zonedToEpoch({ date: '2021-06-24', time: '09:05' }, paris);
    expect(formatClockFr(t, paris)).toBe(`9${NBSP}h${NBSP}05`);
    expect(formatHourMinuteFr(0, 0)).toBe(`0${NBSP}h${NBSP}00`);
  });

  it('reads "HH:MM" wall times', () => {
    expect(formatWallTimeFr('09:30')).toBe(`9${NBSP}h${NBSP}30`);
    expect(formatWallTimeFr('n/a')).toBe('n/a');
  });

  it('writes a range with an en dash that cannot start a line', () => {
    const a = zonedToEpoch({ date: '2021-06-24', time: '09:00' }, paris);
    const b = zonedToEpoch({ date: '2021-06-24', time: '10:30' }, paris);
    expect(formatRange(a, b, paris)).toBe(`9${NBSP}h${NBSP}00${NBSP}– 10${NBSP}h${NBSP}30`);
  });
});
