import { create } from 'zustand';
import type { AccessInfo, CoreStatus, Patch, RoomPresence, SeatPresence, Snapshot, ViewRole } from '../../shared/api/channel';
import type { ViewState } from '../../shared/api/state';
import type { SeatInfo } from '../../shared/domain/seats';
import { applyPatchOps, patchDecision, type PatchDecision } from './regie-sync';
import { refineServerOffset } from './server-offset';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

/** What a view mirrors of the core. Written only by core-client.ts; read by the components. */
export interface RegieStore {
  connection: ConnectionState;
  /** Date.now() when `connection` last changed. */
  since: number;
  seq: number;
  role: ViewRole | null;
  /** The seat this view opened as (« Régie — modération »); null before the first snapshot. */
  seat: SeatInfo | null;
  state: ViewState | null;
  access: AccessInfo | null;
  /** serverNow − Date.now() at receipt: add it to Date.now() to read the core's clock. */
  serverOffsetMs: number;
  coreVersion: string | null;
  /** The core's volatile status (the hub link): from the snapshot, then from `status` events. */
  status: CoreStatus | null;
  /** An output's room key for its join QR code (docs/rooms.md § 4): from the snapshot, then as each window turns. */
  presence: RoomPresence | null;
  /** Every seat with its views open now (a régie desk's rooms overview): from the snapshot, then pushed as views come and go. null: not sent (another seat). */
  seats: SeatPresence[] | null;
}

export const useRegie = create<RegieStore>(() => ({
  connection: 'connecting',
  since: Date.now(),
  seq: 0,
  role: null,
  seat: null,
  state: null,
  access: null,
  serverOffsetMs: 0,
  coreVersion: null,
  status: null,
  presence: null,
  seats: null,
}));

export function setConnection(connection: ConnectionState): void {
  if (useRegie.getState().connection === connection) return;
  useRegie.setState({ connection, since: Date.now() });
}

export function receiveSnapshot(s: Snapshot, receivedAt = Date.now()): void {
  useRegie.setState({
    seq: s.seq,
    role: s.role,
    // A core of before seats sends none.
    seat: s.seat ?? null,
    state: s.state,
    access: s.access,
    coreVersion: s.coreVersion,
    serverOffsetMs: s.serverNow - receivedAt,
    status: s.status,
    presence: s.presence ?? null,
    seats: s.seats ?? null,
  });
}

/** The seats' views opened or closed, or a seat was added, revoked or given a new token. */
export function receiveSeats(seats: SeatPresence[]): void {
  useRegie.setState({ seats });
}

export function isSeatPresenceList(x: unknown): x is SeatPresence[] {
  return (
    Array.isArray(x) &&
    x.every((s: Partial<SeatPresence> | null) => typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string' && typeof s.kind === 'string' && typeof s.connected === 'number')
  );
}

/** The room's key changed (a new 5-minute window). */
export function receivePresence(presence: RoomPresence | null): void {
  useRegie.setState({ presence });
}

export function isRoomPresence(x: unknown): x is RoomPresence {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Partial<RoomPresence>;
  return typeof p.room === 'string' && typeof p.key === 'string' && typeof p.until === 'number';
}

/** The core's status changed (at most a few times a second). */
export function receiveStatus(status: CoreStatus): void {
  useRegie.setState({ status });
}

/** Applies a patch if it follows what we have; tells the caller when a fresh snapshot is needed. */
export function receivePatch(p: Patch, receivedAt = Date.now()): PatchDecision {
  const { seq, state, serverOffsetMs } = useRegie.getState();
  const decision = patchDecision(state ? seq : null, p);
  const offset = refineServerOffset(serverOffsetMs, p.serverNow - receivedAt);
  if (decision === 'apply' && state) {
    useRegie.setState({ seq: p.seq, state: applyPatchOps(state, p.ops), serverOffsetMs: offset });
  } else if (offset !== serverOffsetMs) {
    useRegie.setState({ serverOffsetMs: offset });
  }
  return decision;
}

/** The core's wall clock now (before any rehearsal offset). */
export function coreRealNow(): number {
  return Date.now() + useRegie.getState().serverOffsetMs;
}
