import { useCallback, useState } from 'react';
import type { Command } from '../../shared/api/commands';
import type { CommandResult, FieldIssue } from '../../shared/api/results';
import { sendCommand } from './core-client';

export interface CommandProblem {
  message: string;
  issues: FieldIssue[];
}

/** Sends commands from one component, and keeps its latest refusal to show next to it. */
export function useCommand() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<CommandProblem | null>(null);
  const send = useCallback(async (command: Command): Promise<CommandResult> => {
    setPending(true);
    const r = await sendCommand(command);
    setPending(false);
    setProblem(r.ok ? null : { message: r.error.message, issues: r.error.issues ?? [] });
    return r;
  }, []);
  const clear = useCallback(() => setProblem(null), []);
  return { send, pending, problem, clear };
}
