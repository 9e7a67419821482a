import { randomBytes } from 'node:crypto';
import type { CommandResult } from '../../shared/api/results';
import type { RegieState } from '../../shared/api/state';
import { authorize } from '../../shared/domain/authorize';
import { programOf } from '../../shared/api/room-bus';
import { questionRoom, stateMainRoom } from '../../shared/domain/room-of';
import type { SeatInfo } from '../../shared/domain/seats';
import type { RegieEngine } from '../engine/regie-engine';
import { nextShortlistedQuestion } from './remote-next-question';

/**
 * What a remote control (HTTP for Companion, OSC) may do, as ordinary commands for the engine:
 * the same validation, journal and refusals as the desk's keys. Parameters come as a query
 * (`to=black`, `transition=cut`, `ms=800`).
 */
export type RemoteParams = Pick<URLSearchParams, 'get' | 'has'>;
/**
 * The commands an action sends, in order; the next one only if the previous one was accepted.
 * `state` is the remote's seat's share of it (remoteState): a room seat's « next question » is its room's.
 */
export type RemotePlan = (state: RegieState, params: RemoteParams) => { commands: unknown[] } | { refused: string };

export const NO_NEXT_QUESTION = 'aucune question suivante dans la sélection (étoilée, approuvée, non signalée, pas déjà à l’antenne)';

/** `transition=cut` or `transition=fade&ms=800`; the engine's schema checks the values. */
function transitionOf(q: RemoteParams): { transition?: unknown } {
  const kind = q.get('transition');
  if (kind === null) return {};
  const ms = q.get('ms');
  return { transition: { kind, durationMs: ms === null ? (kind === 'fade' ? 500 : 0) : Number(ms) } };
}

export const REMOTE_ACTIONS: Record<string, RemotePlan> = {
  take: (_e, q) => ({ commands: [{ type: 'program.take', ...transitionOf(q) }] }),
  panic: (_e, q) => ({ commands: [{ type: 'program.panic', ...(q.has('to') ? { to: q.get('to') } : {}) }] }),
  restore: () => ({ commands: [{ type: 'program.restore' }] }),
  lock: () => ({ commands: [{ type: 'program.lock', locked: true }] }),
  unlock: () => ({ commands: [{ type: 'program.lock', locked: false }] }),
  go: () => ({ commands: [{ type: 'cue.go' }] }),
  'next-question': (state, q) => {
    const next = nextShortlistedQuestion(state);
    if (!next) return { refused: NO_NEXT_QUESTION };
    // Not atomic: if TAKE is then refused (output locked), the question stays in preview.
    return {
      commands: [
        { type: 'program.preview', scene: { kind: 'question', questionId: next.id } },
        { type: 'program.take', ...transitionOf(q) },
      ],
    };
  },
  'preview/next-question': (state) => {
    const next = nextShortlistedQuestion(state);
    if (!next) return { refused: NO_NEXT_QUESTION };
    return { commands: [{ type: 'program.preview', scene: { kind: 'question', questionId: next.id } }] };
  },
};

/**
 * The state as a remote's seat sees it: the régie's whole; a room seat's, its room's bus in the
 * main room's place and its room's questions (what the status reads, and what « question
 * suivante » picks from, read the main room's bus).
 */
export function remoteState(state: RegieState, seat: SeatInfo): RegieState {
  if (seat.kind === 'regie') return state;
  const main = stateMainRoom(state);
  const room = seat.room ?? main;
  return {
    ...state,
    programs: { ...state.programs, [main]: programOf(state, room) },
    audience: { ...state.audience, questions: state.audience.questions.filter((q) => questionRoom(q, main) === room) },
  };
}

/** A room seat's bus commands name its room (a régie seat's remote drives the main room's bus, as before rooms). */
function inSeatRoom(command: unknown, seat: SeatInfo): unknown {
  if (seat.kind !== 'room' || seat.room === null || typeof command !== 'object' || command === null) return command;
  const type = (command as { type?: unknown }).type;
  return typeof type === 'string' && type.startsWith('program.') ? { ...command, room: seat.room } : command;
}

/** The journal's actor of a remote: its seat's name, and how it came (« Régie — conduite (Stream Deck) »). */
export function remoteActor(seat: SeatInfo, via: 'http' | 'osc'): string {
  return `${seat.name} (${via === 'http' ? 'télécommande HTTP' : 'télécommande OSC'})`;
}

/**
 * Submits the commands one after the other as `seat` (authorised like the desk's, journaled under
 * `actor`); stops at the first refusal and returns it.
 */
export async function runRemoteCommands(engine: RegieEngine, commands: unknown[], seat: SeatInfo, actor: string): Promise<CommandResult> {
  let last: CommandResult = { ok: true, seq: engine.seq, duplicate: false };
  for (const command of commands) {
    last = await engine.submit({ id: `remote-${randomBytes(9).toString('base64url')}`, command: inSeatRoom(command, seat) }, actor, (c, state) => authorize(seat, c, state));
    if (!last.ok) return last;
  }
  return last;
}
