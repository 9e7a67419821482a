import { describe, expect, it } from 'vitest';
import { initialCueState } from './cue-events';
import { type LastGo, type UndoInput, undoNeedsConfirmation, undoPlan, UNDO_GO_WINDOW_MS } from './go-undo';
import { programmeSchema } from './programme';
import { initialProgram } from './scene';

const programme = programmeSchema.parse({
  event: { name: 'Assises' },
  days: [{ date: '2021-06-24' }],
  interactions: [
    { kind: 'poll', id: 'p1', question: 'Votre charge ?', type: 'yesno' },
    { kind: 'wordcloud', id: 'w1', prompt: 'En un mot ?' },
  ],
  sessions: [
    {
      id: 's1',
      day: '2021-06-24',
      start: '09:00',
      end: '10:00',
      kind: 'plenary',
      title: 'Séquence 1',
      cues: [
        { id: 'cloud', at: { offset: '+00:10' }, action: { type: 'wordcloud.open', interaction: 'w1' } },
        { id: 'join', at: { offset: '+00:20' }, action: { type: 'scene', scene: 'join', straightToAir: true } },
        { id: 'qa', at: { offset: '+00:30' }, action: { type: 'qa.close' } },
      ],
    },
  ],
});

const qaClosed = { open: false, since: null, sessionId: null, roomOnly: false };
function lastGo(cueId: string, patch: Partial<LastGo['before']> = {}, extra: Partial<LastGo> = {}): LastGo {
  return {
    cueId,
    at: 1000,
    chain: [cueId],
    aired: false,
    previewed: false,
    before: { onAir: { kind: 'holding' }, preview: null, interactions: {}, qa: qaClosed, questions: 0, ...patch },
    ...extra,
  };
}
function input(patch: Partial<UndoInput>): UndoInput {
  return {
    programme,
    cues: { ...initialCueState(), runs: {} },
    live: { interactions: {}, qa: {} },
    program: initialProgram(),
    audience: { questions: [], tallies: {}, words: {} },
    lastGo: null,
    ...patch,
  };
}
const fired = (at: number) => ({ status: 'fired' as const, firedAt: at, trigger: 'go' as const });

