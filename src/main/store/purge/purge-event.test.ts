import { describe, expect, it } from 'vitest';
import { regieEventSchema, type RegieEvent } from '../../engine/events';
import { createPurgeContext, NO_KNOWLEDGE } from './purge-context';
import { purgeEvent } from './purge-event';
import { purgeHubCommand } from './purge-hub-command';

const PID = 'participantSecret000001';
const facts = { known: new Map([['q-7', [{ kind: 'given-name', match: 'Kylian' }]]]) };
const ctx = () => createPurgeContext({ ...NO_KNOWLEDGE, organiserNames: ['Fontanel'] });

describe('purgeEvent', () => {
  it('pseudonymises the participant in the message id and in the vote it replaces, the same way each time', () => {
    const c = ctx();
    const vote = (msgId: string, replaces: string | null): RegieEvent => ({
      type: 'audience.received',
      hubId: 'hub',
      message: {
        type: 'poll.vote',
        hubSeq: 1,
        msgId,
        receivedAt: 1,
        origin: 'room',
        participantId: PID,
        pollId: 'p',
        choices: [0],
        rating: null,
        replaces,
      },
    });
    const first = purgeEvent(vote(`${PID}:a`, null), c, facts);
    const second = purgeEvent(vote(`${PID}:b`, `${PID}:a`), c, facts);
    if (first.type !== 'audience.received' || second.type !== 'audience.received') throw new Error('type');
    expect(JSON.stringify([first, second])).not.toContain(PID);
    expect(second.message.participantId).toBe(first.message.participantId);
    expect(second.message.type === 'poll.vote' && second.message.replaces).toBe(first.message.msgId);
    expect(first.message.msgId.split(':')[0]).toBe(first.message.participantId);
    expect(regieEventSchema.safeParse(second).success).toBe(true);
    // Another purge, another key: the pseudonyms cannot be matched across purges.
    expect((purgeEvent(vote(`${PID}:a`, null), ctx(), facts) as typeof first).message.participantId).not.toBe(first.message.participantId);
  });

  it('drops the display name, redacts the text and the flags’ matches of a question', () => {
    const e = purgeEvent(
      {
        type: 'audience.received',
        hubId: 'hub',
        message: {
          type: 'question.ask',
          hubSeq: 2,
          msgId: `${PID}:q`,
          receivedAt: 2,
          origin: 'remote',
          participantId: PID,
          text: 'Ma fille Léa voit le petit Fontanel',
          name: 'Sandrine V.',
          sessionId: null,
        },
        flags: [
          { kind: 'name', match: 'Léa' },
          { kind: 'profanity', match: 'zut' },
        ],
      },
      ctx(),
      facts,
    );
    expect(e).toMatchObject({
      message: { text: 'Ma fille [prénom] voit le petit [nom]', name: null },
      flags: [
        { kind: 'name', match: '[prénom]' },
        { kind: 'profanity', match: 'zut' },
      ],
    });
  });

  it('redacts what a moderator redacted in every version of the question, and its findings become labels', () => {
    const text = 'Il vit au foyer des Tilleuls depuis mars';
    const known = new Map([['q-5', [{ kind: 'address', match: 'foyer des Tilleuls' }]]]);
    const e = purgeEvent(
      {
        type: 'audience.received',
        hubId: 'h',
        message: {
          type: 'question.ask',
          hubSeq: 5,
          msgId: `${PID}:r`,
          receivedAt: 5,
          origin: 'room',
          participantId: PID,
          text,
          name: 'Léa Moreau',
          sessionId: null,
        },
        findings: [
          { field: 'name', kind: 'given-name', start: 0, end: 3, match: 'Léa' },
          { field: 'text', kind: 'profanity', start: 0, end: 2, match: 'Il' },
        ],
      },
      ctx(),
      { known },
      5,
    );
    expect(e).toMatchObject({
      message: { text: 'Il vit au [adresse] depuis mars', name: null },
      findings: [
        { field: 'name', kind: 'given-name', start: 0, end: 0, match: '[prénom]' },
        { field: 'text', kind: 'profanity', start: 0, end: 2, match: 'Il' },
      ],
    });
    expect(regieEventSchema.safeParse(e).success).toBe(true);
    const redacted = purgeEvent(
      {
        type: 'question.redacted',
        questionId: 'q-5',
        spans: [{ field: 'text', kind: 'address', start: 10, end: 28, match: 'foyer des Tilleuls' }],
      },
      ctx(),
      { known },
      9,
    );
    expect(redacted).toEqual({
      type: 'question.redacted',
      questionId: 'q-5',
      spans: [{ field: 'text', kind: 'address', start: 0, end: 0, match: '[adresse]' }],
    });
  });

  it('redacts an edit with the flags its question arrived with, and a typed-in question’s name', () => {
    expect(purgeEvent({ type: 'question.edited', questionId: 'q-7', text: 'Et pour kylian ?' }, ctx(), facts)).toEqual({
      type: 'question.edited',
      questionId: 'q-7',
      text: 'Et pour [prénom] ?',
    });
    expect(
      purgeEvent({ type: 'question.added', text: 'Au 06 12 34 56 78', name: 'Dr Martin', sessionId: null, at: 3, flags: [] }, ctx(), facts),
    ).toMatchObject({
      text: 'Au [téléphone]',
      name: null,
    });
  });

  it('clears the organisers’ names and the names on the projector’s question scenes', () => {
    expect(purgeEvent({ type: 'moderation.lists.set', badWords: ['zut'], names: ['Fontanel'], allowed: ['Rose'] }, ctx(), facts)).toEqual({
      type: 'moderation.lists.set',
      badWords: ['zut'],
      names: [],
      allowed: ['Rose'],
    });
    const taken = purgeEvent(
      {
        type: 'program.taken',
        scene: { kind: 'question', questionId: 'q-7', text: 'Ma fille Léa ?', name: 'Sandrine', origin: 'room' },
        transition: { kind: 'cut', durationMs: 0 },
        swap: true,
        at: 4,
      },
      ctx(),
      facts,
    );
    expect(taken).toMatchObject({ scene: { text: 'Ma fille [prénom] ?', name: null } });
    // What the show looked like before a GO, kept for its undo, holds the scene of that moment too.
    const before = {
      onAir: { kind: 'question' as const, questionId: 'q-7', text: 'Ma fille Léa ?', name: 'Sandrine', origin: 'room' as const },
      preview: null,
      interactions: {},
      qa: { open: false, since: null, sessionId: null, roomOnly: false },
      questions: 1,
    };
    const recorded = purgeEvent(
      { type: 'go.recorded', lastGo: { cueId: 'c', at: 1, chain: ['c'], aired: true, previewed: false, before } },
      ctx(),
      facts,
    );
    expect(recorded).toMatchObject({ lastGo: { before: { onAir: { text: 'Ma fille [prénom] ?', name: null } } } });
  });

  it('gives a personal word one placeholder everywhere: in the message, its flag, the bans and the hub’s commands', () => {
    const c = ctx();
    const sent = purgeEvent(
      {
        type: 'audience.received',
        hubId: 'hub',
        message: {
          type: 'words.send',
          hubSeq: 3,
          msgId: `${PID}:w`,
          receivedAt: 3,
          origin: 'room',
          participantId: PID,
          cloudId: 'c',
          words: ['écoute', 'Fontanel'],
        },
        held: [{ word: 'Fontanel', kind: 'listed-name' }],
      },
      c,
      facts,
    );
    expect(sent).toMatchObject({ message: { words: ['écoute', '[nom 1]'] }, held: [{ word: '[nom 1]', kind: 'listed-name' }] });
    expect(purgeEvent({ type: 'words.banned', cloudId: 'c', key: 'fontanel', spelling: 'Fontanel' }, c, facts)).toEqual({
      type: 'words.banned',
      cloudId: 'c',
      key: 'nom 1',
      spelling: '[nom 1]',
    });
    expect(purgeHubCommand({ type: 'words.banned', cloudId: 'c', keys: ['fontanel', 'zut'] }, c)).toEqual({
      type: 'words.banned',
      cloudId: 'c',
      keys: ['nom 1', 'zut'],
    });
    expect(purgeHubCommand({ type: 'question.publish', questionId: 'q-7', text: 'Ma fille Léa ?', name: 'Sandrine' }, c)).toEqual({
      type: 'question.publish',
      questionId: 'q-7',
      text: 'Ma fille [prénom] ?',
      name: null,
    });
  });

  it('keeps a word a moderator released, and holds a redacted text to its schema’s length', () => {
    const c = createPurgeContext({ ...NO_KNOWLEDGE, releasedWordKeys: new Set(['rose']) });
    expect(c.word('Rose')).toBe('Rose');
    const long = `${'a'.repeat(495)} Léa`;
    const e = purgeEvent(
      {
        type: 'audience.received',
        hubId: 'h',
        message: {
          type: 'question.ask',
          hubSeq: 9,
          msgId: `${PID}:l`,
          receivedAt: 9,
          origin: 'room',
          participantId: PID,
          text: long,
          name: null,
          sessionId: null,
        },
        flags: [{ kind: 'name', match: 'Léa' }],
      },
      c,
      facts,
    );
    expect(regieEventSchema.safeParse(e).success).toBe(true);
  });
});
