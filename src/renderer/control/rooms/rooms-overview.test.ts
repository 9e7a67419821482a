import { describe, expect, it } from 'vitest';
import type { AudienceQuestion, QaState } from '../../../shared/api/state';
import { programmeSchema } from '../../../shared/domain/programme';
import { initialProgram } from '../../../shared/domain/scene';
import { resolveDeskRoom, roomFieldFor } from './desk-room-store';
import { currentSessionOfRoom, incomingIn, roomQuestions, type SessionSpan } from './room-scope';
import { roomKeys, roomOfKey, roomsOverview, type OverviewInput } from './rooms-overview';
import { deskRoomIn } from './use-desk-room';

const programme = programmeSchema.parse({
  event: { name: 'Assises' },
  days: [{ date: '2021-06-24' }, { date: '2021-06-25' }],
  rooms: [
    { id: 'grand', name: 'Grand Auditorium', main: true },
    { id: 'salle-800', name: 'Salle 800' },
    { id: 'salle-450', name: 'Salle 450' },
    { id: 'salle-300', name: 'Salle 300' },
  ],
  sessions: [
    { id: 'pleniere', day: '2021-06-24', start: '09:00', end: '10:00', kind: 'plenary', title: 'Plénière', room: 'Grand Auditorium' },
    { id: 'atelier-800', day: '2021-06-24', start: '16:00', end: '17:30', kind: 'workshop', title: 'Atelier 4A', room: 'Salle 800' },
    { id: 'atelier-450', day: '2021-06-24', start: '16:00', end: '17:30', kind: 'workshop', title: 'Atelier 4B', room: 'Salle 450' },
    { id: 'atelier-300', day: '2021-06-25', start: '16:00', end: '17:30', kind: 'workshop', title: 'Atelier 4C', room: 'Salle 300' },
  ],
});

const H = 3_600_000;
const spans: SessionSpan[] = [
  { id: 'pleniere', room: 'grand', start: 9 * H, end: 10 * H },
  { id: 'atelier-800', room: 'salle-800', start: 16 * H, end: 17.5 * H },
  { id: 'atelier-450', room: 'salle-450', start: 16 * H, end: 17.5 * H },
  { id: 'atelier-300', room: 'salle-300', start: 40 * H, end: 41.5 * H },
];

