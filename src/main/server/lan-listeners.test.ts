import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAllowedHost } from './access';
import { LanListeners } from './lan-listeners';

// The listener logic on loopback aliases (127.0.0.2, 127.0.0.3: Linux answers on all of 127/8), so
// it runs on any machine; the real venue address is tested in tests/integration/lan-switch.test.ts.

let http: Server;
let lan: LanListeners | null = null;
const blockers: NetServer[] = [];
const hosts = new Set(['127.0.0.1', 'localhost']);

function startHttp(): Promise<number> {
  http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const allowed = isAllowedHost(req.headers.host, hosts, (http.address() as { port: number }).port);
    res.end(allowed ? `hello ${req.socket.localAddress}` : 'refused');
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve((http.address() as { port: number }).port)));
}

function get(address: string, port: number): Promise<string> {
  return fetch(`http://${address}:${port}/`).then((r) => r.text());
}

function refused(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, address);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

afterEach(async () => {
  await lan?.close();
  lan = null;
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
  await new Promise((r) => http.close(r));
  hosts.clear();
  hosts.add('127.0.0.1').add('localhost');
});

describe('LanListeners', () => {
  it('listens on each address while open, with the same HTTP server and Host check; closed, nothing answers there', async () => {
    const port = await startHttp();
    lan = new LanListeners({ http, port: () => port, allowedHosts: hosts, addresses: () => ['127.0.0.2', '127.0.0.3'] });
    expect(await refused('127.0.0.2', port)).toBe('ECONNREFUSED');

    const opened = await lan.open();
    expect(opened).toMatchObject({ open: true, addresses: ['127.0.0.2', '127.0.0.3'], failed: [] });
    expect(await get('127.0.0.2', port)).toBe('hello 127.0.0.2');
    expect(await get('127.0.0.3', port)).toBe('hello 127.0.0.3');
    expect([...hosts]).toEqual(['127.0.0.1', 'localhost', '127.0.0.2', '127.0.0.3']);

    // A connection held open from the network is cut when the switch closes (fetch keeps its own too).
    const held: Socket = connect(port, '127.0.0.2');
    await new Promise((r) => held.once('connect', r));
    await new Promise((r) => setTimeout(r, 20));
    expect(lan.view().connections).toBeGreaterThanOrEqual(1);
    const cut = new Promise((r) => held.once('close', r));

    const closed = await lan.close();
    await cut;
    expect(closed).toMatchObject({ open: false, addresses: [], connections: 0 });
    expect(await refused('127.0.0.2', port)).toBe('ECONNREFUSED');
    expect([...hosts]).toEqual(['127.0.0.1', 'localhost']);
    // Loopback keeps working throughout.
    expect(await get('127.0.0.1', port)).toBe('hello 127.0.0.1');
  });

  it('follows the machine’s addresses when refreshed, and says which address it could not listen on', async () => {
    const port = await startHttp();
    let addresses = ['127.0.0.2'];
    lan = new LanListeners({ http, port: () => port, allowedHosts: hosts, addresses: () => addresses });
    await lan.open();
    // Another program holds the port on 127.0.0.4.
    const blocker = createNetServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.4', r));
    addresses = ['127.0.0.3', '127.0.0.4'];
    const view = await lan.refresh();
    expect(view.addresses).toEqual(['127.0.0.3']);
    expect(view.failed).toEqual([{ address: '127.0.0.4', message: `le port ${port} est déjà pris sur 127.0.0.4 par un autre programme` }]);
    expect(await refused('127.0.0.2', port)).toBe('ECONNREFUSED');
    expect(await get('127.0.0.3', port)).toBe('hello 127.0.0.3');
    expect(hosts.has('127.0.0.4')).toBe(false);
  });

  it('opens and closes in the order asked, even when asked at once', async () => {
    const port = await startHttp();
    lan = new LanListeners({ http, port: () => port, allowedHosts: hosts, addresses: () => ['127.0.0.2'] });
    const [a, b, c] = await Promise.all([lan.open(), lan.close(), lan.open()]);
    expect([a.open, b.open, c.open]).toEqual([true, false, true]);
    expect(c.addresses).toEqual(['127.0.0.2']);
    expect(await get('127.0.0.2', port)).toBe('hello 127.0.0.2');
  });
});
