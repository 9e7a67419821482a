import { create } from 'zustand';
import type { Command } from '../../../shared/api/commands';
import type { CommandResult } from '../../../shared/api/results';
import { sendCommand } from '../../lib/core-client';

type ProgramCommand = Extract<Command, { type: `program.${string}` }>;

/** The program bus's latest refusal, whether it came from a button or a key (Enter, Esc). */
export const useProgramFeedback = create<{ problem: string | null; ticket: number }>(() => ({ problem: null, ticket: 0 }));

/** Sends a program command; a refusal is kept to be shown next to the TAKE button. */
export async function sendProgram(command: ProgramCommand): Promise<CommandResult> {
  const r = await sendCommand(command);
  useProgramFeedback.setState((s) => ({ problem: r.ok ? null : r.error.message, ticket: s.ticket + 1 }));
  return r;
}

export const take = () => void sendProgram({ type: 'program.take' });
export const panic = () => void sendProgram({ type: 'program.panic' });
export const restore = () => void sendProgram({ type: 'program.restore' });
export const clearProgramProblem = () => useProgramFeedback.setState({ problem: null });
