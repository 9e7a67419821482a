import type { Command } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import { cueRoom } from '../../shared/api/room-bus';
import { mainRoomOf } from '../../shared/api/room-live';
import * as cueEngine from '../../shared/domain/cue-engine';
import type { CueEngineState, CueEvent } from '../../shared/domain/cue-events';
import type { TimedCue } from '../../shared/domain/cue-list';
import { cueRoomState, cueRooms, inRoom, roomCues, withCueRoomState } from '../../shared/domain/cue-rooms';
import { findRoom, type RoomId } from '../../shared/domain/rooms';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { rehearsalBounds, rehearsalRefusal } from '../../shared/domain/rehearsal-clock';
import { readProgrammeFile } from '../programme/import-programme';
import { ProgrammeFileError } from '../programme/programme-file';
import { CommandRejected } from './command-rejected';
import { assertUnlocked, decideEdit } from './decide-edit';
import { commandRoom, decideProgram } from './decide-program';
import { decideQuestion } from './decide-questions';
import { decideStageMessage } from './decide-stage-message';
import { reflagPending } from '../moderation/reflag-pending';
import { decideWords } from './decide-words';
import { decideInteraction } from './decide-interaction';
import type { RegieEvent } from './events';
import { decideUndo } from './decide-undo';
import { goRecorded, showNow, stepEvents, timedCuesOf } from './run-of-show';

export interface DecideContext {
  /** Real time (epoch ms); the show clock derives from it and the state's clock setting. */
  now: number;
}

function requireSession(state: RegieState, sessionId: string) {
  const session = state.programme?.sessions.find((s) => s.id === sessionId);
  if (!state.programme || !session) throw new CommandRejected(`séance inconnue : ${sessionId}`);
  return { programme: state.programme, session };
}

/** One room's step of the cue engine, on that room's playhead and cues; its events carry the room. */
function cueStep(state: RegieState, room: RoomId, run: (cues: CueEngineState, list: TimedCue[]) => cueEngine.CueStep, at: number): RegieEvent[] {
  const step = run(cueRoomState(state.cues, room), roomCues(state.programme, timedCuesOf(state), room));
  if (!step.ok) throw new CommandRejected(step.reason);
  return stepEvents(state, { ...step, events: inRoom(step.events, room) }, at);
}

/**
 * What the clock does in every room, one after the other (auto cues fire in every room on their
 * own; a room held misses its own). Each room's step sees the runs the rooms before it left.
 */
function everyRoomStep(state: RegieState, run: (cues: CueEngineState, list: TimedCue[]) => cueEngine.CueStep, at: number): RegieEvent[] {
  const list = timedCuesOf(state);
  let show = state.cues;
  const events: CueEvent[] = [];
  const fired: TimedCue[] = [];
  for (const room of cueRooms(state.programme, list, state.cues)) {
    const step = run(cueRoomState(show, room), roomCues(state.programme, list, room));
    if (!step.ok) continue; // tick and restore never refuse
    show = withCueRoomState(show, room, step.state);
    events.push(...inRoom(step.events, room));
    fired.push(...step.fired);
  }
  return stepEvents(state, { ok: true, state: cueRoomState(show, mainRoomOf(state.programme)), events, fired }, at);
}

/** The room of a cue named by a command; a `room` that is not the cue's is refused. */
function roomOfNamedCue(state: RegieState, cueId: string, named: RoomId | undefined): RoomId {
  const room = cueRoom(state, cueId);
  if (named !== undefined && named !== room) {
    throw new CommandRejected(`la réplique ${cueId} est de « ${roomName(state, room)} », pas de « ${roomName(state, named)} »`, [
      { path: 'room', message: 'pas la salle de la réplique' },
    ]);
  }
  return room;
}

function roomName(state: RegieState, room: RoomId): string {
  return (state.programme && findRoom(state.programme, room)?.name) ?? room;
}

