import type { Command } from '../../shared/api/commands';
import type { ViewState } from '../../shared/api/state';
import { applyDelays } from '../../shared/domain/delays';
import type { Session } from '../../shared/domain/programme';
import { runningAt } from './desk-schedule';
import { useRegie } from './regie-store';

/**
 * « Préparation » or « Spectacle »: the core's `editLocked`, shared by every seat and kept across
 * reloads. In show mode the core refuses edits of the programme, its loading and its import; the
 * desk also hides what must not happen by accident during the show (the cue reset, the editor).
 */
export const deskModes = ['preparation', 'show'] as const;
export type DeskMode = (typeof deskModes)[number];

/** The mode of a state; unknown (no snapshot yet) reads as show mode, the safe side. */
export function deskModeOf(state: Pick<ViewState, 'editLocked'> | null | undefined): DeskMode {
  return state && !state.editLocked ? 'preparation' : 'show';
}

export interface DeskModeView {
  mode: DeskMode;
}

/** `useDeskMode((s) => s.mode)`: the mode, from the core's state. */
export function useDeskMode<T>(select: (view: DeskModeView) => T): T {
  const mode = useRegie((s) => deskModeOf(s.state));
  return select({ mode });
}

/** The command that puts every seat in `mode`. */
export function lockCommand(mode: DeskMode): Extract<Command, { type: 'edit.lock' }> {
  return { type: 'edit.lock', locked: mode === 'show' };
}

/** The session running at `now` (delays and marks applied), if any: unlocking during it asks first. */
export function runningSession(state: Pick<ViewState, 'programme' | 'delays' | 'sessionMarks'>, now: number): Session | null {
  const p = state.programme;
  if (!p) return null;
  return runningAt(p, applyDelays(p, state.delays), state.sessionMarks, now)[0] ?? null;
}
