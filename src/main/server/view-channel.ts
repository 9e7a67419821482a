import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AccessInfo, CoreStatus, RoomPresence, SeatPresence, ServerToViewEvents, Snapshot, ViewToServerEvents } from '../../shared/api/channel';
import { type CommandResult, refusal } from '../../shared/api/results';
import type { RegieState, ViewState } from '../../shared/api/state';
import { authorize } from '../../shared/domain/authorize';
import type { SeatInfo } from '../../shared/domain/seats';
import type { Committed, RegieEngine } from '../engine/regie-engine';
import type { Logger } from '../../node/log/logger';
import type { SeatStore } from '../store/seat-store';
import { isAllowedHost, isAllowedOrigin, roleOfSeat } from './access';
import { isPrivate, type Scope, seatPatchOps, stateForSeat } from './seat-projection';
import { busRoom } from '../../shared/api/room-bus';
import type { RoomId } from '../../shared/domain/rooms';
import { roomIdSchema } from '../../shared/protocol/rooms';
import { presenceWindowEndsAt } from '../../node/presence/presence-key';

export const MAX_COMMAND_BYTES = 256 * 1024;
/** socket.io drops a connection whose single message exceeds this (and the others keep going). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
export const MAX_IN_FLIGHT_PER_SEAT = 1000;
/** At most ~30 patches a second: views repaint at display rate, not at vote rate. */
export const PATCH_INTERVAL_MS = 33;
/** The seats' presence to the régie's views: a burst of views opening (a reload of every tablet) is one message. */
export const SEATS_PUSH_MS = 100;

interface SeatData {
  /**
   * The seat this socket opened with its token (its name is the journal's actor). For an output or
   * a stage view of a seat without a room, `room` is the room its address asked for (`?room=`).
   */
  seat: SeatInfo;
  inFlight: number;
}

/** The socket.io room of the seats that share a projection (same kind, same room): one patch each. */
function scopeRoom(seat: Scope): string {
  return `scope:${seat.kind}:${seat.room ?? ''}`;
}

function scopeOfRoom(name: string): Scope | null {
  const m = /^scope:(regie|room|output|stage):(.*)$/.exec(name);
  return m ? { kind: m[1] as Scope['kind'], room: m[2] === '' ? null : m[2]! } : null;
}

type ViewSocket = Socket<ViewToServerEvents, ServerToViewEvents, Record<string, never>, SeatData>;

export interface ViewChannelOptions {
  engine: RegieEngine;
  seats: SeatStore;
  allowedHosts: ReadonlySet<string>;
  port: () => number;
  access: () => AccessInfo;
  version: string;
  status: CoreStatus;
  logger: Logger;
  /**
   * A room's presence key for its output's join QR code (docs/rooms.md § 4), or null (no secret,
   * no hub). Pushed to that room's outputs only, at connection and as each window turns.
   */
  presenceKey?: (room: RoomId, now: number) => string | null;
  /**
   * The other régie's views origin (docs/standby.md): a page opened there moves here when that
   * régie dies or is fenced, and its browser sends that origin.
   */
  peerOrigins?: () => readonly string[];
}

