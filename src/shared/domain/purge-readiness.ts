import type { ViewState } from '../api/state';

/**
 * When the desk may run the RGPD purge: after the event, never during it. The purge stops the
 * audience side for a few seconds and erases who said what: it is refused while the show mode
 * lock is on (the organisers unlock once the event is over), while the Q&A or a poll or word cloud
 * is open, and while a session has been marked started and not ended. The core checks it again.
 */

export type PurgeBlocker =
  | { kind: 'show-mode' }
  | { kind: 'qa-open' }
  | { kind: 'interaction-open'; id: string; label: string }
  | { kind: 'session-live'; id: string; title: string };

/** What the operator types to confirm: the purge cannot be undone. */
export const PURGE_CONFIRMATION = 'EFFACER';

export function isPurgeConfirmation(typed: string): boolean {
  return typed.trim().toLocaleUpperCase('fr') === PURGE_CONFIRMATION;
}

export function purgeBlockers(state: Pick<ViewState, 'editLocked' | 'live' | 'sessionMarks' | 'programme'>): PurgeBlocker[] {
  const blockers: PurgeBlocker[] = [];
  if (state.editLocked) blockers.push({ kind: 'show-mode' });
  // Any room's Q&A (docs/rooms.md § 2).
  if (Object.values(state.live.qa).some((qa) => qa.open)) blockers.push({ kind: 'qa-open' });
  const interactions = state.programme?.interactions ?? [];
  for (const [id, run] of Object.entries(state.live.interactions)) {
    if (run.status !== 'open') continue;
    const i = interactions.find((x) => x.id === id);
    blockers.push({ kind: 'interaction-open', id, label: i ? (i.kind === 'poll' ? i.question : i.prompt) : id });
  }
  for (const [id, mark] of Object.entries(state.sessionMarks)) {
    if (mark.startedAt === null || mark.endedAt !== null) continue;
    blockers.push({ kind: 'session-live', id, title: state.programme?.sessions.find((s) => s.id === id)?.title ?? id });
  }
  return blockers;
}

/** The reason in French (the core's refusal; the desk has its own words in both languages). */
export function purgeBlockerFr(b: PurgeBlocker): string {
  switch (b.kind) {
    case 'show-mode':
      return 'le mode spectacle est verrouillé : repassez en préparation une fois l’événement terminé';
    case 'qa-open':
      return 'les questions sont encore ouvertes : fermez-les d’abord';
    case 'interaction-open':
      return `« ${b.label} » est encore ouvert : fermez-le d’abord`;
    case 'session-live':
      return `la séance « ${b.title} » est en cours : marquez-en la fin d’abord`;
    default:
      return b satisfies never;
  }
}
