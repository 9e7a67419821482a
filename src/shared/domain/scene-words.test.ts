import { describe, expect, it } from 'vitest';
import {
  codeWords,
  formatCount,
  meanWords,
  percentWords,
  ratingLabel,
  responsesWords,
  votersLine,
  votesWords,
  wordsSentWords,
} from './scene-words';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('scene words', () => {
  it('count the answers the French way', () => {
    expect(plain(responsesWords(0))).toBe('0 réponse');
    expect(plain(responsesWords(1))).toBe('1 réponse');
    expect(plain(responsesWords(214))).toBe('214 réponses');
    expect(plain(formatCount(1214))).toBe('1 214');
    expect(formatCount(1214)).toBe('1\u202f214');
  });
  it('split the voters between the room and remote viewers', () => {
    expect(plain(votersLine({ room: 150, remote: 64 }))).toBe('214 réponses · 150 salle · 64 distance');
    expect(plain(votersLine({ room: 0, remote: 0 }))).toBe('0 réponse');
  });
  it('percent, votes, mean, code: spaces that never break', () => {
    expect(percentWords(42)).toBe('42\u202f%');
    expect(plain(votesWords(1))).toBe('1 voix');
    expect(meanWords(3.4, 5)).toBe('Moyenne\u00a0: 3,4\u00a0/\u00a05');
    expect(meanWords(4, 5)).toContain('4,0');
    expect(codeWords('ABC234')).toBe('Code\u00a0: ABC234');
    expect(plain(wordsSentWords(1))).toBe('1 mot envoyé');
    expect(plain(wordsSentWords(124))).toBe('124 mots envoyés');
    expect(ratingLabel('1', 'pas du tout')).toBe('1 · pas du tout');
    expect(ratingLabel('3', null)).toBe('3');
  });
});
