import type { Namespace, Socket } from 'socket.io';
import type { StandbyStatus } from '../../shared/api/channel';
import type { Logger } from '../../node/log/logger';
import type { Db } from '../../node/sqlite/database';
import type { RegieEngine } from '../engine/regie-engine';
import { sameSecret } from '../server/access';
import type { Journal } from '../store/journal';
import type { Outbox } from '../store/outbox';
import { parseMessage } from '../../shared/protocol/validate';
import type { StandbyGate } from './standby-gate';
import {
  copiedSeats,
  copiedSettings,
  copyAckSchema,
  type FollowAnswer,
  followRequestSchema,
  journalRowHash,
  type PrimaryToStandbyEvents,
  type CopiedSeat,
  STANDBY_PROTOCOL,
  type StandbyToPrimaryEvents,
} from './standby-protocol';

type StandbySocket = Socket<StandbyToPrimaryEvents, PrimaryToStandbyEvents>;

/** Rows sent and not yet acknowledged, at most: a standby catching up on a long journal is fed at its own pace. */
const WINDOW = 4_000;
const BATCH = 500;
/** How often the standby hears how far behind it is (its banner), when nothing else is sent. */
const LAG_EVERY_MS = 500;

export interface StandbySourceOptions {
  engine: RegieEngine;
  gate: StandbyGate;
  /** Getters: the RGPD purge reopens the database under them. */
  db: () => Db;
  journal: () => Journal;
  outbox: () => Outbox;
  token: () => string;
  regieId: () => string | null;
  /** This régie's own views origins (loopback, LAN): its pages are let in at the standby when it leads. */
  viewsOrigins: () => string[];
  logger: Logger;
}

/**
 * The primary's side of the hot standby: one standby at a time (a new connection replaces the
 * previous one, which may not have noticed yet that its network went). It resumes the standby
 * after the standby's own last seq, once the row there is proved the same; a journal that differs
 * is refused with the reason, never merged.
 */
export class StandbySource {
  private current: StandbySocket | null = null;
  private following = false;
  private sentUpTo = 0;
  private sentOutbox = 0;
  private sentSettings = '';
  private sentSeats = '';
  /** The standby's views address (http://IP:PORT), told to this régie's views; null: none following. */
  private peerViews: string | null = null;
  private readonly lagTimer: NodeJS.Timeout;

