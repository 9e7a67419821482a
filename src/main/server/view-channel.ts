import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AccessInfo, CoreStatus, PatchOp, RoomPresence, ServerToViewEvents, Snapshot, ViewRole, ViewToServerEvents } from '../../shared/api/channel';
import { type CommandResult, refusal } from '../../shared/api/results';
import { initialState, isProjectable, PRIVATE_SLICES, type RegieState, type ViewState } from '../../shared/api/state';
import { cachedWordKey } from '../../shared/domain/french-words';
import { pollResultsHidden } from '../../shared/domain/poll-results';
import type { Committed, RegieEngine } from '../engine/regie-engine';
import type { Logger } from '../../node/log/logger';
import { type AccessTokens, isAllowedHost, isAllowedOrigin, roleForToken } from './access';
import { busRoom, roomEntry } from '../../shared/api/room-bus';
import type { RoomId } from '../../shared/domain/rooms';
import { roomIdSchema } from '../../shared/protocol/rooms';
import { presenceWindowEndsAt } from '../../node/presence/presence-key';

export const MAX_COMMAND_BYTES = 256 * 1024;
/** socket.io drops a connection whose single message exceeds this (and the others keep going). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
export const MAX_IN_FLIGHT_PER_SEAT = 1000;
/** At most ~30 patches a second: views repaint at display rate, not at vote rate. */
export const PATCH_INTERVAL_MS = 33;

interface SeatData {
  role: ViewRole;
  seat: string;
  inFlight: number;
  /** The room an output or a stage tablet shows (`?room=`); null: the main room. */
  room: RoomId | null;
}

type ViewSocket = Socket<ViewToServerEvents, ServerToViewEvents, Record<string, never>, SeatData>;

export interface ViewChannelOptions {
  engine: RegieEngine;
  tokens: AccessTokens;
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
}

