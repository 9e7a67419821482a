import { describe, expect, it } from 'vitest';
import { participationOf } from './participation';

describe('participation against the connected audience', () => {
  it('gives voters over connected, room and remote apart, in whole percent', () => {
    expect(participationOf({ room: 120, remote: 30 }, { room: 160, remote: 40 })).toEqual({
      total: { voters: 150, connected: 200, percent: 75 },
      room: { voters: 120, connected: 160, percent: 75 },
      remote: { voters: 30, connected: 40, percent: 75 },
    });
    expect(participationOf({ room: 1, remote: 0 }, { room: 3, remote: 0 }).total.percent).toBe(33);
  });

  it('caps at 100 % when voters have left since, and gives no rate with nobody connected', () => {
    expect(participationOf({ room: 12, remote: 2 }, { room: 10, remote: 0 })).toEqual({
      total: { voters: 14, connected: 10, percent: 100 },
      room: { voters: 12, connected: 10, percent: 100 },
      remote: { voters: 2, connected: 0, percent: null },
    });
    expect(participationOf({ room: 0, remote: 0 }, null).total).toEqual({ voters: 0, connected: 0, percent: null });
  });
});
