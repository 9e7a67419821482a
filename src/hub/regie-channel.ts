import type { Namespace, Socket } from 'socket.io';
import { timingSafeEqual } from 'node:crypto';
import type { AudienceMessage, Presence } from '../shared/protocol/audience-messages';
import { hubError, type HubError } from '../shared/protocol/errors';
import {
  regieAckMessageSchema,
  regieCommandSchema,
  regieCommandTypes,
  regieEnvelopeSchema,
  resumeMessageSchema,
  type ResumeMessage,
} from '../shared/protocol/regie-commands';
import type { CommandAck, ResumeAck } from '../shared/protocol/regie-commands';
import type { HubToRegieEvents, RegieToHubEvents } from '../shared/protocol/socket-events';
import { parseMessage } from '../shared/protocol/validate';
import { PROTOCOL_VERSION } from '../shared/protocol/version';
import type { Logger } from '../node/log/logger';
import { brandingProblem } from './branding';
import type { HubStorage } from './hub-storage';
import type { PresenceCounter } from './presence';

type RegieSocket = Socket<RegieToHubEvents, HubToRegieEvents>;
export type RegieNamespace = Namespace<RegieToHubEvents, HubToRegieEvents>;

export interface RegieChannelDeps {
  storage: HubStorage;
  /** On a cluster node, the whole cluster's. */
  presence: Pick<PresenceCounter, 'counts' | 'byRoom'>;
  token: string;
  eventCode: string;
  hubId: string;
  window: number;
  batch: number;
  presenceIntervalMs: number;
  logger: Logger;
}

