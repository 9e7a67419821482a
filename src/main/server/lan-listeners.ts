import type { Server as HttpServer } from 'node:http';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * The core's views on the venue network, switched on and off while it runs. The core always
 * listens on 127.0.0.1; opening to the LAN adds one listener per address of this machine on the
 * venue network (same port), whose connections go to the same HTTP server (the views, the routes
 * and socket.io: every token check is the same). Closing removes those listeners, cuts the
 * connections they accepted, and takes their addresses out of the allowed Host and Origin
 * headers: nothing reaches the core from the network any more.
 *
 * One listener per address rather than one on 0.0.0.0: a wildcard cannot be bound next to the
 * loopback listener on the same port (Linux refuses it), and rebinding the loopback one would drop
 * the desk on this machine.
 */

/** This machine's IPv4 addresses on a network (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export interface LanFailure {
  address: string;
  /** In French, for the desk. */
  message: string;
}

export interface LanListenersView {
  open: boolean;
  /** The addresses listened on now, in the machine's order. */
  addresses: string[];
  /** Addresses that could not be listened on (a port taken there…). */
  failed: LanFailure[];
  /** Connections accepted from the network and still open (pages, assets, views). */
  connections: number;
  /** Of those, the live views (upgraded to a WebSocket): the tablets and projectors open now. */
  views: number;
}

export interface LanListenersOptions {
  http: HttpServer;
  port: () => number;
  /** The Host / Origin names the views accept: the LAN addresses are added and removed here. */
  allowedHosts: Set<string>;
  addresses?: () => string[];
}

interface Listener {
  server: NetServer;
  sockets: Set<Socket>;
}

/** The connections an HTTP server upgraded (to WebSocket), weakly: a closed one is forgotten with it. */
function upgradedOf(http: HttpServer): WeakSet<object> {
  const upgraded = new WeakSet<object>();
  http.prependListener('upgrade', (_req, socket) => upgraded.add(socket));
  return upgraded;
}

function failure(address: string, port: number, err: NodeJS.ErrnoException): LanFailure {
  if (err.code === 'EADDRINUSE') return { address, message: `le port ${port} est déjà pris sur ${address} par un autre programme` };
  if (err.code === 'EADDRNOTAVAIL') return { address, message: `l’adresse ${address} n’est plus celle de cet ordinateur` };
  return { address, message: `écoute impossible sur ${address} (${err.code ?? err.message})` };
}

export class LanListeners {
  private readonly listeners = new Map<string, Listener>();
  private failed: LanFailure[] = [];
  private wanted = false;
  /** Changes run one after the other (two desks switching at once). */
  private queue: Promise<void> = Promise.resolve();

  private readonly upgraded: WeakSet<object>;

  constructor(private readonly opts: LanListenersOptions) {
    this.upgraded = upgradedOf(opts.http);
  }

  /** Listens on every LAN address of the moment (again: an address that appeared since is added). */
  open(): Promise<LanListenersView> {
    return this.reconcile(true);
  }

  /** Stops listening on the network and cuts what came from it. */
  close(): Promise<LanListenersView> {
    return this.reconcile(false);
  }

  /** When open: follows the machine's addresses (a cable plugged in, a Wi-Fi joined since). */
  refresh(): Promise<LanListenersView> {
    return this.reconcile();
  }

  view(): LanListenersView {
    let connections = 0;
    let views = 0;
    for (const l of this.listeners.values()) {
      connections += l.sockets.size;
      for (const s of l.sockets) if (this.upgraded.has(s)) views += 1;
    }
    return { open: this.wanted, addresses: [...this.listeners.keys()], failed: [...this.failed], connections, views };
  }

  /** The addresses listened on now (for the seats' addresses and the views' access). */
  ips(): string[] {
    return [...this.listeners.keys()];
  }

  /** `open` given: switches, in the order asked; absent: follows the addresses. */
  private reconcile(open?: boolean): Promise<LanListenersView> {
    const run = this.queue.then(async () => {
      if (open !== undefined) this.wanted = open;
      const want = this.wanted ? new Set((this.opts.addresses ?? lanAddresses)()) : new Set<string>();
      for (const [address, listener] of [...this.listeners]) if (!want.has(address)) await this.unbind(address, listener);
      this.failed = [];
      for (const address of want) if (!this.listeners.has(address)) await this.bind(address);
      return this.view();
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private bind(address: string): Promise<void> {
    const port = this.opts.port();
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      // The same HTTP server as on loopback: the same Host/Origin checks, tokens and routes.
      this.opts.http.emit('connection', socket);
    });
    return new Promise<void>((resolve) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        this.failed.push(failure(address, port, err));
        resolve();
      });
      server.listen(port, address, () => {
        this.listeners.set(address, { server, sockets });
        this.opts.allowedHosts.add(address);
        resolve();
      });
    });
  }

  private unbind(address: string, listener: Listener): Promise<void> {
    this.listeners.delete(address);
    this.opts.allowedHosts.delete(address);
    return new Promise<void>((resolve) => {
      listener.server.close(() => resolve());
      for (const socket of listener.sockets) socket.destroy();
    });
  }
}
