import { describe, expect, it } from 'vitest';
import { applyPatchOps } from '../../shared/api/apply-patch';
import { type AudienceQuestion, initialState, type RegieState } from '../../shared/api/state';
import { programmeSchema } from '../../shared/domain/programme';
import { initialProgram } from '../../shared/domain/scene';
import { programOf } from '../../shared/api/room-bus';
import { qaOf } from '../../shared/api/room-live';
import { seatPatchOps, stateForSeat } from './seat-projection';

// A room seat, a room's output and stage receive their room's share only: no other room's
// question, poll count or bus, in the snapshot or in a patch. (Questions carry `room` once rooms-qa
// lands; here they are given one as it will.)

const programme = programmeSchema.parse({
  event: { name: 'Assises' },
  days: [{ date: '2021-06-24' }],
  rooms: [
    { id: 'grand', name: 'Grand Auditorium', main: true },
    { id: 'salle-450', name: 'Salle 450' },
  ],
  interactions: [
    { kind: 'poll', id: 'poll-main', type: 'single', question: 'Plénière ?', options: ['Oui', 'Non'] },
    { kind: 'poll', id: 'poll-450', type: 'single', question: 'Atelier ?', options: ['Oui', 'Non'] },
  ],
  sessions: [
    { id: 'pleniere', day: '2021-06-24', start: '09:00', end: '10:00', kind: 'plenary', title: 'P', room: 'Grand Auditorium', cues: [{ id: 'c1', at: { offset: '+00:01' }, action: { type: 'poll.open', interaction: 'poll-main' } }] },
    { id: 'atelier', day: '2021-06-24', start: '14:00', end: '15:00', kind: 'workshop', title: 'A', room: 'Salle 450', cues: [{ id: 'c2', at: { offset: '+00:01' }, action: { type: 'poll.open', interaction: 'poll-450' } }] },
  ],
});

const q = (id: string, text: string, room?: string): AudienceQuestion =>
  ({
    id, msgId: null, hubSeq: null, receivedAt: 0, origin: 'room', name: null, text, editedText: null, sessionId: null, upvotes: 0, askers: 1,
    status: 'approved', rank: 1, mergedInto: null, flags: [], flagsClearedBy: null, published: true, lastActionBy: null,
    ...(room === undefined ? {} : { room }),
  }) as AudienceQuestion;

const tally = { counts: { '0': { room: 3, remote: 0 } }, voters: { room: 3, remote: 0 } };
const before: RegieState = {
  ...initialState(),
  programme,
  notes: [{ seq: 1, at: 0, author: 'Régie — modération', text: 'Note de la régie' }],
  programs: { grand: { ...initialProgram(), onAir: { kind: 'message', text: 'Message à l’antenne de la plénière' } } },
  audience: { ...initialState().audience, questions: [q('q-1', 'Et les jeunes majeurs (plénière) ?'), q('q-2', 'Atelier 450 ?', 'salle-450')], tallies: { 'poll-main': tally, 'poll-450': tally } },
};
const room450 = { kind: 'room' as const, room: 'salle-450' };

