import { describe, expect, it } from 'vitest';
import type { QuestionFinding } from '../../../shared/api/state';
import { guessKind, segments, widest } from './highlight-model';

const f = (value: string, match: string, kind: QuestionFinding['kind'] = 'given-name', field: QuestionFinding['field'] = 'text'): QuestionFinding => {
  const start = value.indexOf(match);
  return { field, kind, start, end: start + match.length, match };
};

describe('the passages the desk highlights', () => {
  it('cuts a text into plain text, findings and redaction labels', () => {
    const v = 'Ma fille Léa appelle le [téléphone] demain';
    const s = segments(v, 'text', [f(v, 'Léa')], [{ field: 'text', kind: 'phone', start: 24, end: 35 }]);
    expect(s.map((x) => `${x.kind}:${x.text}`)).toEqual(['plain:Ma fille ', 'found:Léa', 'plain: appelle le ', 'redacted:[téléphone]', 'plain: demain']);
  });

  it('joins overlapping findings into one passage, and a click picks the widest', () => {
    const v = 'Voir Léa Moreau demain';
    const both = [f(v, 'Léa'), f(v, 'Léa Moreau', 'family-name')];
    const s = segments(v, 'text', both);
    expect(s.map((x) => x.text)).toEqual(['Voir ', 'Léa Moreau', ' demain']);
    const found = s[1];
    expect(found?.kind === 'found' ? widest(found.findings)?.kind : null).toBe('family-name');
  });

  it('leaves out what is not in this field, not where it says, or a long text', () => {
    const v = 'Bonjour Léa';
    const s = segments(v, 'text', [f(v, 'Léa', 'given-name', 'name'), { field: 'text', kind: 'phone', start: 0, end: 0, match: '06' }, { field: 'text', kind: 'long', start: 0, end: v.length, match: v }, { field: 'text', kind: 'given-name', start: 0, end: 3, match: 'Léa' }]);
    expect(s).toEqual([{ kind: 'plain', start: 0, end: v.length, text: v }]);
    expect(segments('', 'name', [])).toEqual([{ kind: 'plain', start: 0, end: 0, text: '' }]);
  });

  it('guesses what a passage the detector missed hides', () => {
    expect(guessKind('06 12 34 56 78')).toBe('phone');
    expect(guessKind('jean.dupont@exemple.fr')).toBe('email');
    expect(guessKind('Moreau')).toBe('family-name');
    expect(guessKind('7 ans')).toBe('family-name');
  });
});
