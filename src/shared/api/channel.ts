import type { SeatInfo } from '../domain/seats';
import type { CommandEnvelope } from './commands';
import type { CommandResult } from './results';
import type { RoomId } from '../domain/rooms';
import type { AudienceQuestion, AudienceState, ViewState } from './state';

/** The socket.io contract between the core and its views. */

/** control: a moderator's seat; output: the projector or the stream encoder; stage: the facilitator's tablet. */
export type ViewRole = 'control' | 'output' | 'stage';

export interface AccessInfo {
  /** Addresses of the views, with their tokens: sent to control seats only. */
  controlUrl: string;
  outputUrl: string;
  stageUrl: string;
  lan: boolean;
}

/** The régie's link to the audience hub, at a glance (volatile: not journaled). */
export interface LinkStatus {
  state: 'off' | 'connecting' | 'online' | 'offline' | 'refused';
  /** Since when it is in that state (core clock, ms). */
  since: number;
  hubUrl: string | null;
  embedded: boolean;
  rttMs: number | null;
  /** Régie commands not yet acknowledged by the hub (outbox). */
  outboxPending: number;
  /** Audience messages the hub holds that the régie has not committed yet. */
  hubBacklog: number | null;
  /**
   * Distinct participants present (the hub's counts), and per room once the régie sent its rooms
   * (`rooms`: absent from a hub of before rooms): the central desk's rooms overview reads them.
   */
  participants: { room: number; remote: number; rooms?: Record<string, { room: number; remote: number }> };
  eventCode: string | null;
  /** Addresses participants join at (the QR code's), best first. */
  joinUrls: string[];
  lastError: string | null;
}

/**
 * The hot standby (docs/standby.md), at a glance (volatile: not journaled).
 * - `primary`: this régie takes commands; `state` says about its standby: `none` (« pas de régie de
 *   secours »: every acknowledgement is this machine's alone), `synced` (an acknowledgement means
 *   the standby committed it too), `lagging` (connected but behind: acknowledged alone until it
 *   catches up).
 * - `follower`: this régie mirrors a primary and refuses every command; `state` says about its link
 *   to the primary: `connecting`, `following`, `offline`, `refused` (a journal that does not match).
 * - `fenced`: this régie led once, but the hub saw another take over (a higher epoch): it refuses
 *   every command.
 */
export interface StandbyStatus {
  role: 'primary' | 'follower' | 'fenced';
  state: 'none' | 'synced' | 'lagging' | 'connecting' | 'following' | 'offline' | 'refused';
  /** How far behind the standby is (primary) or this follower is (follower), in ms; null: unknown. */
  lagMs: number | null;
  /** Follower: the primary's address. Primary: the standby's network address, when one is connected. */
  peer: string | null;
  /**
   * The other régie's views address (http://HOST:PORT), where a view goes when this one is
   * unreachable or fenced (docs/standby.md): the primary's for a follower, the standby's for a
   * primary with one following; null: none known. Absent from a core of before.
   */
  peerViews?: string | null;
  since: number;
  /** The epoch this régie's journal is at (0: it never took over; docs/standby.md). */
  epoch: number;
  lastError: string | null;
}

export interface CoreStatus {
  link: LinkStatus;
  /** Absent from a core of before the hot standby. */
  standby?: StandbyStatus;
}

export interface Snapshot {
  seq: number;
  role: ViewRole;
  /** The seat this view opened with its token: its name, kind and room (never its token). */
  seat: SeatInfo;
  /** The core's wall clock when the snapshot left, so that views can correct their own drift. */
  serverNow: number;
  state: ViewState;
  access: AccessInfo | null;
  coreVersion: string;
  status: CoreStatus;
  /** An output's room key for its join QR code (absent for other seats; null: none to show). */
  presence?: RoomPresence | null;
  /** Every seat with its views open now: a régie seat's only (the rooms overview), absent for the others. */
  seats?: SeatPresence[];
}

/**
 * A seat as the central desk's rooms overview shows it: which workshop's tablet or projector has a
 * view open now (never its token). Pushed to the régie's views when a view opens or closes, or a
 * seat is added, revoked or given a new token (docs/rooms.md § 5): no polling.
 */
export interface SeatPresence extends SeatInfo {
  revokedAt: number | null;
  /** Views open now with this seat's token. */
  connected: number;
}

/**
 * A room's presence key for the window now (docs/rooms.md § 4): its output's join QR code carries
 * it (`?e=EVENT&r=ROOM&k=KEY`). Sent to that room's outputs only, again as each window turns.
 */
export interface RoomPresence {
  room: RoomId;
  key: string;
  /** When this key's window ends (core clock, ms): the next one arrives then. */
  until: number;
}

/**
 * `set` replaces a top-level slice. The audience slice is patched finer, because its question
 * list can hold 20,000 entries: `audience-fields` replaces its other fields, `questions-upsert`
 * replaces questions by id or appends them (questions are never removed, only change status).
 */
export type PatchOp =
  | { op: 'set'; path: [keyof ViewState]; value: unknown }
  | { op: 'audience-fields'; path: ['audience']; value: Partial<Omit<AudienceState, 'questions'>> }
  | { op: 'questions-upsert'; path: ['audience']; items: AudienceQuestion[] };

export interface Patch {
  /** The seq the view must already have; otherwise it asks for a fresh snapshot. */
  fromSeq: number;
  seq: number;
  serverNow: number;
  ops: PatchOp[];
}

export interface ServerToViewEvents {
  snapshot: (s: Snapshot) => void;
  patch: (p: Patch) => void;
  status: (s: CoreStatus) => void;
  presence: (p: RoomPresence | null) => void;
  seats: (s: SeatPresence[]) => void;
}

export interface ViewToServerEvents {
  command: (envelope: CommandEnvelope | unknown, ack: (r: CommandResult) => void) => void;
  resync: () => void;
}

/** Names of the socket.io auth fields. */
export interface ViewAuth {
  token: string;
  /** An output's or a stage tablet's room (`?room=`); absent: the main room. */
  room?: string;
  /**
   * The page the token opened (the output page says `output`). A room seat's token on the output
   * page is its desk's program monitor: a read-only view of its own room's output, never another's
   * (docs/rooms.md § 3). Other seats' views ignore it.
   */
  view?: ViewRole;
}
