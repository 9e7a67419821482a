import { describe, expect, it } from 'vitest';
import { canSave, listChanges, listText, parseList } from './moderation-lists-model';

describe('the organisers’ lists, one entry a line', () => {
  it('trims, skips empty lines and drops repeats (case and accents ignored)', () => {
    const p = parseList('  Kerbrat \n\nZoé\nZOE\nkerbrat\r\nLes Hauts-de-Seine', 'names');
    expect(p.entries).toEqual(['Kerbrat', 'Zoé', 'Les Hauts-de-Seine']);
    expect(p.repeated).toBe(2);
    expect(p.problems).toEqual([]);
    expect(listText(p.entries)).toBe('Kerbrat\nZoé\nLes Hauts-de-Seine');
  });

  it('says which lines the core would refuse, and then nothing can be saved', () => {
    const p = parseList(`Léa\nx\n${'a'.repeat(61)}`, 'names');
    expect(p.problems).toEqual([
      { line: 2, entry: 'x', reason: 'short' },
      { line: 3, entry: 'a'.repeat(61), reason: 'long' },
    ]);
    const ok = parseList('', 'badWords');
    expect(canSave({ names: p, badWords: ok, allowed: ok })).toBe(false);
    expect(canSave({ names: parseList('Léa', 'names'), badWords: ok, allowed: ok })).toBe(true);
  });

  it('counts against the core’s limits', () => {
    const many = Array.from({ length: 2001 }, (_, i) => `mot${i}`).join('\n');
    expect(parseList(many, 'badWords').tooMany).toBe(true);
    expect(parseList(many, 'names').tooMany).toBe(false);
  });

  it('tells what saving adds and removes', () => {
    expect(listChanges(['Kerbrat', 'Zoé'], ['zoe', 'Duval'])).toEqual({ added: ['Duval'], removed: ['Kerbrat'] });
  });
});