describe('what each seat receives', () => {
  it('a room seat: its questions and polls, never the plenary’s, nor the régie’s logbook', () => {
    const view = stateForSeat(before, room450);
    expect(view.audience.questions.map((x) => x.id)).toEqual(['q-2']);
    expect(Object.keys(view.audience.tallies)).toEqual(['poll-450']);
    expect(view.notes).toEqual([]);
    expect(view.moderation).toEqual(initialState().moderation);
    // Its room's bus: not the plenary's.
    expect(view.programs).toEqual({});
    expect(programOf(view, 'salle-450').onAir).toEqual(initialProgram().onAir);
    expect(JSON.stringify(view)).not.toMatch(/jeunes majeurs|à l’antenne de la plénière/);
  });

  it('a room seat reads its room’s Q&A as every view does (by room), never another room’s', () => {
    const open = { open: true, since: 1, sessionId: 'atelier', roomOnly: true };
    const plenary = { open: true, since: 1, sessionId: 'pleniere', roomOnly: false };
    const view = stateForSeat({ ...before, live: { ...before.live, qa: { 'salle-450': open, grand: plenary } } }, room450);
    expect(view.live.qa).toEqual({ 'salle-450': open });
    expect(qaOf(view, 'salle-450')).toEqual(open);
  });

  it('an output and a stage of the main room: as before seats; of another room: nothing of the plenary', () => {
    expect(programOf(stateForSeat(before, { kind: 'output', room: null })).onAir).toMatchObject({ text: 'Message à l’antenne de la plénière' });
    expect(stateForSeat(before, { kind: 'stage', room: null }).audience.questions.map((x) => x.id)).toEqual(['q-1']);
    for (const kind of ['output', 'stage'] as const) {
      const view = stateForSeat(before, { kind, room: 'salle-450' });
      expect(JSON.stringify(view)).not.toMatch(/jeunes majeurs|à l’antenne de la plénière/);
      expect(Object.keys(view.audience.tallies)).toEqual(['poll-450']);
    }
  });

  it('a patch to a room seat carries its room’s new questions only, and applies to the same state as a fresh snapshot', () => {
    const after: RegieState = {
      ...before,
      audience: { ...before.audience, questions: [...before.audience.questions, q('q-3', 'Encore la plénière ?'), q('q-4', 'Encore l’atelier ?', 'salle-450')] },
    };
    const ops = seatPatchOps(['audience'], before, after, room450);
    expect(JSON.stringify(ops)).not.toContain('plénière');
    expect(applyPatchOps(stateForSeat(before, room450), ops).audience.questions.map((x) => x.id)).toEqual(['q-2', 'q-4']);
    // The régie gets both.
    const regie = seatPatchOps(['audience'], before, after, { kind: 'regie', room: null });
    expect(JSON.stringify(regie)).toContain('Encore la plénière');
  });

  it('another room’s question or vote sends a room’s seat, output and stage nothing, not even the event-wide count', () => {
    const busier = { counts: { '0': { room: 9, remote: 0 } }, voters: { room: 9, remote: 0 } };
    const after: RegieState = {
      ...before,
      audience: {
        ...before.audience,
        questions: [...before.audience.questions, q('q-5', 'Une de plus en plénière ?')],
        tallies: { ...before.audience.tallies, 'poll-main': busier },
        received: before.audience.received + 2,
      },
    };
    for (const kind of ['room', 'output', 'stage'] as const) expect(seatPatchOps(['audience'], before, after, { kind, room: 'salle-450' }), kind).toEqual([]);
    // The régie hears both, with the count.
    expect(JSON.stringify(seatPatchOps(['audience'], before, after, { kind: 'regie', room: null }))).toContain('"received":2');
    // A seat's snapshot has no event-wide count either.
    for (const kind of ['room', 'output', 'stage'] as const) expect(stateForSeat(after, { kind, room: 'salle-450' }).audience.received, kind).toBe(0);
  });

  it('a vote in a room’s own poll reaches its seat and its output, and the patch lands on the fresh snapshot', () => {
    const busier = { counts: { '1': { room: 5, remote: 0 } }, voters: { room: 5, remote: 0 } };
    const after: RegieState = { ...before, audience: { ...before.audience, tallies: { ...before.audience.tallies, 'poll-450': busier }, received: 7 } };
    for (const kind of ['room', 'output'] as const) {
      const seat = { kind, room: 'salle-450' };
      const ops = seatPatchOps(['audience'], before, after, seat);
      expect(ops.length, kind).toBeGreaterThan(0);
      expect(JSON.stringify(ops)).not.toContain('poll-main');
      expect(applyPatchOps(stateForSeat(before, seat), ops).audience).toEqual(stateForSeat(after, seat).audience);
    }
  });
});
