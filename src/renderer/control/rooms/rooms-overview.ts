import { programOf } from '../../../shared/api/room-bus';
import { qaOf } from '../../../shared/api/room-live';
import type { AudienceQuestion, QaState, ViewState } from '../../../shared/api/state';
import type { Programme } from '../../../shared/domain/programme';
import { isFlagged } from '../../../shared/domain/question-queue';
import { questionRoom } from '../../../shared/domain/room-of';
import { mainRoomId, type RoomId, roomsOf } from '../../../shared/domain/rooms';
import type { Scene } from '../../../shared/domain/scene';
import type { SeatKind } from '../../../shared/domain/seats';
import type { SessionSpan } from './room-scope';

/**
 * The rooms overview of the central desk (docs/rooms.md § 5), as data: for each room, its session
 * now, its Q&A, its questions to screen / approved / flagged, what its screen shows, its seats
 * connected and the participants present. Pure: the component draws it, the tests read it.
 */

export interface RoomCounts {
  incoming: number;
  approved: number;
  /** Flagged (personal data found) and not cleared yet, whatever their status. */
  flagged: number;
}

export interface RoomSeatLine {
  id: string;
  name: string;
  kind: SeatKind;
  /** Views open now with this seat's token. */
  connected: number;
}

export interface RoomRow {
  id: RoomId;
  name: string;
  main: boolean;
  /** The key that drives it from the overview: `0` the main room, `1`…`9` the others in the programme's order. */
  key: string | null;
  /** A session of the room runs now on the show clock, or its Q&A or one of its polls or clouds is open. */
  live: boolean;
  session: { id: string; title: string } | null;
  qa: QaState;
  counts: RoomCounts;
  onAir: Scene;
  panic: boolean;
  /** Its seats (room moderator, output, stage); null: not known (the list could not be read). */
  seats: RoomSeatLine[] | null;
  /** Distinct participants present (the hub's); null: the hub sends no counts by room. */
  presence: { room: number; remote: number } | null;
  /** The desk drives this room now. */
  driving: boolean;
}

export interface OverviewSeat {
  id: string;
  name: string;
  kind: SeatKind;
  room: RoomId | null;
  connected: number;
  revokedAt: number | null;
}

export interface OverviewInput {
  state: Pick<ViewState, 'programme' | 'live' | 'programs'> & { audience: { questions: readonly AudienceQuestion[] } };
  spans: readonly SessionSpan[];
  now: number;
  presence: Record<RoomId, { room: number; remote: number }> | undefined;
  seats: readonly OverviewSeat[] | null;
  deskRoom: RoomId;
}

export interface RoomsOverview {
  /** The rooms to look at: the main room, every live room, and any room with a question to screen or a flag. */
  rows: RoomRow[];
  /** The other rooms (nothing running, nothing waiting), with their keys, to drive one anyway. */
  quiet: Pick<RoomRow, 'id' | 'name' | 'key' | 'driving'>[];
  /** Questions flagged and not cleared, in every room. */
  flagged: number;
  /** Of which in rooms other than the one the desk drives: the centre's badge. */
  flaggedElsewhere: number;
}

const EMPTY: RoomCounts = { incoming: 0, approved: 0, flagged: 0 };

/** Each room's counts, in one pass over the questions. */
export function roomCounts(questions: readonly AudienceQuestion[], main: RoomId): Map<RoomId, RoomCounts> {
  const out = new Map<RoomId, RoomCounts>();
  for (const q of questions) {
    if (q.status === 'merged') continue;
    const room = questionRoom(q, main);
    const c = out.get(room) ?? { ...EMPTY };
    if (q.status === 'incoming') c.incoming += 1;
    else if (q.status === 'approved') c.approved += 1;
    if (q.status !== 'rejected' && isFlagged(q)) c.flagged += 1;
    out.set(room, c);
  }
  return out;
}

/** The key of each room: `0` the main room, `1`…`9` the others in the programme's order (stable, whoever is live). */
export function roomKeys(programme: Programme | null): Map<RoomId, string> {
  const keys = new Map<RoomId, string>();
  if (!programme) return keys;
  let n = 0;
  for (const room of roomsOf(programme)) {
    if (room.main) keys.set(room.id, '0');
    else if (++n <= 9) keys.set(room.id, String(n));
  }
  return keys;
}

/** The room a key drives, or null. */
export function roomOfKey(programme: Programme | null, key: string): RoomId | null {
  for (const [room, k] of roomKeys(programme)) if (k === key) return room;
  return null;
}

export function roomsOverview(input: OverviewInput): RoomsOverview {
  const { state, spans, now, presence, seats, deskRoom } = input;
  const programme = state.programme;
  if (!programme) return { rows: [], quiet: [], flagged: 0, flaggedElsewhere: 0 };
  const main = mainRoomId(programme);
  const counts = roomCounts(state.audience.questions, main);
  const keys = roomKeys(programme);
  const title = (id: string) => programme.sessions.find((s) => s.id === id)?.title ?? id;
  const openInteraction = new Set(Object.values(state.live.interactions).filter((r) => r.status === 'open').map((r) => r.room));

  const rows: RoomRow[] = [];
  const quiet: RoomsOverview['quiet'] = [];
  let flagged = 0;
  let flaggedElsewhere = 0;
  for (const room of roomsOf(programme)) {
    const qa = qaOf(state, room.id);
    const c = counts.get(room.id) ?? EMPTY;
    flagged += c.flagged;
    if (room.id !== deskRoom) flaggedElsewhere += c.flagged;
    const running = spans.find((w) => w.room === room.id && w.start <= now && now < w.end);
    // The Q&A's session first (it says what the room is asking about), else the one running now.
    const sessionId = (qa.open ? qa.sessionId : null) ?? running?.id ?? null;
    const live = running !== undefined || qa.open || openInteraction.has(room.id);
    const key = keys.get(room.id) ?? null;
    const driving = room.id === deskRoom;
    if (!live && !room.main && !driving && c.incoming === 0 && c.flagged === 0) {
      quiet.push({ id: room.id, name: room.name, key, driving });
      continue;
    }
    const bus = programOf(state, room.id);
    const own = seats?.filter((s) => s.revokedAt === null && s.kind !== 'regie' && (s.room ?? main) === room.id) ?? null;
    rows.push({
      id: room.id,
      name: room.name,
      main: room.main,
      key,
      live,
      session: sessionId ? { id: sessionId, title: title(sessionId) } : null,
      qa,
      counts: c,
      onAir: bus.onAir,
      panic: bus.panicFrom !== null,
      seats: own ? own.map((s) => ({ id: s.id, name: s.name, kind: s.kind, connected: s.connected })) : null,
      presence: presence ? (presence[room.id] ?? { room: 0, remote: 0 }) : null,
      driving,
    });
  }
  return { rows, quiet, flagged, flaggedElsewhere };
}
