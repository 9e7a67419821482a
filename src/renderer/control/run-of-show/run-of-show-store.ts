import { create } from 'zustand';
import type { OutOfOrder } from '../../../shared/domain/cue-order';

/**
 * The run of show's own state at the desk, per seat: the latest word under the standby (the core's
 * refusal, or what the desk did) and the confirmation waiting for the operator (a GO out of order,
 * the undo of an old GO). The cues themselves are the core's (mirrored in the regie store).
 */

export const FEEDBACK_VISIBLE_MS = 8000;

export interface CueFeedback {
  message: string | null;
  /** An error (a refusal) or a report (what an undo did). */
  tone: 'error' | 'info';
  /** Which command it answers (commands are numbered as they leave). */
  ticket: number;
}

export const useCueFeedback = create<CueFeedback>(() => ({ message: null, tone: 'error', ticket: 0 }));

/** What waits for the operator's deliberate confirmation. */
export type SlipConfirmation = { kind: 'go'; cueId: string; reasons: OutOfOrder[] } | { kind: 'undo'; cueId: string };

export const useSlipConfirm = create<{ pending: SlipConfirmation | null }>(() => ({ pending: null }));

let tickets = 0;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** The next command's or word's number: a later answer replaces an earlier one. */
export function nextCueTicket(): number {
  tickets += 1;
  return tickets;
}

/** Shows a word under the standby; it goes after a few seconds unless a later one replaced it. */
export function showCueFeedback(message: string, tone: CueFeedback['tone'], ticket: number): void {
  useCueFeedback.setState({ message, tone, ticket });
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    if (useCueFeedback.getState().ticket === ticket) useCueFeedback.setState({ message: null });
  }, FEEDBACK_VISIBLE_MS);
}
