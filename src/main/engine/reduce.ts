import { mainRoomOf, qaOf, roomOfSessionId } from '../../shared/api/room-live';
import { AS_RUN_KEPT_IN_STATE, type AsRunEntry, clockNow, NOTES_KEPT_IN_STATE, type RegieState } from '../../shared/api/state';
import { eventRoom, evolveCueShow } from '../../shared/domain/cue-rooms';
import { formatOffset } from '../../shared/domain/delays';
import { applyAudienceReceived } from './audience-reducer';
import { assertNever } from './decide';
import { applyQuestionEvent } from './question-reducer';
import { applyRoomBusEvent, carryMainRoom } from './room-bus-reducer';
import { applyWordEvent } from './word-moderation-reducer';
import { applyCodesEvent } from '../codes/codes-reducer';
import type { EventMeta, RegieEvent } from './events';

function keepLast<T>(list: readonly T[], item: T, max: number): T[] {
  const next = list.length >= max ? list.slice(1 - max) : list.slice();
  next.push(item);
  return next;
}

function logged(state: RegieState, meta: EventMeta, entry: Omit<AsRunEntry, 'seq' | 'author' | 'room'>): RegieState['asRun'] {
  const room = roomOfSessionId(state.programme, entry.sessionId);
  return keepLast(state.asRun, { seq: meta.seq, author: meta.actor, ...entry, room }, AS_RUN_KEPT_IN_STATE);
}

