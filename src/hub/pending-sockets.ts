import type { IncomingMessage } from 'node:http';
import type { Namespace, Server } from 'socket.io';
import type { Logger } from '../node/log/logger';
import { hubError, type HubError } from '../shared/protocol/errors';

/**
 * Connections that have not joined yet, held to a number per client address and to a deadline.
 *
 * A connection costs the hub memory and a file descriptor from the moment it opens, and the
 * per-address limits of joins and ids only count what is sent: one client could hold thousands of
 * bare WebSockets that never say a word. So, per address (the proxy's X-Forwarded-For when the peer
 * is a trusted proxy), at most `perAddress` connections may wait for their `join` (the régie's
 * link waits for its token check); beyond, the one that has waited longest is closed — an honest
 * phone sends `join` the moment its socket opens and is answered within milliseconds, so the one
 * that waits is the one to drop, and a hostile client's idle sockets never lock out the phones of
 * the same venue NAT. Any connection still waiting after `deadlineMs` is closed too. A phone told
 * why (`refused` on its namespace, then the disconnection) reconnects by itself.
 *
 * Counted from the engine's connection (before any namespace), settled by the participant channel
 * on a successful join and by the régie namespace on its authenticated connection.
 */

export const PENDING_EVICTED = 'Trop de connexions en attente depuis ce réseau : la plus ancienne est fermée. Rechargez la page.';
export const PENDING_TIMED_OUT = 'Cette connexion n’a pas rejoint l’événement à temps : elle est fermée. Rechargez la page.';

/** The engine.io connection, as much of it as this needs (a namespace socket's `conn` is the same object). */
export interface EngineConnection {
  request: IncomingMessage;
  close(): void;
  once(event: 'close', listener: () => void): unknown;
}

/** A namespace socket on a connection (to tell it why it is closed). */
interface NamespaceSocket {
  conn: object;
  emit(event: 'refused', notice: { event: string; error: HubError }): unknown;
  disconnect(close?: boolean): unknown;
}

interface Pending {
  conn: EngineConnection;
  address: string;
  timer: NodeJS.Timeout;
  tell: ((error: HubError) => void) | null;
}

export interface PendingSocketsOptions {
  perAddress: number;
  deadlineMs: number;
  /** The client's address of a connection's first request (trusted proxies applied). */
  addressOf: (req: IncomingMessage) => string;
  logger: Logger;
}

export class PendingSockets {
  private readonly byConn = new Map<object, Pending>();
  /** Per address, the waiting connections in the order they came (the first is the oldest). */
  private readonly byAddress = new Map<string, Map<object, Pending>>();
  /** Connections closed since start: pushed out by a newer one from their address, or too late. */
  readonly dropped = { evicted: 0, timedOut: 0 };

  constructor(private readonly opts: PendingSocketsOptions) {}

  /** Counts every connection of `io` from its opening; the régie's namespace settles on its authenticated connection. */
  watch(io: Server, participants: Namespace, regie: Namespace): void {
    io.engine.on('connection', (conn: EngineConnection) => this.track(conn));
    participants.on('connection', (socket: NamespaceSocket) => this.attach(socket));
    regie.on('connection', (socket: NamespaceSocket) => this.settle(socket.conn));
  }

  /** This connection has joined (or is the régie's): no longer waiting. */
  settle(conn: object): void {
    const p = this.byConn.get(conn);
    if (p) this.forget(p);
  }

  /** Connections waiting now, and from how many addresses. */
  counts(): { waiting: number; addresses: number } {
    return { waiting: this.byConn.size, addresses: this.byAddress.size };
  }

  close(): void {
    for (const p of this.byConn.values()) clearTimeout(p.timer);
    this.byConn.clear();
    this.byAddress.clear();
  }

  private track(conn: EngineConnection): void {
    const address = this.opts.addressOf(conn.request);
    const timer = setTimeout(() => this.drop(conn, 'timedOut'), this.opts.deadlineMs);
    timer.unref();
    const p: Pending = { conn, address, timer, tell: null };
    this.byConn.set(conn, p);
    const mine = this.byAddress.get(address) ?? new Map<object, Pending>();
    mine.set(conn, p);
    this.byAddress.set(address, mine);
    conn.once('close', () => this.settle(conn));
    if (mine.size > this.opts.perAddress) {
      const oldest = mine.keys().next().value;
      if (oldest !== undefined) this.drop(oldest, 'evicted');
    }
  }

  private attach(socket: NamespaceSocket): void {
    const p = this.byConn.get(socket.conn);
    if (!p) return;
    p.tell = (error) => {
      socket.emit('refused', { event: 'join', error });
      socket.disconnect(true);
    };
  }

  private drop(conn: object, why: 'evicted' | 'timedOut'): void {
    const p = this.byConn.get(conn);
    if (!p) return;
    this.forget(p);
    this.dropped[why] += 1;
    // One line per address and reason a minute would be plenty; the counts go to /health and the stats line.
    if (this.dropped[why] === 1 || this.dropped[why] % 1000 === 0)
      this.opts.logger.warn(why === 'evicted' ? 'pending sockets evicted' : 'pending sockets timed out', { address: p.address, total: this.dropped[why] });
    const error = hubError(why === 'evicted' ? 'rate_limited' : 'not_joined', why === 'evicted' ? PENDING_EVICTED : PENDING_TIMED_OUT);
    if (p.tell) p.tell(error);
    else p.conn.close();
  }

  private forget(p: Pending): void {
    clearTimeout(p.timer);
    this.byConn.delete(p.conn);
    const mine = this.byAddress.get(p.address);
    mine?.delete(p.conn);
    if (mine?.size === 0) this.byAddress.delete(p.address);
  }
}
