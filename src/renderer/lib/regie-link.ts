import type { Socket } from 'socket.io-client';
import type { CoreStatus, RoomPresence, ServerToViewEvents, Snapshot, ViewAuth, ViewToServerEvents } from '../../shared/api/channel';
import { chooseRegie, isObeyed, type Sighting, sightingOf } from './regie-choice';

export type CoreSocket = Socket<ServerToViewEvents, ViewToServerEvents>;

/** The message the core's middleware sends back for a wrong token. */
export const REFUSED_MESSAGE = 'jeton invalide';

export interface RegieLinkHandlers {
  snapshot: (s: Snapshot) => void;
  patch: (p: unknown, socket: CoreSocket) => void;
  status: (s: CoreStatus) => void;
  presence: (p: unknown) => void;
  connection: (state: 'online' | 'offline' | 'refused') => void;
  /** The view moved to another régie (its address). */
  moved?: (address: string) => void;
  /**
   * Other events a régie pushes to its views (by name): passed on like a patch, from the régie the
   * view shows and obeys only.
   */
  extra?: Record<string, (payload: unknown) => void>;
  /** What the view learned (to keep across a reload of the page: see `remembered`). */
  learned?: (m: Remembered) => void;
}

/** What a view knows of the régies beyond its page's own address, kept across a reload of the page. */
export interface Remembered {
  highestEpoch: number;
  addresses: string[];
}

export interface RegieLinkOptions {
  /** The page's own régie (window.location.origin). */
  home: string;
  auth: ViewAuth;
  /** Opens a socket.io link to an address (socket.io-client's io, with the view's options). */
  open: (address: string, auth: ViewAuth) => CoreSocket;
  handlers: RegieLinkHandlers;
  /** Whether a status pushed by a régie is well formed (link-status's isCoreStatus; given, so that Node runs this file too). */
  isStatus: (x: unknown) => x is CoreStatus;
  /** What this page learned before a reload: a page reloaded on an old primary still knows the higher epoch. */
  remembered?: Remembered | null;
}

interface Link {
  socket: CoreSocket;
  /** The last snapshot this link gave (delivered when the view moves onto it). */
  snapshot: Snapshot | null;
}

/**
 * A view's link to the régies (docs/standby.md § « Les vues »): its page's own, and the other one
 * each status names. It shows one (`current`) and, while that one is not a régie it wants (gone,
 * fenced, a follower it was not opened on), keeps a second link open to the other; it moves as soon
 * as the other leads at an epoch at least as high as any it has seen. Nothing from a régie it does
 * not obey reaches the view (fencing at the view).
 */
export class RegieLink {
  private readonly links = new Map<string, Link>();
  private readonly sightings: Record<string, Sighting> = {};
  private readonly addresses: string[];
  private currentAddress: string;
  private highest = 0;
  private closed = false;

