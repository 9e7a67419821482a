import { create } from 'zustand';
import type { Command } from '../../shared/api/commands';
import type { CommandResult } from '../../shared/api/results';
import { sendCommand } from './core-client';
import { useRegie } from './regie-store';

/**
 * The run-of-show commands of the desk (GO, standby moves, skip, hold), from the keyboard or the
 * buttons alike, and the core's latest refusal, shown inline in the cue panel. A refusal stays
 * until a later command succeeds or a few seconds pass.
 */
type CueCommand = Extract<Command, { type: `cue.${string}` }>;

export const FEEDBACK_VISIBLE_MS = 8000;

interface CueFeedback {
  message: string | null;
  /** Which command it answers (commands are numbered as they leave). */
  ticket: number;
}

export const useCueFeedback = create<CueFeedback>(() => ({ message: null, ticket: 0 }));

let tickets = 0;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

export async function sendCueCommand(command: CueCommand): Promise<CommandResult> {
  const ticket = ++tickets;
  const r = await sendCommand(command);
  const shown = useCueFeedback.getState();
  if (!r.ok) {
    useCueFeedback.setState({ message: r.error.message, ticket });
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => {
      if (useCueFeedback.getState().ticket === ticket) useCueFeedback.setState({ message: null });
    }, FEEDBACK_VISIBLE_MS);
  } else if (shown.message !== null && shown.ticket < ticket) {
    useCueFeedback.setState({ message: null, ticket });
  }
  return r;
}

/** GO on what the desk shows on standby (what you see is what you fire); the core refuses a double press. */
export function goStandby(): void {
  const standby = useRegie.getState().state?.cues.standby ?? null;
  void sendCueCommand(standby === null ? { type: 'cue.go' } : { type: 'cue.go', cueId: standby });
}

export function goCue(cueId: string): void {
  void sendCueCommand({ type: 'cue.go', cueId });
}

export function skipCue(cueId: string): void {
  void sendCueCommand({ type: 'cue.skip', cueId });
}

export function moveStandby(direction: 'next' | 'previous'): void {
  void sendCueCommand({ type: direction === 'next' ? 'cue.next' : 'cue.previous' });
}

export function toggleHold(): void {
  const held = useRegie.getState().state?.cues.held ?? false;
  void sendCueCommand({ type: held ? 'cue.release' : 'cue.hold' });
}
