import { describe, expect, it } from 'vitest';
import { corpusSettings, evaluate, loadCorpus, report } from '../../../tests/fixtures/safeguarding/corpus';
import { moderationLists } from '../moderation/moderation-lists';
import { detectPersonalData } from './detect-personal-data';

/**
 * The labelled corpus (tests/fixtures/safeguarding): the detector must not fall below the figures
 * it reached. Recall: lines holding personal data with at least one finding of a right kind (a
 * given, family or listed name counts for another name). Precision: of the flagged lines, those
 * that hold personal data. The issue asks for 97 % and 85 % at least; the floors are what the
 * detector reaches today (bench/safeguarding.bench.ts prints the figures by kind).
 */
const corpus = loadCorpus();
const lists = moderationLists(corpusSettings());
const detect = (text: string, field: Parameters<typeof detectPersonalData>[1]) => detectPersonalData(text, field, lists);

/**
 * The figures reached. Holdout: 62 of its 63 lines (« chez les Roux » is missed). Words: « Rose »,
 * « Victoire », « Fleur » typed with a capital are held (the word input does not capitalise by
 * itself, so a capital was meant); the corpus, written first, calls them clean: 32 of 35 flagged
 * words hold personal data.
 */
const FLOORS = {
  question: { recall: 1, precision: 1, lines: 800 },
  'display-name': { recall: 1, precision: 1, lines: 80 },
  word: { recall: 1, precision: 32 / 35, lines: 80 },
  holdout: { recall: 62 / 63, precision: 1, lines: 160 },
} as const;

describe('safeguarding corpus', () => {
  it('holds at least 600 questions, 200 with personal data and 400 clean, and every kind', () => {
    const questions = corpus.filter((l) => l.field === 'question' && !l.file.startsWith('holdout'));
    expect(questions.length).toBeGreaterThanOrEqual(600);
    expect(questions.filter((l) => l.kinds.length > 0).length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((l) => l.kinds.length === 0).length).toBeGreaterThanOrEqual(400);
    const kinds = new Set(questions.flatMap((l) => l.kinds));
    for (const k of ['given-name', 'family-name', 'listed-name', 'email', 'phone', 'address', 'postcode', 'birth-date', 'nir', 'case-number', 'profanity'])
      expect(kinds).toContain(k);
  });

  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`keeps recall and precision on ${name}`, () => {
      const lines = corpus.filter((l) => (name === 'holdout' ? l.file.startsWith('holdout') : l.field === name && !l.file.startsWith('holdout')));
      expect(lines.length).toBeGreaterThanOrEqual(floor.lines);
      const e = evaluate(lines, detect);
      const text = report(name, e);
      expect(e.recall, text).toBeGreaterThanOrEqual(floor.recall);
      expect(e.precision, text).toBeGreaterThanOrEqual(floor.precision);
    });
  }
});
