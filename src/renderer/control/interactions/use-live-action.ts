import { useCallback, useState } from 'react';
import type { Interaction } from '../../../shared/domain/interaction';
import { sendCommand } from '../../lib/core-client';
import { sendProgram } from '../program/program-actions';
import { type LiveAction, liveCommand } from './live-controls';

/** The answer to the row's last action: the core's refusal word for word (where its scene is, the row reads from the bus). */
export type LiveOutcome = { kind: 'refused'; action: LiveAction; message: string } | null;

/**
 * Sends one row's actions. The preview goes through the program bus's sender, so that its refusal
 * also shows next to TAKE; the others straight to the core.
 */
export function useLiveAction(interaction: Interaction) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<LiveOutcome>(null);
  const act = useCallback(
    async (action: LiveAction): Promise<boolean> => {
      setPending(true);
      const command = liveCommand(action, interaction);
      const r = command.type === 'program.preview' ? await sendProgram(command) : await sendCommand(command);
      setPending(false);
      if (!r.ok) setOutcome({ kind: 'refused', action, message: r.error.message });
      else setOutcome(null);
      return r.ok;
    },
    [interaction],
  );
  const clear = useCallback(() => setOutcome(null), []);
  return { act, pending, outcome, clear };
}
