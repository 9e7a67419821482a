import { qaOf, roomOfSessionId } from '../../shared/api/room-live';
import { clockNow, isProjectable, questionText, type RegieState } from '../../shared/api/state';
import type { CueStep } from '../../shared/domain/cue-engine';
import { cueList, type TimedCue } from '../../shared/domain/cue-list';
import { applyDelays, type Schedule } from '../../shared/domain/delays';
import { sessionAudience } from '../../shared/domain/programme';
import { type CueAction, actionInteraction } from '../../shared/domain/cue';
import { cueStatus } from '../../shared/domain/cue-events';
import type { Scene } from '../../shared/domain/scene';
import { programOf, sessionRoom } from '../../shared/api/room-bus';
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

/**
 * What each fired cue does, beyond being logged: the interactions and the Q&A it opens or closes,
 * the scene it puts in preview (or on air, where the cue says so). Each effect is checked against
 * the show as the previous ones leave it: a poll already open is not opened again, one not open
 * is not closed, and results are revealed only for a poll or cloud opened at least once (never
 * the 0 % of a poll set aside by an undo).
 */
export function cueEffects(state: RegieState, fired: readonly TimedCue[], at: number): RegieEvent[] {
  const events: RegieEvent[] = [];
  // Which interactions are open as the effects go, and where (a room's phones show one at a time, as the hub does).
  const status = new Map(Object.entries(state.live.interactions).map(([id, r]) => [id, { open: r.status === 'open', room: r.room }]));
  // Each room's Q&A as the effects go.
  const qaOpen = new Map(Object.entries(state.live.qa).map(([room, qa]) => [room, qa.open]));
  for (const { cue, id: cueId, sessionId } of fired) {
    const a = cue.action;
    // A cue acts in its session's room: a workshop's cue opens the workshop's poll and Q&A.
    const room = roomOfSessionId(state.programme, sessionId);
    switch (a.type) {
      case 'poll.open':
      case 'wordcloud.open': {
        if (status.get(a.interaction)?.open) break;
        for (const [other, st] of status) {
          if (!st.open || st.room !== room) continue;
          events.push({ type: 'interaction.closed', interactionId: other, at });
          status.set(other, { ...st, open: false });
        }
        events.push({ type: 'interaction.opened', interactionId: a.interaction, at, room });
        status.set(a.interaction, { open: true, room });
        break;
      }
      case 'poll.close':
      case 'wordcloud.close':
        if (!status.get(a.interaction)?.open) break;
        events.push({ type: 'interaction.closed', interactionId: a.interaction, at });
        status.set(a.interaction, { open: false, room: status.get(a.interaction)?.room ?? room });
        break;
      case 'poll.reveal':
      case 'wordcloud.reveal':
        if (!status.has(a.interaction)) break;
        events.push({ type: 'interaction.revealed', interactionId: a.interaction, at });
        break;
      case 'qa.open': {
        const session = state.programme?.sessions.find((s) => s.id === sessionId);
        // Workshops take questions from the room only (the session's audience says so).
        const roomOnly = session ? !sessionAudience(session).remote : false;
        events.push({ type: 'qa.opened', at, sessionId, roomOnly, room });
        qaOpen.set(room, true);
        break;
      }
      case 'qa.close':
        if (!qaOpen.get(room)) break;
        events.push({ type: 'qa.closed', at, room });
        qaOpen.set(room, false);
        break;
      case 'scene': {
        const scene = sceneOfCue(state, a, at);
        if (!scene) break;
        // Through the program bus of the cue's room (its session's): to preview, unless the cue
        // says straight to air. A locked output, or the holding screen of a panic, is not
        // overridden: the scene waits in preview.
        const room = sessionRoom(state, sessionId);
        const p = programOf(state, room);
        if (a.straightToAir === true && !p.locked && !p.panicFrom) {
          events.push({ type: 'program.taken', scene, transition: p.transition, swap: false, cueId, at, room });
        } else {
          events.push({ type: 'program.previewed', scene, cueId, room });
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

/** The GO's cue, then the cues its auto-continue would set off (the session's next, past the skipped ones). */
export function autoContinueChain(state: RegieState, list: readonly TimedCue[], cueId: string): string[] {
  const chain: string[] = [];
  let current = list.find((c) => c.id === cueId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    if (!current.cue.autoContinue) break;
    const from = current;
    current = list.slice(list.indexOf(from) + 1).find((n) => n.sessionId === from.sessionId && cueStatus(state.cues, n.id) !== 'skipped');
  }
  return chain;
}

/**
 * What the show looked like just before a GO, journaled after it, so that `u` can undo it. The GO
 * is its cue's room's: that room's bus is the one written down, and the last GO of that room.
 */
export function goRecorded(state: RegieState, list: readonly TimedCue[], cueId: string, events: readonly RegieEvent[], at: number): RegieEvent {
  const chain = autoContinueChain(state, list, cueId);
  const room = sessionRoom(state, list.find((c) => c.id === cueId)?.sessionId ?? null);
  const program = programOf(state, room);
  const named = chain.flatMap((id) => {
    const a = list.find((c) => c.id === id)?.cue.action;
    const ref = a ? actionInteraction(a) : null;
    return ref ? [ref.id] : [];
  });
  // The GO's room: an undo puts back that room's polls and Q&A, never another room's.
  const open = Object.entries(state.live.interactions)
    .filter(([, r]) => r.status === 'open' && r.room === room)
    .map(([id]) => id);
  const interactions = Object.fromEntries([...new Set([...named, ...open])].map((id) => [id, state.live.interactions[id] ?? null]));
  const byChain = (e: RegieEvent) => 'cueId' in e && typeof e.cueId === 'string' && chain.includes(e.cueId);
  return {
    type: 'go.recorded',
    room,
    lastGo: {
      cueId,
      at,
      chain,
      aired: events.some((e) => e.type === 'program.taken' && byChain(e)),
      previewed: events.some((e) => e.type === 'program.previewed' && byChain(e)),
      before: {
        onAir: program.panicFrom ?? program.onAir,
        preview: program.preview,
        interactions,
        qa: qaOf(state, room),
        questions: state.audience.questions.length,
      },
    },
  };
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
