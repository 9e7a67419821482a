import { describe, expect, it } from 'vitest';
import { duplicateCandidates, foldText, questionTokens, textSimilarity, tokenSimilarity, type ComparableQuestion } from './question-similarity';

const q = (id: string, text: string, more: Partial<ComparableQuestion> = {}): ComparableQuestion => ({
  id,
  text,
  editedText: null,
  status: 'incoming',
  sessionId: 's1',
  ...more,
});

describe('foldText', () => {
  it('takes accents and case off, œ and curly apostrophes made plain', () => {
    expect(foldText('Équipe ÉDUCATIVE, cœur, l’aîné')).toBe("equipe educative, coeur, l'aine");
  });
});

describe('questionTokens', () => {
  it('keeps the content words: stop words, elisions, punctuation and plurals off', () => {
    expect(questionTokens('Quels moyens pour les équipes de nuit ?')).toEqual(['moyen', 'equipe', 'nuit']);
    expect(questionTokens("Qu'en est-il de l'accueil d'urgence ?")).toEqual(['accueil', 'urgence']);
  });
  it('keeps negation words: « sans » changes the meaning', () => {
    expect(questionTokens('Des familles sans logement')).toContain('sans');
  });
  it('is empty for an emoji-only or punctuation-only text', () => {
    expect(questionTokens('🙂🙂🙂 ?!')).toEqual([]);
  });
});

describe('similarity', () => {
  it('is 1 for the same question with other accents, case, punctuation and word order', () => {
    expect(textSimilarity('Quels moyens pour les équipes de nuit ?', 'les EQUIPES de nuit : quels moyens ??')).toBe(1);
  });
  it('is high for a near duplicate, low for another question', () => {
    expect(textSimilarity('Comment associer les familles au projet de l’enfant ?', 'Comment associer la famille au projet pour l’enfant accueilli ?')).toBeGreaterThanOrEqual(0.5);
    expect(textSimilarity('Comment associer les familles au projet de l’enfant ?', 'Quel budget pour la protection de l’enfance en 2025 ?')).toBeLessThan(0.5);
  });
  it('is 0 when a side has no content word', () => {
    expect(tokenSimilarity(new Set(), new Set(['a']))).toBe(0);
    expect(textSimilarity('🙂', '🙂')).toBe(0);
  });
});

describe('duplicateCandidates', () => {
  const target = q('q-1', 'Quels moyens pour les équipes de nuit ?');
  const questions = [
    target,
    q('q-2', 'Les équipes de nuit : quels moyens ?'),
    q('q-3', 'Quels moyens humains pour les équipes de nuit en foyer ?', { sessionId: 's2' }),
    q('q-4', 'Quels moyens humains pour les équipes de nuit en foyer ?'),
    q('q-5', 'Quel avenir pour les jeunes majeurs ?'),
    q('q-6', 'Les équipes de nuit, quels moyens', { status: 'merged' }),
    q('q-7', 'Les équipes de nuit, quels moyens !', { status: 'rejected' }),
    q('q-8', 'Question réécrite', { editedText: 'Équipes de nuit : quels moyens ?' }),
  ];
  it('offers the likely duplicates, best first, the same session first at equal score', () => {
    const found = duplicateCandidates(target, questions);
    expect(found.map((c) => c.question.id)).toEqual(['q-2', 'q-8', 'q-4', 'q-3']);
    expect(found[0]?.score).toBe(1);
  });
  it('never offers itself, a merged or a rejected question; respects the limit and the threshold', () => {
    expect(duplicateCandidates(target, questions, { limit: 1 }).map((c) => c.question.id)).toEqual(['q-2']);
    expect(duplicateCandidates(target, questions, { threshold: 0.99 }).map((c) => c.question.id)).toEqual(['q-2', 'q-8']);
    expect(duplicateCandidates(q('q-9', '🙂'), questions)).toEqual([]);
  });
});
