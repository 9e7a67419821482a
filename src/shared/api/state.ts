import type { Programme } from '../domain/programme';

/** The state the core owns and the views mirror (snapshot, then patches). */

export type ClockSetting = { mode: 'live' } | { mode: 'rehearsal'; offsetMs: number };

export interface LogNote {
  seq: number;
  at: number;
  author: string;
  text: string;
}

export interface RegieState {
  programme: Programme | null;
  clock: ClockSetting;
  /** The latest notes of the logbook (older ones stay in the journal). */
  notes: LogNote[];
  notesTotal: number;
}

export const NOTES_KEPT_IN_STATE = 200;

export function initialState(): RegieState {
  return { programme: null, clock: { mode: 'live' }, notes: [], notesTotal: 0 };
}

export function clockNow(clock: ClockSetting, realNow: number): number {
  return clock.mode === 'live' ? realNow : realNow + clock.offsetMs;
}
