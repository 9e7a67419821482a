import type { Command } from '../../../shared/api/commands';
import type { InteractionRun, LiveState } from '../../../shared/api/state';
import { actionInteraction } from '../../../shared/domain/cue';
import type { Interaction } from '../../../shared/domain/interaction';
import { pollResultsHidden } from '../../../shared/domain/poll-results';
import type { Programme } from '../../../shared/domain/programme';
import { defaultRoomOfInteraction } from '../../../shared/api/room-live';
import type { RoomId } from '../../../shared/domain/rooms';

/**
 * What the desk offers for a poll or a word cloud in its live state: where it stands (draft, open,
 * closed), whether its results are on the projector, and the actions that make sense now. The core
 * judges every command again; this only keeps the buttons to the ones worth pressing. Pure.
 */

export type LivePhase = 'draft' | 'open' | 'closed';

/**
 * shown: the projector shows the results (bars, words); waiting: a poll that keeps them until its
 * reveal; hidden: the régie hid them again.
 */
export type ResultsVisibility = 'shown' | 'waiting' | 'hidden';

export type LiveAction = 'open' | 'close' | 'reveal' | 'hide' | 'reset' | 'preview';

export interface LiveControls {
  phase: LivePhase;
  visibility: ResultsVisibility;
  /** The results went to the phones and the projector (a reveal not hidden since). */
  revealed: boolean;
  actions: LiveAction[];
}

export function resultsVisibility(i: Interaction, run: InteractionRun | undefined): ResultsVisibility {
  if (run?.hidden === true) return 'hidden';
  if (i.kind === 'poll' && pollResultsHidden(i, run)) return 'waiting';
  return 'shown';
}

/**
 * The actions for one interaction. `counted`: the régie holds votes for it (a poll reset to
 * draft has none). Reset stays offered while a poll is open: the core refuses it and says why.
 */
export function liveControls(i: Interaction, run: InteractionRun | undefined, counted: boolean): LiveControls {
  const phase: LivePhase = run?.status ?? 'draft';
  const visibility = resultsVisibility(i, run);
  const actions: LiveAction[] = [phase === 'open' ? 'close' : 'open'];
  if (run && !run.revealed) actions.push('reveal');
  if (run && visibility === 'shown') actions.push('hide');
  if (i.kind === 'poll' && (run !== undefined || counted)) actions.push('reset');
  actions.push('preview');
  return { phase, visibility, revealed: run?.revealed === true, actions };
}

/**
 * The interactions the desk lists: with a current session, the ones its cues use, those live now
 * (open or closed) and those no cue uses (made on the spot, or launched by hand); without one, or
 * with `all`, every interaction. Programme order (made on the spot: last), so rows never jump.
 */
export function deskInteractions(
  programme: Programme | null | undefined,
  live: LiveState | undefined,
  sessionId: string | null,
  all: boolean,
): Interaction[] {
  const interactions = programme?.interactions ?? [];
  if (!programme || all || sessionId === null) return [...interactions];
  const usedBy = new Map<string, Set<string>>();
  for (const s of programme.sessions) {
    for (const c of s.cues ?? []) {
      const ref = actionInteraction(c.action);
      if (!ref) continue;
      const sessions = usedBy.get(ref.id) ?? new Set<string>();
      sessions.add(s.id);
      usedBy.set(ref.id, sessions);
    }
  }
  return interactions.filter((i) => {
    const sessions = usedBy.get(i.id);
    return sessions === undefined || sessions.has(sessionId) || live?.interactions[i.id] !== undefined;
  });
}

/** The command an action sends: the interaction's own, or its scene to the program bus's preview. */
export function liveCommand(action: LiveAction, i: Interaction): Command {
  if (action === 'preview') return { type: 'program.preview', scene: { kind: i.kind, interactionId: i.id } };
  return { type: `interaction.${action}`, interactionId: i.id };
}

/**
 * A room seat's list (docs/rooms.md § 3): only the polls and clouds of its room — where they ran,
 * the room they were made for, else their cues' session's — never another room's or the plenary's
 * (the core would refuse them). `live` is the seat's own share: another room's runs are not in it.
 */
export function roomInteractions(list: readonly Interaction[], programme: Programme | null | undefined, live: LiveState | undefined, room: RoomId): Interaction[] {
  const state = { programme: programme ?? null, live: { interactions: live?.interactions ?? {} } };
  return list.filter((i) => defaultRoomOfInteraction(state, i.id) === room);
}
