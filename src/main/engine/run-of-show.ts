import { clockNow, isProjectable, questionText, type RegieState } from '../../shared/api/state';
import type { CueStep } from '../../shared/domain/cue-engine';
import { cueList, type TimedCue } from '../../shared/domain/cue-list';
import { applyDelays, type Schedule } from '../../shared/domain/delays';
import { sessionAudience } from '../../shared/domain/programme';
import type { CueAction } from '../../shared/domain/cue';
import type { Scene } from '../../shared/domain/scene';
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
      case 'scene': {
        const scene = sceneOfCue(state, a, at);
        // A locked output, or the holding screen of a panic, is not overridden by a cue (it is logged as run).
        if (scene && !state.program.locked && !state.program.panicFrom) {
          events.push({ type: 'program.taken', scene, transition: state.program.transition, swap: false, at });
        }
        break;
      }
      case 'note': // a note is for the operator: shown on the desk, logged as run
        break;
      default:
        a satisfies never;
    }
  }
  return events;
}

/** The scene a cue puts on the projector, or null when it cannot be composed (it is still logged). */
export function sceneOfCue(state: RegieState, a: Extract<CueAction, { type: 'scene' }>, at: number): Scene | null {
  switch (a.scene) {
    case 'holding':
    case 'join':
    case 'black':
      return { kind: a.scene };
    case 'message':
      return a.text ? { kind: 'message', text: a.text } : null;
    case 'countdown': {
      // Counts down to the next session's expected start (« Reprise à 14 h 00 »).
      const schedule = scheduleOf(state);
      const next = Object.values(schedule)
        .map((t) => t.expectedStart)
        .filter((t) => t > at)
        .sort((x, y) => x - y)[0];
      return next === undefined ? null : { kind: 'countdown', until: next, ...(a.text ? { caption: a.text } : {}) };
    }
    case 'poll':
    case 'wordcloud': {
      const kind = a.scene;
      const id =
        a.interaction ??
        Object.entries(state.live.interactions)
          .filter(([iid]) => state.programme?.interactions?.find((i) => i.id === iid)?.kind === kind)
          .sort((x, y) => y[1].openedAt - x[1].openedAt)[0]?.[0];
      return id ? { kind, interactionId: id } : null;
    }
    case 'question': {
      // The first of the shortlist that may be projected (a cue never projects an unscreened question).
      const next = state.audience.questions.filter((q) => q.rank !== null && isProjectable(q)).sort((x, y) => x.rank! - y.rank!)[0];
      return next ? { kind: 'question', questionId: next.id, text: questionText(next), name: next.name, origin: next.origin } : null;
    }
    default:
      return a.scene satisfies never;
  }
}

/** The events of a cue-engine step, followed by the effects of the cues it fired. */
export function stepEvents(state: RegieState, step: Extract<CueStep, { ok: true }>, at: number): RegieEvent[] {
  return [...step.events, ...cueEffects(state, step.fired, at)];
}
