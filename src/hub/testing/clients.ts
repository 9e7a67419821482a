import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { AudienceMessage, Presence } from '../../shared/protocol/audience-messages';
import type { ParticipantBranding } from '../../shared/protocol/branding';
import { type AudiencePatch, type AudienceState, applyPatch, type JoinAck } from '../../shared/protocol/audience-state';
import type { Ack } from '../../shared/protocol/errors';
import type { Origin } from '../../shared/protocol/fields';
import type { CommandAck, RegieCommand, ResumeAck } from '../../shared/protocol/regie-commands';
import type {
  HubToParticipantEvents,
  HubToRegieEvents,
  ParticipantToHubEvents,
  RegieToHubEvents,
} from '../../shared/protocol/socket-events';
import type { ParticipantPlace, RoomsSummary } from '../../shared/protocol/rooms';
import { PARTICIPANT_NAMESPACE, PROTOCOL_VERSION, REGIE_NAMESPACE } from '../../shared/protocol/version';

/**
 * Node clients of the hub, for the tests, the benchmark and a rehearsal simulator: a participant
 * (what the phone page does, without the page) and a minimal régie (commits in memory).
 */

export type ParticipantSocket = Socket<HubToParticipantEvents, ParticipantToHubEvents>;
export type RegieSocket = Socket<HubToRegieEvents, RegieToHubEvents>;

export const newParticipantId = (): string => randomBytes(12).toString('base64url');

export interface ConnectOptions {
  /** The Origin header a browser page would send. */
  pageOrigin?: string;
  reconnection?: boolean;
  timeoutMs?: number;
  /** Through a load balancer: its address (`https://127.0.0.1:8443`), instead of the hub's port on loopback. */
  url?: string;
  /** `['polling']`: a phone whose network lets no WebSocket through. Default: WebSocket only. */
  transports?: ('websocket' | 'polling')[];
  /** The certificate authority of an https `url` (a test's self-signed certificate). */
  ca?: string;
  /** Headers sent with the connection (e.g. a forged X-Forwarded-For). */
  headers?: Record<string, string>;
}

export function participantSocket(port: number, opts: ConnectOptions = {}): ParticipantSocket {
  const headers = { ...opts.headers, ...(opts.pageOrigin ? { Origin: opts.pageOrigin } : {}) };
  return io(`${opts.url ?? `http://127.0.0.1:${port}`}${PARTICIPANT_NAMESPACE}`, {
    transports: opts.transports ?? ['websocket'],
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    // Keeps the balancer's cookie, as a browser does (the polling fallback's sticky session).
    withCredentials: true,
    ...(opts.ca ? { ca: opts.ca } : {}),
    ...(Object.keys(headers).length > 0 ? { extraHeaders: headers } : {}),
  });
}

/** A participant: joins on every (re)connection, keeps the audience state up to date from patches. */
export class TestParticipant {
  state: AudienceState | null = null;
  joinAck: JoinAck | null = null;
  private counter = 0;
  /** Distinguishes the message ids of two instances with the same participant id (a reloaded page). */
  private readonly prefix = randomBytes(3).toString('hex');
  readonly patches: AudiencePatch[] = [];
  /** Every `branding` event received, in order (the event's look). */
  readonly brandings: (ParticipantBranding | null)[] = [];
  /** Where the hub put this phone (the last `place` event), and the rooms it offers. */
  place: ParticipantPlace | null = null;
  rooms: RoomsSummary | null = null;
  /** Every `state` and `patch` payload received, as JSON (to check what a phone never got). */
  readonly wire: string[] = [];
  /** The room, presence key and personal code sent with each join (as a page read them from its address). */
  joinWith: { room?: string; key?: string; code?: string } = {};

  constructor(
    readonly socket: ParticipantSocket,
    readonly participantId: string,
    readonly origin: Origin,
    private readonly eventCode: string,
  ) {
    socket.on('state', (s) => {
      this.wire.push(JSON.stringify(s));
      this.state = s;
    });
    socket.on('branding', (b) => this.brandings.push(b));
    socket.on('place', (p) => (this.place = p));
    socket.on('rooms', (r) => (this.rooms = r));
    socket.on('patch', (p) => {
      this.wire.push(JSON.stringify(p));
      this.patches.push(p);
      if (this.state && p.fromRev === this.state.rev) this.state = applyPatch(this.state, p);
      else socket.emit('resync');
    });
  }

  static async join(
    port: number,
    eventCode: string,
    opts: ConnectOptions & { origin?: Origin; participantId?: string; room?: string; key?: string; code?: string } = {},
  ): Promise<TestParticipant> {
    const socket = participantSocket(port, opts);
    const p = new TestParticipant(socket, opts.participantId ?? newParticipantId(), opts.origin ?? 'room', eventCode);
    p.joinWith = {
      ...(opts.room === undefined ? {} : { room: opts.room }),
      ...(opts.key === undefined ? {} : { key: opts.key }),
      ...(opts.code === undefined ? {} : { code: opts.code }),
    };
    const ack = await p.rejoin(opts.timeoutMs);
    if (!ack.ok) throw new Error(`join refusé : ${ack.error.message}`);
    return p;
  }

