import { describe, expect, it } from 'vitest';
import { roomOfPlace, roomOfSession, roomSlug, roomsOf } from './rooms';
import { programmeSchema } from './programme';

const session = (id: string, kind: string, room?: string) => ({ id, kind, ...(room === undefined ? {} : { room }) });

describe('rooms of a programme', () => {
  it('are derived from the sessions when not listed: slugs, collisions numbered, main from the first plenary', () => {
    const p = {
      sessions: [
        session('a', 'break', 'Hall'),
        session('b', 'plenary', 'Amphi Élysée'),
        session('c', 'workshop', 'Salle 1'),
        session('d', 'workshop', 'salle 1!'),
        session('e', 'workshop', 'SALLE 1'),
      ],
    };
    const rooms = roomsOf(p);
    expect(rooms.map((r) => r.id)).toEqual(['hall', 'amphi-elysee', 'salle-1', 'salle-1-2']);
    expect(rooms.filter((r) => r.main).map((r) => r.id)).toEqual(['amphi-elysee']);
    expect(roomOfPlace(p, 'salle 1').id).toBe('salle-1');
  });

  it('always hold one room, main, and put sessions without a room in the main room', () => {
    const p = { sessions: [session('a', 'plenary')] };
    expect(roomsOf(p)).toHaveLength(1);
    expect(roomOfSession(p, 'a').main).toBe(true);
    expect(roomOfSession(p, 'inconnue').main).toBe(true);
  });

  it('slugs never start with a dash nor exceed 40 characters', () => {
    expect(roomSlug('  -- Salle « Été » ')).toBe('salle-ete');
    expect(roomSlug('!!!')).toBe('salle');
    expect(roomSlug('x'.repeat(80))).toHaveLength(40);
  });

  it('the programme refuses two main rooms and duplicate ids', () => {
    const base = { event: { name: 'E' }, days: [{ date: '2021-06-24' }], sessions: [] };
    const two = programmeSchema.safeParse({ ...base, rooms: [{ id: 'a', name: 'A', main: true }, { id: 'b', name: 'B', main: true }] });
    expect(two.success).toBe(false);
    const dup = programmeSchema.safeParse({ ...base, rooms: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.message).toBe('salle en double : a');
  });
});
