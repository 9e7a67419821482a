import { describe, expect, it } from 'vitest';
import type { AudienceQuestion } from '../../../shared/api/state';
import { applyPatchOps } from '../../../shared/api/apply-patch';
import { roomQuestionsSelector } from './room-questions';

const q = (id: string, room: string, status: AudienceQuestion['status'] = 'incoming') =>
  ({ id, room, status, text: `Question ${id}`, flags: [] }) as unknown as AudienceQuestion;

/** The store's shape as the selector reads it: the questions, no programme (the main room is the default one). */
const store = (questions: AudienceQuestion[]) => ({ state: { audience: { questions }, programme: null } }) as never;

describe('one room’s questions for the desk that drives it', () => {
  const start = [q('q-1', 'salle-450'), q('q-2', 'salle-800'), q('q-3', 'salle-450')];

  it('gives the same array when another room’s question arrives or changes', () => {
    const select = roomQuestionsSelector('salle-450');
    const before = select(store(start));
    expect(before.map((x) => x.id)).toEqual(['q-1', 'q-3']);
    // A patch of Salle 800: a new question, then one of its questions approved.
    let state = store(start);
    const patched = (items: AudienceQuestion[]) => {
      const s = state as { state: { audience: { questions: AudienceQuestion[] } } };
      const next = applyPatchOps(s.state as never, [{ op: 'questions-upsert', path: ['audience'], items }]);
      state = { state: next } as never;
      return state;
    };
    expect(select(patched([q('q-4', 'salle-800')]))).toBe(before);
    expect(select(patched([q('q-2', 'salle-800', 'approved')]))).toBe(before);
  });

  it('gives a new array when one of its own questions arrives or changes', () => {
    const select = roomQuestionsSelector('salle-450');
    const before = select(store(start));
    const added = select(store([...start, q('q-5', 'salle-450')]));
    expect(added).not.toBe(before);
    expect(added.map((x) => x.id)).toEqual(['q-1', 'q-3', 'q-5']);
    const approved = select(store([start[0]!, start[1]!, q('q-3', 'salle-450', 'approved'), q('q-5', 'salle-450')]));
    expect(approved).not.toBe(added);
    expect(approved[1]?.status).toBe('approved');
  });
});