/** Applies one event. Pure and immutable: untouched slices keep their identity (patches rely on it). */
export function reduce(state: RegieState, event: RegieEvent, meta: EventMeta): RegieState {
  switch (event.type) {
    case 'programme.loaded':
      return carryMainRoom(state, { ...state, programme: event.programme });
    case 'clock.set': {
      // Moving the rehearsal clock back before the watched start watches the auto cues from there.
      const since = state.cues.since ?? null;
      const showAt = clockNow(event.clock, meta.at);
      return { ...state, clock: event.clock, ...(since !== null && showAt < since ? { cues: { ...state.cues, since: showAt } } : {}) };
    }
    case 'programme.edited':
      return carryMainRoom(state, { ...state, programme: event.programme });
    case 'edit.locked':
      return { ...state, editLocked: event.locked };
    case 'program.previewed':
    case 'program.taken':
    case 'program.panicked':
    case 'program.restored':
    case 'program.locked':
    case 'program.transition.set':
    case 'stage.message.set':
    case 'go.recorded':
    case 'go.undone':
      return applyRoomBusEvent(state, event);
    case 'join.chosen':
      return { ...state, joinUrl: event.url };
    case 'log.noted': {
      // The desk's times are the show clock's (a rehearsal's too); the journal row keeps the real time.
      const note = { seq: meta.seq, at: clockNow(state.clock, meta.at), author: meta.actor, text: event.text };
      return { ...state, notes: keepLast(state.notes, note, NOTES_KEPT_IN_STATE), notesTotal: state.notesTotal + 1 };
    }
    case 'epoch.begun': {
      // Read from the journal (Journal.lastEpoch); in the state only as a line of the desk's log.
      const note = { seq: meta.seq, at: clockNow(state.clock, meta.at), author: meta.actor, text: `Prise de main : cette régie mène (époque ${event.epoch})` };
      return { ...state, notes: keepLast(state.notes, note, NOTES_KEPT_IN_STATE), notesTotal: state.notesTotal + 1 };
    }
    case 'cue.standby':
    case 'cue.go':
    case 'cue.prewait':
    case 'cue.held':
    case 'cue.released':
    case 'cue.rearmed':
    case 'cue.watching':
      // Each room its own playhead; an event without a room (a journal of before rooms) is the main room's.
      return { ...state, cues: evolveCueShow(state.cues, event, eventRoom(event, mainRoomOf(state.programme))) };
    case 'cue.fired':
    case 'cue.missed':
    case 'cue.skipped': {
      const cues = evolveCueShow(state.cues, event, eventRoom(event, mainRoomOf(state.programme)));
      const sessionId = state.programme?.sessions.find((s) => s.cues?.some((c) => c.id === event.cueId))?.id ?? null;
      const entry =
        event.type === 'cue.fired'
          ? { kind: event.type, plannedAt: event.plannedAt, actualAt: event.firedAt, detail: event.trigger }
          : event.type === 'cue.missed'
            ? { kind: event.type, plannedAt: event.plannedAt, actualAt: event.at, detail: event.reason }
            : { kind: event.type, plannedAt: null, actualAt: event.at, detail: '' };
      return { ...state, cues, asRun: logged(state, meta, { ...entry, sessionId, cueId: event.cueId }) };
    }
    case 'cue.reset':
      // The auto cues already past are not flagged missed: the run starts again from now.
      return { ...state, cues: { rooms: {}, runs: {}, since: event.at }, lastGos: {} };
    case 'delay.set':
      return {
        ...state,
        delays: [...state.delays, event.entry],
        asRun: logged(state, meta, {
          kind: 'delay.set',
          sessionId: event.entry.sessionId,
          cueId: null,
          plannedAt: null,
          actualAt: event.showAt ?? event.entry.at,
          detail: formatOffset(event.entry.minutes),
        }),
      };
    case 'delay.cleared':
      return {
        ...state,
        delays: state.delays.filter((d) => d.sessionId !== event.sessionId),
        asRun: logged(state, meta, { kind: 'delay.cleared', sessionId: event.sessionId, cueId: null, plannedAt: null, actualAt: event.at, detail: '' }),
      };
    case 'session.marked': {
      const mark = state.sessionMarks[event.sessionId] ?? { startedAt: null, endedAt: null };
      const next = event.edge === 'start' ? { ...mark, startedAt: event.at } : { ...mark, endedAt: event.at };
      return {
        ...state,
        sessionMarks: { ...state.sessionMarks, [event.sessionId]: next },
        asRun: logged(state, meta, {
          kind: event.edge === 'start' ? 'session.start' : 'session.end',
          sessionId: event.sessionId,
          cueId: null,
          plannedAt: event.plannedAt,
          actualAt: event.at,
          detail: '',
        }),
      };
    }
    case 'interaction.opened':
      // Without a room (a journal of before rooms): the main room.
      return withInteraction(state, event.interactionId, { status: 'open', openedAt: event.at, closedAt: null, revealed: false, room: event.room ?? mainRoomOf(state.programme) });
    case 'interaction.closed': {
      const run = state.live.interactions[event.interactionId];
      return withInteraction(state, event.interactionId, { status: 'closed', openedAt: run?.openedAt ?? event.at, closedAt: event.at, revealed: run?.revealed ?? false, room: runRoom(state, run) });
    }
    case 'interaction.revealed': {
      const run = state.live.interactions[event.interactionId];
      return withInteraction(state, event.interactionId, {
        status: run?.status ?? 'closed',
        openedAt: run?.openedAt ?? event.at,
        closedAt: run?.closedAt ?? null,
        revealed: true,
        hidden: false,
        room: runRoom(state, run),
      });
    }
    case 'interaction.hidden': {
      const run = state.live.interactions[event.interactionId];
      return withInteraction(state, event.interactionId, {
        status: run?.status ?? 'closed',
        openedAt: run?.openedAt ?? event.at,
        closedAt: run?.closedAt ?? null,
        revealed: false,
        hidden: true,
        room: runRoom(state, run),
      });
    }
    case 'interaction.reset':
      return resetPoll(state, event.interactionId);
    case 'qa.opened': {
      const room = event.room ?? mainRoomOf(state.programme);
      return withQa(state, room, { open: true, since: event.at, sessionId: event.sessionId, roomOnly: event.roomOnly });
    }
    case 'qa.closed': {
      const room = event.room ?? mainRoomOf(state.programme);
      return withQa(state, room, { ...qaOf(state, room), open: false, since: event.at });
    }
    case 'audience.received':
      return applyAudienceReceived(state, event, meta);
    case 'question.status.set':
    case 'question.edited':
    case 'question.merged':
    case 'question.ranked':
    case 'question.flags.cleared':
    case 'question.flags.added':
    case 'question.findings.added':
    case 'question.redacted':
    case 'question.unredacted':
    case 'question.added':
      return applyQuestionEvent(state, event, meta);
    case 'words.banned':
    case 'words.unbanned':
    case 'words.merged':
    case 'words.unmerged':
    case 'words.allowed':
      return applyWordEvent(state, event);
    case 'moderation.lists.set':
      return { ...state, moderation: { badWords: event.badWords, names: event.names, allowed: event.allowed } };
    case 'codes.imported':
    case 'codes.cleared':
    case 'code.released':
      return applyCodesEvent(state, event, meta);
    default:
      return assertNever(event);
  }
}

/** Back to draft: no run, no tally, no ballots (the journal keeps every vote). */
function resetPoll(state: RegieState, id: string): RegieState {
  const { [id]: _run, ...interactions } = state.live.interactions;
  const { [id]: _tally, ...tallies } = state.audience.tallies;
  const { [id]: _ballots, ...ballots } = state.ballots;
  return { ...state, live: { ...state.live, interactions }, audience: { ...state.audience, tallies }, ballots };
}

/** The room of a run (one of before rooms, in a journal: the main room). */
function runRoom(state: RegieState, run: RegieState['live']['interactions'][string] | undefined): string {
  return run?.room ?? mainRoomOf(state.programme);
}

function withQa(state: RegieState, room: string, qa: RegieState['live']['qa'][string]): RegieState {
  return { ...state, live: { ...state.live, qa: { ...state.live.qa, [room]: qa } } };
}

function withInteraction(state: RegieState, id: string, run: RegieState['live']['interactions'][string]): RegieState {
  return { ...state, live: { ...state.live, interactions: { ...state.live.interactions, [id]: run } } };
}

/** The top-level slices that differ between two states (by identity). */
export function changedSlices(before: RegieState, after: RegieState): (keyof RegieState)[] {
  return (Object.keys(after) as (keyof RegieState)[]).filter((k) => before[k] !== after[k]);
}