/** The socket.io side of the core: snapshot on connect, coalesced patches, commands with typed answers. */
export class ViewChannel {
  readonly io: Server<ViewToServerEvents, ServerToViewEvents, Record<string, never>, SeatData>;
  private pendingChanges = new Set<keyof ViewState>();
  private status: CoreStatus;
  private statusTimer: NodeJS.Timeout | null = null;
  private lastSentSeq: number;
  /** The state the last patch described: the audience's questions are diffed against it. */
  private lastSentState: RegieState;
  private timer: NodeJS.Timeout | null = null;
  private seatCounter = 0;

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
        if (!isAllowedOrigin(req.headers.origin, opts.allowedHosts, port)) return cb('origine non autorisée', false);
        cb(null, true);
      },
    });

    this.io.use((socket, next) => {
      const role = roleForToken(opts.tokens, (socket.handshake.auth as { token?: unknown }).token);
      if (!role) {
        opts.logger.warn('view refused: bad token', { address: socket.handshake.address });
        return next(Object.assign(new Error('jeton invalide'), { data: { code: 'unauthorized' } }));
      }
      const room = seatRoom((socket.handshake.auth as { room?: unknown }).room);
      if (room === undefined) return next(Object.assign(new Error('salle inconnue'), { data: { code: 'bad_room' } }));
      this.seatCounter += 1;
      socket.data = { role, seat: `${role}-${this.seatCounter}`, inFlight: 0, room };
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
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }

  private onConnection(socket: ViewSocket): void {
    const { role, seat, room } = socket.data;
    this.opts.logger.info('view connected', { role, seat, room, address: socket.handshake.address });
    void socket.join(role);
    // Outputs and stage tablets are grouped by the room they show: each group gets its room's bus.
    if (role !== 'control') void socket.join(seatGroup(role, room));
    socket.emit('snapshot', this.snapshotFor(role, room));
    if (role === 'output') this.schedulePresence();

    socket.on('resync', () => socket.emit('snapshot', this.snapshotFor(role, room)));

    socket.on('command', (envelope, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      void this.handleCommand(socket, envelope).then(reply, (err: unknown) => {
        this.opts.logger.error('command failed', { err: String(err) });
        reply(refusal('unavailable', 'erreur interne de la régie'));
      });
    });

    socket.on('disconnect', (reason) => this.opts.logger.info('view disconnected', { seat, reason }));
  }

  private async handleCommand(socket: ViewSocket, envelope: unknown): Promise<CommandResult> {
    if (socket.data.role !== 'control') {
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
      return await this.opts.engine.submit(envelope, socket.data.seat);
    } finally {
      socket.data.inFlight -= 1;
    }
  }

  private snapshotFor(role: ViewRole, room: RoomId | null): Snapshot {
    const state = this.opts.engine.state;
    return {
      seq: this.opts.engine.seq,
      role,
      serverNow: Date.now(),
      state: stateForRole(state, role, room),
      ...(role === 'output' ? { presence: this.presenceOf(busRoom(state, room), Date.now()) } : {}),
      access: role === 'control' ? this.opts.access() : null,
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

    const setOp = (k: keyof ViewState, value: unknown): PatchOp => ({ op: 'set', path: [k], value });
    const controlOps: PatchOp[] = keys.flatMap((k) =>
      k === 'audience' ? audienceOps(before.audience, state.audience) : [setOp(k, state[k])],
    );
    this.io.to('control').emit('patch', { ...base, ops: controlOps });
    // A read-only output (projector, stream encoder, maybe on the venue network) gets only what it
    // shows: never the audience's questions, the logbook or the as-run log. The stage tablet gets the
    // projectable shortlist only.
    // A poll revealed (live) or edited (programme) may change which counts the projector may hold.
    const outputKeys =
      keys.includes('audience') || !keys.some((k) => k === 'live' || k === 'programme') ? keys : [...keys, 'audience' as const];
    // Each room's outputs and stage tablets: only their room's bus and stage message, and only
    // when that room's changed (or the programme did: the main room may be another one).
    for (const { role, room, name } of this.seatGroups()) {
      const bus = busRoom(state, room);
      const roomChanged = (k: keyof ViewState) =>
        !ROOM_SLICES.has(k) || keys.includes('programme') || roomEntry<unknown>(before[k as RoomSlice], bus) !== roomEntry<unknown>(state[k as RoomSlice], bus);
      const ops =
        role === 'output'
          ? outputKeys.filter((k) => OUTPUT_SLICES.has(k) && roomChanged(k)).map((k) => setOp(k, forOutputSlice(k, state, bus)))
          : keys.filter((k) => STAGE_SLICES.has(k) && roomChanged(k)).map((k) => setOp(k, forStageSlice(k, state, bus)));
      this.io.to(name).emit('patch', { ...base, ops });
    }
  }

  /** The groups of outputs and stage tablets connected now, by the room they asked for. */
  private seatGroups(): { role: 'output' | 'stage'; room: RoomId | null; name: string }[] {
    const groups: { role: 'output' | 'stage'; room: RoomId | null; name: string }[] = [];
    for (const [name, members] of this.io.of('/').adapter.rooms) {
      const group = parseSeatGroup(name);
      if (group && members.size > 0) groups.push({ ...group, name });
    }
    return groups;
  }

  private presenceTimer: NodeJS.Timeout | null = null;

  private presenceOf(room: RoomId, now: number): RoomPresence | null {
    const key = this.opts.presenceKey?.(room, now) ?? null;
    return key === null ? null : { room, key, until: presenceWindowEndsAt(now) };
  }

  /**
   * The room keys change every 5 minutes: as the window turns, each room's outputs get their
   * room's new key (never the phones, the desk, the stage tablets or another room's outputs).
   * The timer runs while outputs are connected.
   */
  private schedulePresence(): void {
    if (this.presenceTimer || !this.opts.presenceKey) return;
    const now = Date.now();
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      this.pushPresence(Date.now());
      if (this.seatGroups().some((g) => g.role === 'output')) this.schedulePresence();
    }, presenceWindowEndsAt(now) - now + PRESENCE_MARGIN_MS);
    this.presenceTimer.unref();
  }

  /** Sends each room's outputs their room's key for the window holding `now`. */
  pushPresence(now: number): void {
    const state = this.opts.engine.state;
    for (const { role, room, name } of this.seatGroups()) {
      if (role === 'output') this.io.to(name).emit('presence', this.presenceOf(busRoom(state, room), now));
    }
  }
}

/** Past the turn of the window, so that the key computed is the new one whatever the timer's jitter. */
const PRESENCE_MARGIN_MS = 50;

