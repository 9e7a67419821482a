import { io, type Socket } from 'socket.io-client';
import type { StandbyStatus } from '../../shared/api/channel';
import type { Logger } from '../../node/log/logger';
import type { Db } from '../../node/sqlite/database';
import { parseMessage } from '../../shared/protocol/validate';
import { CopyRefused, type RegieEngine } from '../engine/regie-engine';
import type { Journal } from '../store/journal';
import type { Outbox } from '../store/outbox';
import type { Settings } from '../store/settings';
import {
  copyBatchSchema,
  type CopyBatch,
  type FollowAnswer,
  followAnswerSchema,
  isCopiedSetting,
  writeCopiedSeats,
  journalRowHash,
  lagNoticeSchema,
  type PrimaryToStandbyEvents,
  STANDBY_NAMESPACE,
  STANDBY_PROTOCOL,
  type StandbyToPrimaryEvents,
} from './standby-protocol';

type FollowerSocket = Socket<PrimaryToStandbyEvents, StandbyToPrimaryEvents>;

/** What the follower's desk shows and every command hears while it follows. */
export const FOLLOWING_REASON =
  'Régie de secours — elle suit la régie principale et ne prend aucune commande (« Prendre la main » pour la remplacer)';

export interface StandbyFollowerOptions {
  /** The primary's views address (http://192.168.1.20:4870). */
  url: string;
  token: string;
  engine: RegieEngine;
  journal: () => Journal;
  outbox: () => Outbox;
  settings: () => Settings;
  /** The database the seats are written to (a getter: the RGPD purge reopens it). */
  db: () => Db;
  /** The port this standby serves its views on: the primary's views learn it (docs/standby.md). */
  viewsPort: () => number;
  /** After a copy that replaced the seats: reload them, close the views of a token gone. */
  onSeatsCopied: () => void;
  logger: Logger;
  onStatus: () => void;
  now?: () => number;
}

/**
 * The standby's side: copies the primary's journal event by event into its own, in the engine's
 * transaction discipline, and reduces each with the same reducer. On every (re)connection it asks
 * for what follows its own last seq, proving its row there; it acknowledges each batch after its
 * own commit. A journal that does not match is refused loudly (the banner says why) and the link
 * stays down: nothing is ever merged.
 */
export class StandbyFollower {
  private socket: FollowerSocket | null = null;
  private stateValue: StandbyStatus['state'] = 'connecting';
  private since: number;
  private lagMs: number | null = null;
  private lastError: string | null = null;
  private stopped = false;
  /** The primary's views origins, as it told them (its pages move here once this régie leads). */
  private primaryOrigins: string[] = [];
  private readonly now: () => number;

  constructor(private readonly opts: StandbyFollowerOptions) {
    this.now = opts.now ?? Date.now;
    this.since = this.now();
  }

  status(epoch: number): StandbyStatus {
    return {
      role: 'follower',
      state: this.stateValue,
      lagMs: this.lagMs,
      peer: this.opts.url,
      peerViews: this.opts.url.replace(/\/$/, ''),
      since: this.since,
      epoch,
      lastError: this.lastError,
    };
  }

