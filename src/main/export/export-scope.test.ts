import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialState, type RegieState } from '../../shared/api/state';
import { newQuestion } from '../engine/audience-reducer';
import { parseProgrammeFile } from '../programme/programme-file';
import { asRunTable } from './as-run-csv';
import { ExportScopeError, parseScope, scopeLabel, scopeSlug, scopeText, sessionsInScope } from './export-scope';
import { QUESTION_HEADER, questionsTable } from './question-export';

const demo = parseProgrammeFile(readFileSync(new URL('../../../resources/demo/assises-2021.yaml', import.meta.url), 'utf8'), 'assises-2021.yaml');

function withQuestions(): RegieState {
  const ask = (n: number, room: string, sessionId: string | null) =>
    newQuestion(`q-${n}`, { msgId: `m-${n}`, hubSeq: n, receivedAt: 1_624_550_000_000 + n, origin: 'room', name: null, text: `Question ${n}`, sessionId, room, flags: [] });
  return {
    ...initialState(),
    programme: demo,
    audience: { ...initialState().audience, questions: [ask(1, 'salle-450', 'j1-atelier-4b'), ask(2, 'salle-800', 'j1-atelier-4a'), ask(3, 'grand-auditorium', 'j1-seq2'), ask(4, 'salle-450', null)] },
  };
}

describe('the room scope of the exports (docs/rooms.md § 6)', () => {
  it('reads room:ID against the programme’s rooms, with a French error for an unknown one', () => {
    expect(parseScope('room:salle-450', demo)).toEqual({ kind: 'room', room: 'salle-450' });
    expect(() => parseScope('room:salle-999', demo)).toThrow(new ExportScopeError('salle inconnue : salle-999'));
    expect(parseScope('session:j1-seq1', demo)).toEqual({ kind: 'session', sessionId: 'j1-seq1' });
    const scope = parseScope('room:salle-450', demo);
    expect([scopeText(scope), scopeSlug(scope), scopeLabel(demo, scope)]).toEqual(['room:salle-450', 'salle-450', 'Salle 450']);
    expect(scopeSlug({ kind: 'room', room: 'grand-auditorium' })).toBe('salle-grand-auditorium');
    expect(sessionsInScope(demo, scope).map((s) => s.id)).toEqual(['j1-atelier-4b']);
  });

  it('exports a workshop’s own questions, each with its room, and the as-run lines of that room', () => {
    const state = withQuestions();
    const table = questionsTable(state, { kind: 'room', room: 'salle-450' });
    const col = (name: string) => QUESTION_HEADER.indexOf(name);
    expect(table.rows.map((r) => r[col('n°')])).toEqual(['q-1', 'q-4']);
    expect(table.rows.map((r) => r[col('salle')])).toEqual(['Salle 450', 'Salle 450']);
    expect(questionsTable(state, { kind: 'event' }).rows.map((r) => r[col('salle')])).toEqual(['Salle 450', 'Salle 800', 'Grand Auditorium', 'Salle 450']);
    const asRun = {
      ...state,
      asRun: [
        { seq: 1, kind: 'session.start' as const, sessionId: 'j1-atelier-4b', cueId: null, plannedAt: 1, actualAt: 1, author: 'Salle 450 — animation', detail: '', room: 'salle-450' },
        { seq: 2, kind: 'session.start' as const, sessionId: 'j1-seq2', cueId: null, plannedAt: 1, actualAt: 1, author: 'Régie', detail: '', room: 'grand-auditorium' },
      ],
    };
    expect(asRunTable(asRun, { kind: 'room', room: 'salle-450' }).rows.map((r) => r[0])).toEqual([1]);
  });
});
