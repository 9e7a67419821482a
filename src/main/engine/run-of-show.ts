import { clockNow, type RegieState } from '../../shared/api/state';
import type { CueStep } from '../../shared/domain/cue-engine';
import { cueList, type TimedCue } from '../../shared/domain/cue-list';
import { applyDelays, type Schedule } from '../../shared/domain/delays';
import { sessionAudience } from '../../shared/domain/programme';
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
export function cueEffects(state: RegieState, fired: readonly TimedCue[], at: number): RegieEvent[] {
  const events: RegieEvent[] = [];
  for (const { cue, sessionId } of fired) {
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
      case 'qa.open': {
        const session = state.programme?.sessions.find((s) => s.id === sessionId);
        // Workshops take questions from the room only (the session's audience says so).
        const roomOnly = session ? !sessionAudience(session).remote : false;
        events.push({ type: 'qa.opened', at, sessionId, roomOnly });
        break;
      }
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
export function stepEvents(state: RegieState, step: Extract<CueStep, { ok: true }>, at: number): RegieEvent[] {
  return [...step.events, ...cueEffects(state, step.fired, at)];
}
