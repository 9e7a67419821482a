import { mainRoomOf, roomOfSessionId } from '../../shared/api/room-live';
import { CLOSED_QA, type QaState, type RegieState } from '../../shared/api/state';
import type { CueEngineState } from '../../shared/domain/cue-events';
import { playheadEntry } from '../../shared/domain/cue-rooms';
import type { Programme } from '../../shared/domain/programme';
import type { RoomId } from '../../shared/domain/rooms';
import { SNAPSHOT_FORMAT } from './snapshots';

/** A snapshot's state as read from the disk: any format's slices, before they are checked. */
type RawState = Record<string, unknown>;

const programmeOf = (raw: RawState): Programme | null => (raw.programme ?? null) as Programme | null;
const withRoom = <T extends object>(x: T, room: RoomId): T & { room: RoomId } =>
  'room' in x && typeof (x as { room?: unknown }).room === 'string' ? (x as T & { room: RoomId }) : { ...x, room };

/**
 * Steps from one snapshot format to the next (snapshots.ts says which format is which), where the
 * reducers of the newer format would have derived the same show from the same journal, only kept
 * otherwise. A format without a step here (0: before formats were recorded) is set aside: the
 * journal is replayed from the start.
 */
const STEPS: Record<number, (raw: RawState) => RawState> = {
  // 1 → 2: rooms' Q&A (docs/rooms.md § 2). The single `live.qa` becomes the main room's; every run,
  // question and as-run line gets the room a replay of the same journal gives it (a run: the main
  // room; a question or a line: its session's room, as the reducers derive it).
  1: (raw) => {
    const programme = programmeOf(raw);
    const main = mainRoomOf(programme);
    const up: RawState = { ...raw };
    if (raw.live) {
      const live = raw.live as { interactions?: Record<string, object>; qa?: Partial<QaState> | Record<RoomId, QaState> };
      let qa = (live.qa ?? {}) as Record<RoomId, QaState>;
      const single = live.qa as Partial<QaState> | undefined;
      if (single && typeof single.open === 'boolean') {
        // A Q&A never opened has no entry, as a replay leaves it.
        const never = !single.open && (single.since ?? null) === null;
        qa = never ? {} : { [main]: { ...CLOSED_QA, ...single } };
      }
      const interactions = Object.fromEntries(Object.entries(live.interactions ?? {}).map(([id, run]) => [id, withRoom(run, main)]));
      up.live = { ...live, interactions, qa };
    }
    if (raw.audience) {
      const audience = raw.audience as { questions?: { sessionId: string | null }[] };
      up.audience = { ...audience, questions: (audience.questions ?? []).map((q) => withRoom(q, roomOfSessionId(programme, q.sessionId))) };
    }
    if (Array.isArray(raw.asRun)) {
      up.asRun = (raw.asRun as { sessionId: string | null }[]).map((e) => withRoom(e, roomOfSessionId(programme, e.sessionId)));
    }
    return up;
  },
  // 2 → 3: each room its own bus, stage message and last GO (docs/rooms.md § 2). What the one bus
  // held is the main room's, as the journal's events without a room are.
  2: (raw) => {
    const { program, stageMessage, lastGo, ...rest } = raw;
    const main = mainRoomOf(programmeOf(rest));
    const one = (value: unknown) => (value === undefined || value === null ? {} : { [main]: value });
    return { ...rest, programs: one(program), stageMessages: one(stageMessage), lastGos: one(lastGo) };
  },
  // 3 → 4: each room its own cue standby (docs/rooms.md § 2). The one playhead (standby, hold, last
  // GO time) is the main room's, as the journal's cue events without a room are; the runs and the
  // watched start stay the show's.
  3: (raw) => {
    if (!raw.cues || typeof raw.cues !== 'object' || 'rooms' in raw.cues) return raw;
    const { runs, since, standby, standbyPinned, held, heldSince, lastGoAt } = raw.cues as CueEngineState;
    const main = mainRoomOf(programmeOf(raw));
    const playhead = { standby, standbyPinned, held, heldSince, lastGoAt };
    return { ...raw, cues: { rooms: playheadEntry(main, playhead), runs, since: since ?? null } };
  },
};

/**
 * A snapshot's state in this code's format, or null when it cannot be brought there (the caller
 * then replays the journal alone). Slices the snapshot lacks are the caller's to fill.
 */
export function upgradeSnapshot(raw: RawState, format: number): Partial<RegieState> | null {
  if (format > SNAPSHOT_FORMAT) return null;
  let state = raw;
  for (let f = format; f < SNAPSHOT_FORMAT; f += 1) {
    const step = STEPS[f];
    if (!step) return null;
    state = step(state);
  }
  return state as Partial<RegieState>;
}
