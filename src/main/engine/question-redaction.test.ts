import { describe, expect, it } from 'vitest';
import type { QuestionFinding, RedactableQuestion } from '../../shared/api/state';
import { redactableFindings, redactQuestion } from './question-redaction';

const find = (field: QuestionFinding['field'], value: string, match: string, kind: QuestionFinding['kind'] = 'given-name'): QuestionFinding => {
  const start = value.indexOf(match);
  if (start < 0) throw new Error(`${match} absent de ${value}`);
  return { field, kind, start, end: start + match.length, match };
};

const TEXT = 'Ma fille Léa, 7 ans, appelle le 06 12 34 56 78 et Léa pleure.';
const NAME = 'Mme Moreau 06 98 76 54 32';
const base = (): RedactableQuestion => {
  const léa = find('text', TEXT, 'Léa');
  const second = { ...léa, start: TEXT.lastIndexOf('Léa'), end: TEXT.lastIndexOf('Léa') + 3 };
  return {
    text: TEXT,
    editedText: null,
    name: NAME,
    flags: [léa, find('text', TEXT, '06 12 34 56 78', 'phone'), second, find('name', NAME, '06 98 76 54 32', 'phone'), find('name', NAME, 'Moreau', 'listed-name')],
    flagsClearedBy: null,
  };
};

describe('redacting a question', () => {
  it('replaces every finding by its label, in the text and in the name; nothing is left to read', () => {
    const q = base();
    const r = redactQuestion(q, redactableFindings({ ...q, editedText: null }));
    expect(r.text).toBe('Ma fille [prénom], 7 ans, appelle le [téléphone] et [prénom] pleure.');
    expect(r.name).toBe('Mme [nom] [téléphone]');
    expect(r.flags).toEqual([]);
    expect(r.flagsClearedBy).toBeNull();
    // The marks say where each label stands, for the desk.
    expect(r.redactions?.map((m) => `${m.field}:${r[m.field === 'name' ? 'name' : 'text']!.slice(m.start, m.end)}`)).toEqual([
      'text:[prénom]',
      'text:[téléphone]',
      'text:[prénom]',
      'name:[nom]',
      'name:[téléphone]',
    ]);
  });

  it('redacts one span: the others move with the text and are still to be read', () => {
    const q = base();
    const r = redactQuestion(q, [q.flags[1]!]);
    expect(r.text).toBe('Ma fille Léa, 7 ans, appelle le [téléphone] et Léa pleure.');
    const left = r.flags.filter((f) => f.field === 'text');
    expect(left.map((f) => r.text.slice(f.start, f.end))).toEqual(['Léa', 'Léa']);
    expect(left.map((f) => f.match)).toEqual(['Léa', 'Léa']);
    expect(r.flags.filter((f) => f.field === 'name')).toHaveLength(2);
    // A second redaction moves the first label too.
    const again = redactQuestion(r, [left[0]!]);
    expect(again.text).toBe('Ma fille [prénom], 7 ans, appelle le [téléphone] et Léa pleure.');
    expect(again.redactions?.map((m) => again.text.slice(m.start, m.end))).toEqual(['[prénom]', '[téléphone]']);
    const last = again.flags.find((f) => f.field === 'text')!;
    expect(again.text.slice(last.start, last.end)).toBe('Léa');
  });

  it('merges overlapping spans; a finding inside a redacted span is read with it', () => {
    const text = 'Voir Léa Moreau demain';
    const q: RedactableQuestion = {
      text,
      editedText: null,
      name: null,
      flags: [find('text', text, 'Léa'), find('text', text, 'Léa Moreau', 'family-name')],
      flagsClearedBy: null,
    };
    const r = redactQuestion(q, [q.flags[1]!]);
    expect(r.text).toBe('Voir [nom] demain');
    expect(r.flags).toEqual([]);
  });

  it('keeps a long-text finding over the new text, and a finding without position, unredacted', () => {
    const text = `Léa ${'x'.repeat(300)}`;
    const q: RedactableQuestion = {
      text,
      editedText: null,
      name: null,
      flags: [find('text', text, 'Léa'), { field: 'text', kind: 'long', start: 0, end: text.length, match: text }, { field: 'text', kind: 'phone', start: 0, end: 0, match: '06' }],
      flagsClearedBy: 'control-1',
    };
    expect(redactableFindings(q).map((f) => f.match)).toEqual(['Léa']);
    const r = redactQuestion(q, redactableFindings(q));
    expect(r.flags.map((f) => [f.kind, f.start, f.end])).toEqual([
      ['long', 0, r.text.length],
      ['phone', 0, 0],
    ]);
    expect(r.flagsClearedBy).toBe('control-1');
  });

  it('ignores a span that no longer stands where it says', () => {
    const q = base();
    const stale = { ...q.flags[0]!, start: 0, end: 3 };
    expect(redactQuestion(q, [stale]).text).toBe(TEXT);
  });

  it('keeps a redacted name within what the hub and the projector hold (60 characters)', () => {
    const name = Array.from({ length: 15 }, (_, i) => `Léa${i}`).join(' ').slice(0, 60);
    const flags = [...name.matchAll(/Léa\d+/g)].map((m) => ({ field: 'name' as const, kind: 'given-name' as const, start: m.index, end: m.index + m[0].length, match: m[0] }));
    const r = redactQuestion({ text: 'Bonjour', editedText: null, name, flags, flagsClearedBy: null }, flags);
    expect(r.name!.length).toBeLessThanOrEqual(60);
    expect(r.name!.endsWith('…')).toBe(true);
    expect(r.name).not.toMatch(/Léa/);
    expect(r.redactions!.every((m) => m.end <= 59)).toBe(true);
  });
});