/** `?room=` as a seat asks for it: absent is the main room (null); a malformed one is refused (undefined). */
export function seatRoom(raw: unknown): RoomId | null | undefined {
  if (raw === undefined || raw === null || raw === '') return null;
  const parsed = roomIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const seatGroup = (role: 'output' | 'stage', room: RoomId | null) => `${role}@${room ?? ''}`;

function parseSeatGroup(name: string): { role: 'output' | 'stage'; room: RoomId | null } | null {
  const m = /^(output|stage)@(.*)$/.exec(name);
  if (!m) return null;
  return { role: m[1] as 'output' | 'stage', room: m[2] === '' ? null : m[2]! };
}

/** The slices kept by room: an output or a stage tablet gets its room's entry only. */
type RoomSlice = 'programs' | 'stageMessages' | 'lastGos';
const ROOM_SLICES: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>(['programs', 'stageMessages', 'lastGos']);

/** A room slice with only `room`'s entry (none when it has none). */
function oneRoom<T>(record: Record<RoomId, T>, room: RoomId): Record<RoomId, T> {
  const value = roomEntry(record, room);
  return value === undefined ? {} : { [room]: value };
}

/**
 * The audience slice as small ops: its fields that changed, and the questions that changed since
 * the last patch (updates are immutable, so an unchanged question keeps its identity; a question
 * keeps its index).
 */
export function audienceOps(before: RegieState['audience'], after: RegieState['audience']): PatchOp[] {
  const ops: PatchOp[] = [];
  const fields: Partial<Omit<RegieState['audience'], 'questions'>> = {};
  if (before.tallies !== after.tallies) fields.tallies = after.tallies;
  if (before.words !== after.words) fields.words = after.words;
  if (before.heldWords !== after.heldWords) fields.heldWords = after.heldWords;
  if (before.received !== after.received) fields.received = after.received;
  if (Object.keys(fields).length > 0) ops.push({ op: 'audience-fields', path: ['audience'], value: fields });
  if (before.questions !== after.questions) {
    const items = after.questions.filter((q, i) => before.questions[i] !== q);
    if (items.length > 0) ops.push({ op: 'questions-upsert', path: ['audience'], items });
  }
  return ops;
}

/** The slices an output seat receives; the others keep their empty initial value there. */
export const OUTPUT_SLICES: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>([
  'programme',
  'clock',
  'delays',
  'sessionMarks',
  'live',
  'joinUrl',
  'cues',
  'programs',
  'audience',
  'wordModeration',
  'wordParticipants',
]);

/**
 * The audience slice as the projector may have it: tallies and words, never the questions, never a
 * word held back (a given name, profanity) until a moderator lets it through, and of a poll whose
 * results are hidden only how many voted (the counts reach the output when they are revealed).
 */
function forOutputSlice(key: keyof ViewState, state: RegieState, room: RoomId): unknown {
  if (key === 'programs') return oneRoom(state.programs, room);
  if (key !== 'audience') return state[key];
  const a = state.audience;
  const tallies = { ...a.tallies };
  for (const i of state.programme?.interactions ?? []) {
    const tally = tallies[i.id];
    if (i.kind === 'poll' && tally && pollResultsHidden(i, state.live.interactions[i.id]))
      tallies[i.id] = { counts: {}, voters: tally.voters };
  }
  const words: Record<string, Record<string, number>> = {};
  for (const [cloud, counts] of Object.entries(a.words)) {
    // Every spelling of a held word stays away (« Connard » held keeps « connards » away too).
    const held = new Set(Object.keys(a.heldWords[cloud] ?? {}).map((w) => cachedWordKey(w)));
    words[cloud] = Object.fromEntries(Object.entries(counts).filter(([w]) => !held.has(cachedWordKey(w))));
  }
  return { ...a, questions: [], tallies, words, heldWords: {} };
}

/** The stage tablet: the run of show and the shortlist, never the questions still to screen. */
export const STAGE_SLICES: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>([
  'programme',
  'clock',
  'delays',
  'sessionMarks',
  'live',
  'programs',
  'audience',
  'stageMessages',
]);

/**
 * Only the shortlisted questions that could be projected; no tallies' voters detail is needed but
 * harmless. Of the program bus, what is on the projector (a question on air was approved and
 * cleared: its text is in the scene), never the preview the régie is composing.
 */
function forStageSlice(key: keyof ViewState, state: RegieState, room: RoomId): unknown {
  if (key === 'programs') {
    const p = roomEntry(state.programs, room);
    return p === undefined ? {} : { [room]: { ...p, preview: null } };
  }
  if (key === 'stageMessages') return oneRoom(state.stageMessages, room);
  if (key !== 'audience') return state[key];
  const a = state.audience;
  return { ...a, questions: a.questions.filter((q) => q.rank !== null && isProjectable(q)), words: {} };
}

/**
 * What a seat receives. The régie's seats: everything. An output or a stage tablet: what its room's
 * screen or stage needs (`room`: the room it asked for, null for the main room), never another
 * room's bus or stage message.
 */
export function stateForRole(state: RegieState, role: ViewRole, room: RoomId | null = null): ViewState {
  if (role === 'control') return viewState(state);
  const [slices, filter] = role === 'output' ? [OUTPUT_SLICES, forOutputSlice] : [STAGE_SLICES, forStageSlice];
  const bus = busRoom(state, room);
  const out: Record<string, unknown> = { ...viewState(initialState()) };
  for (const k of slices) out[k] = filter(k, state, bus);
  return out as unknown as ViewState;
}

function isPrivate(k: keyof RegieState): k is (typeof PRIVATE_SLICES)[number] {
  return (PRIVATE_SLICES as readonly string[]).includes(k);
}

/** The state without the core's private slices. */
export function viewState(state: RegieState): ViewState {
  const { ballots: _ballots, wordSenders: _wordSenders, redactionUndo: _redactionUndo, ...rest } = state;
  return rest;
}
