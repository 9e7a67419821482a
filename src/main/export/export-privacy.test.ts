import { describe, expect, it } from 'vitest';
import { type AudienceQuestion, initialState, type RegieState } from '../../shared/api/state';
import { newQuestion } from '../engine/audience-reducer';
import { exportPrivacy, participantOf } from './export-privacy';
import { questionsTable, unansweredTable } from './question-export';
import { cloudWordRows } from './interaction-export';
import { flagSpans } from '../../shared/domain/stored-flags';
import { redactPersonalData } from './redaction';
import { moderationLists } from '../moderation/moderation-lists';

const ALICE = 'aliceParticipant0001';
const BOB = 'bobParticipant000002';

function ask(seq: number, who: string | null, text: string, extra: Partial<AudienceQuestion> = {}): AudienceQuestion {
  return {
    ...newQuestion(`q-${seq}`, {
      msgId: who === null ? null : `${who}:m${seq}`,
      hubSeq: who === null ? null : seq,
      receivedAt: 1_624_520_000_000 + seq * 1000,
      origin: who === null ? 'regie' : 'room',
      name: null,
      text,
      sessionId: null,
      room: 'salle',
      flags: [],
    }),
    ...extra,
  };
}

function stateWith(questions: AudienceQuestion[], names: string[] = []): RegieState {
  const s = initialState();
  return { ...s, moderation: { ...s.moderation, names }, audience: { ...s.audience, questions } };
}

describe('redaction', () => {
  const lists = moderationLists({ badWords: [], names: ['Moreau'], allowed: [] });

  it('replaces the personal data the detector finds with its label, and keeps profanity', () => {
    expect(redactPersonalData('Comment aider ma fille Léa quand elle rentre ?', 'question', lists)).toBe(
      'Comment aider ma fille [prénom] quand elle rentre ?',
    );
    expect(redactPersonalData('Appelez-moi au 06 12 34 56 78 ou jeanne.dupont@exemple.fr', 'question', lists)).toBe(
      'Appelez-moi au [téléphone] ou [e-mail]',
    );
    expect(redactPersonalData('La famille moreau est suivie', 'question', lists)).not.toContain('moreau');
    expect(redactPersonalData('Quelle merde ce placement', 'question', lists)).toBe('Quelle merde ce placement');
  });

  it('finds a stored flag’s match as a whole word only', () => {
    const flags = [{ kind: 'name', match: 'Léa' }];
    expect(flagSpans('Léa et Léandre, Léa.', flags).map((s) => s.start)).toEqual([0, 16]);
    expect(flagSpans('merde', [{ kind: 'profanity', match: 'merde' }])).toEqual([]);
    // A flag from a list that changed since: still redacted although the detector no longer finds it.
    expect(
      redactPersonalData(
        'on en parle avec kylian',
        'question',
        moderationLists({ badWords: [], names: [], allowed: [] }),
        flagSpans('on en parle avec kylian', [{ kind: 'name', match: 'kylian' }]),
      ),
    ).toBe('on en parle avec [prénom]');
  });
});

describe('exportPrivacy', () => {
  it('gives each participant one pseudonym across their questions, in order of appearance, and « Régie » to a typed-in question', () => {
    const qs = [ask(1, ALICE, 'Une'), ask(2, BOB, 'Deux'), ask(3, ALICE, 'Trois'), ask(4, null, 'Au micro', { name: 'Dr Martin' })];
    const privacy = exportPrivacy(stateWith(qs));
    expect(qs.map((q) => privacy.author(q))).toEqual(['Participant 1', 'Participant 2', 'Participant 1', 'Régie']);
    expect(participantOf(qs[0]!)).toBe(ALICE);
  });

  it('keeps names and texts as they are when the names are asked for', () => {
    const q = ask(1, ALICE, 'Ma fille Léa au 06 12 34 56 78', { name: 'Alice B.' });
    const privacy = exportPrivacy(stateWith([q]), { names: true });
    expect([privacy.author(q), privacy.original(q)]).toEqual(['Alice B.', 'Ma fille Léa au 06 12 34 56 78']);
  });

  it('redacts the original and the edit, with the organisers’ names, in the questions and the speakers’ sheets', () => {
    const q = ask(1, ALICE, 'Comment aider ma fille Léa ? Appelez le 06 12 34 56 78', {
      name: 'Alice B.',
      editedText: 'Comment aider la famille Moreau ?',
      status: 'approved',
    });
    const state = stateWith([q, ask(2, BOB, 'Et pour Timéo ?', { status: 'approved' })], ['Moreau']);
    const table = questionsTable(state, { kind: 'event' });
    const col = (name: string) => table.header.indexOf(name);
    const row = table.rows[0]!;
    expect(row[col('auteur')]).toBe('Participant 1');
    expect(row[col('texte d’origine')]).toBe('Comment aider ma fille [prénom] ? Appelez le [téléphone]');
    expect(row[col('texte modifié')]).not.toContain('Moreau');
    expect(JSON.stringify(table.rows)).not.toContain('Alice');
    const speakers = unansweredTable(state, { kind: 'event' });
    const text = speakers.rows.map((r) => r[speakers.header.indexOf('question')]);
    expect(text[0]).not.toContain('Moreau');
    expect(speakers.rows.map((r) => r[speakers.header.indexOf('auteur')])).toEqual(['Participant 1', 'Participant 2']);
  });

  it('shows a word held back as personal data as its label, and a word a moderator released as sent', () => {
    const s = initialState();
    const state: RegieState = {
      ...s,
      audience: { ...s.audience, words: { c: { Moreau: 2, écoute: 3, Rose: 1 } }, heldWords: { c: { Moreau: 'family-name' } } },
      wordModeration: { c: { banned: {}, merges: {}, allowed: { rose: 'Rose' } } },
    };
    const privacy = exportPrivacy(state);
    const rows = cloudWordRows(state, 'c', privacy);
    expect(rows.map((r) => r.word).sort()).toEqual(['[nom]', 'rose', 'écoute']);
    expect(cloudWordRows(state, 'c', exportPrivacy(state, { names: true })).map((r) => r.word)).toContain('Moreau');
  });
});