export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length > 500) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/regie`: the régie's link, behind its token. One régie at a time (a new connection that resumes
 * replaces the previous one, which may not have noticed yet that its network went); a régie at a
 * lower epoch than the highest seen is refused at `resume` (fencing, docs/standby.md). After `resume`, the hub
 * streams the backlog after `afterHubSeq` in `audience` batches, keeping at most `window` messages
 * unacknowledged; each `ack` moves the window and lets the backlog be pruned.
 */
export class RegieChannel {
  private current: RegieSocket | null = null;
  private resumed = false;
  /** Last hubSeq sent on the current connection, and last acknowledged by the régie. */
  private sentUpTo = 0;
  private ackedUpTo = 0;
  private lastPresence = '';
  /** The régie's acknowledged position; written to the database at most once per presence tick. */
  private acked: number;
  private ackedSaved: number;
  private readonly timer: NodeJS.Timeout;
  /** A read of the backlog is under way; `pumpAgain`: something asked for more meanwhile. */
  private pumping = false;
  private pumpAgain = false;
  /** Bumped by each resume: a read started before it is not sent. */
  private generation = 0;

  constructor(
    readonly nsp: RegieNamespace,
    private readonly deps: RegieChannelDeps,
  ) {
    nsp.use((socket, next) => {
      if (!sameSecret((socket.handshake.auth as { token?: unknown } | undefined)?.token, deps.token)) {
        deps.logger.warn('régie refused: bad token', { address: socket.handshake.address });
        return next(Object.assign(new Error('jeton de régie invalide'), { data: { code: 'unauthorized' } }));
      }
      next();
    });
    nsp.on('connection', (socket) => this.onConnection(socket));
    this.acked = deps.storage.savedAck();
    this.ackedSaved = this.acked;
    this.timer = setInterval(() => {
      this.sendPresence(false);
      this.saveAck();
      // A cluster node hears of other nodes' messages by a notice that a Redis blip may lose: look again.
      this.pump();
    }, deps.presenceIntervalMs);
    this.timer.unref();
  }

  get connected(): boolean {
    return this.current !== null && this.resumed;
  }

  /** The highest hubSeq the régie acknowledged (it committed everything up to it). */
  ackedHubSeq(): number {
    return this.acked;
  }

  close(): void {
    clearInterval(this.timer);
    this.saveAck();
  }

  /**
   * The acknowledged position only decides what may be pruned (the régie resumes from its own
   * position): losing the last second of it in a crash keeps a few more rows, nothing else.
   */
  private saveAck(): void {
    if (this.acked === this.ackedSaved) return;
    const upTo = this.acked;
    this.deps.storage.saveAck(upTo).then(
      () => (this.ackedSaved = Math.max(this.ackedSaved, upTo)),
      (err: unknown) => this.deps.logger.error('could not save the régie ack', { err: String(err) }),
    );
  }

  /** Sends what the window allows. Called after each commit, resume and ack (reads one at a time, in order). */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.pumpLoop()
      .catch((err: unknown) => this.deps.logger.error('could not read the backlog', { err: String(err) }))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async pumpLoop(): Promise<void> {
    for (;;) {
      this.pumpAgain = false;
      const socket = this.current;
      if (!socket || !this.resumed) return;
      const room = Math.min(this.deps.batch, this.deps.window - (this.sentUpTo - this.ackedUpTo));
      if (room <= 0 || this.sentUpTo >= this.deps.storage.hubSeq) return;
      const { generation } = this;
      const messages: AudienceMessage[] = await this.deps.storage.readAfter(this.sentUpTo, room);
      // A resume (or another connection) came during the read: its position wins, read again from it.
      if (generation !== this.generation || socket !== this.current) continue;
      if (messages.length === 0) return;
      socket.emit('audience', { messages });
      this.sentUpTo = messages[messages.length - 1]?.hubSeq ?? this.sentUpTo;
    }
  }

  private onConnection(socket: RegieSocket): void {
    // It replaces the current régie only once its `resume` is accepted (a fenced one never does).
    this.deps.logger.info('régie connected', { address: socket.handshake.address });
    socket.onAny((event: unknown, ...args: unknown[]) => this.handle(socket, event, args));
    socket.on('disconnect', (reason) => {
      this.deps.logger.info('régie disconnected', { reason });
      if (this.current === socket) {
        this.current = null;
        this.resumed = false;
      }
    });
  }

  /** A resumed régie takes the place of the previous connection, which may not have noticed yet that its network went. */
  private takePlace(socket: RegieSocket): void {
    const previous = this.current;
    this.current = socket;
    this.resumed = false;
    this.generation += 1;
    if (previous && previous !== socket) {
      this.deps.logger.warn('régie replaced by a new connection', { previous: previous.id, next: socket.id });
      previous.disconnect(true);
    }
  }

  private handle(socket: RegieSocket, event: unknown, args: unknown[]): void {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: ResumeAck | CommandAck) => void) : null;
    const payload = args[0];
    const refuseWith = (error: HubError) => {
      if (ack) ack(event === 'resume' ? { ok: false, error } : { ok: false, appliedSeq: this.deps.storage.appliedSeq, error });
      else socket.emit('refused', { event: typeof event === 'string' ? event.slice(0, 60) : typeof event, error });
    };
    if (event === 'resume') return this.resume(socket, payload, refuseWith, ack as ((r: ResumeAck) => void) | null);
    if (socket !== this.current) return refuseWith(hubError('unavailable', 'une autre connexion de la régie a pris la main'));
    // Round-trip probe for the régie's link status: answers the hub's clock, changes nothing.
    if (event === 'rtt') return ack ? (ack as unknown as (t: number) => void)(Date.now()) : undefined;
    if (event === 'ack') {
      if (!this.resumed) return refuseWith(hubError('not_resumed', 'envoyez d’abord « resume »'));
      return this.ack(payload, refuseWith);
    }
    if (event === 'command') {
      if (!this.resumed) return refuseWith(hubError('not_resumed', 'envoyez d’abord « resume »'));
      return this.command(payload, refuseWith, ack as ((r: CommandAck) => void) | null);
    }
    refuseWith(hubError('unknown_event', `événement inconnu : « ${typeof event === 'string' ? event.slice(0, 60) : typeof event} »`));
  }

  private resume(socket: RegieSocket, raw: unknown, refuseWith: (e: HubError) => void, ack: ((r: ResumeAck) => void) | null): void {
    const parsed = parseMessage(resumeMessageSchema, raw, 'resume');
    if (!parsed.ok) return refuseWith(parsed.error);
    if (parsed.value.protocol !== PROTOCOL_VERSION) {
      return refuseWith(
        hubError(
          'version',
          `ce hub parle le protocole ${PROTOCOL_VERSION}, la régie le ${parsed.value.protocol} : mettez-les à la même version`,
        ),
      );
    }
    // Fencing (docs/standby.md): a régie at a lower epoch than the highest seen was taken over from.
    // The highest epoch lives in the storage (on a cluster: in Redis, raised atomically), so every node fences alike.
    const epoch = parsed.value.epoch ?? 0;
    void this.deps.storage.admitEpoch(epoch).then(
      (highest) => {
        if (highest !== null) {
          this.deps.logger.warn('régie refused: lower epoch', { epoch, highest, address: socket.handshake.address });
          return refuseWith(hubError('fenced', `une autre régie a pris la main (époque ${highest} ; celle-ci en est à l’époque ${epoch})`));
        }
        if (!socket.connected) return;
        this.resumeAdmitted(socket, parsed.value, refuseWith, ack);
      },
      (err: unknown) => {
        this.deps.logger.error('régie resume failed', { err: String(err) });
        refuseWith(hubError('unavailable', 'le hub ne peut pas lire son état : réessayez'));
      },
    );
  }

  /** The rest of a resume, once its epoch is admitted: it takes the place of the previous connection. */
  private resumeAdmitted(socket: RegieSocket, value: ResumeMessage, refuseWith: (e: HubError) => void, ack: ((r: ResumeAck) => void) | null): void {
    const { regieId, hubId } = value;
    this.takePlace(socket);
    // A position on another hub's database means nothing here: start from the beginning.
    const afterHubSeq = hubId !== undefined && hubId !== this.deps.hubId ? 0 : value.afterHubSeq;
    const { storage } = this.deps;
    void (async () => {
      const appliedSeq = await storage.submitResume(regieId);
      const hubSeq = await storage.latestHubSeq();
      const oldest = await storage.oldestHubSeq();
      return { appliedSeq, hubSeq, oldest };
    })().then(
      ({ appliedSeq, hubSeq, oldest }) => {
        if (socket !== this.current) return;
        const from = Math.min(afterHubSeq, hubSeq);
        this.generation += 1;
        this.sentUpTo = from;
        this.ackedUpTo = from;
        this.resumed = true;
        if (afterHubSeq <= hubSeq) this.recordAck(from);
        ack?.({
          ok: true,
          protocol: PROTOCOL_VERSION,
          hubId: this.deps.hubId,
          eventCode: this.deps.eventCode,
          hubSeq,
          oldestHubSeq: oldest ?? hubSeq + 1,
          appliedSeq,
        });
        this.sendPresence(true);
        this.pump();
      },
      (err: unknown) => {
        this.deps.logger.error('régie resume failed', { err: String(err) });
        refuseWith(hubError('unavailable', 'le hub ne peut pas lire son état : réessayez'));
      },
    );
  }

  private ack(raw: unknown, refuseWith: (e: HubError) => void): void {
    const parsed = parseMessage(regieAckMessageSchema, raw, 'ack');
    if (!parsed.ok) return refuseWith(parsed.error);
    const upTo = Math.min(parsed.value.upToHubSeq, this.sentUpTo);
    if (upTo > this.ackedUpTo) this.ackedUpTo = upTo;
    this.recordAck(upTo);
    this.pump();
  }

  private recordAck(upTo: number): void {
    if (upTo > this.acked) this.acked = upTo;
  }

  private command(raw: unknown, refuseWith: (e: HubError) => void, ack: ((r: CommandAck) => void) | null): void {
    const envelope = parseMessage(regieEnvelopeSchema, raw, 'command');
    if (!envelope.ok) return refuseWith(envelope.error);
    const { seq, command } = envelope.value;
    const type = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
    let content: ReturnType<typeof regieCommandSchema.parse> | HubError;
    if (typeof type !== 'string' || !(regieCommandTypes as readonly string[]).includes(type)) {
      content = hubError('invalid', `commande inconnue : ${typeof type === 'string' ? `« ${type.slice(0, 60)} »` : '(aucun type)'}`);
    } else {
      const parsed = parseMessage(regieCommandSchema, command, type);
      content = parsed.ok ? parsed.value : parsed.error;
      // The look on the phones: colours the page can use, a logo that is the image it says.
      if (parsed.ok && parsed.value.type === 'branding.set' && parsed.value.branding)
        content = brandingProblem(parsed.value.branding) ?? parsed.value;
    }
    void this.deps.storage.submitRegie(seq, content).then((r) => {
      if (!r.ok && r.error.code !== 'out_of_order') this.deps.logger.warn('régie command refused', { seq, error: r.error.message });
      ack?.(r);
    });
  }

  private sendPresence(force: boolean): void {
    if (!this.current || !this.resumed) return;
    const counts = this.deps.presence.counts();
    // Per room once the régie sent its rooms (a régie of before rooms would not read the field).
    const rooms = this.deps.storage.board.roomList.length > 0 ? { rooms: this.deps.presence.byRoom() } : {};
    const key = JSON.stringify([counts, rooms]);
    if (!force && key === this.lastPresence) return;
    this.lastPresence = key;
    const presence: Presence = { ...counts, at: Date.now(), ...rooms };
    this.current.emit('presence', presence);
  }
}