  constructor(private readonly opts: RegieLinkOptions) {
    this.addresses = [opts.home];
    this.currentAddress = opts.home;
    const before = opts.remembered;
    if (before) {
      this.highest = Number.isInteger(before.highestEpoch) && before.highestEpoch > 0 ? before.highestEpoch : 0;
      for (const a of before.addresses) if (/^https?:\/\//.test(a) && !this.addresses.includes(a)) this.addresses.push(a);
    }
    this.reconsider();
  }

  get current(): string {
    return this.currentAddress;
  }

  get highestEpoch(): number {
    return this.highest;
  }

  /** The socket of the régie the view shows now (commands go there). */
  socket(): CoreSocket | null {
    return this.links.get(this.currentAddress)?.socket ?? null;
  }

  /** Whether the view may act on what the current régie says now. */
  obeysCurrent(): boolean {
    return isObeyed(this.sightings[this.currentAddress] ?? { kind: 'unknown' }, this.highest);
  }

  close(): void {
    this.closed = true;
    for (const link of this.links.values()) link.socket.close();
    this.links.clear();
  }

  private see(address: string, sighting: Sighting): void {
    this.sightings[address] = sighting;
    if (sighting.kind === 'seen' && sighting.role !== 'fenced' && sighting.epoch > this.highest) {
      this.highest = sighting.epoch;
      this.tell();
    }
  }

  private learn(status: CoreStatus): void {
    const peer = status.standby?.peerViews;
    if (typeof peer === 'string' && /^https?:\/\//.test(peer) && !this.addresses.includes(peer)) {
      this.addresses.push(peer);
      this.tell();
    }
  }

  private tell(): void {
    this.opts.handlers.learned?.({ highestEpoch: this.highest, addresses: this.addresses.slice(1) });
  }

  private reconsider(): void {
    if (this.closed) return;
    const before = this.currentAddress;
    const { use, probe } = chooseRegie({
      addresses: this.addresses,
      home: this.opts.home,
      current: this.currentAddress,
      sightings: this.sightings,
      highestEpoch: this.highest,
    });
    this.currentAddress = use;
    const wanted = new Set([use, ...(probe === null ? [] : [probe])]);
    for (const [address, link] of this.links) {
      if (wanted.has(address)) continue;
      link.socket.close();
      this.links.delete(address);
    }
    for (const address of wanted) if (!this.links.has(address)) this.links.set(address, this.openLink(address));
    if (use === before) return;
    this.opts.handlers.moved?.(use);
    const link = this.links.get(use)!;
    if (link.snapshot && this.obeysCurrent()) {
      this.opts.handlers.snapshot(link.snapshot);
      // The patches it sent while it was not shown went nowhere: a fresh snapshot follows.
      link.socket.emit('resync');
    }
    this.opts.handlers.connection(link.socket.connected && this.obeysCurrent() ? 'online' : 'offline');
  }

  private openLink(address: string): Link {
    const socket = this.opts.open(address, this.opts.auth);
    const link: Link = { socket, snapshot: null };
    const isCurrent = () => this.links.get(this.currentAddress) === link;
    const heard = (status: CoreStatus) => {
      this.see(address, sightingOf(status));
      if (isObeyed(this.sightings[address]!, this.highest)) this.learn(status);
    };

    socket.on('connect', () => {
      if (isCurrent() && this.obeysCurrent()) this.opts.handlers.connection('online');
    });
    socket.on('disconnect', (reason) => {
      if (isCurrent()) this.opts.handlers.connection('offline');
      // The core closed the socket itself (restart, shutdown): socket.io will not retry on its own.
      if (reason === 'io server disconnect') setTimeout(() => !this.closed && socket.connect(), 1000);
    });
    socket.on('connect_error', (err) => {
      const refused = err.message === REFUSED_MESSAGE;
      this.see(address, { kind: refused ? 'refused' : 'unreachable' });
      if (refused) {
        socket.disconnect();
        // The other régie may not have the seats yet (a standby that has not copied them): asked again later.
        if (address !== this.opts.home) setTimeout(() => !this.closed && socket.connect(), 5000);
      }
      if (isCurrent()) this.opts.handlers.connection(refused ? 'refused' : 'offline');
      this.reconsider();
    });
    socket.on('snapshot', (snapshot) => {
      link.snapshot = snapshot;
      const wasCurrent = isCurrent();
      heard(snapshot.status);
      this.reconsider();
      // Moved onto it just now: reconsider() gave the view this snapshot already.
      if (!wasCurrent || !isCurrent() || !this.obeysCurrent()) return;
      this.opts.handlers.snapshot(snapshot);
      this.opts.handlers.connection('online');
    });
    socket.on('status', (status) => {
      if (!this.opts.isStatus(status)) return;
      heard(status);
      this.reconsider();
      if (isCurrent() && this.obeysCurrent()) this.opts.handlers.status(status);
    });
    socket.on('patch', (patch) => {
      if (isCurrent() && this.obeysCurrent()) this.opts.handlers.patch(patch, socket);
    });
    socket.on('presence', (presence: RoomPresence | null) => {
      if (isCurrent() && this.obeysCurrent()) this.opts.handlers.presence(presence);
    });
    const loose = socket as unknown as { on: (event: string, fn: (payload: unknown) => void) => void };
    for (const [event, handle] of Object.entries(this.opts.handlers.extra ?? {})) {
      loose.on(event, (payload) => {
        if (isCurrent() && this.obeysCurrent()) handle(payload);
      });
    }
    return link;
  }
}
