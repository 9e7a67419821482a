import type { Command } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import type { RegieEvent } from './events';

export interface DecideContext {
  now: number;
}

export class CommandRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandRejected';
  }
}

/** Turns a valid command into the events it causes, or refuses it given the state. Pure. */
export function decide(state: RegieState, command: Command, ctx: DecideContext): RegieEvent[] {
  switch (command.type) {
    case 'programme.load':
      return [{ type: 'programme.loaded', programme: command.programme }];
    case 'clock.set':
      if (command.clock.mode === 'live') {
        return state.clock.mode === 'live' ? [] : [{ type: 'clock.set', clock: { mode: 'live' } }];
      }
      return [{ type: 'clock.set', clock: { mode: 'rehearsal', offsetMs: Math.round(command.clock.at - ctx.now) } }];
    case 'log.note':
      return [{ type: 'log.noted', text: command.text }];
    default:
      return assertNever(command);
  }
}

export function assertNever(x: never): never {
  throw new Error(`cas non traité : ${JSON.stringify(x)}`);
}
