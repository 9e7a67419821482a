import { describe, it, expect } from 'vitest';
import { translate } from './i18n';
import { en } from './locales/en';
import { fr } from './locales/fr';

describe('translate', () => {
  it('speaks French by default and English on demand', () => {
    expect(translate('fr', 'logbook.label')).toBe('Main courante');
    expect(translate('en', 'logbook.label')).toBe('Logbook');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'connection.since', { time: '08:50' })).toBe('depuis 08:50');
    expect(translate('fr', 'connection.since')).toBe('depuis {time}');
  });
  it('has the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(names(en[key]), key).toEqual(names(fr[key]));
      expect(en[key].length, key).toBeGreaterThan(0);
    }
  });
});
