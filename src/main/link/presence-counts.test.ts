import { describe, expect, it } from 'vitest';
import { presenceCounts } from './hub-link';

describe('the hub’s presence in the link status', () => {
  it('carries each room’s counts when the hub sends them (the desk’s rooms overview), and only the totals from a hub of before rooms', () => {
    const rooms = { 'salle-450': { room: 5, remote: 0 }, grand: { room: 0, remote: 2 } };
    expect(presenceCounts({ at: 1, room: 5, remote: 2, rooms })).toEqual({ room: 5, remote: 2, rooms });
    expect(presenceCounts({ at: 1, room: 5, remote: 2 })).toEqual({ room: 5, remote: 2 });
  });
});
