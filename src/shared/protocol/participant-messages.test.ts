import { describe, expect, it } from 'vitest';
import { askMessageSchema, joinMessageSchema, voteMessageSchema, wordsMessageSchema } from './participant-messages';
import { parseMessage } from './validate';

const ask = (raw: unknown) => parseMessage(askMessageSchema, raw, 'question.ask');

describe('participant messages', () => {
  it('accepts a question and cleans its text and name', () => {
    expect(ask({ clientMsgId: 'a1', text: '  Que\u200B devient\u202E l’enfant ?  ', name: ' Marie\u0000 ' })).toEqual({
      ok: true,
      value: { clientMsgId: 'a1', text: 'Que devient l’enfant ?', name: 'Marie' },
    });
  });

  it('counts the limit after cleaning: 500 visible characters pass even with invisible ones around', () => {
    const text = 'é'.repeat(500);
    expect(ask({ clientMsgId: 'a', text: `\u200B${text}\u200B` })).toMatchObject({ ok: true });
    expect(ask({ clientMsgId: 'a', text: `${text}!` })).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'question : 500 caractères au plus', field: 'text' },
    });
  });

  it('refuses a 1 MB string before cleaning it', () => {
    const t0 = performance.now();
    expect(ask({ clientMsgId: 'a', text: 'x'.repeat(1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('refuses an empty question, a missing id, an unknown field, a non-object', () => {
    expect(ask({ clientMsgId: 'a', text: ' \u200B ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'question : texte vide' },
    });
    expect(ask({ text: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'clientMsgId' } });
    expect(ask({ clientMsgId: 'a', text: 'x', role: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('role') },
    });
    expect(ask('x')).toEqual({ ok: false, error: { code: 'malformed', message: 'question.ask : un objet est attendu' } });
    expect(ask([])).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it('an empty name means anonymous', () => {
    expect(ask({ clientMsgId: 'a', text: 'x', name: '   ' })).toMatchObject({ ok: true, value: { name: '' } });
  });

  it('join: participant id of 16 to 64 characters, origin room or remote', () => {
    const base = { eventCode: 'ASSISES', participantId: 'abcdefghijklmnop', origin: 'room' };
    expect(parseMessage(joinMessageSchema, base, 'join').ok).toBe(true);
    expect(parseMessage(joinMessageSchema, { ...base, participantId: 'abc' }, 'join')).toMatchObject({
      ok: false,
      error: { field: 'participantId' },
    });
    expect(parseMessage(joinMessageSchema, { ...base, participantId: 'a'.repeat(65) }, 'join').ok).toBe(false);
    expect(parseMessage(joinMessageSchema, { ...base, origin: 'ailleurs' }, 'join')).toMatchObject({
      ok: false,
      error: { message: 'origine : « room » (dans la salle) ou « remote » (à distance)' },
    });
  });

  it('a vote carries either choices or a rating, distinct choices', () => {
    const v = (x: object) => parseMessage(voteMessageSchema, { clientMsgId: 'v', pollId: 'p', ...x }, 'poll.vote');
    expect(v({ choices: [0, 2] }).ok).toBe(true);
    expect(v({ rating: 4 }).ok).toBe(true);
    expect(v({}).ok).toBe(false);
    expect(v({ choices: [0], rating: 1 }).ok).toBe(false);
    expect(v({ choices: [] })).toMatchObject({ ok: false, error: { message: 'choisissez au moins une option' } });
    expect(v({ choices: [1, 1] })).toMatchObject({ ok: false, error: { message: 'la même option est choisie deux fois' } });
    expect(v({ choices: [20] }).ok).toBe(false);
  });

  it('words: 1 to 10 a message, each cleaned and 40 characters at most', () => {
    const w = (words: unknown) => parseMessage(wordsMessageSchema, { clientMsgId: 'w', cloudId: 'c', words }, 'words.send');
    expect(w([' Écoute\u200B ', 'lien'])).toEqual({ ok: true, value: { clientMsgId: 'w', cloudId: 'c', words: ['Écoute', 'lien'] } });
    expect(w([])).toMatchObject({ ok: false });
    expect(w(Array.from({ length: 11 }, () => 'm'))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(w(['m'.repeat(41)])).toMatchObject({ ok: false, error: { code: 'too_large', field: 'words.0' } });
  });
});
