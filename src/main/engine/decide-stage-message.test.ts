import { describe, expect, it } from 'vitest';
import { initialState } from '../../shared/api/state';
import { CommandRejected } from './command-rejected';
import { decideStageMessage, STAGE_CONFIRM_PATH } from './decide-stage-message';

const state = { ...initialState(), moderation: { badWords: [], names: ['Kerbrat'], allowed: [] } };
const refusal = (text: string): CommandRejected => {
  try {
    decideStageMessage(state, text, false, 1, 'salle');
  } catch (err) {
    if (err instanceof CommandRejected) return err;
    throw err;
  }
  throw new Error('accepté sans confirmation');
};

describe('the message to the stage', () => {
  it('goes at once when it holds no personal data; null clears it', () => {
    expect(decideStageMessage(state, '  Plus que 5 minutes  ', false, 1, 'salle')).toEqual([{ type: 'stage.message.set', text: 'Plus que 5 minutes', at: 1, room: 'salle' }]);
    expect(decideStageMessage(state, null, false, 2, 'salle')).toEqual([{ type: 'stage.message.set', text: null, at: 2, room: 'salle' }]);
  });

  it('asks for a confirmation, with the reasons in French, when it holds personal data', () => {
    const err = refusal('Rappeler la famille Kerbrat au 06 12 34 56 78');
    expect(err.message).toMatch(/^message à confirmer : /);
    expect(err.message).toContain('« 06 12 34 56 78 » : Numéro de téléphone.');
    expect(err.message).toContain('tablette de la scène');
    expect(err.issues?.every((i) => i.path === STAGE_CONFIRM_PATH)).toBe(true);
    expect(err.issues?.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining('« Kerbrat »')]));
  });

  it('goes once confirmed, and the journal keeps what was found in it', () => {
    const [event] = decideStageMessage(state, 'Ma fille Léa vous attend en coulisses', true, 3, 'salle');
    expect(event).toEqual({
      type: 'stage.message.set',
      text: 'Ma fille Léa vous attend en coulisses',
      at: 3,
      findings: [{ kind: 'given-name', start: 9, end: 12, match: 'Léa' }],
      room: 'salle',
    });
  });
});
