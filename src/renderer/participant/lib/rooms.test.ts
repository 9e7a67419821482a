import { describe, expect, it } from 'vitest';
import type { ParticipantPlace } from '../../../shared/protocol/rooms';
import { followableRooms, mustChoose } from './rooms';

const room = (id: string, o: { main?: boolean; live?: boolean; roomOnly?: boolean } = {}) => ({
  id,
  name: id,
  main: o.main ?? false,
  live: o.live ?? false,
  roomOnly: o.roomOnly ?? false,
});
const rooms = [room('pleniere', { main: true }), room('salle-450', { live: true, roomOnly: true }), room('salle-800', { live: true }), room('salle-300', { live: true }), room('salle-200')];
const byDefault: ParticipantPlace = { room: 'pleniere', origin: 'remote', identified: false, chosen: false };

describe('the room chooser', () => {
  it('offers the main room and the live rooms open to remote attendees, plus the phone’s own', () => {
    expect(followableRooms(rooms, byDefault).map((r) => r.id)).toEqual(['pleniere', 'salle-800', 'salle-300']);
    expect(followableRooms(rooms, { ...byDefault, room: 'salle-450', chosen: true }).map((r) => r.id)).toEqual([
      'pleniere',
      'salle-450',
      'salle-800',
      'salle-300',
    ]);
  });

  it('asks a phone that named no room when two rooms it may follow are live; never one that chose', () => {
    expect(mustChoose(rooms, byDefault)).toBe(true);
    expect(mustChoose(rooms, { ...byDefault, chosen: true })).toBe(false);
    expect(mustChoose([rooms[0]!, rooms[1]!, rooms[2]!], byDefault)).toBe(false);
    expect(mustChoose(rooms, null)).toBe(false);
  });
});
