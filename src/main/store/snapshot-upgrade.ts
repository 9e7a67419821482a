import { mainRoomOf } from '../../shared/api/room-bus';
import type { RegieState } from '../../shared/api/state';
import type { Programme } from '../../shared/domain/programme';
import { SNAPSHOT_FORMAT } from './snapshots';

/** A snapshot's state as read from the disk: any format's slices, before they are checked. */
type RawState = Record<string, unknown>;

/**
 * Steps from one snapshot format to the next, where the reducers of the newer format would have
 * derived the same show from the same journal, only kept otherwise. A format without a step here
 * (0: before formats were recorded) is set aside: the journal is replayed from the start.
 */
const STEPS: Record<number, (raw: RawState) => RawState> = {
  // 1 → 2: each room its own bus, stage message and last GO (docs/rooms.md § 2). What the one bus
  // held is the main room's, as the journal's events without a room are.
  1: (raw) => {
    const { program, stageMessage, lastGo, ...rest } = raw;
    const main = mainRoomOf({ programme: (rest.programme ?? null) as Programme | null });
    const one = (value: unknown) => (value === undefined || value === null ? {} : { [main]: value });
    return { ...rest, programs: one(program), stageMessages: one(stageMessage), lastGos: one(lastGo) };
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
