import { describe, expect, it } from 'vitest';
import { initialState } from '../api/state';
import { isPurgeConfirmation, purgeBlockerFr, purgeBlockers } from './purge-readiness';

describe('purgeBlockers', () => {
  it('lets the purge run after the event only', () => {
    expect(purgeBlockers(initialState())).toEqual([]);
    const s = initialState();
    const during = {
      ...s,
      editLocked: true,
      live: {
        interactions: {
          sondage: { status: 'open' as const, openedAt: 1, closedAt: null, revealed: false, room: 'salle-450' },
          fini: { status: 'closed' as const, openedAt: 1, closedAt: 2, revealed: true, room: 'salle' },
        },
        // A workshop's Q&A open, the main room's closed.
        qa: { salle: { open: false, since: 1, sessionId: null, roomOnly: false }, 'salle-450': { open: true, since: 1, sessionId: 'atelier', roomOnly: true } },
      },
      sessionMarks: { 'j1-seq1': { startedAt: 1, endedAt: null }, 'j1-seq0': { startedAt: 1, endedAt: 2 } },
    };
    expect(purgeBlockers(during).map((b) => b.kind)).toEqual(['show-mode', 'qa-open', 'interaction-open', 'session-live']);
    expect(purgeBlockers(during).map(purgeBlockerFr)[2]).toBe('« sondage » est encore ouvert : fermez-le d’abord');
  });

  it('takes the typed word whatever its case and surrounding spaces, and nothing else', () => {
    expect(['EFFACER', ' effacer ', 'Effacer'].every(isPurgeConfirmation)).toBe(true);
    expect(['EFFACE', 'oui', ''].some(isPurgeConfirmation)).toBe(false);
  });
});
