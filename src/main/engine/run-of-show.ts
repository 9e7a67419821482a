import { clockNow, type RegieState } from '../../shared/api/state';
import type { CueStep } from '../../shared/domain/cue-engine';
import { cueList, type TimedCue } from '../../shared/domain/cue-list';
import { applyDelays, type Schedule } from '../../shared/domain/delays';
import type { RegieEvent } from './events';

/** The show's clock: real time, or the rehearsal clock. Cue and session times are read against it. */
export function showNow(state: RegieState, realNow: number): number {
  return clockNow(state.clock, realNow);
}

export function scheduleOf(state: RegieState): Schedule {
  return state.programme ? applyDelays(state.programme, state.delays) : {};
}

/** The cue list with delays applied: what the cue engine works on. */
export function timedCuesOf(state: RegieState): TimedCue[] {
  return state.programme ? cueList(state.programme, scheduleOf(state)) : [];
}

/** What each fired cue does, beyond being logged: the interactions and the Q&A it opens or closes. */
export function cueEffects(fired: readonly TimedCue[], at: number): RegieEvent[] {
  const events: RegieEvent[] = [];
  for (const { cue } of fired) {
    const a = cue.action;
    switch (a.type) {
      case 'poll.open':
      case 'wordcloud.open':
        events.push({ type: 'interaction.opened', interactionId: a.interaction, at });
        break;
      case 'poll.close':
      case 'wordcloud.close':
        events.push({ type: 'interaction.closed', interactionId: a.interaction, at });
        break;
      case 'poll.reveal':
      case 'wordcloud.reveal':
        events.push({ type: 'interaction.revealed', interactionId: a.interaction, at });
        break;
      case 'qa.open':
        events.push({ type: 'qa.opened', at });
        break;
      case 'qa.close':
        events.push({ type: 'qa.closed', at });
        break;
      case 'scene': // the program bus (projector scenes) is not built yet: the cue is logged as run
      case 'note': // a note is for the operator: shown on the desk, logged as run
        break;
      default:
        a satisfies never;
    }
  }
  return events;
}

/** The events of a cue-engine step, followed by the effects of the cues it fired. */
export function stepEvents(step: Extract<CueStep, { ok: true }>, at: number): RegieEvent[] {
  return [...step.events, ...cueEffects(step.fired, at)];
}
