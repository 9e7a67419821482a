import { type CueEngineState, cueStatus } from './cue-events';
import type { TimedCue } from './cue-list';

/**
 * Is a GO on this cue the one due next? A stressed operator arrows past the standby, or presses
 * GO on a cue of a session long over, or 45 minutes early: such a GO needs a confirmation that a
 * second stray key cannot give (the desk asks; the core refuses it without the `outOfOrder` flag,
 * so a second desk or a remote control cannot slip either). Pure.
 *
 * A GO is in order when none of these holds:
 * - **early**: the cue is expected more than `EARLY_GO_MS` (5 min) from now;
 * - **past session**: its session has ended (a cue left behind);
 * - **skips**: cues of its own session, before it, are still waiting (neither fired nor skipped).
 * A cue in its pre-wait is always in order (it was already set off).
 */

export const EARLY_GO_MINUTES = 5;
export const EARLY_GO_MS = EARLY_GO_MINUTES * 60_000;

export type OutOfOrder =
  | { kind: 'early'; /** Whole minutes before its expected time (rounded up). */ minutes: number }
  | { kind: 'past-session' }
  | { kind: 'skips'; /** The cues of its session still waiting before it, in order. */ cueIds: string[] };

/** Why a GO on `cueId` is out of order ([] when it is in order, or unknown: the engine refuses those). */
export function goOrder(state: CueEngineState, list: readonly TimedCue[], now: number, cueId: string, earlyMs = EARLY_GO_MS): OutOfOrder[] {
  const index = list.findIndex((c) => c.id === cueId);
  const target = list[index];
  if (!target) return [];
  const status = cueStatus(state, cueId);
  if (status === 'prewait' || status === 'fired' || status === 'skipped') return [];
  const reasons: OutOfOrder[] = [];
  if (target.expectedAt - now > earlyMs) reasons.push({ kind: 'early', minutes: Math.ceil((target.expectedAt - now) / 60_000) });
  if (target.sessionEnd <= now) reasons.push({ kind: 'past-session' });
  const skipped = list
    .slice(0, index)
    .filter((c) => c.sessionId === target.sessionId && cueStatus(state, c.id) === 'waiting')
    .map((c) => c.id);
  if (skipped.length > 0) reasons.push({ kind: 'skips', cueIds: skipped });
  return reasons;
}

/** The reasons in French, for the core's refusal (the desk words them itself, in its language). */
export function outOfOrderSentence(cueId: string, reasons: readonly OutOfOrder[]): string {
  const parts = reasons.map((r) => {
    switch (r.kind) {
      case 'early':
        return `elle est prévue dans ${r.minutes} min (plus de ${EARLY_GO_MINUTES} min d’avance)`;
      case 'past-session':
        return 'sa séance est terminée';
      case 'skips':
        return r.cueIds.length === 1
          ? `la réplique ${r.cueIds[0]} de sa séance, avant elle, n’a été ni lancée ni sautée`
          : `${r.cueIds.length} répliques de sa séance, avant elle, n’ont été ni lancées ni sautées (${r.cueIds.join(', ')})`;
      default:
        return r satisfies never;
    }
  });
  return `GO hors ordre refusé sans confirmation : ${cueId} n’est pas la réplique attendue (${parts.join(' ; ')}). Confirmez-le depuis la régie.`;
}