  start(): void {
    const socket: FollowerSocket = io(`${this.opts.url.replace(/\/$/, '')}${STANDBY_NAMESPACE}`, {
      auth: { token: this.opts.token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 250,
      reconnectionDelayMax: 2_000,
      randomizationFactor: 0.3,
      timeout: 5_000,
    });
    this.socket = socket;
    socket.on('connect', () => this.follow(socket));
    socket.on('disconnect', (reason) => {
      if (this.stateValue === 'refused') return;
      this.set('offline', `liaison avec la principale coupée (${reason})`);
    });
    socket.on('connect_error', (err) => {
      const refused = /jeton/i.test(err.message);
      if (refused) this.refuse('la principale refuse le jeton de secours (--follow-token)');
      else if (this.stateValue !== 'offline' || this.lastError === null) this.set('offline', `principale injoignable (${err.message})`);
    });
    socket.on('rows', (raw) => this.receive(socket, raw));
    socket.on('lag', (raw) => {
      const parsed = parseMessage(lagNoticeSchema, raw, 'lag');
      if (!parsed.ok) return;
      this.lagMs = parsed.value.lagMs;
      this.opts.onStatus();
    });
  }

  /** The origins of the primary's pages: the views' channel lets them in (docs/standby.md § « Les vues »). */
  peerOrigins(): string[] {
    let followed: string[] = [];
    try {
      followed = [new URL(this.opts.url).origin];
    } catch {
      // a URL that does not parse follows nothing anyway
    }
    return [...followed, ...this.primaryOrigins];
  }

  /** Stops following (a takeover, a shutdown). */
  stop(): void {
    this.stopped = true;
    this.socket?.removeAllListeners();
    this.socket?.close();
    this.socket = null;
  }

  private follow(socket: FollowerSocket): void {
    const { engine } = this.opts;
    const afterSeq = engine.seq;
    const row = afterSeq > 0 ? this.opts.journal().rowAt(afterSeq) : undefined;
    const request = {
      protocol: STANDBY_PROTOCOL,
      afterSeq,
      afterOutboxSeq: this.opts.outbox().lastSeq(),
      tail: row ? journalRowHash(row) : null,
      viewsPort: this.opts.viewsPort(),
    };
    socket.timeout(10_000).emit('follow', request, (err: Error | null, raw: FollowAnswer) => {
      if (this.stopped || socket !== this.socket) return;
      if (err) return void this.set('offline', 'la principale ne répond pas');
      const parsed = parseMessage(followAnswerSchema, raw, 'follow');
      if (!parsed.ok) return this.refuse(parsed.error.message);
      const answer = parsed.value;
      if (!answer.ok) return this.refuse(answer.error);
      this.primaryOrigins = answer.viewsOrigins ?? [];
      this.opts.logger.info('following the primary', { afterSeq, primarySeq: answer.primarySeq, epoch: answer.epoch });
      this.lagMs = null;
      this.set('following', null);
    });
  }

  private receive(socket: FollowerSocket, raw: unknown): void {
    if (this.stopped || socket !== this.socket || this.stateValue === 'refused') return;
    const parsed = parseMessage(copyBatchSchema, raw, 'rows');
    if (!parsed.ok) return this.refuse(`copie illisible : ${parsed.error.message}`);
    const batch: CopyBatch = parsed.value;
    try {
      this.opts.engine.applyCopied(batch.rows, () => this.writeBeside(batch));
    } catch (err) {
      if (err instanceof CopyRefused) return this.refuse(err.message);
      // The disk: nothing of the batch was written, and no ack; a new connection resumes from our seq.
      this.opts.logger.error('standby copy not committed', { err: String(err) });
      this.set('offline', `écriture du journal impossible : ${err instanceof Error ? err.message : String(err)}`);
      socket.disconnect().connect();
      return;
    }
    socket.emit('ack', { upToSeq: this.opts.engine.seq });
    if (batch.seats) this.opts.onSeatsCopied();
    this.lagMs = batch.lagMs;
    this.opts.onStatus();
  }

  /** In the rows' transaction: the outbox rows and settings that went with them on the primary. */
  private writeBeside(batch: CopyBatch): void {
    const outbox = this.opts.outbox();
    let last = outbox.lastSeq();
    for (const row of batch.outbox) {
      if (row.seq <= last) continue;
      if (row.seq !== last + 1) throw new CopyRefused(`commande au hub n° ${row.seq} reçue, n° ${last + 1} attendue`);
      outbox.appendCopy(row);
      last = row.seq;
    }
    const settings = this.opts.settings();
    for (const [key, value] of Object.entries(batch.settings ?? {})) if (isCopiedSetting(key)) settings.set(key, value);
    if (batch.seats) writeCopiedSeats(this.opts.db(), batch.seats);
  }

  private refuse(reason: string): void {
    this.opts.logger.error('standby refused', { reason });
    this.set('refused', reason);
    // A journal that does not match will not match on the next try: the link stays down, the banner says why.
    this.socket?.disconnect();
  }

  private set(state: StandbyStatus['state'], lastError: string | null): void {
    if (state !== this.stateValue) this.since = this.now();
    this.stateValue = state;
    this.lastError = lastError;
    this.opts.onStatus();
  }
}
