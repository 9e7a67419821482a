import { io, type Socket } from 'socket.io-client';
import { type AudienceState, applyPatch, type JoinAck } from '../../shared/protocol/audience-state';
import type { Ack } from '../../shared/protocol/errors';
import type { Origin } from '../../shared/protocol/fields';
import type { HubToParticipantEvents, ParticipantToHubEvents } from '../../shared/protocol/socket-events';
import { PARTICIPANT_NAMESPACE, PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { MessageKind } from './stats';

type HubSocket = Socket<HubToParticipantEvents, ParticipantToHubEvents>;

export type SendResult = { kind: 'ack'; ack: Ack; ms: number } | { kind: 'lost' };

export interface SimParticipantHooks {
  onJoined(p: SimParticipant, ack: Extract<JoinAck, { ok: true }>, first: boolean): void;
  onJoinRefused(p: SimParticipant, code: string): void;
  onDisconnect(p: SimParticipant): void;
  /** Every answer (or its absence), first sends and resends alike. */
  onResult(p: SimParticipant, event: MessageKind, body: Record<string, unknown>, result: SendResult, clientMsgId: string): void;
  /** Only for the participant that watches the state (one is enough). */
  onState?(state: AudienceState): void;
  now(): number;
}

/**
 * One synthetic phone on the hub: socket.io over WebSocket, `join` on every (re)connection, one
 * message in flight at a time like the page, and what it did (its vote per poll, its words, its
 * upvotes). Messages without an answer are resent with the same clientMsgId after the next join.
 */
export class SimParticipant {
  joined = false;
  everJoined = false;
  busy = false;
  closed = false;
  readonly votes = new Map<string, string>();
  readonly words = new Map<string, Set<string>>();
  readonly upvoted = new Set<string>();
  private readonly unanswered = new Map<string, { event: MessageKind; msg: Record<string, unknown> }>();
  private counter = 0;
  private state: AudienceState | null = null;
  readonly socket: HubSocket;

  constructor(
    url: string,
    private readonly eventCode: string,
    readonly participantId: string,
    readonly origin: Origin,
    private readonly ackTimeoutMs: number,
    private readonly hooks: SimParticipantHooks,
    private readonly watchState: boolean,
    /** The room it joins and, for the « in the room » share, the room's presence key. */
    private readonly place: { room?: string; key?: string } = {},
  ) {
    this.socket = io(`${url}${PARTICIPANT_NAMESPACE}`, {
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    this.socket.on('connect', () => this.join());
    this.socket.on('disconnect', () => {
      if (this.joined) hooks.onDisconnect(this);
      this.joined = false;
    });
    if (watchState) {
      this.socket.on('state', (s) => this.setState(s));
      this.socket.on('patch', (p) => {
        if (this.state && p.fromRev === this.state.rev) this.setState(applyPatch(this.state, p));
        else if (!this.state || p.rev > this.state.rev) this.socket.emit('resync');
      });
    }
  }

  start(): void {
    this.socket.connect();
  }

  private setState(s: AudienceState): void {
    this.state = s;
    this.hooks.onState?.(s);
  }

  private join(): void {
    const msg = {
      eventCode: this.eventCode,
      participantId: this.participantId,
      origin: this.origin,
      ...this.place,
      lang: 'fr' as const,
      protocol: PROTOCOL_VERSION,
    };
    this.socket.timeout(this.ackTimeoutMs).emit('join', msg, (err, ack) => {
      if (this.closed) return;
      if (err) {
        this.hooks.onJoinRefused(this, 'timeout');
        return this.retryJoin();
      }
      if (!ack.ok) {
        this.hooks.onJoinRefused(this, ack.error.code);
        if (ack.error.code === 'rate_limited' || ack.error.code === 'busy' || ack.error.code === 'unavailable') this.retryJoin();
        else this.close();
        return;
      }
      const first = !this.everJoined;
      this.joined = true;
      this.everJoined = true;
      if (this.watchState) this.setState(ack.state);
      if (ack.mine.vote) this.votes.set(ack.mine.vote.pollId, JSON.stringify(ack.mine.vote.choices ?? ack.mine.vote.rating));
      for (const id of ack.mine.upvoted) this.upvoted.add(id);
      this.hooks.onJoined(this, ack, first);
      void this.resendUnanswered();
    });
  }

  private retryJoin(): void {
    setTimeout(
      () => {
        if (!this.closed && this.socket.connected && !this.joined) this.join();
      },
      500 + Math.floor(Math.random() * 1500),
    ).unref();
  }

  private async resendUnanswered(): Promise<void> {
    for (const [id, m] of [...this.unanswered]) {
      if (!this.joined || this.busy) return;
      this.unanswered.delete(id);
      await this.send(m.event, m.msg, id);
    }
  }

  /** Sends one message and waits for its answer (or gives up after the timeout: kept for a resend). */
  send(event: MessageKind, body: Record<string, unknown>, clientMsgId?: string): Promise<SendResult> {
    const id = clientMsgId ?? `s${(this.counter += 1)}`;
    const msg = { ...body, clientMsgId: id };
    const t0 = this.hooks.now();
    this.busy = true;
    return new Promise((resolve) => {
      this.socket.timeout(this.ackTimeoutMs).emit(event, msg, (err: Error | null, ack: Ack) => {
        this.busy = false;
        let result: SendResult;
        if (err) {
          if (!this.closed) this.unanswered.set(id, { event, msg: body });
          result = { kind: 'lost' };
        } else result = { kind: 'ack', ack, ms: this.hooks.now() - t0 };
        this.hooks.onResult(this, event, body, result, id);
        resolve(result);
      });
    });
  }

  close(): void {
    this.closed = true;
    this.joined = false;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
