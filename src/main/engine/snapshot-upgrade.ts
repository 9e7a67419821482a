import { mainRoomOf, roomOfSessionId } from '../../shared/api/room-live';
import { CLOSED_QA, type QaState, type RegieState } from '../../shared/api/state';
import type { RoomId } from '../../shared/domain/rooms';

/**
 * Snapshots of an older format that can be brought to today's shape without replaying the whole
 * journal (src/main/store/snapshots.ts says which format is which). Each step takes the state as
 * the format before it left it; a format with no step here is set aside and the journal replayed.
 */
type Upgrade = (state: RegieState) => RegieState;

/**
 * 1 → 2 (rooms, docs/rooms.md § 2): the single `live.qa` becomes the main room's, every run,
 * question and as-run line gets the room a replay of the same journal would give it (the main
 * room; a question or a line its session's room, as the reducers derive it).
 */
const toRooms: Upgrade = (state) => {
  const main = mainRoomOf(state.programme);
  const live = state.live as unknown as { interactions: Record<string, object>; qa: QaState | Record<RoomId, QaState> };
  const single = live.qa as Partial<QaState>;
  let qa = live.qa as Record<RoomId, QaState>;
  if (typeof single.open === 'boolean') {
    // A Q&A never opened has no entry, as a replay leaves it.
    const never = !single.open && (single.since ?? null) === null;
    qa = never ? {} : { [main]: { ...CLOSED_QA, ...single } };
  }
  const interactions = Object.fromEntries(Object.entries(state.live.interactions).map(([id, run]) => [id, { ...run, room: (run as { room?: RoomId }).room ?? main }]));
  const questions = state.audience.questions.map((q) => ('room' in q && typeof q.room === 'string' ? q : { ...q, room: roomOfSessionId(state.programme, q.sessionId) }));
  const asRun = state.asRun.map((e) => ('room' in e && typeof e.room === 'string' ? e : { ...e, room: roomOfSessionId(state.programme, e.sessionId) }));
  return { ...state, live: { ...state.live, interactions, qa }, audience: { ...state.audience, questions }, asRun };
};

/** Format n → n + 1, by n. */
const UPGRADES: Readonly<Record<number, Upgrade>> = { 1: toRooms };

/** The state of a snapshot of `format` in today's shape (`to`), or null when it cannot be upgraded. */
export function upgradeSnapshot(state: RegieState, format: number, to: number): RegieState | null {
  let s = state;
  for (let f = format; f < to; f++) {
    const step = UPGRADES[f];
    if (!step) return null;
    s = step(s);
  }
  return format <= to ? s : null;
}