  constructor(
    nsp: Namespace<StandbyToPrimaryEvents, PrimaryToStandbyEvents>,
    private readonly opts: StandbySourceOptions,
  ) {
    nsp.use((socket, next) => {
      const given = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof given !== 'string' || given.length > 200 || !sameSecret(given, opts.token())) {
        opts.logger.warn('standby refused: bad token', { address: socket.handshake.address });
        return next(Object.assign(new Error('jeton de secours invalide'), { data: { code: 'unauthorized' } }));
      }
      next();
    });
    nsp.on('connection', (socket) => this.onConnection(socket));
    this.lagTimer = setInterval(() => {
      if (this.current && this.following) this.current.emit('lag', { primarySeq: opts.engine.seq, lagMs: opts.gate.lagMs() });
    }, LAG_EVERY_MS);
    this.lagTimer.unref();
  }

  /** The standby as the primary's desk sees it. */
  status(epoch: number, since: number): StandbyStatus {
    const { gate } = this.opts;
    const peer = this.current && this.following ? this.current.handshake.address : null;
    return {
      role: 'primary',
      state: gate.state,
      lagMs: gate.lagMs(),
      peer,
      peerViews: peer === null ? null : this.peerViews,
      since,
      epoch,
      lastError: null,
    };
  }

  /** New rows were committed: send them. */
  kick(): void {
    this.pump();
  }

  close(): void {
    clearInterval(this.lagTimer);
    this.current?.disconnect(true);
    this.current = null;
    this.opts.gate.detach();
  }

  private onConnection(socket: StandbySocket): void {
    const previous = this.current;
    this.current = socket;
    this.following = false;
    if (previous) {
      this.opts.logger.warn('standby replaced by a new connection', { previous: previous.handshake.address });
      previous.disconnect(true);
    }
    this.opts.gate.detach();
    this.opts.logger.info('standby connected', { address: socket.handshake.address });
    socket.on('follow', (raw, answer) => {
      const reply = typeof answer === 'function' ? answer : () => undefined;
      reply(this.follow(socket, raw));
    });
    socket.on('ack', (raw) => {
      if (socket !== this.current || !this.following) return;
      const parsed = parseMessage(copyAckSchema, raw, 'ack');
      if (!parsed.ok) return;
      this.opts.gate.ack(Math.min(parsed.value.upToSeq, this.sentUpTo));
      this.pump();
    });
    socket.on('disconnect', (reason) => {
      this.opts.logger.info('standby disconnected', { reason });
      if (this.current !== socket) return;
      this.current = null;
      this.following = false;
      this.opts.gate.detach();
    });
  }

  private follow(socket: StandbySocket, raw: unknown): FollowAnswer {
    const refuse = (error: string): FollowAnswer => {
      this.opts.logger.error('standby refused', { error });
      return { ok: false, error };
    };
    if (socket !== this.current) return refuse('une autre régie de secours a pris sa place');
    const parsed = parseMessage(followRequestSchema, raw, 'follow');
    if (!parsed.ok) return refuse(parsed.error.message);
    const { protocol, afterSeq, afterOutboxSeq, tail, viewsPort } = parsed.value;
    if (protocol !== STANDBY_PROTOCOL)
      return refuse(
        `la principale parle le protocole de secours ${STANDBY_PROTOCOL}, la régie de secours le ${protocol} : mettez-les à la même version`,
      );
    const { engine } = this.opts;
    if (engine.readOnly !== null)
      return refuse('cette régie ne mène pas (elle est elle-même de secours, ou une autre a pris la main) : suivez la régie qui mène');
    if (afterSeq > engine.seq) {
      return refuse(
        `le journal de la régie de secours va plus loin que celui de la principale (n° ${afterSeq} contre n° ${engine.seq}) : ce n’est pas le même journal, rien n’est fusionné`,
      );
    }
    if (afterSeq > 0) {
      const mine = this.opts.journal().rowAt(afterSeq);
      if (!mine || journalRowHash(mine) !== tail) {
        return refuse(
          `la régie de secours a un autre événement que la principale au n° ${afterSeq} : ce ne sont pas les mêmes journaux, rien n’est fusionné (videz le dossier de données de la régie de secours pour qu’elle recopie tout)`,
        );
      }
    }
    this.following = true;
    this.sentUpTo = afterSeq;
    this.sentOutbox = afterOutboxSeq;
    this.sentSettings = '';
    this.sentSeats = '';
    this.peerViews = viewsPort === undefined ? null : viewsAddress(socket.handshake.address, viewsPort);
    this.opts.gate.attach(afterSeq);
    this.opts.logger.info('standby following', { afterSeq, primarySeq: engine.seq, address: socket.handshake.address });
    // After the answer: the rows follow it on the wire.
    setImmediate(() => this.pump());
    return {
      ok: true,
      primarySeq: engine.seq,
      epoch: this.opts.journal().lastEpoch(),
      regieId: this.opts.regieId(),
      viewsOrigins: this.opts.viewsOrigins(),
    };
  }

  /** Sends what the window allows: journal rows, and with the batch that reaches the last commit, the outbox rows and settings. */
  private pump(): void {
    const socket = this.current;
    if (!socket || !this.following) return;
    const { engine, gate } = this.opts;
    for (;;) {
      const room = WINDOW - (this.sentUpTo - gate.ackedSeq);
      const rows = this.sentUpTo < engine.seq && room > 0 ? this.opts.journal().readSome(this.sentUpTo, Math.min(BATCH, room)) : [];
      // The outbox rows are written in the same transactions as the events: sent once the events are all sent, never ahead of them.
      const reachesNow = (rows[rows.length - 1]?.seq ?? this.sentUpTo) >= engine.seq;
      const outbox = reachesNow ? this.opts.outbox().copyAfter(this.sentOutbox, 1_000) : [];
      let settings: Record<string, string> | null = null;
      let seats: CopiedSeat[] | null = null;
      if (reachesNow) {
        const now = copiedSettings(this.opts.db());
        const key = JSON.stringify(now);
        if (key !== this.sentSettings) {
          settings = now;
          this.sentSettings = key;
        }
        const seatsNow = copiedSeats(this.opts.db());
        const seatsKey = JSON.stringify(seatsNow);
        if (seatsKey !== this.sentSeats) {
          seats = seatsNow;
          this.sentSeats = seatsKey;
        }
      }
      if (rows.length === 0 && outbox.length === 0 && settings === null && seats === null) return;
      socket.emit('rows', { rows, outbox, settings, seats, primarySeq: engine.seq, lagMs: gate.lagMs() });
      this.sentUpTo = rows[rows.length - 1]?.seq ?? this.sentUpTo;
      this.sentOutbox = outbox[outbox.length - 1]?.seq ?? this.sentOutbox;
    }
  }
}

/** The standby's views address as this régie's views can reach it: its address on the link, the port it serves views on. */
export function viewsAddress(address: string, port: number): string {
  const ip = address.replace(/^::ffff:/, '');
  return `http://${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
}
