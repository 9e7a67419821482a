import { describe, it, expect } from 'vitest';
import { initialCueState } from '../../shared/domain/cue-events';
import { cueList } from '../../shared/domain/cue-list';
import { programmeSchema, sessionStartMs } from '../../shared/domain/programme';
import { type CueEngineState } from '../../shared/domain/cue-events';
import { initialCueShowState, withCueRoomState } from '../../shared/domain/cue-rooms';
import { mainRoomId } from '../../shared/domain/rooms';
import { cuePanelView, cueViews as showViews, cuesOfSession, otherRoomsDue } from './run-of-show-view';

const programme = programmeSchema.parse({
  event: { name: 'Assises' },
  days: [{ date: '2021-06-24' }],
  sessions: [
    {
      id: 'ouverture',
      day: '2021-06-24',
      start: '09:00',
      end: '09:45',
      kind: 'opening',
      title: 'Ouverture',
      cues: [{ id: 'rejoindre', at: { offset: '-00:10' }, mode: 'auto', action: { type: 'scene', scene: 'join' } }],
    },
    {
      id: 'seq1',
      day: '2021-06-24',
      start: '09:45',
      end: '11:00',
      kind: 'plenary',
      title: 'Séquence 1',
      cues: [
        { id: 'q-ouvrir', at: { offset: '+00:30' }, action: { type: 'qa.open' } },
        { id: 'q-fermer', at: { offset: '+01:10' }, action: { type: 'qa.close' } },
        { id: 'note', at: { offset: '+01:12' }, action: { type: 'note', note: 'Annoncer la pause' } },
      ],
    },
  ],
});
const list = cueList(programme);
const ROOM = mainRoomId(programme);
/** The views of a show whose one room (the main room) has this playhead. */
const cueViews = (l: typeof list, state: CueEngineState) => showViews(l, withCueRoomState(initialCueShowState(), ROOM, state), programme);
const at = (time: string) => sessionStartMs(programme, { ...programme.sessions[0]!, start: time });

describe('run-of-show-view', () => {
  it('shows the standby, then what is still to do after it, and the missed cues apart', () => {
    const state = {
      ...initialCueState(),
      standby: 'q-ouvrir',
      runs: { rejoindre: { status: 'missed' as const, at: at('08:50'), reason: 'closed' as const } },
    };
    const view = cuePanelView(cueViews(list, state), at('10:14'), ROOM);
    expect(view.standby?.id).toBe('q-ouvrir');
    expect(view.upcoming.map((c) => c.id)).toEqual(['q-fermer', 'note']);
    expect(view.missed.map((c) => c.id)).toEqual(['rejoindre']);
    expect(view.prewaits).toEqual([]);
  });

  it('keeps in sight the cues passed over (arrowed past, skipped) and those fired out of order, until their session ends', () => {
    // ↓ into the note: « q-ouvrir » and « q-fermer » stay waiting behind the standby.
    const arrowed = { ...initialCueState(), standby: 'note', standbyPinned: true };
    const view = cuePanelView(cueViews(list, arrowed), at('10:14'), ROOM);
    expect(view.behind.map((c) => [c.id, c.status])).toEqual([
      ['q-ouvrir', 'waiting'],
      ['q-fermer', 'waiting'],
    ]);
    expect(view.upcoming).toEqual([]);
    // Skipped, and fired out of order: seen until Séquence 1 ends (11:00).
    const state = {
      ...initialCueState(),
      standby: 'q-fermer',
      runs: {
        'q-ouvrir': { status: 'skipped' as const, at: at('09:00') },
        note: { status: 'fired' as const, firedAt: at('09:01'), trigger: 'go' as const, outOfOrder: true as const },
      },
    };
    const v2 = cuePanelView(cueViews(list, state), at('10:14'), ROOM);
    expect(v2.behind.map((c) => [c.id, c.status])).toEqual([['q-ouvrir', 'skipped']]);
    expect(v2.outOfOrder.map((c) => c.id)).toEqual(['note']);
    const after = cuePanelView(cueViews(list, state), at('11:01'), ROOM);
    expect(after.behind).toEqual([]);
    expect(after.outOfOrder).toEqual([]);
  });

  it('with no standby, lists the cues not left behind, and limits the list', () => {
    const view = cuePanelView(cueViews(list, initialCueState()), at('10:14'), ROOM, 1);
    expect(view.standby).toBeNull();
    expect(view.upcoming.map((c) => c.id)).toEqual(['q-ouvrir']);
  });

  it('gives each session its cues with their status', () => {
    const state = { ...initialCueState(), runs: { 'q-ouvrir': { status: 'fired' as const, firedAt: at('10:15'), trigger: 'go' as const } } };
    expect(cuesOfSession(cueViews(list, state), 'seq1').map((c) => [c.id, c.status])).toEqual([
      ['q-ouvrir', 'fired'],
      ['q-fermer', 'waiting'],
      ['note', 'waiting'],
    ]);
  });

  it('gives each room its standby: the desk panel shows its room only, the other rooms\' due standbys in a line each', () => {
    const rooms = programmeSchema.parse({
      event: { name: 'Assises' },
      days: [{ date: '2021-06-24' }],
      rooms: [
        { id: 'auditorium', name: 'Grand Auditorium', main: true },
        { id: 'salle-450', name: 'Salle 450' },
        { id: 'salle-300', name: 'Salle 300' },
      ],
      sessions: [
        { id: 'pleniere', day: '2021-06-24', start: '16:00', end: '17:00', kind: 'plenary', title: 'Plénière', room: 'Grand Auditorium',
          cues: [{ id: 'p-qa', at: { offset: '+00:30' }, action: { type: 'qa.open' } }] },
        { id: 'atelier-450', day: '2021-06-24', start: '16:00', end: '17:00', kind: 'workshop', title: 'Atelier A', room: 'Salle 450',
          cues: [{ id: 'a-qa', at: { offset: '+00:00' }, action: { type: 'qa.open' } }] },
        { id: 'atelier-300', day: '2021-06-24', start: '16:00', end: '17:00', kind: 'workshop', title: 'Atelier B', room: 'Salle 300',
          cues: [{ id: 'b-qa', at: { offset: '+00:40' }, action: { type: 'qa.open' } }] },
      ],
    });
    const l = cueList(rooms);
    let show = initialCueShowState();
    show = withCueRoomState(show, 'auditorium', { ...initialCueState(), standby: 'p-qa' });
    show = withCueRoomState(show, 'salle-450', { ...initialCueState(), standby: 'a-qa' });
    show = withCueRoomState(show, 'salle-300', { ...initialCueState(), standby: 'b-qa' });
    const views = showViews(l, show, rooms);
    expect(views.filter((c) => c.standby).map((c) => [c.room, c.id])).toEqual([
      ['salle-450', 'a-qa'],
      ['auditorium', 'p-qa'],
      ['salle-300', 'b-qa'],
    ]);
    const now = sessionStartMs(rooms, rooms.sessions[0]!);
    expect(cuePanelView(views, now, 'auditorium').standby?.id).toBe('p-qa');
    expect(cuePanelView(views, now, 'salle-450').standby?.id).toBe('a-qa');
    // 16:00: Salle 450's is due now, Salle 300's in 40 min (beyond the quarter hour shown).
    expect(otherRoomsDue(views, now, 'auditorium').map((c) => c.id)).toEqual(['a-qa']);
    expect(otherRoomsDue(views, now + 30 * 60_000, 'auditorium').map((c) => c.id)).toEqual(['a-qa', 'b-qa']);
    expect(otherRoomsDue(views, now, 'salle-450')).toEqual([]);
  });
});
