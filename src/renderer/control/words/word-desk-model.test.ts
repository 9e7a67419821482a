import { describe, expect, it } from 'vitest';
import { initialState, type ViewState } from '../../../shared/api/state';
import { defaultCloud, deskClouds, wordDesk } from './word-desk-model';

const state = (patch: Partial<ViewState>): ViewState => {
  const { ballots: _b, wordSenders: _w, ...view } = initialState();
  return { ...view, ...patch };
};

describe('the word desk model', () => {
  it('shows the words as the projector counts them, the held ones apart, with the moderation and the counts', () => {
    const s = state({
      audience: {
        ...initialState().audience,
        words: { c: { "L'enfant": 1, enfants: 2, gamins: 1, lien: 4, Connard: 1, connards: 1, vide: 0 } },
        heldWords: { c: { Connard: 'profanity', connards: 'profanity' } },
      },
      wordModeration: { c: { banned: { lien: 'lien' }, merges: { gamin: 'enfant' }, allowed: {} } },
      wordParticipants: { c: { room: 5, remote: 2 } },
    });
    const desk = wordDesk(s, 'c');
    expect(desk.words.map((w) => `${w.text}:${w.count}`)).toEqual(['enfants:4']);
    expect(desk.words[0]?.variants).toEqual([
      { text: 'enfants', count: 2 },
      { text: 'enfant', count: 1 },
      { text: 'gamins', count: 1 },
    ]);
    expect(desk.held).toEqual([{ key: 'connard', text: 'connard', count: 2, kinds: ['profanity'], variants: ['Connard', 'connards'] }]);
    expect(desk.banned).toEqual([{ key: 'lien', text: 'lien' }]);
    expect(desk.merges).toEqual([{ from: 'gamin', fromText: 'gamins', into: 'enfant', intoText: 'enfants' }]);
    expect(desk.sent).toBe(10);
    expect(desk.participants).toEqual({ room: 5, remote: 2 });
  });

  it('knows nothing of a cloud nobody wrote to', () => {
    expect(wordDesk(state({}), 'c')).toEqual({
      words: [],
      held: [],
      banned: [],
      merges: [],
      sent: 0,
      participants: { room: 0, remote: 0 },
    });
  });

  it('lists the clouds and picks the open one, else the last opened, else the first', () => {
    const programme = {
      interactions: [
        { kind: 'wordcloud', id: 'a', prompt: 'A' },
        { kind: 'poll', id: 'p' },
        { kind: 'wordcloud', id: 'b', prompt: 'B' },
        { kind: 'wordcloud', id: 'c', prompt: 'C' },
      ],
    } as unknown as ViewState['programme'];
    const run = (status: 'open' | 'closed', openedAt: number) => ({ status, openedAt, closedAt: null, revealed: false, room: 'salle' });
    const live = { ...initialState().live, interactions: { b: run('closed', 5), c: run('closed', 9) } };
    const clouds = deskClouds({ programme, live });
    expect(clouds).toEqual([
      { id: 'a', prompt: 'A', status: 'draft' },
      { id: 'b', prompt: 'B', status: 'closed' },
      { id: 'c', prompt: 'C', status: 'closed' },
    ]);
    expect(defaultCloud(clouds, live)).toBe('c');
    const withOpen = { ...live, interactions: { ...live.interactions, b: run('open', 1) } };
    expect(defaultCloud(deskClouds({ programme, live: withOpen }), withOpen)).toBe('b');
    expect(defaultCloud(deskClouds({ programme, live: initialState().live }), initialState().live)).toBe('a');
    expect(defaultCloud([], undefined)).toBeNull();
  });
});
