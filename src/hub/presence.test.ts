import { describe, expect, it } from 'vitest';
import { PresenceCounter } from './presence';

describe('PresenceCounter', () => {
  it('counts distinct participants by their latest origin', () => {
    const p = new PresenceCounter();
    p.join('a', 'room', 'main');
    p.join('a', 'room', 'main'); // a second tab
    p.join('b', 'remote', 'main');
    expect(p.counts()).toEqual({ room: 1, remote: 1 });
    p.join('b', 'room', 'main'); // came into the room
    expect(p.counts()).toEqual({ room: 2, remote: 0 });
    p.leave('a');
    expect(p.counts()).toEqual({ room: 2, remote: 0 });
    p.leave('a');
    p.leave('b');
    p.leave('b');
    p.leave('nobody');
    expect(p.counts()).toEqual({ room: 0, remote: 0 });
  });

  it('counts per room and origin, a participant in one room at a time', () => {
    const p = new PresenceCounter();
    p.join('a', 'room', 'salle-450');
    p.join('b', 'remote', 'salle-450');
    p.join('c', 'room', 'salle-800');
    p.join('c', 'room', 'salle-800');
    expect(p.byRoom()).toEqual({ 'salle-450': { room: 1, remote: 1 }, 'salle-800': { room: 1, remote: 0 } });
    p.move('a', 'remote', 'salle-800');
    expect(p.byRoom()).toEqual({ 'salle-450': { room: 0, remote: 1 }, 'salle-800': { room: 1, remote: 1 } });
    expect(p.sockets('c')).toBe(2);
    p.join('x', 'remote', 'constructor');
    expect(p.byRoom().constructor).toEqual({ room: 0, remote: 1 });
  });
});