describe('undoing a GO: the plan', () => {
  it('has nothing to undo without a GO, and never undoes another GO than the last', () => {
    expect(undoPlan(input({}))).toEqual({ ok: false, reason: 'nothing', lastCueId: null });
    expect(undoPlan(input({ lastGo: lastGo('join') }), 'cloud')).toEqual({ ok: false, reason: 'other-go', lastCueId: 'join' });
  });

  it('closes a word cloud it opened and says its words stay (a cloud cannot be reset)', () => {
    const plan = undoPlan(
      input({
        lastGo: lastGo('cloud', { interactions: { w1: null } }),
        cues: { ...initialCueState(), runs: { cloud: fired(1000) } },
        live: { interactions: { w1: { status: 'open', openedAt: 1000, closedAt: null, revealed: false } }, qa: {} },
        audience: { questions: [], tallies: {}, words: { w1: { confiance: 3, écoute: 1 } } },
      }),
    );
    expect(plan).toMatchObject({
      ok: true,
      steps: [{ kind: 'close', interactionId: 'w1' }, { kind: 'rearm', cueId: 'cloud' }],
      kept: [{ kind: 'words-kept', interactionId: 'w1', count: 4 }],
    });
  });

  it('leaves the air alone during a panic or a lock, and says so', () => {
    const base = {
      lastGo: lastGo('join', { onAir: { kind: 'message', text: 'Bienvenue' } }, { aired: true }),
      cues: { ...initialCueState(), runs: { join: fired(1000) } },
    };
    const panic = undoPlan(input({ ...base, program: { ...initialProgram(), onAir: { kind: 'holding' }, panicFrom: { kind: 'join' }, onAirCue: 'join' } }));
    expect(panic).toMatchObject({ ok: true, steps: [{ kind: 'rearm', cueId: 'join' }], kept: [{ kind: 'air-blocked', why: 'panic' }] });
    const locked = undoPlan(input({ ...base, program: { ...initialProgram(), onAir: { kind: 'join' }, locked: true, onAirCue: 'join' } }));
    expect(locked).toMatchObject({ ok: true, kept: [{ kind: 'air-blocked', why: 'locked' }] });
    const free = undoPlan(input({ ...base, program: { ...initialProgram(), onAir: { kind: 'join' }, onAirCue: 'join' } }));
    expect(free).toMatchObject({ ok: true, steps: [{ kind: 'air', scene: { kind: 'message', text: 'Bienvenue' } }, { kind: 'rearm', cueId: 'join' }], kept: [{ kind: 'scene-seen' }] });
  });

  it('reopens the Q&A it closed, for the same session and audience', () => {
    const open = { open: true, since: 500, sessionId: 's1', roomOnly: true };
    const plan = undoPlan(input({ lastGo: lastGo('qa', { qa: open }), cues: { ...initialCueState(), runs: { qa: fired(1000) } } }));
    expect(plan).toMatchObject({ ok: true, steps: [{ kind: 'qa.reopen', sessionId: 's1', roomOnly: true, room: 'salle' }, { kind: 'rearm', cueId: 'qa' }] });
  });

  it('reads and puts back the Q&A of the GO’s room only (its cue’s session’s), whatever the other rooms do', () => {
    const rooms = programmeSchema.parse({
      ...programme,
      rooms: [{ id: 'pleniere', name: 'Plénière', main: true }, { id: 'salle-450', name: 'Salle 450' }],
      sessions: [
        { ...programme.sessions[0]!, room: 'Plénière' },
        { id: 'a1', day: '2021-06-24', start: '09:00', end: '10:00', kind: 'workshop', title: 'Atelier', room: 'Salle 450', cues: [{ id: 'a1-qa', at: { offset: '+00:10' }, action: { type: 'qa.open' } }] },
      ],
    });
    const workshopOpen = { open: true, since: 900, sessionId: 'a1', roomOnly: true };
    const mainOpen = { open: true, since: 100, sessionId: 's1', roomOnly: false };
    // The workshop's GO opened its Q&A; the plenary's has been open all along: only the workshop's closes.
    const plan = undoPlan(
      input({
        programme: rooms,
        lastGo: lastGo('a1-qa'),
        cues: { ...initialCueState(), runs: { 'a1-qa': fired(1000) } },
        live: { interactions: {}, qa: { pleniere: mainOpen, 'salle-450': workshopOpen } },
      }),
    );
    expect(plan).toMatchObject({ ok: true, steps: [{ kind: 'qa.close', room: 'salle-450' }, { kind: 'rearm', cueId: 'a1-qa' }] });
    // The plenary's GO that closed its Q&A: undone in the plenary, the workshop's left open.
    const back = undoPlan(
      input({
        programme: rooms,
        lastGo: lastGo('qa', { qa: mainOpen }),
        cues: { ...initialCueState(), runs: { qa: fired(1000) } },
        live: { interactions: {}, qa: { pleniere: { ...mainOpen, open: false }, 'salle-450': workshopOpen } },
      }),
    );
    expect(back).toMatchObject({ ok: true, steps: [{ kind: 'qa.reopen', sessionId: 's1', room: 'pleniere' }, { kind: 'rearm', cueId: 'qa' }] });
  });

  it('takes one key within a minute of the GO (show clock), a confirmation after', () => {
    expect(undoNeedsConfirmation({ at: 1000 }, 1000 + UNDO_GO_WINDOW_MS)).toBe(false);
    expect(undoNeedsConfirmation({ at: 1000 }, 1001 + UNDO_GO_WINDOW_MS)).toBe(true);
  });
});
