import { describe, expect, it } from 'vitest';
import type { AudienceQuestion } from '../api/state';
import { restoreStatus, undoPlan } from './question-undo';

const q = (more: Partial<AudienceQuestion> = {}): AudienceQuestion => ({
  id: 'q-7',
  msgId: 'm-7',
  hubSeq: 7,
  receivedAt: 0,
  origin: 'room',
  name: null,
  text: 'Le texte d’origine',
  editedText: null,
  sessionId: 's1',
  room: 'salle',
  upvotes: 0,
  askers: 1,
  status: 'incoming',
  rank: null,
  mergedInto: null,
  flags: [],
  flagsClearedBy: null,
  published: false,
  lastActionBy: null,
  ...more,
});
const id = 'q-7';

describe('undoPlan', () => {
  it('approve ↔ reopen, reject ↔ reopen, answered ↔ not answered', () => {
    expect(undoPlan({ type: 'question.approve', questionId: id }, q(), [])).toEqual({ kind: 'undo', commands: [{ type: 'question.reopen', questionId: id }] });
    expect(undoPlan({ type: 'question.reject', questionId: id }, q(), [])).toEqual({ kind: 'undo', commands: [{ type: 'question.reopen', questionId: id }] });
    expect(undoPlan({ type: 'question.reopen', questionId: id }, q({ status: 'rejected' }), [])).toEqual({ kind: 'undo', commands: [{ type: 'question.reject', questionId: id }] });
    expect(undoPlan({ type: 'question.answered', questionId: id, answered: true }, q({ status: 'approved' }), [])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.approve', questionId: id }],
    });
    expect(undoPlan({ type: 'question.answered', questionId: id, answered: false }, q({ status: 'answered' }), [])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.answered', questionId: id, answered: true }],
    });
  });
  it('an action that changed nothing has nothing to undo', () => {
    expect(undoPlan({ type: 'question.approve', questionId: id }, q({ status: 'approved' }), [])).toEqual({ kind: 'nothing' });
    expect(undoPlan({ type: 'question.star', questionId: id, starred: true }, q({ rank: 1 }), [])).toEqual({ kind: 'nothing' });
    expect(undoPlan({ type: 'question.edit', questionId: id, text: 'Le texte d’origine' }, q(), [])).toEqual({ kind: 'nothing' });
  });
  it('star ↔ unstar; starring an incoming question approved it, so its undo reopens it too', () => {
    expect(undoPlan({ type: 'question.star', questionId: id, starred: true }, q(), [])).toEqual({
      kind: 'undo',
      commands: [
        { type: 'question.star', questionId: id, starred: false },
        { type: 'question.reopen', questionId: id },
      ],
    });
    expect(undoPlan({ type: 'question.star', questionId: id, starred: true }, q({ status: 'approved' }), [])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.star', questionId: id, starred: false }],
    });
  });
  it('unstar and reject put it back where it was on the shortlist', () => {
    const before = q({ status: 'approved', rank: 2 });
    expect(undoPlan({ type: 'question.star', questionId: id, starred: false }, before, ['q-1', id, 'q-3'])).toEqual({
      kind: 'undo',
      commands: [
        { type: 'question.star', questionId: id, starred: true },
        { type: 'question.move', questionId: id, beforeId: 'q-3' },
      ],
    });
    expect(undoPlan({ type: 'question.reject', questionId: id }, before, ['q-1', id])).toEqual({
      kind: 'undo',
      commands: [
        { type: 'question.approve', questionId: id },
        { type: 'question.star', questionId: id, starred: true },
      ],
    });
  });
  it('a move ↔ the move back before the question that followed it (or last)', () => {
    const before = q({ status: 'approved', rank: 2 });
    expect(undoPlan({ type: 'question.move', questionId: id, beforeId: 'q-1' }, before, ['q-1', id, 'q-3'])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.move', questionId: id, beforeId: 'q-3' }],
    });
    expect(undoPlan({ type: 'question.move', questionId: id, beforeId: 'q-1' }, before, ['q-1', id])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.move', questionId: id, beforeId: null }],
    });
  });
  it('an edit ↔ the previous text (the original, or the previous edit)', () => {
    expect(undoPlan({ type: 'question.edit', questionId: id, text: 'Nouveau' }, q(), [])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.edit', questionId: id, text: 'Le texte d’origine' }],
    });
    expect(undoPlan({ type: 'question.edit', questionId: id, text: 'Nouveau' }, q({ editedText: 'Première retouche' }), [])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.edit', questionId: id, text: 'Première retouche' }],
    });
  });
  it('a merge, a typed-in question and a cleared flag cannot be undone', () => {
    expect(undoPlan({ type: 'question.merge', questionId: id, intoId: 'q-1' }, q(), [])).toEqual({ kind: 'impossible', reason: 'merge' });
    expect(undoPlan({ type: 'question.add', text: 'x', name: null, sessionId: null }, q(), [])).toEqual({ kind: 'impossible', reason: 'add' });
    expect(undoPlan({ type: 'question.clear-flags', questionId: id }, q(), [])).toEqual({ kind: 'impossible', reason: 'clear-flags' });
  });
});

describe('restoreStatus', () => {
  it('has no way back from a merge', () => {
    expect(restoreStatus(id, 'merged')).toEqual([]);
  });
});

describe('undoPlan of a redaction', () => {
  it('asks the core to take it back (only the core keeps the original); the undo itself has no inverse', () => {
    expect(undoPlan({ type: 'question.redact', questionId: id, span: null }, q(), [])).toEqual({ kind: 'undo', commands: [{ type: 'question.unredact', questionId: id }] });
    expect(undoPlan({ type: 'question.redact', questionId: id, span: { field: 'name', start: 0, end: 3 } }, q(), [])).toEqual({
      kind: 'undo',
      commands: [{ type: 'question.unredact', questionId: id }],
    });
    expect(undoPlan({ type: 'question.unredact', questionId: id }, q(), [])).toEqual({ kind: 'impossible', reason: 'unredact' });
  });
});
