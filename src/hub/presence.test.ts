import { describe, expect, it } from 'vitest';
import { PresenceCounter } from './presence';

describe('PresenceCounter', () => {
  it('counts distinct participants by their latest origin', () => {
    const p = new PresenceCounter();
    p.join('a', 'room');
    p.join('a', 'room'); // a second tab
    p.join('b', 'remote');
    expect(p.counts()).toEqual({ room: 1, remote: 1 });
    p.join('b', 'room'); // came into the room
    expect(p.counts()).toEqual({ room: 2, remote: 0 });
    p.leave('a');
    expect(p.counts()).toEqual({ room: 2, remote: 0 });
    p.leave('a');
    p.leave('b');
    p.leave('b');
    p.leave('nobody');
    expect(p.counts()).toEqual({ room: 0, remote: 0 });
  });
});
