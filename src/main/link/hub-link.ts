import { io, type Socket } from 'socket.io-client';
import type { LinkStatus } from '../../shared/api/channel';
import type { RegieState } from '../../shared/api/state';
import type { AudienceBatch, AudienceMessage, Presence } from '../../shared/protocol/audience-messages';
import type { CommandAck, ResumeAck } from '../../shared/protocol/regie-commands';
import type { HubToRegieEvents, RegieToHubEvents } from '../../shared/protocol/socket-events';
import { PROTOCOL_VERSION, REGIE_NAMESPACE } from '../../shared/protocol/version';
import type { RegieEvent } from '../engine/events';
import type { RegieEngine } from '../engine/regie-engine';
import { crossRoom } from '../engine/audience-rooms';
import type { Logger } from '../../node/log/logger';
import type { Outbox } from '../store/outbox';
import { moderationLists } from '../moderation/moderation-lists';
import { questionFindings } from '../moderation/question-findings';
import { flagCloudWords } from '../moderation/word-flags';

type RegieSocket = Socket<HubToRegieEvents, RegieToHubEvents>;

/**
 * The journal event of an audience message. What a question (its text and its author's name) or
 * a word holds is found as it arrives, with the lists in force, and journaled with it.
 */
export function audienceReceived(state: RegieState, hubId: string, message: AudienceMessage): RegieEvent {
  switch (message.type) {
    case 'question.ask':
      return { type: 'audience.received', hubId, message, findings: questionFindings(message.text, message.name, moderationLists(state.moderation, state.programme)) };
    case 'words.send':
      return { type: 'audience.received', hubId, message, held: flagCloudWords(message.words, moderationLists(state.moderation, state.programme)) };
    default:
      return { type: 'audience.received', hubId, message };
  }
}

export interface HubLinkOptions {
  /** The hub's address, or a cluster's nodes' addresses separated by commas (the link fails over from one to the next). */
  url: string;
  token: string;
  /** Names this régie's database for the hub. */
  regieId: string;
  embedded: boolean;
  engine: RegieEngine;
  outbox: Outbox;
  logger: Logger;
  onStatus: (s: LinkStatus) => void;
  joinUrls: string[];
  now?: () => number;
  /** The epoch this régie leads at (docs/standby.md): its journal's last `epoch.begun`, or 0. */
  epoch?: () => number;
  /** The hub saw another régie take over (a higher epoch): the link stops; the core stops taking commands. */
  onFenced?: (why: string) => void;
}

const ACK_TIMEOUT_MS = 10_000;
const RTT_EVERY_MS = 5_000;

/**
 * The régie's side of the hub: at-least-once in, exactly-once applied. Audience messages are
 * journaled (deduplicated by msgId) and only then acknowledged; on every (re)connection the
 * régie resumes after the last message it committed. Its own commands leave the SQLite outbox
 * in seq order, one at a time, from what the hub says it applied. socket.io-client reconnects
 * with exponential backoff and jitter.
 */
