import { create } from 'zustand';
import type { Command } from '../../../shared/api/commands';
import type { CommandResult } from '../../../shared/api/results';
import { sendCommand } from '../../lib/core-client';
import { deskRoomField } from '../rooms/use-desk-room';

type ProgramCommand = Extract<Command, { type: `program.${string}` }>;

/**
 * The program bus's latest refusal, whether it came from a button or a key (Enter, Esc), and the
 * desk's own word when it ignored a key (the second press of a double press).
 */
export const useProgramFeedback = create<{ problem: string | null; ignored: 'Enter' | 'Escape' | null; ticket: number }>(() => ({
  problem: null,
  ignored: null,
  ticket: 0,
}));

/**
 * Sends a program command to the bus of the room this desk drives (rooms/desk-room-store.ts); a
 * refusal is kept to be shown next to the TAKE button.
 */
export async function sendProgram(command: ProgramCommand): Promise<CommandResult> {
  const r = await sendCommand({ ...command, ...deskRoomField() });
  useProgramFeedback.setState((s) => ({ problem: r.ok ? null : r.error.message, ignored: null, ticket: s.ticket + 1 }));
  return r;
}

export const HINT_VISIBLE_MS = 6000;
let hintTimer: ReturnType<typeof setTimeout> | undefined;

/** A key the desk ignored (a double press): said beside TAKE for a few seconds. */
export function keyIgnored(key: 'Enter' | 'Escape'): void {
  const ticket = useProgramFeedback.getState().ticket + 1;
  useProgramFeedback.setState({ ignored: key, ticket });
  clearTimeout(hintTimer);
  hintTimer = setTimeout(() => {
    if (useProgramFeedback.getState().ticket === ticket) useProgramFeedback.setState({ ignored: null });
  }, HINT_VISIBLE_MS);
}

export const take = () => void sendProgram({ type: 'program.take' });
export const panic = () => void sendProgram({ type: 'program.panic' });
export const restore = () => void sendProgram({ type: 'program.restore' });
export const clearProgramProblem = () => useProgramFeedback.setState({ problem: null });
