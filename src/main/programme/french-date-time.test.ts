import { describe, expect, it } from 'vitest';
import { parseFrenchDate, parseFrenchTime, parseTimeRange } from './french-date-time';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `ERREUR ${r.reason}`);

describe('parseFrenchDate', () => {
  it.each([
    ['24/06/2021', '2021-06-24'],
    ['24/6/21', '2021-06-24'],
    ['24.06.2021', '2021-06-24'],
    ['24-06-2021', '2021-06-24'],
    ['2021-06-24', '2021-06-24'],
    ['jeudi 24 juin 2021', '2021-06-24'],
    ['Jeudi 24 Juin 2021', '2021-06-24'],
    ['24 juin 2021', '2021-06-24'],
    ['1er juillet 2021', '2021-07-01'],
    ['ven. 25 juin 2021', '2021-06-25'],
    ['mercredi 18 août 2021', '2021-08-18'],
    ['18 aout 2021', '2021-08-18'],
    ['2 déc. 2021', '2021-12-02'],
    ['June 24, 2021', '2021-06-24'],
    ['Thursday, June 24th, 2021', '2021-06-24'],
  ])('%s → %s', (raw, iso) => {
    expect(value(parseFrenchDate(raw))).toBe(iso);
  });

  it.each([
    ['', /manquante/],
    ['31/06/2021', /impossible/],
    ['2021-02-29', /impossible/],
    ['24 juin', /année manquante/],
    ['mercredi 24 juin 2021', /est un jeudi, pas un mercredi/],
    ['la semaine prochaine', /illisible/],
    ['24/06', /illisible/],
  ])('refuses %j', (raw, reason) => {
    const r = parseFrenchDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseFrenchTime', () => {
  it.each([
    ['9h', '09:00'],
    ['09h30', '09:30'],
    ['9H30', '09:30'],
    ['9:30', '09:30'],
    ['14 h 00', '14:00'],
    ['14\u00A0h\u00A000', '14:00'],
    ['09:30:00', '09:30'],
    ['9.30', '09:30'],
    ['0h15', '00:15'],
    ['2:30 PM', '14:30'],
    ['12 am', '00:00'],
    ['12:15 p.m.', '12:15'],
  ])('%s → %s', (raw, time) => {
    expect(value(parseFrenchTime(raw))).toBe(time);
  });

  it.each(['', '25h', '9h61', 'neuf heures', '9h3', '13 PM', '930'])('refuses %j', (raw) => {
    expect(parseFrenchTime(raw).ok).toBe(false);
  });
});

describe('parseTimeRange', () => {
  it('reads a range in one cell', () => {
    expect(value(parseTimeRange('9h – 10h30'))).toEqual({ start: '09:00', end: '10:30' });
    expect(value(parseTimeRange('09:00-10:30'))).toEqual({ start: '09:00', end: '10:30' });
    expect(value(parseTimeRange('de 14 h à 15 h 30'))).toEqual({ start: '14:00', end: '15:30' });
    expect(parseTimeRange('9h').ok).toBe(false);
  });
});