/** Turns a valid command into the events it causes, or refuses it given the state. Pure. */
export function decide(state: RegieState, command: Command, ctx: DecideContext): RegieEvent[] {
  const at = showNow(state, ctx.now);
  switch (command.type) {
    case 'program.preview':
    case 'program.take':
    case 'program.panic':
    case 'program.restore':
    case 'program.lock':
    case 'program.transition':
      return decideProgram(state, command, at);
    case 'edit.cue.save':
    case 'edit.cue.delete':
    case 'edit.interaction.save':
    case 'edit.interaction.delete':
    case 'edit.lock':
      return decideEdit(state, command);
    case 'interaction.open':
    case 'interaction.close':
    case 'interaction.reveal':
    case 'interaction.hide':
    case 'interaction.reset':
    case 'interaction.create':
      return decideInteraction(state, command, at);
    case 'programme.load':
      assertUnlocked(state);
      return [{ type: 'programme.loaded', programme: command.programme }];
    case 'programme.import':
      assertUnlocked(state);
      try {
        return [{ type: 'programme.loaded', programme: readProgrammeFile(command.content, command.fileName), source: command.fileName }];
      } catch (err) {
        if (!(err instanceof ProgrammeFileError)) throw err;
        const issues = err.issues.slice(0, 50).map((i) => ({ path: [i.line === null ? '' : `ligne ${i.line}`, i.field].filter(Boolean).join(', '), message: i.message }));
        throw new CommandRejected(`${command.fileName} : ${err.issues.length} erreur(s), rien n’a été importé`, issues);
      }
    case 'clock.set':
      if (command.clock.mode === 'live') {
        return state.clock.mode === 'live' ? [] : [{ type: 'clock.set', clock: { mode: 'live' } }];
      }
      {
        // A rehearsal clock stays on the event's days (± 1 day): year 275760 is a slip, not a rehearsal.
        const refusal = rehearsalRefusal(command.clock.at, rehearsalBounds(state.programme));
        if (refusal) throw new CommandRejected(refusal);
      }
      return [{ type: 'clock.set', clock: { mode: 'rehearsal', offsetMs: Math.round(command.clock.at - ctx.now) } }];
    case 'log.note':
      return [{ type: 'log.noted', text: command.text }];
    case 'question.approve':
    case 'question.reject':
    case 'question.reopen':
    case 'question.edit':
    case 'question.merge':
    case 'question.star':
    case 'question.move':
    case 'question.answered':
    case 'question.clear-flags':
    case 'question.redact':
    case 'question.unredact':
    case 'question.add':
      return decideQuestion(state, command, at);
    case 'words.ban':
    case 'words.unban':
    case 'words.merge':
    case 'words.unmerge':
    case 'words.allow':
      return decideWords(state, command);
    case 'moderation.lists': {
      const settings = { badWords: command.badWords, names: command.names, allowed: command.allowed };
      return [{ type: 'moderation.lists.set', ...settings }, ...reflagPending(state, settings)];
    }
    case 'stage.message':
      return decideStageMessage(state, command.text, command.confirmed === true, at, commandRoom(state, command.room));
    case 'join.choose':
      return command.url === state.joinUrl ? [] : [{ type: 'join.chosen', url: command.url }];
    case 'cue.go': {
      // A cue named: its room's GO (its room's order, double press and playhead). None: the standby
      // of the room named, else of the main room.
      const room =
        command.cueId === undefined ? commandRoom(state, command.room) : roomOfNamedCue(state, command.cueId, command.room && commandRoom(state, command.room));
      const list = roomCues(state.programme, timedCuesOf(state), room);
      const step = cueEngine.go(cueRoomState(state.cues, room), list, at, {
        ...(command.cueId === undefined ? {} : { cueId: command.cueId }),
        ...(command.outOfOrder ? { outOfOrder: true } : {}),
      });
      if (!step.ok && step.code === 'out-of-order') throw new CommandRejected(step.reason, [{ path: 'outOfOrder', message: 'confirmation requise' }]);
      const events = cueStep(state, room, () => step, at);
      const goId = events.find((e) => e.type === 'cue.go')?.cueId;
      return goId === undefined ? events : [...events, goRecorded(state, list, goId, events, at)];
    }
    case 'cue.rearm':
      return cueStep(state, cueRoom(state, command.cueId), (cues, list) => cueEngine.rearm(cues, list, command.cueId, at), at);
    case 'cue.undo':
      return decideUndo(state, command, at);
    case 'cue.next':
      return cueStep(state, commandRoom(state, command.room), (cues, list) => cueEngine.next(cues, list), at);
    case 'cue.previous':
      return cueStep(state, commandRoom(state, command.room), (cues, list) => cueEngine.previous(cues, list), at);
    case 'cue.skip':
      return cueStep(state, cueRoom(state, command.cueId), (cues, list) => cueEngine.skip(cues, list, command.cueId, at), at);
    case 'cue.hold':
      return cueStep(state, commandRoom(state, command.room), (cues, list) => cueEngine.hold(cues, list, at), at);
    case 'cue.release':
      return cueStep(state, commandRoom(state, command.room), (cues, list) => cueEngine.release(cues, list, at), at);
    case 'cue.reset':
      return [{ type: 'cue.reset', at }];
    case 'delay.set':
      requireSession(state, command.sessionId);
      // `at` orders the entries (the latest wins): real time, which never jumps like a rehearsal clock.
      return [{ type: 'delay.set', entry: { sessionId: command.sessionId, minutes: command.minutes, at: ctx.now }, showAt: at }];
    case 'delay.clear':
      requireSession(state, command.sessionId);
      if (!state.delays.some((d) => d.sessionId === command.sessionId)) throw new CommandRejected('aucun retard saisi sur cette séance');
      return [{ type: 'delay.cleared', sessionId: command.sessionId, at }];
    case 'session.mark': {
      const { programme, session } = requireSession(state, command.sessionId);
      const plannedAt = command.edge === 'start' ? sessionStartMs(programme, session) : sessionEndMs(programme, session);
      return [{ type: 'session.marked', sessionId: session.id, edge: command.edge, at, plannedAt }];
    }
    default:
      return assertNever(command);
  }
}

/** What the clock decides by itself: auto cues, ended pre-waits, auto-continues. */
export function decideTick(state: RegieState, realNow: number): RegieEvent[] {
  if (!state.programme) return [];
  const at = showNow(state, realNow);
  return everyRoomStep(state, (cues, list) => cueEngine.tick(cues, list, at), at);
}

/** At start-up: auto cues whose time passed while the régie was closed are flagged missed, never fired. */
export function decideRestore(state: RegieState, realNow: number): RegieEvent[] {
  if (!state.programme) return [];
  const at = showNow(state, realNow);
  return everyRoomStep(state, (cues, list) => cueEngine.restore(cues, list, at), at);
}


export function assertNever(x: never): never {
  throw new Error(`cas non traité : ${JSON.stringify(x)}`);
}

export { CommandRejected };
