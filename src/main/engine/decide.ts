import type { Command } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import * as cueEngine from '../../shared/domain/cue-engine';
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

function cueStep(state: RegieState, step: cueEngine.CueStep, at: number): RegieEvent[] {
  if (!step.ok) throw new CommandRejected(step.reason);
  return stepEvents(state, step, at);
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
      const list = timedCuesOf(state);
      const step = cueEngine.go(state.cues, list, at, {
        ...(command.cueId === undefined ? {} : { cueId: command.cueId }),
        ...(command.outOfOrder ? { outOfOrder: true } : {}),
      });
      if (!step.ok && step.code === 'out-of-order') throw new CommandRejected(step.reason, [{ path: 'outOfOrder', message: 'confirmation requise' }]);
      const events = cueStep(state, step, at);
      const goId = events.find((e) => e.type === 'cue.go')?.cueId;
      return goId === undefined ? events : [...events, goRecorded(state, list, goId, events, at)];
    }
    case 'cue.rearm':
      return cueStep(state, cueEngine.rearm(state.cues, timedCuesOf(state), command.cueId, at), at);
    case 'cue.undo':
      return decideUndo(state, command, at);
    case 'cue.next':
      return cueStep(state, cueEngine.next(state.cues, timedCuesOf(state)), at);
    case 'cue.previous':
      return cueStep(state, cueEngine.previous(state.cues, timedCuesOf(state)), at);
    case 'cue.skip':
      return cueStep(state, cueEngine.skip(state.cues, timedCuesOf(state), command.cueId, at), at);
    case 'cue.hold':
      return cueStep(state, cueEngine.hold(state.cues, timedCuesOf(state), at), at);
    case 'cue.release':
      return cueStep(state, cueEngine.release(state.cues, timedCuesOf(state), at), at);
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
  return cueStep(state, cueEngine.tick(state.cues, timedCuesOf(state), at), at);
}

/** At start-up: auto cues whose time passed while the régie was closed are flagged missed, never fired. */
export function decideRestore(state: RegieState, realNow: number): RegieEvent[] {
  if (!state.programme) return [];
  const at = showNow(state, realNow);
  return cueStep(state, cueEngine.restore(state.cues, timedCuesOf(state), at), at);
}


export function assertNever(x: never): never {
  throw new Error(`cas non traité : ${JSON.stringify(x)}`);
}

export { CommandRejected };
