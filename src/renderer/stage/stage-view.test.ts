import { describe, expect, it } from 'vitest';
import { applyDelays } from '../../shared/domain/delays';
import { programmeSchema, sessionStartMs } from '../../shared/domain/programme';
import { stageSession } from './stage-view';

const programme = programmeSchema.parse({
  event: { name: 'Assises', timeZone: 'Europe/Paris' },
  days: [{ date: '2026-06-24' }],
  sessions: [
    { id: 'a', day: '2026-06-24', start: '09:00', end: '10:00', title: 'Ouverture', kind: 'plenary' },
    { id: 'b', day: '2026-06-24', start: '10:00', end: '11:00', title: 'Séquence 1', kind: 'plenary' },
  ],
});

describe('stageSession', () => {
  const at = (hhmm: string) => sessionStartMs(programme, { ...programme.sessions[0]!, start: hhmm });

  it('the session running now, its expected end and the time left', () => {
    const s = stageSession(programme, applyDelays(programme, []), {}, null, at('09:45'));
    expect(s).toMatchObject({ state: 'running', left: 15 * 60_000, delay: 0 });
    expect(s?.session.id).toBe('a');
  });
  it('a delay moves the end and shows how late it runs', () => {
    const schedule = applyDelays(programme, [{ sessionId: 'a', minutes: 10, at: at('09:30') }]);
    const s = stageSession(programme, schedule, {}, null, at('09:55'));
    expect(s?.session.id).toBe('a');
    expect(s?.left).toBe(15 * 60_000);
    expect(s?.delay).toBe(10);
  });
  it('between sessions: the next one and the time until it starts', () => {
    const s = stageSession(programme, applyDelays(programme, []), {}, null, at('08:30'));
    expect(s).toMatchObject({ state: 'next', left: 30 * 60_000 });
    expect(s?.session.id).toBe('a');
  });
  it('nothing after the last session', () => {
    expect(stageSession(programme, applyDelays(programme, []), {}, null, at('12:00'))).toBeNull();
  });
});