/** The socket.io side of the core: snapshot on connect, coalesced patches, commands with typed answers. */
export class ViewChannel {
  readonly io: Server<ViewToServerEvents, ServerToViewEvents, Record<string, never>, SeatData>;
  private pendingChanges = new Set<keyof ViewState>();
  private status: CoreStatus;
  private statusTimer: NodeJS.Timeout | null = null;
  private seatsTimer: NodeJS.Timeout | null = null;
  private lastSentSeq: number;
  /** The state the last patch described: the audience's questions are diffed against it. */
  private lastSentState: RegieState;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    http: HttpServer,
    private readonly opts: ViewChannelOptions,
  ) {
    this.lastSentSeq = opts.engine.seq;
    this.lastSentState = opts.engine.state;
    this.status = opts.status;
    this.io = new Server(http, {
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      pingInterval: 5000,
      pingTimeout: 5000,
      allowRequest: (req, cb) => {
        const port = opts.port();
        if (!isAllowedHost(req.headers.host, opts.allowedHosts, port)) return cb('hôte non autorisé', false);
        const origin = req.headers.origin;
        const fromPeer = origin !== undefined && (opts.peerOrigins?.() ?? []).includes(origin);
        if (!fromPeer && !isAllowedOrigin(req.headers.origin, opts.allowedHosts, port)) return cb('origine non autorisée', false);
        cb(null, true);
      },
    });

    this.io.use((socket, next) => {
      const seat = opts.seats.byToken((socket.handshake.auth as { token?: unknown }).token);
      if (!seat) {
        opts.logger.warn('view refused: bad token', { address: socket.handshake.address });
        return next(Object.assign(new Error('jeton invalide'), { data: { code: 'unauthorized' } }));
      }
      const viewRoom = roomOfView(seat, (socket.handshake.auth as { room?: unknown }).room);
      if (typeof viewRoom !== 'object') {
        opts.logger.warn('view refused: room', { seat: seat.id, reason: viewRoom });
        return next(Object.assign(new Error(viewRoom), { data: { code: 'bad_room' } }));
      }
      const monitor = seat.kind === 'room' && (socket.handshake.auth as { view?: unknown }).view === 'output';
      // A room seat's token on the output page: its desk's program monitor, a read-only output of
      // its own room (roomOfView refused any other), under the seat's id (revoking it closes both).
      socket.data = { seat: { id: seat.id, name: seat.name, kind: monitor ? 'output' : seat.kind, room: viewRoom.room }, inFlight: 0 };
      next();
    });

    this.io.on('connection', (socket) => this.onConnection(socket));
  }

  /** Called by the engine after each commit. */
  onCommitted(c: Committed): void {
    c.changed.forEach((k) => {
      if (!isPrivate(k)) this.pendingChanges.add(k);
    });
    // What goes on the projector (TAKE, panic) is not held back by the coalescing: it goes at once.
    if (c.changed.includes('programs')) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.sendPatch(), 0);
      return;
    }
    if (!this.timer) this.timer = setTimeout(() => this.sendPatch(), PATCH_INTERVAL_MS);
  }

  /**
   * A seat revoked or given a new token: its open connections close at once (a view then
   * reconnects with its old token and is refused). Returns how many were closed.
   */
  disconnectSeat(seatId: string): number {
    let closed = 0;
    for (const socket of this.io.of('/').sockets.values()) {
      if (socket.data.seat.id !== seatId) continue;
      socket.disconnect(true);
      closed += 1;
    }
    if (closed > 0) this.opts.logger.info('seat connections closed', { seat: seatId, closed });
    return closed;
  }

  /** The seats with a view open now (by seat id: how many connections). */
  connectedSeats(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const socket of this.io.of('/').sockets.values()) out[socket.data.seat.id] = (out[socket.data.seat.id] ?? 0) + 1;
    return out;
  }

  /** Every seat (never its token) with its views open now: what the régie's rooms overview shows. */
  seatsPresence(): SeatPresence[] {
    const connected = this.connectedSeats();
    return this.opts.seats.all().map((s) => ({ id: s.id, name: s.name, kind: s.kind, room: s.room, revokedAt: s.revokedAt, connected: connected[s.id] ?? 0 }));
  }

  /**
   * The seats changed (a view opened or closed, a seat added, revoked or given a new token): the
   * régie's views get the list again, once per burst. Never a room seat, an output or a stage.
   */
  seatsChanged(): void {
    if (this.seatsTimer) return;
    this.seatsTimer = setTimeout(() => {
      this.seatsTimer = null;
      this.io.to(scopeRoom({ kind: 'regie', room: null })).emit('seats', this.seatsPresence());
    }, SEATS_PUSH_MS);
  }

  /** Volatile status (the hub link): to every view, at most a few times a second. */
  setStatus(status: CoreStatus): void {
    this.status = status;
    if (!this.statusTimer) {
      this.statusTimer = setTimeout(() => {
        this.statusTimer = null;
        this.io.emit('status', this.status);
      }, 200);
    }
  }

  close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    if (this.seatsTimer) clearTimeout(this.seatsTimer);
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }

  private onConnection(socket: ViewSocket): void {
    const { seat } = socket.data;
    this.opts.logger.info('view connected', { seat: seat.id, kind: seat.kind, address: socket.handshake.address });
    void socket.join(scopeRoom(seat));
    socket.emit('snapshot', this.snapshotFor(seat));
    if (seat.kind === 'output') this.schedulePresence();
    this.seatsChanged();

    socket.on('resync', () => socket.emit('snapshot', this.snapshotFor(seat)));

    socket.on('command', (envelope, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      void this.handleCommand(socket, envelope).then(reply, (err: unknown) => {
        this.opts.logger.error('command failed', { err: String(err) });
        reply(refusal('unavailable', 'erreur interne de la régie'));
      });
    });

    socket.on('disconnect', (reason) => {
      this.opts.logger.info('view disconnected', { seat: seat.id, reason });
      this.seatsChanged();
    });
  }

  private async handleCommand(socket: ViewSocket, envelope: unknown): Promise<CommandResult> {
    const { seat } = socket.data;
    if (seat.kind === 'output' || seat.kind === 'stage') {
      return refusal('forbidden', 'ce poste est en lecture seule (sortie) : il ne peut pas envoyer de commande');
    }
    let size: number;
    try {
      size = JSON.stringify(envelope ?? null).length;
    } catch {
      return refusal('malformed', 'commande illisible');
    }
    if (size > MAX_COMMAND_BYTES) {
      return refusal('too_large', `commande trop grande (${Math.round(size / 1024)} Kio, ${MAX_COMMAND_BYTES / 1024} Kio au plus)`);
    }
    if (socket.data.inFlight >= MAX_IN_FLIGHT_PER_SEAT) {
      return refusal('busy', `trop de commandes en attente pour ce poste (${MAX_IN_FLIGHT_PER_SEAT}) : réessayez`);
    }
    socket.data.inFlight += 1;
    try {
      // The seat's name is the journal's actor: the as-run and the exports say who did what.
      return await this.opts.engine.submit(envelope, seat.name, (command, state) => authorize(seat, command, state));
    } finally {
      socket.data.inFlight -= 1;
    }
  }

  private snapshotFor(seat: SeatInfo): Snapshot {
    const state = this.opts.engine.state;
    return {
      seq: this.opts.engine.seq,
      role: roleOfSeat(seat.kind),
      seat,
      serverNow: Date.now(),
      state: stateForSeat(state, seat),
      ...(seat.kind === 'output' ? { presence: this.presenceOf(busRoom(state, seat.room), Date.now()) } : {}),
      access: seat.kind === 'regie' ? this.opts.access() : null,
      ...(seat.kind === 'regie' ? { seats: this.seatsPresence() } : {}),
      coreVersion: this.opts.version,
      status: this.status,
    };
  }

  private sendPatch(): void {
    this.timer = null;
    const { engine } = this.opts;
    if (this.pendingChanges.size === 0 || engine.seq === this.lastSentSeq) return;
    const state = engine.state;
    const before = this.lastSentState;
    const base = { fromSeq: this.lastSentSeq, seq: engine.seq, serverNow: Date.now() };
    const keys = [...this.pendingChanges];
    this.pendingChanges.clear();
    this.lastSentSeq = engine.seq;
    this.lastSentState = state;

    // One projection per scope with a seat connected (the régie's, each room's, each output's…).
    for (const name of this.io.of('/').adapter.rooms.keys()) {
      const scope = scopeOfRoom(name);
      if (!scope) continue;
      // Sent even empty: each view's seq must follow the core's, or its next patch asks a resync.
      this.io.to(name).emit('patch', { ...base, ops: seatPatchOps(keys, before, state, scope) });
    }
  }

  /** The output scopes with a view connected now, by the room they show. */
  private outputScopes(): { room: RoomId | null; name: string }[] {
    const out: { room: RoomId | null; name: string }[] = [];
    for (const [name, members] of this.io.of('/').adapter.rooms) {
      const scope = scopeOfRoom(name);
      if (scope?.kind === 'output' && members.size > 0) out.push({ room: scope.room, name });
    }
    return out;
  }

  private presenceTimer: NodeJS.Timeout | null = null;

  private presenceOf(room: RoomId, now: number): RoomPresence | null {
    const key = this.opts.presenceKey?.(room, now) ?? null;
    return key === null ? null : { room, key, until: presenceWindowEndsAt(now) };
  }

  /**
   * The room keys change every 5 minutes: as the window turns, each room's outputs get their
   * room's new key (never the phones, the desks, the stage tablets or another room's outputs).
   * The timer runs while outputs are connected.
   */
  private schedulePresence(): void {
    if (this.presenceTimer || !this.opts.presenceKey) return;
    const now = Date.now();
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.pushPresence(Date.now());
      if (this.outputScopes().length > 0) this.schedulePresence();
    }, presenceWindowEndsAt(now) - now + PRESENCE_MARGIN_MS);
    this.presenceTimer.unref();
  }

  /** Sends each room's outputs their room's key for the window holding `now`. */
  pushPresence(now: number): void {
    const state = this.opts.engine.state;
    for (const { room, name } of this.outputScopes()) this.io.to(name).emit('presence', this.presenceOf(busRoom(state, room), now));
  }
}