let n = 0;
const q = (room: string, more: Partial<AudienceQuestion> = {}): AudienceQuestion => ({
  id: `q-${++n}`,
  msgId: null,
  hubSeq: null,
  receivedAt: 0,
  origin: 'room',
  name: null,
  text: 'Une question',
  editedText: null,
  sessionId: null,
  room,
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
const flag = [{ kind: 'phone', start: 0, end: 3, field: 'text' }] as unknown as AudienceQuestion['flags'];

const openQa = (sessionId: string, roomOnly: boolean): QaState => ({ open: true, since: 1, sessionId, roomOnly });

function input(more: Partial<OverviewInput> = {}): OverviewInput {
  const questions = [
    q('salle-450'),
    q('salle-450', { flags: flag }),
    q('salle-450', { status: 'approved' }),
    q('salle-800', { status: 'approved', flags: flag, flagsClearedBy: 'Régie — modération' }),
    q('grand'),
    q('salle-450', { status: 'merged' }),
    q('salle-450', { status: 'rejected', flags: flag }),
  ];
  return {
    state: {
      programme,
      live: { interactions: {}, qa: { 'salle-450': openQa('atelier-450', true) } },
      programs: { 'salle-800': { ...initialProgram(), onAir: { kind: 'join' }, panicFrom: { kind: 'holding' } } },
      audience: { questions },
    },
    spans,
    now: 16.1 * H,
    presence: { 'salle-450': { room: 42, remote: 3 } },
    seats: [
      { id: 'regie-moderation', name: 'Régie — modération', kind: 'regie', room: null, connected: 1, revokedAt: null },
      { id: 'room-salle-450', name: 'Salle 450 — animation', kind: 'room', room: 'salle-450', connected: 1, revokedAt: null },
      { id: 'output-salle-450', name: 'Salle 450 — sortie', kind: 'output', room: 'salle-450', connected: 0, revokedAt: null },
      { id: 'stage-salle-450', name: 'Salle 450 — scène', kind: 'stage', room: 'salle-450', connected: 0, revokedAt: 5 },
      { id: 'output-principale', name: 'Grand Auditorium — sortie', kind: 'output', room: null, connected: 2, revokedAt: null },
    ],
    deskRoom: 'grand',
    ...more,
  };
}

describe('the rooms overview', () => {
  it('lists the main room and the rooms live now, with their session, Q&A, counts, screen, seats and presence', () => {
    const o = roomsOverview(input());
    expect(o.rows.map((r) => r.id)).toEqual(['grand', 'salle-800', 'salle-450']);
    const r450 = o.rows.find((r) => r.id === 'salle-450')!;
    expect(r450).toMatchObject({
      name: 'Salle 450',
      key: '2',
      live: true,
      session: { id: 'atelier-450', title: 'Atelier 4B' },
      qa: { open: true, roomOnly: true },
      // Merged and rejected questions are not to screen; a rejected flagged one is no longer a worry.
      counts: { incoming: 2, approved: 1, flagged: 1 },
      presence: { room: 42, remote: 3 },
      panic: false,
      driving: false,
    });
    // Its own seats only, revoked ones left out; the main output is the main room's.
    expect(r450.seats?.map((s) => [s.id, s.connected])).toEqual([
      ['room-salle-450', 1],
      ['output-salle-450', 0],
    ]);
    expect(o.rows[0]!.seats?.map((s) => s.id)).toEqual(['output-principale']);
    const r800 = o.rows.find((r) => r.id === 'salle-800')!;
    expect(r800).toMatchObject({ key: '1', onAir: { kind: 'join' }, panic: true, counts: { incoming: 0, approved: 1, flagged: 0 }, presence: { room: 0, remote: 0 } });
    expect(r800.qa.open).toBe(false);
    // The main room is listed, not live at 16:06 (its plenary ended), and driven.
    expect(o.rows[0]).toMatchObject({ main: true, key: '0', live: false, driving: true, session: null });
    // Salle 300's workshop is tomorrow: a quiet room, with its key.
    expect(o.quiet).toEqual([{ id: 'salle-300', name: 'Salle 300', key: '3', driving: false }]);
  });

  it('raises a flag in any room at the centre: the total, and the part outside the room the desk drives', () => {
    expect(roomsOverview(input())).toMatchObject({ flagged: 1, flaggedElsewhere: 1 });
    expect(roomsOverview(input({ deskRoom: 'salle-450' }))).toMatchObject({ flagged: 1, flaggedElsewhere: 0 });
  });

  it('says when the counts by room or the seats are unknown, never zero for unknown', () => {
    const o = roomsOverview(input({ presence: undefined, seats: null }));
    expect(o.rows.every((r) => r.presence === null && r.seats === null)).toBe(true);
  });

  it('a room with an open Q&A or a question waiting is shown even with no session running', () => {
    const base = input({ now: 12 * H });
    expect(roomsOverview(base).rows.map((r) => r.id)).toEqual(['grand', 'salle-450']);
    const quiet = roomsOverview({ ...base, state: { ...base.state, live: { interactions: {}, qa: {} }, audience: { questions: [] } } });
    expect(quiet.rows.map((r) => r.id)).toEqual(['grand']);
    expect(quiet.quiet.map((r) => r.id)).toEqual(['salle-800', 'salle-450', 'salle-300']);
  });

  it('gives each room a stable key: 0 the main room, 1–9 the others in the programme’s order', () => {
    expect([...roomKeys(programme)]).toEqual([
      ['grand', '0'],
      ['salle-800', '1'],
      ['salle-450', '2'],
      ['salle-300', '3'],
    ]);
    expect(roomOfKey(programme, '2')).toBe('salle-450');
    expect(roomOfKey(programme, '7')).toBeNull();
  });
});

describe('the room the desk drives', () => {
  const known = (r: string) => ['grand', 'salle-450'].includes(r);
  it('is the room chosen at the central desk, else the main room; a room gone is the main room', () => {
    expect(resolveDeskRoom(null, { kind: 'regie', room: null }, 'grand', known)).toBe('grand');
    expect(resolveDeskRoom('salle-450', { kind: 'regie', room: null }, 'grand', known)).toBe('salle-450');
    expect(resolveDeskRoom('salle-999', { kind: 'regie', room: null }, 'grand', known)).toBe('grand');
  });
  it('is always a room seat’s own room, whatever was chosen', () => {
    expect(resolveDeskRoom('grand', { kind: 'room', room: 'salle-450' }, 'grand', known)).toBe('salle-450');
    expect(deskRoomIn({ programme }, { id: 'room-salle-450', name: 'Salle 450 — animation', kind: 'room', room: 'salle-450' }, null)).toBe('salle-450');
    expect(deskRoomIn({ programme }, { id: 'regie-moderation', name: 'Régie — modération', kind: 'regie', room: null }, 'salle-800')).toBe('salle-800');
  });
  it('names its room on bus commands except the main room (as a desk of before rooms sent)', () => {
    expect(roomFieldFor('grand', 'grand')).toEqual({});
    expect(roomFieldFor('salle-450', 'grand')).toEqual({ room: 'salle-450' });
  });
});

describe('a queue scoped to a room', () => {
  const all = [q('grand'), q('salle-450'), q('salle-450', { status: 'approved' }), q('salle-800')];
  it('holds that room’s questions only; the main room’s is the plenary’s', () => {
    expect(roomQuestions(all, 'salle-450', 'grand').map((x) => x.room)).toEqual(['salle-450', 'salle-450']);
    expect(roomQuestions(all, 'grand', 'grand').map((x) => x.room)).toEqual(['grand']);
    expect(incomingIn(all, 'salle-450', 'grand')).toBe(1);
    expect(incomingIn(all, 'grand', 'grand')).toBe(1);
  });
  it('keeps the very array when every question is the room’s (a room seat’s share)', () => {
    const mine = all.filter((x) => x.room === 'salle-450');
    expect(roomQuestions(mine, 'salle-450', 'grand')).toBe(mine);
  });
  it('calls « current » the room’s open Q&A’s session, else the room’s session running now', () => {
    expect(currentSessionOfRoom(null, spans, 'salle-450', 16.5 * H)).toBe('atelier-450');
    expect(currentSessionOfRoom(null, spans, 'grand', 16.5 * H)).toBeNull();
    expect(currentSessionOfRoom('pleniere', spans, 'grand', 16.5 * H)).toBe('pleniere');
  });
});
