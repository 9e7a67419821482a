import type { Command } from '../../shared/api/commands';
import { mainRoomOf } from '../../shared/api/room-live';
import type { RegieState } from '../../shared/api/state';
import { cueRoom, lastGoOf, programOf, undoInputOf } from '../../shared/api/room-bus';
import { type UndoStep, undoNeedsConfirmation, undoPlan, UNDO_GO_WINDOW_MS } from '../../shared/domain/go-undo';
import type { RoomId } from '../../shared/domain/rooms';
import { HOLDING } from '../../shared/domain/scene';
import { CommandRejected } from './command-rejected';
import { checkScene } from './decide-program';
import type { RegieEvent } from './events';

type UndoCommand = Extract<Command, { type: 'cue.undo' }>;

/**
 * `cue.undo`: the last GO taken back where it can be (src/shared/domain/go-undo.ts says what and
 * what not), its cues re-armed, then `go.undone` with what had to stay. Pure.
 */
export function decideUndo(state: RegieState, command: UndoCommand, at: number): RegieEvent[] {
  // Each room has its last GO: the cue's room's is the one undone.
  const room = cueRoom(state, command.cueId);
  const lastGo = lastGoOf(state, room);
  const plan = undoPlan(undoInputOf(state, room), command.cueId);
  if (!plan.ok) {
    throw new CommandRejected(
      plan.reason === 'nothing'
        ? 'aucun GO à annuler (déjà annulé, ou aucun GO depuis le démarrage)'
        : `le dernier GO est celui de ${plan.lastCueId ?? '?'}, pas de ${command.cueId} : rien n’a été annulé`,
    );
  }
  if (lastGo && undoNeedsConfirmation(lastGo, at) && command.confirmed !== true) {
    throw new CommandRejected(`GO lancé il y a plus de ${UNDO_GO_WINDOW_MS / 1000} s : confirmez l’annulation depuis la régie`, [
      { path: 'confirmed', message: 'confirmation requise' },
    ]);
  }
  const kept: string[] = plan.kept.map((k) => k.kind);
  const events = plan.steps.flatMap((s) => stepEvents(state, s, at, kept, room));
  return [...events, { type: 'go.undone', cueId: plan.cueId, at, kept, room }];
}

function stepEvents(state: RegieState, step: UndoStep, at: number, kept: string[], room: RoomId): RegieEvent[] {
  switch (step.kind) {
    case 'close':
      return [{ type: 'interaction.closed', interactionId: step.interactionId, at }];
    case 'set-aside':
      return [{ type: 'interaction.reset', interactionId: step.interactionId, at, room: state.live.interactions[step.interactionId]?.room ?? mainRoomOf(state.programme) }];
    case 'reopen':
      // Where it ran (the GO's room: only its polls were written down).
      return [{ type: 'interaction.opened', interactionId: step.interactionId, at, room: state.live.interactions[step.interactionId]?.room ?? mainRoomOf(state.programme) }];
    case 'hide':
      return [{ type: 'interaction.hidden', interactionId: step.interactionId, at }];
    case 'qa.close':
      return [{ type: 'qa.closed', at, room: step.room }];
    case 'qa.reopen':
      return [{ type: 'qa.opened', at, sessionId: step.sessionId, roomOnly: step.roomOnly, room: step.room }];
    case 'preview':
      return [{ type: 'program.previewed', scene: step.scene, room }];
    case 'air': {
      // The scene from before is checked again (a question rejected since never comes back).
      let scene = HOLDING;
      try {
        scene = checkScene(state, step.scene, room);
      } catch (err) {
        if (!(err instanceof CommandRejected)) throw err;
        kept.push('air-holding');
      }
      return [{ type: 'program.taken', scene, transition: programOf(state, room).transition, swap: false, at, room }];
    }
    case 'rearm':
      // Back on standby in its own room (the GO's: a cue's room is its session's).
      return [{ type: 'cue.rearmed', cueId: step.cueId, at, room }];
    default:
      return step satisfies never;
  }
}