/** Past the turn of the window, so that the key computed is the new one whatever the timer's jitter. */
const PRESENCE_MARGIN_MS = 50;

/**
 * The room a view of `seat` shows: a seat's own room; for a seat without one (the main output and
 * stage, a régie seat), the room its address asks for (`?room=`, the socket's `auth.room`), else
 * the main room (null). A malformed room, or another room than a room seat's own, is refused with
 * the reason (never taken for the main room: a workshop's projector showing the plenary would look
 * right and be wrong).
 */
export function roomOfView(seat: Pick<SeatInfo, 'room' | 'kind'>, asked: unknown): { room: RoomId | null } | string {
  if (asked === undefined || asked === null || asked === '') return { room: seat.room };
  const parsed = roomIdSchema.safeParse(asked);
  if (!parsed.success) return 'salle mal écrite dans l’adresse';
  if (seat.room !== null && parsed.data !== seat.room) return `ce poste est celui de la salle ${seat.room}, pas de ${parsed.data}`;
  // A régie seat sees every room: its scope stays the régie's (the page picks its room itself).
  return { room: seat.kind === 'regie' ? null : parsed.data };
}

export { audienceOps, OUTPUT_SLICES, STAGE_SLICES, stateForRole, stateForSeat, viewState } from './seat-projection';