export class HubLink {
  private socket: RegieSocket | null = null;
  private status: LinkStatus;
  private resumed = false;
  private flushing = false;
  private appliedSeq = 0;
  private chain: Promise<void> = Promise.resolve();
  private rttTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The hub's database id, from the last resume: audience messages are journaled with it. */
  private knownHubId: string | null = null;
  private readonly now: () => number;
  /** The hub, or a cluster's nodes: the link talks to one at a time. */
  private readonly urls: string[];
  private urlIndex = 0;
  /** Nodes tried in a row without a resume (a whole round of them: the next waits longer). */
  private failures = 0;
  private failoverTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: HubLinkOptions) {
    this.now = opts.now ?? Date.now;
    this.urls = hubUrls(opts.url);
    this.status = {
      state: 'connecting',
      since: this.now(),
      hubUrl: this.urls[0] ?? opts.url,
      embedded: opts.embedded,
      rttMs: null,
      outboxPending: opts.outbox.unacked(),
      hubBacklog: null,
      participants: { room: 0, remote: 0 },
      eventCode: null,
      joinUrls: opts.joinUrls,
      lastError: null,
    };
  }

  get current(): LinkStatus {
    return this.status;
  }

  start(): void {
    this.open();
    this.rttTimer = setInterval(() => this.probe(), RTT_EVERY_MS);
    this.rttTimer.unref();
  }

  /** A cluster: several nodes to fail over between (socket.io's own reconnection stays on one address). */
  private get cluster(): boolean {
    return this.urls.length > 1;
  }

  private open(): void {
    const url = this.urls[this.urlIndex] ?? this.opts.url;
    const socket: RegieSocket = io(`${url}${REGIE_NAMESPACE}`, {
      auth: { token: this.opts.token },
      transports: ['websocket'],
      reconnection: !this.cluster,
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    this.socket = socket;
    if (this.status.hubUrl !== url) this.update({ hubUrl: url });
    socket.on('connect', () => this.resume());
    socket.on('disconnect', (reason) => {
      this.resumed = false;
      this.update({ state: 'offline', since: this.now(), lastError: `lien coupé (${reason})` });
      if (reason !== 'io client disconnect') this.failover(`lien coupé (${reason})`);
    });
    socket.on('connect_error', (err) => {
      const refused = /jeton|token|unauthor/i.test(err.message);
      if (this.status.state !== 'offline' && this.status.state !== 'refused') this.update({ state: refused ? 'refused' : 'offline', since: this.now() });
      this.update({ lastError: refused ? 'le hub refuse le jeton de la régie' : `hub injoignable (${err.message})` });
      this.failover(err.message);
    });
    socket.on('audience', (batch) => this.receive(batch));
    socket.on('presence', (p: Presence) => this.update({ participants: presenceCounts(p) }));
    socket.on('refused', (r) => this.opts.logger.warn('hub refused a régie message', { event: r.event, error: r.error.message }));
  }

  /**
   * On a cluster, the node the link was talking to is gone (or never answered): the next one,
   * at once while there are nodes not tried yet, then after a growing pause (0.5 s, doubling up
   * to 10 s). The resume there starts after the last message committed, as with one hub.
   */
  private failover(why: string): void {
    if (!this.cluster || this.stopped || this.failoverTimer) return;
    const old = this.socket;
    old?.removeAllListeners();
    old?.close();
    const from = this.urls[this.urlIndex];
    this.urlIndex = (this.urlIndex + 1) % this.urls.length;
    this.failures += 1;
    const rounds = Math.floor(this.failures / this.urls.length);
    const delay = rounds === 0 ? 0 : Math.min(10_000, 500 * 2 ** (rounds - 1)) * (0.75 + Math.random() * 0.5);
    this.opts.logger.warn('hub node lost, failing over', { from, to: this.urls[this.urlIndex], why, delayMs: Math.round(delay) });
    this.failoverTimer = setTimeout(() => {
      this.failoverTimer = null;
      if (!this.stopped) this.open();
    }, delay);
    this.failoverTimer.unref();
  }

  /** New outbox rows were committed: send them if the link is up. */
  kick(): void {
    this.update({ outboxPending: this.opts.outbox.unacked() });
    void this.flush();
  }

  /** The embedded hub was just restarted: try now rather than at socket.io's next backoff step (up to 10 s). */
  retryNow(): void {
    const socket = this.socket;
    if (!socket || this.stopped || socket.connected) return;
    if (this.cluster) return this.failover('nouvel essai demandé');
    socket.disconnect().connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.rttTimer) clearInterval(this.rttTimer);
    if (this.failoverTimer) clearTimeout(this.failoverTimer);
    this.socket?.close();
    await this.chain;
  }

  private update(patch: Partial<LinkStatus>): void {
    this.status = { ...this.status, ...patch };
    this.opts.onStatus(this.status);
  }

  private resume(): void {
    const socket = this.socket;
    if (!socket) return;
    const cursor = this.opts.engine.state.hubCursor;
    const epoch = this.opts.epoch?.() ?? 0;
    const msg = {
      protocol: PROTOCOL_VERSION,
      regieId: this.opts.regieId,
      afterHubSeq: cursor.lastHubSeq,
      ...(cursor.hubId ? { hubId: cursor.hubId } : {}),
      ...(epoch > 0 ? { epoch } : {}),
    };
    const sentAt = this.now();
    socket.timeout(ACK_TIMEOUT_MS).emit('resume', msg, (err: Error | null, ack: ResumeAck) => {
      if (!err && !ack.ok && ack.error.code === 'fenced') {
        // Another régie leads now: trying again would not change it (docs/standby.md).
        this.opts.logger.error('hub fenced this régie off', { why: ack.error.message });
        this.stopped = true;
        this.update({ state: 'refused', since: this.now(), lastError: ack.error.message });
        socket.close();
        this.opts.onFenced?.(ack.error.message);
        return;
      }
      if (err || !ack.ok) {
        const why = err ? 'pas de réponse du hub' : ack.ok ? '' : ack.error.message;
        this.opts.logger.warn('hub resume failed', { why });
        this.update({ state: 'offline', since: this.now(), lastError: `reprise refusée : ${why}` });
        if (this.cluster) return this.failover(`reprise refusée : ${why}`);
        socket.disconnect();
        if (!this.stopped) setTimeout(() => socket.connect(), 2_000).unref();
        return;
      }
      if (socket !== this.socket) return;
      this.failures = 0;
      this.resumed = true;
      this.knownHubId = ack.hubId;
      this.appliedSeq = ack.appliedSeq;
      const sameHub = cursor.hubId === ack.hubId;
      this.opts.logger.info('hub link up', { hubId: ack.hubId, hubSeq: ack.hubSeq, after: sameHub ? cursor.lastHubSeq : 0, appliedSeq: ack.appliedSeq });
      this.update({
        state: 'online',
        since: this.now(),
        rttMs: this.now() - sentAt,
        eventCode: ack.eventCode,
        hubBacklog: Math.max(0, ack.hubSeq - (sameHub ? cursor.lastHubSeq : 0)),
        lastError: null,
      });
      void this.flush();
    });
  }

  /** Journals a batch (each message once), then acknowledges it. Batches are handled in order. */
  private receive(batch: AudienceBatch): void {
    const socket = this.socket;
    this.chain = this.chain.then(async () => {
      const { engine } = this.opts;
      const hubId = this.knownHubId ?? engine.state.hubCursor.hubId ?? 'inconnu';
      const results = await Promise.all(
        batch.messages.map((message) =>
          engine.submitSystem(
            'audience',
            (state) => {
              // Journaled anyway; the reducer leaves it out of the counts (audience-rooms.ts).
              const stray = crossRoom(state, message);
              if (stray) this.opts.logger.warn('audience message from another room, not counted', { msgId: message.msgId, why: stray });
              return [audienceReceived(state, hubId, message)];
            },
            `aud:${message.msgId}`,
          ),
        ),
      );
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) {
        // Not committed: no ack. The hub sends them again after the next resume.
        this.opts.logger.error('audience batch not committed', { error: failed.error.message });
        socket?.disconnect().connect();
        return;
      }
      const upTo = batch.messages[batch.messages.length - 1]?.hubSeq ?? 0;
      if (socket?.connected) socket.emit('ack', { upToHubSeq: upTo });
      const backlog = this.status.hubBacklog;
      if (backlog !== null) this.update({ hubBacklog: Math.max(0, backlog - batch.messages.length) });
    });
  }

  /** Sends the outbox after the hub's appliedSeq, one command at a time, in order. */
  private async flush(): Promise<void> {
    if (this.flushing || !this.resumed || !this.socket?.connected) return;
    this.flushing = true;
    try {
      for (;;) {
        const row = this.opts.outbox.after(this.appliedSeq, 1)[0];
        if (!row || !this.resumed || !this.socket?.connected) break;
        const sentAt = this.now();
        let ack: CommandAck;
        try {
          ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { seq: row.seq, command: JSON.parse(row.command) as unknown })) as CommandAck;
        } catch {
          break; // no answer: the next resume says where the hub is
        }
        this.update({ rttMs: this.now() - sentAt });
        if (!ack.ok && ack.error.code !== 'out_of_order') {
          this.opts.logger.warn('hub refused a régie command', { seq: row.seq, error: ack.error.message });
        }
        this.appliedSeq = ack.appliedSeq;
        this.opts.outbox.ackUpTo(ack.appliedSeq, this.now());
        this.update({ outboxPending: this.opts.outbox.unacked() });
      }
    } finally {
      this.flushing = false;
    }
    // A resume may have come while this flush was waiting: it returned at once, so go on from here.
    if (this.resumed && this.socket?.connected && this.opts.outbox.after(this.appliedSeq, 1).length > 0) setTimeout(() => void this.flush(), 50).unref();
  }

  private probe(): void {
    const socket = this.socket;
    if (!socket?.connected || !this.resumed) return;
    // A safety net: if a flush ended while the link was flapping, what is left goes now, not at the next commit.
    if (this.opts.outbox.after(this.appliedSeq, 1).length > 0) void this.flush();
    const sentAt = this.now();
    socket.timeout(ACK_TIMEOUT_MS).emit('rtt', (err: Error | null) => {
      if (!err) this.update({ rttMs: this.now() - sentAt });
    });
  }
}

/** `--hub-url`: one address, or a cluster's nodes separated by commas (without their trailing slash). */
export function hubUrls(url: string): string[] {
  const urls = url
    .split(',')
    .map((u) => u.trim().replace(/\/$/, ''))
    .filter((u) => u.length > 0);
  return urls.length > 0 ? urls : [url];
}

/** The hub's presence as the link status carries it: the totals, and each room's when the hub sends them. */
export function presenceCounts(p: Presence): LinkStatus['participants'] {
  const rooms = p.rooms ? Object.fromEntries(Object.entries(p.rooms).map(([id, c]) => [id, { room: c.room, remote: c.remote }])) : undefined;
  return rooms ? { room: p.room, remote: p.remote, rooms } : { room: p.room, remote: p.remote };
}
