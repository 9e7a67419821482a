import { useRegie, type RegieStore } from '../../lib/regie-store';
import { mainRoomOf } from '../../../shared/api/room-live';
import type { AudienceQuestion } from '../../../shared/api/state';
import type { RoomId } from '../../../shared/domain/rooms';
import { incomingIn, roomQuestions } from './room-scope';

/**
 * Per-room slices of the mirrored questions for the central desk. The régie's state holds every
 * room's questions (six workshops: 60 new ones a second between them); a patch of one room gives
 * a new list of all of them. A component of the room the desk drives must not redraw for the
 * others: these selectors give the same array (or the same number) as long as the room's part is
 * unchanged, so React (Object.is) and zustand skip the render.
 */

const NO_QUESTIONS: readonly AudienceQuestion[] = [];

/**
 * A selector of one room's questions that returns its last array while every question of the
 * room is the same object (the core replaces a changed question and appends new ones, so equal
 * elements mean nothing changed). One per subscriber: it remembers its own last answer.
 */
export function roomQuestionsSelector(room: RoomId): (s: Pick<RegieStore, 'state'>) => readonly AudienceQuestion[] {
  let lastAll: readonly AudienceQuestion[] | null = null;
  let lastMain: RoomId | null = null;
  let last: readonly AudienceQuestion[] = NO_QUESTIONS;
  return (s) => {
    const all = s.state?.audience.questions ?? NO_QUESTIONS;
    const main = mainRoomOf(s.state?.programme ?? null);
    if (all === lastAll && main === lastMain) return last;
    const next = roomQuestions(all, room, main);
    lastAll = all;
    lastMain = main;
    if (!sameItems(last, next)) last = next;
    return last;
  };
}

function sameItems(a: readonly AudienceQuestion[], b: readonly AudienceQuestion[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The questions of `room` (the desk's queue): a new array only when one of them changed or came. */
export function useRoomQuestions(room: RoomId): readonly AudienceQuestion[] {
  // A selector per room (and per component): useRegie calls it at each change of the store.
  const selector = useSelectorFor(room);
  return useRegie(selector);
}

const selectors = new Map<RoomId, ReturnType<typeof roomQuestionsSelector>>();

/**
 * The selector of a room, shared by the desk's components (the queue, the tab's count…): the
 * filter runs once per change of the questions, whoever asks. Rooms are a handful: never evicted.
 */
function useSelectorFor(room: RoomId): ReturnType<typeof roomQuestionsSelector> {
  let selector = selectors.get(room);
  if (!selector) {
    selector = roomQuestionsSelector(room);
    selectors.set(room, selector);
  }
  return selector;
}

/** How many questions of `room` wait to be screened: a number, so another room's patch redraws nothing. */
export function useIncomingIn(room: RoomId): number {
  return useRegie((s) => incomingIn(s.state?.audience.questions ?? NO_QUESTIONS, room, mainRoomOf(s.state?.programme ?? null)));
}