  async rejoin(timeoutMs = 20_000): Promise<JoinAck> {
    if (!this.socket.connected) {
      await new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', reject);
        if (!this.socket.active) this.socket.connect();
      });
    }
    // The state is taken in the acknowledgement callback itself: a patch that follows the answer on
    // the wire may be handled before an awaiting caller resumes.
    this.place = null;
    const ack = await new Promise<JoinAck>((resolve, reject) => {
      const msg = { eventCode: this.eventCode, participantId: this.participantId, origin: this.origin, ...this.joinWith };
      this.socket.timeout(timeoutMs).emit('join', msg, (err: Error | null, ack: JoinAck) => {
        if (err) return reject(err);
        this.joinAck = ack;
        if (ack.ok) {
          this.wire.push(JSON.stringify(ack.state));
          this.state = ack.state;
        }
        resolve(ack);
      });
    });
    // The hub says where it put the phone right after its answer (a hub of before rooms never does).
    if (ack.ok) await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 2000);
      if (this.place) return (clearTimeout(t), resolve());
      this.socket.once('place', () => (clearTimeout(t), resolve()));
    });
    return ack;
  }

  nextId(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter}`;
  }

  send(
    event: 'question.ask' | 'question.upvote' | 'poll.vote' | 'words.send',
    msg: Record<string, unknown>,
    timeoutMs = 20_000,
  ): Promise<Ack> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, { clientMsgId: this.nextId(), ...msg }) as Promise<Ack>;
  }

  ask(text: string, extra: Record<string, unknown> = {}): Promise<Ack> {
    return this.send('question.ask', { text, ...extra });
  }

  vote(pollId: string, choices: number[]): Promise<Ack> {
    return this.send('poll.vote', { pollId, choices });
  }

  upvote(questionId: string): Promise<Ack> {
    return this.send('question.upvote', { questionId });
  }

  words(cloudId: string, words: string[]): Promise<Ack> {
    return this.send('words.send', { cloudId, words });
  }

  close(): void {
    this.socket.close();
  }
}

export function regieSocket(port: number, token: string, opts: ConnectOptions = {}): RegieSocket {
  return io(`http://127.0.0.1:${port}${REGIE_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnection ?? false,
  });
}

/**
 * A régie that "commits" audience messages to memory, deduplicated by msgId, and acknowledges
 * them right after (or when told). Its commands carry seqs from its own counter.
 */
export class TestRegie {
  /** Committed messages by msgId (the first delivery of each). */
  readonly committed = new Map<string, AudienceMessage>();
  /** Every delivery, in order, duplicates included. */
  readonly deliveries: AudienceMessage[] = [];
  readonly presence: Presence[] = [];
  lastHubSeq = 0;
  seq = 0;
  resumeAck: ResumeAck | null = null;
  private waiters: { until: () => boolean; resolve: () => void }[] = [];

  constructor(
    readonly socket: RegieSocket,
    readonly regieId: string,
    private readonly autoAck = true,
  ) {
    socket.on('audience', (batch) => {
      for (const m of batch.messages) {
        this.deliveries.push(m);
        if (!this.committed.has(m.msgId)) this.committed.set(m.msgId, m);
        this.lastHubSeq = Math.max(this.lastHubSeq, m.hubSeq);
      }
      if (this.autoAck) this.ack();
      this.check();
    });
    socket.on('presence', (p) => {
      this.presence.push(p);
      this.check();
    });
  }

  static async connect(
    port: number,
    token: string,
    opts: { regieId?: string; afterHubSeq?: number; autoAck?: boolean; seq?: number; epoch?: number } = {},
  ): Promise<TestRegie> {
    const r = new TestRegie(regieSocket(port, token), opts.regieId ?? 'regie-test-0001', opts.autoAck ?? true);
    r.seq = opts.seq ?? 0;
    await r.resume(opts.afterHubSeq ?? 0, opts.epoch);
    return r;
  }

  /** `epoch`: the régie's (docs/standby.md), absent as an older régie sends it. */
  async resume(afterHubSeq: number, epoch?: number): Promise<ResumeAck> {
    if (!this.socket.connected) {
      await new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', reject);
      });
    }
    this.lastHubSeq = afterHubSeq;
    const ack = (await this.socket
      .timeout(20_000)
      .emitWithAck('resume', { protocol: PROTOCOL_VERSION, regieId: this.regieId, afterHubSeq, ...(epoch === undefined ? {} : { epoch }) })) as ResumeAck;
    this.resumeAck = ack;
    return ack;
  }

  ack(upTo = this.lastHubSeq): void {
    this.socket.emit('ack', { upToHubSeq: upTo });
  }

  command(command: RegieCommand | Record<string, unknown>, seq?: number): Promise<CommandAck> {
    const s = seq ?? (this.seq += 1);
    return this.socket.timeout(20_000).emitWithAck('command', { seq: s, command }) as Promise<CommandAck>;
  }

  /** Resolves once `until()` holds (checked on each delivery and presence). */
  waitFor(until: () => boolean, timeoutMs = 30_000): Promise<void> {
    if (until()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('TestRegie.waitFor : délai dépassé')), timeoutMs);
      this.waiters.push({ until, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  close(): void {
    this.socket.close();
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.until()) return true;
      w.resolve();
      return false;
    });
  }
}
